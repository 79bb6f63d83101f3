#!/usr/bin/env bash
# Runs ClaudBot's tests.
#
#   ./test.sh           the whole suite, as CI runs it (.ci/run): first installs the Debian packages the
#                       real-server tests need when they are missing, saying which and why (that step needs
#                       root or sudo), then runs `dotnet test` over the solution.
#   ./test.sh --quick   the inner loop: no root, no installs, no servers. Leaves out the tests marked
#                       [Trait("Category", "RealServer")]; a test that tries to start a server without the
#                       mark fails and says so (CLAUDBOT_TEST_QUICK, see tests/ClaudBot.Testing/QuickRun.cs).
#
# Other arguments go to `dotnet test`; a --filter is combined with --quick's, e.g.
#   ./test.sh --quick --filter "FullyQualifiedName~Engine"
set -euo pipefail
cd "$(dirname "$0")"

quick=false
filter=""
args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) quick=true ;;
    --filter) filter="${2:?--filter needs an expression}"; shift ;;
    --filter=*) filter="${1#--filter=}" ;;
    *) args+=("$1") ;;
  esac
  shift
done

if ! command -v dotnet >/dev/null 2>&1; then
  echo "test.sh: the .NET 10 SDK is required (https://dot.net); 'dotnet' is not on PATH." >&2
  exit 1
fi

if $quick; then
  export CLAUDBOT_TEST_QUICK=1
  filter="Category!=RealServer${filter:+&($filter)}"
else
  unset CLAUDBOT_TEST_QUICK

  # The Debian packages the real-server tests use, each with the reason, said before anything is installed.
  packages=(
    "redis-server|the Redis and cluster suites start their own redis-server on free loopback ports (the system service is not used)"
    "tmux|the terminal chat's tests type into the chat through a tmux pseudo-terminal"
    "openssh-server|the SSH suite runs a real sshd for the ssh target and 'claudbot setup'"
    "iproute2|the SSH suite puts that sshd in a network namespace of its own (ip netns, a veth pair)"
    "chromium|the dashboard's browser test drives Debian's chromium through Playwright (no browser download)"
  )
  missing=()
  for entry in "${packages[@]}"; do
    package="${entry%%|*}"
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
      missing+=("$package")
      [ ${#missing[@]} -gt 1 ] || echo "test.sh: installing the Debian packages the real-server tests need (root or sudo; './test.sh --quick' needs none):"
      echo "  $package: ${entry#*|}"
    fi
  done
  if [ ${#missing[@]} -gt 0 ]; then
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
  fi
fi

# A safety net under the tests' own temporary homes: anything that forgets one writes here, never into your
# ~/.config, ~/.local/share or ~/.local/state.
CLAUDBOT_HOME="$(mktemp -d "${TMPDIR:-/tmp}/claudbot-test-home.XXXXXX")"
export CLAUDBOT_HOME
trap 'rm -rf "$CLAUDBOT_HOME"' EXIT

# A test that hangs is stopped after 5 minutes and named in the output (the blame collector), so a run can never
# sit until CI's limit without saying which test held it; the longest test here takes about 90 s.
dotnet test ClaudBot.sln --configuration Release --blame-hang-timeout 5m --blame-hang-dump-type none \
  ${filter:+--filter "$filter"} ${args[@]+"${args[@]}"}
