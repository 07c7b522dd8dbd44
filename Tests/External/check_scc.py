#!/usr/bin/env python3
"""Checks ScribeKit's SCC (CEA-608) files with the readers people use: pycaption's SCCReader,
ttconv's SCC reader and ffmpeg's scc demuxer with its cc (EIA-608) decoder.

usage: check_scc.py SCRIBEKIT WORKDIR [COUNT=300] [SEED=1] [INPUT.json ...]

The INPUTs (real transcripts) and COUNT hostile transcripts from check_generated.py's generator
are converted twice (the format's defaults; netflix-en with speakers). For every file:
  - each reader must accept it, and give back every spoken word in order, as CEA-608 shows it:
    characters of the 608 sets (pycaption's tables) as themselves, and the rest by the fallback
    SCCFormat documents (base letters, ASCII dashes and quotes, ? for anything else, invisible
    format characters left out); with speakers, ">> " marks are removed first;
  - the three readers must agree with the file on every caption's first frame (its End Of
    Caption) and last frame (its Erase Displayed Memory, or the next caption), to the frame.
    pycaption and ffmpeg read drop-frame timecodes as clock time (ffmpeg as 33 ms a frame), so
    their times are turned back into timecodes first; pycaption also runs a caption on to the
    next one when less than 5 frames would lie between them (TimingCorrectingCaptionList), which
    is allowed for;
  - for the real transcripts, each caption must start on the frame of the cue it shows (the
    VTT export with the same options), unless ScribeKit warned that captions came too soon.
Prints a summary; exits 1 and lists the first failures if any.
"""
import io
import json
import os
import random
import re
import subprocess
import sys
import unicodedata

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import check_generated  # noqa: E402

SUBSTITUTES = {"—": "-", "–": "-", "‒": "-", "―": "-", "−": "-", "‐": "-", "‑": "-", "‚": "'", "‛": "'", "′": "'",
               "„": '"', "‟": '"', "″": '"', "‹": "<", "›": ">", "…": "...", "`": "'", "´": "'", "·": ".",
               "×": "x", "Œ": "OE", "œ": "oe", "Æ": "AE", "æ": "ae", "Ł": "L", "ł": "l", "Đ": "D",
               "đ": "d", "ı": "i", "€": "EUR", "¼": "1/4", "¾": "3/4"}


def charset():
    from pycaption.scc.constants import CHARACTERS, EXTENDED_CHARS, SPECIAL_CHARS
    basic = set(CHARACTERS.values())
    # The extended set's em dash (0x12 0x2A) is written as a hyphen: readers disagree on it.
    return basic, (basic | set(SPECIAL_CHARS.values()) | set(EXTENDED_CHARS.values())) - {"—"}


BASIC, SHOWN = charset()


def shown(text):
    """`text` as CEA-608 shows it, by SCCFormat's documented fallback."""
    import regex  # grapheme clusters, as Swift's Characters
    out = []
    for cluster in regex.findall(r"\X", unicodedata.normalize("NFC", text)):
        if cluster.isspace():
            out.append(" ")
        elif cluster in SHOWN and cluster != "\xa0":
            out.append(cluster)
        elif all(unicodedata.category(c) == "Cf" or ord(c) < 0x20 for c in cluster):
            continue
        elif cluster in SUBSTITUTES:
            out.append(SUBSTITUTES[cluster])
        else:
            base = unicodedata.normalize("NFD", cluster)
            out.append(base[0] if len(base) > 1 and base[0] in BASIC else "?")
    return "".join(out)


