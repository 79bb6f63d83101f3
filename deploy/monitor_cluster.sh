#!/usr/bin/env bash
# The cluster's status block; --watch refreshes it every 2 s.
exec "$(dirname "${BASH_SOURCE[0]}")/claudbot.sh" monitor "$@"
