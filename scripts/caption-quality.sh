#!/usr/bin/env bash
# Counts caption rule violations: ScribeKit's caption style (netflix-en, or netflix-ja for
# Japanese) against the API-parity greedy mode given the same limits, on the shared fixtures
# and on generated multi-speaker transcripts. Prints one table; run from the package root.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product scribekit >/dev/null
bin="$(swift build -c release --show-bin-path)/scribekit"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

python3 scripts/generate_transcript.py --words 3000 --seed 7 --speakers 3 > "$work/generated-en.json"
python3 scripts/generate_transcript.py --words 3000 --seed 7 --speakers 2 --language ja > "$work/generated-ja.json"
inputs=("$work/generated-en.json:netflix-en" "$work/generated-ja.json:netflix-ja")
for f in ../shared/fixtures/stt/english-monologue.json ../shared/fixtures/stt/docs-example-scribe-v1.json \
  ../shared/fixtures/tts/english-alignment-leading-whitespace.json; do
  [ -f "$f" ] && inputs+=("$f:netflix-en")
done
[ -f ../shared/fixtures/stt/mandarin-mixed-script.json ] && inputs+=("../shared/fixtures/stt/mandarin-mixed-script.json:netflix-zh")

printf '%-40s %-11s %-6s %6s %6s   %s\n' input preset mode cues hard "soft (reading-speed / min-duration / line-break+bad-break)"
for entry in "${inputs[@]}"; do
  file="${entry%%:*}"; preset="${entry##*:}"
  case "$preset" in
    netflix-en) line=42; dur=7 ;;
    netflix-ja) line=13; dur=7 ;;
    netflix-zh) line=16; dur=7 ;;
  esac
  "$bin" convert "$file" --preset "$preset" -o "$work/ours.srt" --force -q
  "$bin" convert "$file" --max-characters-per-line "$line" --max-segment-chars $((line * 2)) \
    --max-segment-duration-s "$dur" --segment-on-silence-longer-than-s 1.5 -o "$work/greedy.srt" --force -q
  for mode in greedy ours; do
    "$bin" lint "$work/$mode.srt" --preset "$preset" --json > "$work/$mode.lint.json" || true
    python3 - "$work/$mode.lint.json" "$(basename "$file")" "$preset" "$mode" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
s = report["summary"]
hard = sum(s[k] for k in ("max-lines", "max-characters-per-line", "max-duration", "min-gap", "malformed"))
soft = (s["reading-speed"], s["min-duration"], s["line-break"] + s["bad-break"])
print(f"{sys.argv[2][:40]:<40} {sys.argv[3]:<11} {sys.argv[4]:<6} {report['cues']:>6} {hard:>6}   {sum(soft)} ({soft[0]} / {soft[1]} / {soft[2]})")
PY
  done
done