def df_frame(h, m, s, f):
    minutes = h * 60 + m
    return (minutes * 60 + s) * 30 + f - 2 * (minutes - minutes // 10)


def clock_to_frame(microseconds, frame_ms=None):
    """A reader's clock time of a drop-frame timecode back to its frame number."""
    if frame_ms is None:
        labels = round(microseconds * 30 / 1_000_000)
        s, f = divmod(labels, 30)
    else:
        ms = round(microseconds / 1000)
        s, rest = divmod(ms, 1000)
        f = round(rest / frame_ms)
    h, rem = divmod(s, 3600)
    m, s = divmod(rem, 60)
    return df_frame(h, m, s, f)


def file_captions(path):
    """(start, end) frames of the captions as the file schedules them: End Of Caption frames, and
    the next Erase Displayed Memory or End Of Caption."""
    events = []
    for line in open(path, encoding="ascii").read().splitlines()[1:]:
        if "\t" not in line:
            continue
        stamp, words = line.split("\t")
        h, m, s, f = map(int, re.split("[:;]", stamp))
        frame = df_frame(h, m, s, f)
        words = words.split(" ")
        if words[:2] == ["942f", "942f"]:
            events.append(("show", frame))
        elif words[:2] == ["942c", "942c"]:
            events.append(("clear", frame))
    captions = []
    for kind, frame in events:
        if captions and captions[-1][1] is None:
            captions[-1][1] = frame
        if kind == "show":
            captions.append([frame, None])
    return [tuple(c) for c in captions]


def srt_cues(text):
    import srt
    return [(c.start.total_seconds() * 1e6, c.end.total_seconds() * 1e6, c.content) for c in srt.parse(text)]


def read_pycaption(path):
    from pycaption import SCCReader
    captions = SCCReader().read(open(path, encoding="ascii").read()).get_captions("en-US")
    return [(clock_to_frame(c.start), clock_to_frame(c.end), c.get_text()) for c in captions]


def read_ttconv(path):
    import ttconv.scc.reader as scc_reader
    import ttconv.srt.writer as srt_writer
    model = scc_reader.to_model(open(path, encoding="ascii").read())
    out = []
    for start, end, text in srt_cues(srt_writer.from_model(model)):
        out.append((round(start * 30 / 1001 / 1000), round(end * 30 / 1001 / 1000), text))
    return out


def read_ffmpeg(path):
    result = subprocess.run(["ffmpeg", "-v", "error", "-i", path, "-f", "srt", "-"], capture_output=True,
                            text=True)
    if result.returncode != 0:
        raise RuntimeError(result.stderr[-500:])
    out = []
    for start, end, text in srt_cues(result.stdout):
        # ffmpeg wraps each caption in a monospace font tag and an ASS position override.
        text = re.sub(r'^<font face="Monospace">(\{\\an\d\})?|</font>$', "", text).replace("\\h", " ")
        # ffmpeg shows 608's apostrophe (0x27) as a right single quotation mark.
        text = text.replace("\u2019", "'")
        out.append((clock_to_frame(start, 33), clock_to_frame(end, 33), text))
    return out


def ffmpeg_plain(text):
    return re.sub(r"</?(b|i|u|s)>|</?font[^>]*>", "", text)


def visible(text):
    return re.sub(r"\s+", "", text.replace("\xa0", " "))


def main():
    binary, work = sys.argv[1], sys.argv[2]
    count = int(sys.argv[3]) if len(sys.argv) > 3 else 300
    rng = random.Random(int(sys.argv[4]) if len(sys.argv) > 4 else 1)
    inputs = sys.argv[5:]
    source = os.path.join(work, "in")
    os.makedirs(source, exist_ok=True)
    expected, real = {}, set()
    for index in range(count):
        stem = f"t{index:05d}"
        document = check_generated.transcript(rng)
        with open(os.path.join(source, stem + ".json"), "w", encoding="utf-8") as f:
            json.dump(document, f)
        expected[stem] = document["words"]
    for number, path in enumerate(inputs):
        stem = f"real{number:02d}"
        with open(path, encoding="utf-8") as f:
            document = json.load(f)
        with open(os.path.join(source, stem + ".json"), "w", encoding="utf-8") as f:
            json.dump(document, f)
        words = document.get("words") or document.get("transcripts", [{}])[0].get("words", [])
        expected[stem] = words if words else None
        real.add(stem)

    runs = {"defaults": [], "styled": ["--preset", "netflix-en", "--include-speakers"]}
    warnings = {}
    for name, options in runs.items():
        result = subprocess.run([binary, "convert", source, "--format", "scc,vtt", "-o",
                                 os.path.join(work, name) + "/"] + options, capture_output=True, text=True)
        if result.returncode != 0:
            print(f"FAIL scribekit convert ({name}) exited {result.returncode}: {result.stderr[-2000:]}")
            sys.exit(1)
        warnings[name] = result.stderr

    failures, checked = [], {}
    readers = {"pycaption": read_pycaption, "ttconv": read_ttconv, "ffmpeg": read_ffmpeg}
    for stem in sorted(expected):
        for name in runs:
            path = os.path.join(work, name, stem + ".scc")
            if not os.path.exists(path):
                continue  # a multichannel input: files are per channel; checked below by text only
            scheduled = file_captions(path)
            words = expected[stem]
            want = None
            if words is not None:
                chosen = check_generated.styled_words(words) if name == "styled" else \
                    [w for w in words if w["type"] != "spacing"]
                want = visible(shown("".join(w["text"] for w in chosen)))
                # ffmpeg's decoder passes 608 text to ASS unescaped: {\b1} in a transcript turns
                # bold there (and its SRT output writes <b>), so overrides and tags are compared
                # without their markup.
                want_ffmpeg = ffmpeg_plain(re.sub(r"\{\\[^}]*\}", "", want.replace("\u2019", "'")))
            else:
                want_ffmpeg = None
            for reader, read in readers.items():
                label = f"{reader} ({name})"
                checked[label] = checked.get(label, 0) + 1
                try:
                    captions = read(path)
                except Exception as error:  # noqa: BLE001 - any reader error is a finding
                    failures.append(f"{label} {path}: does not read: {error!r}"[:400])
                    continue
                text = "\n".join(c[2] for c in captions)
                if name == "styled":
                    text = re.sub(r"(^|\n)\s*>> ", r"\1", text)
                target = want_ffmpeg if reader == "ffmpeg" else want
                if reader == "ffmpeg":
                    text = ffmpeg_plain(text)
                if target is not None and visible(text) != target:
                    got = visible(text)
                    at = next((i for i, (a, b) in enumerate(zip(got, target)) if a != b), min(len(got), len(target)))
                    failures.append(f"{label} {path}: text at {at}: got {got[at:at + 30]!r}, want {target[at:at + 30]!r}")
                starts = [c[0] for c in captions]
                if starts != [s for s, _ in scheduled]:
                    failures.append(f"{label} {path}: starts {starts[:8]} differ from the file's "
                                    f"{[s for s, _ in scheduled][:8]}")
                    continue
                for index, ((start, end, _), (_, scheduled_end)) in enumerate(zip(captions, scheduled)):
                    following = scheduled[index + 1][0] if index + 1 < len(scheduled) else None
                    closed_gap = reader == "pycaption" and following is not None and end == following \
                        and following - scheduled_end < 6
                    if end != scheduled_end and not closed_gap:
                        failures.append(f"{label} {path}: caption {index} ends at frame {end}, "
                                        f"the file at {scheduled_end}")
                        break
            warned = any(f"{stem}.scc: " in line and ("too soon" in line or "in parts" in line)
                         for line in warnings[name].splitlines())
            vtt = os.path.join(work, name, stem + ".vtt")
            if stem in real and not warned and os.path.exists(vtt):
                import webvtt
                cue_starts = {round(c.start_in_seconds * 30000 / 1001) for c in webvtt.read(vtt)}
                label = f"cue start frames ({name})"
                checked[label] = checked.get(label, 0) + 1
                off = [s for s, _ in scheduled if s not in cue_starts]
                if off:
                    failures.append(f"{label} {path}: captions at frames {off[:5]} start on no cue's frame")

    for label in sorted(checked):
        print(f"checked {label}: {checked[label]} files")
    if failures:
        print(f"FAIL {len(failures)} problems; the first ones:")
        for line in failures[:25]:
            print(" ", line)
        sys.exit(1)
    print(f"ok: {count} generated transcripts and {len(inputs)} real ones, every SCC file read by "
          "pycaption, ttconv and ffmpeg with every word in order and every caption on its frames")


if __name__ == "__main__":
    main()
