#!/usr/bin/env bash
# The guide's setup, as `claudbot setup`: WORKER_HOST and WORKER_USER (environment or .env) name the server; extra options pass through (see claudbot setup --help).
exec "$(dirname "${BASH_SOURCE[0]}")/claudbot.sh" setup "$@"
