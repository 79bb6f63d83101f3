#!/usr/bin/env bash
# Starts the cluster on the server set up by setup_ssh_cluster.sh.
exec "$(dirname "${BASH_SOURCE[0]}")/claudbot.sh" say "start cluster"
