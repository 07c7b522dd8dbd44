#!/usr/bin/env bash
# Counts caption rule violations: each caption style that fits an input's language (netflix-en,
# bbc and vertical for English, netflix-ja, netflix-zh, netflix-ko) against the API-parity
# greedy mode given the same limits, on the shared fixtures (every stt/*.json and tts/*.json)
# and on generated multi-speaker transcripts, with and without the artifacts of real responses
# (generate_transcript.py --artifacts: standalone and glued punctuation, overlong items,
# collapsed runs, 1 ms items). Prints one table; run from the package root.
#
# Columns: cues; hard violations (lint's hard rules); soft ones (reading speed / minimum
# duration / line-break + bad-break, with any other soft rule in the total); punct, cues whose
# text is only punctuation; 1-word, the hard violations a single word forces (a line that is
# one word wider than the limit), which the caption styles may not avoid; hard by rule, the hard
# violations per lint rule.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product scribekit >/dev/null
bin="$(swift build -c release --show-bin-path)/scribekit"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fixtures="${SCRIBEKIT_FIXTURES:-../shared/fixtures}"

python3 scripts/generate_transcript.py --words 3000 --seed 7 --speakers 3 > "$work/generated-en.json"
python3 scripts/generate_transcript.py --words 3000 --seed 7 --speakers 2 --language ja > "$work/generated-ja.json"
python3 scripts/generate_transcript.py --words 3000 --seed 7 --speakers 3 --artifacts \
  > "$work/generated-en-artifacts.json"
python3 scripts/generate_transcript.py --words 3000 --seed 7 --speakers 2 --language ja --artifacts \
  > "$work/generated-ja-artifacts.json"

# The caption styles for a transcript's language: its language_code, else its script.
styles_for() {
  python3 - "$1" <<'PY'
import json, sys
data = json.load(open(sys.argv[1]))
code = (data.get("language_code") or "").lower() if isinstance(data, dict) else ""
if isinstance(data, dict) and "words" in data:
    text = "".join(w.get("text", "") for w in data["words"])
elif isinstance(data, dict):
    alignment = data.get("alignment") or data.get("normalized_alignment") or data
    text = "".join(alignment.get("characters", []))
else:
    text = ""
if not code:
    kana = sum("\u3040" <= c <= "\u30ff" for c in text)
    han = sum("\u4e00" <= c <= "\u9fff" for c in text)
    hangul = sum("\uac00" <= c <= "\ud7a3" for c in text)
    code = "ja" if kana else "zh" if han else "ko" if hangul else "en"
styles = {"ja": "netflix-ja", "jpn": "netflix-ja", "zh": "netflix-zh", "zho": "netflix-zh",
          "cmn": "netflix-zh", "ko": "netflix-ko", "kor": "netflix-ko"}
print(styles.get(code, "netflix-en bbc vertical"))
PY
}

inputs=()
for file in "$work"/generated-en.json "$work"/generated-ja.json "$work"/generated-en-artifacts.json \
  "$work"/generated-ja-artifacts.json "$fixtures"/stt/*.json "$fixtures"/tts/*.json; do
  [ -f "$file" ] || continue
  for style in $(styles_for "$file"); do inputs+=("$file:$style"); done
done

printf '%-40s %-11s %-6s %6s %6s   %-58s %6s %6s   %s\n' input preset mode cues hard \
  "soft (reading-speed / min-duration / line-break+bad-break)" punct 1-word "hard by rule"
for entry in "${inputs[@]}"; do
  file="${entry%%:*}"; preset="${entry##*:}"
  # The style's limits, for the greedy mode: characters per line, lines, duration, pause.
  case "$preset" in
    netflix-en) line=42; lines=2; dur=7; pause=1.5 ;;
    netflix-ja) line=13; lines=2; dur=7; pause=1.5 ;;
    netflix-zh) line=16; lines=2; dur=7; pause=1.5 ;;
    netflix-ko) line=16; lines=2; dur=7; pause=1.5 ;;
    bbc) line=37; lines=2; dur=7; pause=1.5 ;;
    vertical) line=24; lines=1; dur=2.5; pause=1 ;;
  esac
  "$bin" convert "$file" --preset "$preset" -o "$work/ours.srt" --force -q
  "$bin" convert "$file" --max-characters-per-line "$line" --max-segment-chars $((line * lines)) \
    --max-segment-duration-s "$dur" --segment-on-silence-longer-than-s "$pause" -o "$work/greedy.srt" \
    --force -q
  for mode in greedy ours; do
    "$bin" lint "$work/$mode.srt" --preset "$preset" --json > "$work/$mode.lint.json" || true
    python3 - "$work/$mode.lint.json" "$work/$mode.srt" "$(basename "$file")" "$preset" "$mode" <<'PY'
import json, sys, unicodedata
report = json.load(open(sys.argv[1]))
s = report["summary"]
violations = report["violations"]
hard = sum(1 for v in violations if v["hard"])
soft_total = sum(1 for v in violations if not v["hard"])
soft = (s.get("reading-speed", 0), s.get("min-duration", 0),
        s.get("line-break", 0) + s.get("bad-break", 0))

def punctuation_only(text):
    return all(unicodedata.category(c).startswith("P") or c.isspace() for c in text)

def is_unit(c):
    return "\u3000" <= c <= "\u9fff" or "\uf900" <= c <= "\uffef" or "\uac00" <= c <= "\ud7a3"

# The SRT's cues: their text lines.
blocks = [b.split("\n") for b in open(sys.argv[2], encoding="utf-8").read().strip().split("\n\n")]
cues = [b[2:] for b in blocks if len(b) >= 2 and "-->" in b[1]]
punct = sum(1 for lines in cues if punctuation_only(" ".join(lines)))

def one_word(line):
    """A line that is one word: no space and at most one CJK character once punctuation goes."""
    letters = "".join(c for c in line if not unicodedata.category(c).startswith("P"))
    return letters.strip() != "" and not any(c.isspace() for c in letters.strip()) \
        and sum(is_unit(c) for c in letters) <= 1

forced = 0
for v in violations:
    if v["rule"] == "max-characters-per-line" and 0 < v["cue"] <= len(cues):
        number = int(v["detail"].split()[1]) - 1
        lines = cues[v["cue"] - 1]
        if number < len(lines) and one_word(lines[number]):
            forced += 1
by_rule = {}
for v in violations:
    if v["hard"]:
        by_rule[v["rule"]] = by_rule.get(v["rule"], 0) + 1
rules = ", ".join(f"{rule} {count}" for rule, count in sorted(by_rule.items()))
print(f"{sys.argv[3][:40]:<40} {sys.argv[4]:<11} {sys.argv[5]:<6} {report['cues']:>6} {hard:>6}   "
      f"{f'{soft_total} ({soft[0]} / {soft[1]} / {soft[2]})':<58} {punct:>6} {forced:>6}   {rules}")
PY
  done
done
