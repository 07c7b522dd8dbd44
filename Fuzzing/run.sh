#!/usr/bin/env bash
# Builds the libFuzzer target and runs it on every reader for SECONDS each (default 60), with a
# corpus seeded from the samples, the hand-built test inputs and (when present) the shared
# fixtures. Crashes are saved under Fuzzing/findings/; the script exits 1 if there is one.
#   Fuzzing/run.sh [SECONDS] [TARGETS]   e.g. Fuzzing/run.sh 1800 "stt tts stream segmented subtitles"
# With FUZZ_RUNS=N set, each target instead runs exactly N inputs from a fixed seed: the same
# inputs every time, which is what CI's smoke run uses.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
seconds="${1:-60}"
targets="${2:-stt tts stream segmented subtitles}"
swift build -c release --package-path "$here" >/dev/null
binary="$here/.build/release/scribekit-fuzz"
mkdir -p "$here/findings"
# The system's typesetting libraries (PDF) keep caches until exit; see the file.
export LSAN_OPTIONS="suppressions=$here/lsan-suppressions.txt:print_suppressions=0${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
status=0
for target in $targets; do
  corpus="$here/.corpus/$target"
  mkdir -p "$corpus"
  case "$target" in
    subtitles) seeds="$root/Samples/*.srt $root/Samples/*.vtt $root/Tests/ScribeKitTests/Golden/srt/*.srt" ;;
    stream) seeds="$root/Tests/ScribeKitTests/Inputs/*.ndjson" ;;
    *) seeds="$root/Samples/*.json $root/Tests/ScribeKitTests/Inputs/*.json $root/../shared/fixtures/*/*.json $root/../shared/fixtures/engines/*/*.json" ;;
  esac
  for seed in $seeds; do [ -f "$seed" ] && cp "$seed" "$corpus/" || true; done
  if [ -n "${FUZZ_RUNS:-}" ]; then echo "== $target: $FUZZ_RUNS inputs" >&2; else echo "== $target: $seconds s" >&2; fi
  if [ -n "${FUZZ_RUNS:-}" ]; then limit=(-runs="$FUZZ_RUNS" -seed=1); else limit=(-max_total_time="$seconds"); fi
  if ! SCRIBEKIT_FUZZ_TARGET="$target" "$binary" "$corpus" "${limit[@]}" -max_len=65536 \
      -timeout=10 -rss_limit_mb=4096 -artifact_prefix="$here/findings/$target-" -print_final_stats=1 \
      2>"$here/findings/$target.log"; then
    status=1
    tail -30 "$here/findings/$target.log" >&2
  fi
  grep -E "stat::number_of_executed_units|stat::peak_rss_mb" "$here/findings/$target.log" | sed "s/^/$target /" >&2 || true
done
exit $status
