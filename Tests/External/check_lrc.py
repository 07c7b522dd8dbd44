#!/usr/bin/env python3
"""Opens ScribeKit's LRC files with pylrc and ffmpeg, as lyrics tools and players would.

usage: check_lrc.py SCRIBEKIT WORKDIR COUNT SEED [INPUT.json ...]

Converts every INPUT and COUNT generated transcripts full of hostile text (check_generated's
generator, deterministic from SEED; every tenth moved 100 hours into its audio) with the CLI, each three ways: the API's rule, a caption
style with speakers (netflix-en), and enhanced LRC (--word-timestamps). Every run also writes
SRT with the same segmentation, which check_generated and check_outputs validate, as the
reference of what the cues are. Then for every LRC file:
  pylrc   must read one line per cue (and only empty lines besides), each at its cue's start
          within 10 ms, with the cue's text once word tags, zero-width spaces and speaker
          labels are removed; pylrc reads minutes below 60 only, so files that run longer are
          read up to the first hour;
  ffmpeg  (its LRC demuxer, through ffprobe's packets) must find the same lines at the same
          times, for the whole file, and after each cue a line (the next cue, or the empty line
          that clears it) within 10 ms of the cue's end or the next cue's start;
  tags    with --word-timestamps every word tag must lie inside its cue, never decrease, and
          end the line.
Prints a summary; exits 1 and lists the first failures if any.
"""
import json
import os
import random
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import check_generated  # noqa: E402

WORD_TAG = re.compile(r"<(\d+):(\d\d)\.(\d\d)>")
TIME_TAG = re.compile(r"^\[(\d+):(\d\d)\.(\d\d)\]")

RUNS = {
    # LRC's own defaults are SRT's with 42 characters a cue: the same cues in both.
    "api": ["--format", "srt,lrc", "--max-segment-chars", "42"],
    "styled": ["--format", "srt,lrc", "--preset", "netflix-en", "--include-speakers"],
    "words": ["--format", "srt,lrc", "--max-segment-chars", "42", "--word-timestamps"],
}


def srt_cues(path):
    import srt
    with open(path, encoding="utf-8") as f:
        return [(c.start.total_seconds(), c.end.total_seconds(), c.content) for c in srt.parse(f.read())]


def srt_text(text, speakers):
    """An SRT cue's speaker (from its `[name] ` label) and text on one line, without
    zero-width spaces."""
    text = " ".join(text.replace("\u200b", "").split())
    match = re.match(r"\[([^\]]*)\] ", text) if speakers else None
    return (match.group(1), text[match.end():]) if match else (None, text)


def lrc_text(text, speaker):
    """An LRC line's text on one line without word tags, zero-width spaces and the speaker's
    `name: ` label."""
    text = " ".join(WORD_TAG.sub("", text.replace("\u200b", "")).split())
    return text[len(speaker) + 2:] if speaker is not None and text.startswith(speaker + ": ") else text


def ffmpeg_lines(path):
    """(time, text) of every packet ffmpeg's LRC demuxer reads, in order."""
    result = subprocess.run(["ffprobe", "-v", "error", "-show_packets", "-show_data", "-of", "json", path],
                            capture_output=True, text=True)
    if result.returncode != 0:
        raise ValueError(f"ffprobe failed: {result.stderr.strip()[:300]}")
    lines = []
    for packet in json.loads(result.stdout).get("packets", []):
        data = bytearray()
        for row in packet.get("data", "").splitlines():
            if ":" in row:
                data += bytes.fromhex(row[10:50].replace(" ", ""))
        lines.append((float(packet["pts_time"]), data.decode("utf-8").rstrip("\n")))
    return lines


