#!/usr/bin/env bash
# Times Python caption tools against `scribekit convert` on the same generated transcript.
#
# Installs the peers from PyPI into a temporary venv (deepgram-captions, srt, pysubs2,
# webvtt-py, ttconv, pycaption; openai-whisper's subtitle writer is loaded from its source file
# without its model dependencies), then runs each peer's whole process and scribekit's writing
# the same format (SRT for the SRT and WebVTT writers; ASS for pysubs2's ASS, SCC for
# pycaption's, TTML for ttconv's when scribekit has it, else its SRT, said in the table),
# alternating, from the same words, and prints the median time of each and the ratio. Run
# from anywhere:
#   Benchmarks/compare-peers.sh [HOURS=10] [RUNS=5]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
hours="${1:-10}"
runs="${2:-5}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

echo "building scribekit (release) and the peers' venv..." >&2
swift build -c release --package-path "$root" --product scribekit >/dev/null 2>&1
bin="$root/.build/release/scribekit"
python3 -m venv "$work/venv"
"$work/venv/bin/pip" install -q --disable-pip-version-check deepgram-captions srt pysubs2 webvtt-py \
  ttconv pycaption
"$work/venv/bin/pip" download -q --disable-pip-version-check --no-deps openai-whisper -d "$work/whisper"
tar -xzf "$work"/whisper/openai_whisper-*.tar.gz -C "$work/whisper"
whisper_utils="$(ls "$work"/whisper/openai_whisper-*/whisper/utils.py)"

mkdir -p "$here/.data"
input="$here/.data/transcript-${hours}h.json"
[ -f "$input" ] || python3 "$root/scripts/generate_transcript.py" --words $((hours * 6000)) --seed "$hours" --speakers 4 > "$input"
echo "input: $input ($(du -h "$input" | cut -f1), $((hours * 6000)) words)" >&2

"$work/venv/bin/python" - "$bin" "$input" "$runs" "$here/peers/adapters.py" "$whisper_utils" "$work/venv/bin/python" <<'PY'
import statistics, subprocess, sys, time
binary, source, runs, adapters, whisper, python = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5], sys.argv[6]
help_text = subprocess.run([binary, "convert", "--help"], capture_output=True, text=True).stdout
ours = {fmt: [binary, "convert", source, "--format", fmt, "-o", "-"]
        for fmt in ["srt", "ass", "scc", "ttml"] if fmt == "srt" or fmt in help_text}
# Each peer and the format it writes; scribekit writes the same one (or SRT where it has none).
peers = {"deepgram-captions": "srt", "srt": "srt", "pysubs2": "srt", "webvtt-py": "srt", "whisper": "srt",
         "pysubs2-ass": "ass", "ttconv-ttml": "ttml", "pycaption-scc": "scc"}
commands = {f"scribekit {fmt}": command for fmt, command in ours.items()}
commands["python json.load only"] = [python, "-c", f"import json; json.load(open({source!r}))"]
for peer in peers:
    commands[peer] = [python, adapters, peer, source, whisper]
times = {name: [] for name in commands}
for _ in range(runs):
    for name, command in commands.items():  # alternate, so load and caches hit every tool alike
        start = time.perf_counter()
        result = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        elapsed = time.perf_counter() - start
        if result.returncode != 0:
            sys.exit(f"{name} failed: {result.stderr.decode()[-500:]}")
        times[name].append(elapsed)
median = {name: statistics.median(samples) for name, samples in times.items()}
print("| tool | writes | median time | scribekit, same format | scribekit is faster by |")
print("|---|---|---|---|---|")
slower = []
for name in sorted(peers, key=lambda n: median[n]):
    fmt = peers[name]
    mine = f"scribekit {fmt}" if f"scribekit {fmt}" in median else "scribekit srt"
    note = "" if mine.endswith(fmt) else f" (no {fmt.upper()} writer: its SRT)"
    ratio = median[name] / median[mine]
    if ratio <= 1:
        slower.append(name)
    print(f"| {name} | {fmt.upper()} | {median[name] * 1000:.0f} ms | {median[mine] * 1000:.0f} ms{note} | {ratio:.1f}× |")
for name in [n for n in commands if n not in peers]:
    print(f"| {name} | | {median[name] * 1000:.0f} ms | | |")
print()
print("ScribeKit is faster than every peer." if not slower else f"Not faster than: {', '.join(slower)}.")
PY
