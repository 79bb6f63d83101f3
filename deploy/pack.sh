#!/usr/bin/env bash
# Packs claudbot and claudbot-node as .NET tools into artifacts/packages (git-ignored), installs both from that
# folder into a temporary tool path, and runs one real request through the installed commands: a backtest
# (which starts the node from the package's node/ folder), doctor, stop, and claudbot-node's version.
# Everything the installed program stores goes to a temporary CLAUDBOT_HOME, on free loopback ports.
# Usage: deploy/pack.sh          (PACKAGES=DIR to pack elsewhere; REUSE_PACKAGES=1 to test what is already there)
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
packages="${PACKAGES:-$repo/artifacts/packages}"
version="$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' "$repo/Directory.Build.props" | head -1)"
work="$(mktemp -d "${TMPDIR:-/tmp}/claudbot-pack.XXXXXX")"
tools="$work/tools"

step() { printf '\npack.sh: %s\n' "$*"; }
timed() { local start=$SECONDS; "$@"; echo "pack.sh: took $((SECONDS - start)) s: $*" >&2; }
fail() { echo "pack.sh: FAILED: $*" >&2; exit 1; }

cleanup() {
  # A node the smoke test started must not outlive it; 'stop' is tried even when an assertion failed.
  [ -x "$tools/claudbot" ] && "$tools/claudbot" stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

# A loopback port nobody listens on, so a node already running on this machine (6399, 3000) is never touched.
free_port() {
  local port
  for _ in $(seq 50); do
    port=$((20000 + RANDOM % 40000))
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
  done
  fail "no free loopback port"
}

step "packing claudbot and claudbot-node $version into $packages"
if [ "${REUSE_PACKAGES:-}" != 1 ]; then
  rm -rf "$packages"
  timed dotnet pack "$repo/src/ClaudBot.Node" -c Release -o "$packages" --nologo -v quiet
  timed dotnet pack "$repo/src/ClaudBot" -c Release -o "$packages" --nologo -v quiet
fi
ls -l "$packages"

step "installing both from $packages into $tools"
# --source: only the local folder, so what is tested is what was just packed, never a registry's package of that name.
timed dotnet tool install --tool-path "$tools" --source "$packages" --version "$version" claudbot
timed dotnet tool install --tool-path "$tools" --source "$packages" --version "$version" claudbot-node

export CLAUDBOT_HOME="$work/home"
CLAUDBOT_Redis__EmbeddedPort="$(free_port)"
CLAUDBOT_Dashboard__Url="http://127.0.0.1:$(free_port)"
export CLAUDBOT_Redis__EmbeddedPort CLAUDBOT_Dashboard__Url

step "one real request through the installed claudbot (home $CLAUDBOT_HOME)"
start=$SECONDS
out="$("$tools/claudbot" say "backtest rsi on TCS 2021-2022")" || fail "claudbot say exited $?: $out"
echo "$out"
echo "pack.sh: took $((SECONDS - start)) s: claudbot say" >&2
grep -q "Cluster started on this machine" <<<"$out" || fail "say did not start the node from the package"
grep -Eq "Job [a-z0-9]+ completed in " <<<"$out" || fail "say did not complete a job"
grep -Eq "Top [0-9]+ by Sharpe" <<<"$out" || fail "say printed no summary"

out="$("$tools/claudbot" doctor)" || fail "claudbot doctor exited $?: $out"
echo "$out"
grep -Eq "^  node +ok +up: driver PID [0-9]+" <<<"$out" || fail "doctor did not see the running node"
grep -Eq "^  node program +ok +claudbot-node $version in .*/node$" <<<"$out" || fail "doctor did not find the package's node/"

out="$("$tools/claudbot" stop)" || fail "claudbot stop exited $?: $out"
echo "$out"
grep -q "Cluster stopped" <<<"$out" || fail "stop did not stop the node"

# The semantic tier's model and ONNX Runtime's native library load from the installed tool (runtimes/<rid>/native).
out="$("$tools/claudbot" intent --json "power the cluster off")" || fail "claudbot intent exited $?: $out"
echo "$out"
grep -q '"source":"semantic"' <<<"$out" || fail "the installed claudbot gave no semantic reading: $out"

out="$("$tools/claudbot-node" version)" || fail "claudbot-node version exited $?"
[ "$out" = "claudbot-node $version" ] || fail "claudbot-node version printed '$out', expected 'claudbot-node $version'"
echo "$out"

step "ok: packages in $packages"