def check_file(label, lrc_path, srt_path, speakers, words, problems, counts):
    cues = srt_cues(srt_path)
    with open(lrc_path, encoding="utf-8") as f:
        lrc = f.read()
    want = [(start, end) + srt_text(text, speakers) for start, end, text in cues]

    def problem(message):
        problems.append(f"{label} {lrc_path}: {message}")

    # pylrc, up to the first hour.
    import pylrc
    try:
        lyrics = pylrc.parse(lrc)
    except Exception as error:  # noqa: BLE001 - any parser error is a finding
        problem(f"pylrc fails: {error}")
        return
    early = [cue for cue in want if cue[0] < 3599.995]
    got = [line for line in lyrics if line.text.strip()]
    if len(got) != len(early):
        problem(f"pylrc reads {len(got)} lines, want {len(early)}")
    else:
        for line, (start, _, speaker, text) in zip(got, early):
            if abs(line.time - start) > 0.010 or lrc_text(line.text, speaker) != text:
                problem(f"pylrc: {line.time} {lrc_text(line.text, speaker)!r}, want {start} {text!r}")
                break
    counts["pylrc"] = counts.get("pylrc", 0) + 1

    # ffmpeg, the whole file.
    try:
        packets = ffmpeg_lines(lrc_path)
    except ValueError as error:
        problem(str(error))
        return
    texts = [(time, text) for time, text in packets if text.strip()]
    if len(texts) != len(want):
        problem(f"ffmpeg reads {len(texts)} lines, want {len(want)}: {texts[:3]} {want[:3]}")
        return
    for (time, text), (start, _, speaker, expected) in zip(texts, want):
        if abs(time - start) > 0.010 or lrc_text(text, speaker) != expected:
            problem(f"ffmpeg: {time} {lrc_text(text, speaker)!r}, want {start} {expected!r}")
            return
    # After each cue, the next line comes when the cue ends or the next one starts.
    times = [time for time, _ in packets]
    positions = [i for i, (_, text) in enumerate(packets) if text.strip()]
    for index, (start, end, _, _) in enumerate(want):
        position = positions[index]
        following = [t for t in times[position + 1:] if t >= times[position]]
        expected_next = min(end, want[index + 1][0]) if index + 1 < len(want) else end
        if not following or abs(following[0] - max(expected_next, start)) > 0.010:
            problem(f"ffmpeg: the line at {start} is followed at {following[:1]}, want {expected_next}")
            return
    counts["ffmpeg"] = counts.get("ffmpeg", 0) + 1

    if words:
        timed = [line for line in lrc.splitlines() if TIME_TAG.match(line) and line[TIME_TAG.match(line).end():].strip()]
        for line, cue in zip(timed, cues):
            tags = [tag_seconds(m) for m in WORD_TAG.finditer(line)]
            if not tags or tags != sorted(tags) or tags[0] < cue[0] - 0.006 or tags[-1] > cue[1] + 0.006 \
                    or not WORD_TAG.search(line[-12:]):
                problem(f"word tags missing, out of order or outside the cue {cue[:2]}: {line!r}")
                return
        counts["tags"] = counts.get("tags", 0) + 1


def tag_seconds(match):
    return int(match.group(1)) * 60 + int(match.group(2)) + int(match.group(3)) / 100


def convert(binary, source, work):
    for name, options in RUNS.items():
        result = subprocess.run([binary, "convert", source, "-o", os.path.join(work, name) + "/", "-q", "--force"] + options,
                                capture_output=True, text=True)
        if result.returncode != 0:
            print(f"FAIL scribekit convert ({name}) exited {result.returncode}: {result.stderr[-2000:]}")
            sys.exit(1)


def main():
    binary, work, count, seed = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    inputs = sys.argv[5:]
    rng = random.Random(seed)
    source = os.path.join(work, "in")
    os.makedirs(source, exist_ok=True)
    for index in range(count):
        document = check_generated.transcript(rng)
        if index % 10 == 9:
            # Every tenth is a hundred hours and more into its audio: minutes past 99.
            for item in document["words"]:
                item["start"] = round(item["start"] + 360_000 + 1234.5, 3)
                item["end"] = round(item["end"] + 360_000 + 1234.5, 3)
        with open(os.path.join(source, f"g{index:05d}.json"), "w", encoding="utf-8") as f:
            json.dump(document, f, ensure_ascii=rng.random() < 0.5)
    for index, path in enumerate(inputs):
        os.symlink(os.path.abspath(path), os.path.join(source, f"f{index:03d}.json"))
    convert(binary, source, work)

    problems, counts = [], {}
    stems = sorted(os.path.splitext(n)[0] for n in os.listdir(source))
    for stem in stems:
        for name in RUNS:
            folder = os.path.join(work, name)
            lrc = os.path.join(folder, stem + ".lrc")
            if not os.path.exists(lrc):
                # A multichannel input gives a file per channel.
                channels = sorted(n for n in os.listdir(folder) if n.startswith(stem + ".channel-") and n.endswith(".lrc"))
                pairs = [(os.path.join(folder, n), os.path.join(folder, n[:-4] + ".srt")) for n in channels]
            else:
                pairs = [(lrc, os.path.join(folder, stem + ".srt"))]
            for lrc_path, srt_path in pairs:
                check_file(name, lrc_path, srt_path, name == "styled", name == "words", problems, counts)

    print(f"checked {len(stems)} transcripts ({len(inputs)} given, {count} generated):",
          ", ".join(f"{k} {v} files" for k, v in sorted(counts.items())))
    if problems:
        print(f"FAIL {len(problems)} problems; the first ones:")
        for line in problems[:25]:
            print(" ", line)
        sys.exit(1)
    print(f"ok: {len(stems)} transcripts, every LRC file read by pylrc and ffmpeg with every cue at its time")


if __name__ == "__main__":
    main()
