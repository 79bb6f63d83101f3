#!/usr/bin/env bash
# Runs the claudbot CLI with the given arguments: an installed `claudbot` on PATH if there is one, otherwise
# this checkout's src/ClaudBot through `dotnet run` (built in Release on first use). The other scripts call this.
set -euo pipefail
if command -v claudbot >/dev/null 2>&1; then
  exec claudbot "$@"
fi
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
exec dotnet run --project "$repo/src/ClaudBot" -c Release -- "$@"
