#!/usr/bin/env bash
# Publishes claudbot, with claudbot-node in node/ beside it, for linux-x64 and osx-arm64: framework-dependent
# (the .NET 10 runtime is needed on the machine), into artifacts/publish/<rid> and artifacts/claudbot-<version>-<rid>.tar.gz.
# Checks each launcher's file format, and runs the linux-x64 one (a backtest in process, and doctor's node check).
# The osx-arm64 build is never run here (see the README's "The client on macOS").
# Usage: deploy/publish.sh          (PUBLISH=DIR to publish elsewhere)
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
publish="${PUBLISH:-$repo/artifacts/publish}"
version="$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' "$repo/Directory.Build.props" | head -1)"

fail() { echo "publish.sh: FAILED: $*" >&2; exit 1; }

# The first bytes of a launcher, in hex: ELF on Linux; on macOS a 64-bit Mach-O (cffaedfe) for CPU type arm64 (0c000001).
magic() { od -An -tx1 -N"$2" "$1" | tr -d ' \n'; }

rm -rf "$publish"
for rid in linux-x64 osx-arm64; do
  out="$publish/$rid"
  start=$SECONDS
  dotnet publish "$repo/src/ClaudBot" -c Release -r "$rid" --self-contained false -o "$out" --nologo -v quiet
  echo "publish.sh: took $((SECONDS - start)) s: publish $rid" >&2

  [ ! -e "$out/node/publish" ] || fail "$rid: node/ carries the node's own publish folder"
  for file in claudbot claudbot.dll appsettings.json intents/intent_patterns.yaml data/TCS.csv node/claudbot-node.dll node/claudbot-node.runtimeconfig.json node/data/TCS.csv; do
    [ -f "$out/$file" ] || fail "$rid: $file is missing from $out"
  done
  # The semantic tier's native ONNX Runtime for this platform only; the node carries none.
  case "$rid" in
    linux-*) [ -f "$out/libonnxruntime.so" ] || fail "$rid: libonnxruntime.so is missing" ;;
    osx-*)   [ -f "$out/libonnxruntime.dylib" ] || fail "$rid: libonnxruntime.dylib is missing" ;;
  esac
  [ -z "$(find "$out/node" -name '*onnxruntime*' -o -name 'SentenceTransformers*')" ] || fail "$rid: node/ carries the semantic tier"
  case "$rid" in
    linux-*) [ "$(magic "$out/claudbot" 4)" = "7f454c46" ] || fail "$rid: claudbot is not an ELF file" ;;
    osx-*)   [ "$(magic "$out/claudbot" 8)" = "cffaedfe0c000001" ] || fail "$rid: claudbot is not an arm64 Mach-O file" ;;
  esac
  tar -czf "$repo/artifacts/claudbot-$version-$rid.tar.gz" -C "$out" .
  echo "publish.sh: $rid in $out ($(du -sh "$out" | cut -f1)), artifacts/claudbot-$version-$rid.tar.gz ($(du -h "$repo/artifacts/claudbot-$version-$rid.tar.gz" | cut -f1))"
done

# The Linux build runs here: a backtest (no node needed) and doctor finding node/ of the same version.
home="$(mktemp -d "${TMPDIR:-/tmp}/claudbot-publish.XXXXXX")"
trap 'rm -rf "$home"' EXIT
out="$(CLAUDBOT_HOME="$home" "$publish/linux-x64/claudbot" backtest rsi TCS 2022-01-01 2022-12-31)" || fail "the published claudbot's backtest exited $?: $out"
grep -q "TCS" <<<"$out" || fail "the published claudbot's backtest printed no TCS row: $out"
out="$(CLAUDBOT_HOME="$home" "$publish/linux-x64/claudbot" intent --json "power the cluster off")" || fail "the published claudbot's intent exited $?: $out"
grep -q '"source":"semantic"' <<<"$out" || fail "the published claudbot gave no semantic reading: $out"
# doctor exits 1 here (no node runs); its node program line is what is checked.
out="$(CLAUDBOT_HOME="$home" "$publish/linux-x64/claudbot" doctor || true)"
grep -Eq "^  node program +ok +claudbot-node $version in .*/node$" <<<"$out" || fail "doctor on the published claudbot: $out"
echo "publish.sh: ok"
