#!/usr/bin/env bash
# Runs ClaudBot's whole test suite on a fresh Debian machine.
#
# Installs what the tests need from Debian packages when it is missing (that part needs root or
# sudo), then runs `dotnet test` over the solution. Extra arguments go to `dotnet test`, e.g.
#   ./test.sh --filter "FullyQualifiedName~Engine"
set -euo pipefail
cd "$(dirname "$0")"

# Debian packages the tests use. The Redis and cluster suites start their own redis-server on free
# loopback ports (the system service is not needed); the terminal chat's tests type into it through a
# tmux pseudo-terminal; the SSH suite runs a real sshd in a network namespace (openssh-server, iproute2);
# the dashboard's browser test drives Debian's chromium through Playwright (no browser download).
packages=(redis-server tmux openssh-server iproute2 chromium)

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "test.sh: installing ${missing[*]} (needs root or sudo)"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

if ! command -v dotnet >/dev/null 2>&1; then
  echo "test.sh: the .NET 10 SDK is required (https://dot.net); 'dotnet' is not on PATH." >&2
  exit 1
fi

dotnet test ClaudBot.sln --configuration Release "$@"
