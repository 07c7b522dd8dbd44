#!/usr/bin/env bash
# Times Python caption tools against `scribekit convert` on the same generated transcript.
#
# Installs the peers from PyPI into a temporary venv (deepgram-captions, srt, pysubs2,
# webvtt-py; openai-whisper's subtitle writer is loaded from its source file without its model
# dependencies), then runs each peer's whole process and scribekit's, alternating, and prints
# the median time of each and the ratio to scribekit. Run from anywhere:
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
"$work/venv/bin/pip" install -q --disable-pip-version-check deepgram-captions srt pysubs2 webvtt-py
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
commands = {
    "scribekit": [binary, "convert", source, "-o", "-"],
    "python json.load only": [python, "-c", f"import json; json.load(open({source!r}))"],
}
for peer in ["deepgram-captions", "srt", "pysubs2", "webvtt-py", "whisper"]:
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
ours = statistics.median(times["scribekit"])
print("| tool | median time | scribekit is faster by |")
print("|---|---|---|")
for name, samples in sorted(times.items(), key=lambda item: statistics.median(item[1])):
    m = statistics.median(samples)
    print(f"| {name} | {m * 1000:.0f} ms | {m / ours:.1f}× |")
PY
