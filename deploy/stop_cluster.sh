#!/usr/bin/env bash
# Stops the cluster (queued and running jobs resume after the next start).
exec "$(dirname "${BASH_SOURCE[0]}")/claudbot.sh" say "stop cluster" --yes
