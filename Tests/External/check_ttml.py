#!/usr/bin/env python3
"""Opens ScribeKit's TTML (IMSC 1.1) files with ttconv, pycaption and xmllint.

usage: check_ttml.py SCRIBEKIT WORKDIR COUNT SEED [INPUT.json ...]

Converts every INPUT and COUNT generated transcripts full of hostile text (check_generated's
generator, deterministic from SEED; every tenth moved 100 hours into its audio) with the CLI,
three ways: the API's rule, a caption style with speakers (netflix-en), and word timestamps
with speakers. Every run also writes SRT with the same cues and lines, which check_generated
and check_outputs validate, as the reference. Then for every TTML file:
  xmllint   must find it well-formed;
  ttconv    (the IMSC reference implementation's converter) must read it without an error
            and convert it to SRT with exactly the reference's cues: the same times to the
            millisecond, the same lines (zero-width spaces aside, which our SRT adds to keep
            markup-like text plain). A cue that starts and ends at the same millisecond is
            never shown by a TTML player, and is left out of the comparison;
  pycaption must read it as DFXP with one caption per cue, at the cue's time, holding every
            spoken word in order;
  words     with word timestamps, every word span must start inside its cue, no earlier than
            the word before, and ttconv's document at the cue's last word must show the whole
            cue.
Prints a summary; exits 1 and lists the first failures if any.
"""
import io
import json
import logging
import os
import random
import re
import subprocess
import sys
import warnings
import xml.etree.ElementTree as et

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import check_generated  # noqa: E402

LABEL = re.compile(r"^\[[^\]\n]*\] ")

RUNS = {
    "api": ["--format", "srt,ttml"],
    "styled": ["--format", "srt,ttml", "--preset", "netflix-en", "--include-speakers"],
    "words": ["--format", "srt,ttml", "--include-speakers", "--word-timestamps"],
}


class ErrorLog(logging.Handler):
    """Collects what ttconv logs at WARNING and above."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.records = []

    def emit(self, record):
        self.records.append(record.getMessage())


# pycaption parses with BeautifulSoup's HTML parser unless lxml is installed, and says so.
warnings.filterwarnings("ignore", message=".*XML document.*")
ERRORS = ErrorLog()
logging.getLogger().addHandler(ERRORS)
logging.getLogger().setLevel(logging.WARNING)


def srt_cues(text):
    import srt
    return [(round(c.start.total_seconds() * 1000), round(c.end.total_seconds() * 1000),
             [line.strip() for line in c.content.replace("\u200b", "").split("\n")]) for c in srt.parse(text)]


def ttconv_document(path):
    from ttconv.imsc import reader
    ERRORS.records.clear()
    document = reader.to_model(et.parse(path))
    return document, list(ERRORS.records)


def ttconv_srt(document):
    from ttconv.srt import writer
    from ttconv.srt.config import SRTWriterConfiguration
    return writer.from_model(document, SRTWriterConfiguration(text_formatting=False))


def spoken(lines, speakers):
    text = "\n".join(lines)
    return check_generated.visible(LABEL.sub("", text) if speakers else text)


def check_file(label, path, srt_path, speakers, words, problems, counts):
    def problem(message):
        problems.append(f"{label} {path}: {message}")

    result = subprocess.run(["xmllint", "--noout", path], capture_output=True, text=True)
    if result.returncode != 0:
        problem(f"xmllint: {result.stderr.strip()[:300]}")
        return
    counts["xmllint"] = counts.get("xmllint", 0) + 1

    with open(srt_path, encoding="utf-8") as f:
        reference = [cue for cue in srt_cues(f.read()) if cue[1] > cue[0]]
    try:
        document, errors = ttconv_document(path)
        converted = srt_cues(ttconv_srt(document))
    except Exception as error:  # noqa: BLE001 - any reader error is a finding
        problem(f"ttconv fails: {error!r}")
        return
    if errors:
        problem(f"ttconv logs: {errors[:3]}")
    if not words:
        if converted != reference:
            first = next((i for i, (a, b) in enumerate(zip(converted, reference)) if a != b), min(len(converted), len(reference)))
            problem(f"ttconv's SRT differs at cue {first + 1} of {len(reference)}: "
                    f"{converted[first:first + 1]} want {reference[first:first + 1]}")
        counts["ttconv (same cues as SRT)"] = counts.get("ttconv (same cues as SRT)", 0) + 1
    else:
        check_words(document, reference, problem)
        counts["ttconv (word spans)"] = counts.get("ttconv (word spans)", 0) + 1

    # pycaption reads TTML as DFXP.
    from pycaption import DFXPReader
    with open(path, encoding="utf-8") as f:
        text = f.read()
    try:
        captions = DFXPReader().read(text)
        language = captions.get_languages()[0]
        got = [(round(c.start / 1000), round(c.end / 1000), c.get_text()) for c in captions.get_captions(language)]
    except Exception as error:  # noqa: BLE001
        problem(f"pycaption fails: {error!r}")
        return
    with open(srt_path, encoding="utf-8") as f:
        every = srt_cues(f.read())
    if [(start, end) for start, end, _ in got] != [(start, end) for start, end, _ in every]:
        problem(f"pycaption's times differ: {got[:2]} want {[c[:2] for c in every[:2]]}")
    want = "".join(spoken(lines, speakers) for _, _, lines in every)
    have = "".join(spoken(t.split("\n"), speakers) for _, _, t in got).replace("\u200b", "")
    if have != want.replace("\u200b", ""):
        at = next((i for i, (a, b) in enumerate(zip(have, want)) if a != b), min(len(have), len(want)))
        problem(f"pycaption's text differs at {at}: {have[at:at + 30]!r} want {want[at:at + 30]!r}")
    counts["pycaption"] = counts.get("pycaption", 0) + 1


def check_words(document, reference, problem):
    """Word spans start inside their cue and in order; at the last word the whole cue shows."""
    from ttconv import model
    from ttconv.isd import ISD
    paragraphs = [p for div in document.get_body() for p in div if isinstance(p, model.P)]
    # ttconv keeps no begin for an element that starts with its parent (at 0 here).
    timed = [p for p in paragraphs if p.get_end() > (p.get_begin() or 0)]
    if len(timed) != len(reference):
        problem(f"{len(timed)} timed paragraphs, want {len(reference)} cues")
        return
    for p, (start, end, lines) in zip(timed, reference):
        begins = [s.get_begin() or 0 for outer in p if isinstance(outer, model.Span)
                  for s in outer if isinstance(s, model.Span)]
        if begins != sorted(begins) or not begins or begins[0] != 0 or begins[-1] > (end - start) / 1000:
            problem(f"word spans out of order or outside the cue at {start} ms: {begins}")
            return
        # Exact (ttconv's times are fractions): a span is shown from its begin on.
        moment = (p.get_begin() or 0) + begins[-1]
        isd = ISD.from_model(document, moment)
        shown = "".join(text.get_text() for region in isd.iter_regions() for text in region.dfs_iterator()
                        if isinstance(text, model.Text))
        if check_generated.visible(shown) != check_generated.visible("".join(lines)):
            problem(f"at {float(moment)} s ttconv shows {shown[:60]!r}, want {' '.join(lines)[:60]!r}")
            return


def generate(work, count, seed, inputs):
    rng = random.Random(seed)
    source = os.path.join(work, "in")
    os.makedirs(source, exist_ok=True)
    for index in range(count):
        document = check_generated.transcript(rng)
        if index % 10 == 9:
            for item in document["words"]:
                item["start"] = round(item["start"] + 360_000 + 1234.5, 3)
                item["end"] = round(item["end"] + 360_000 + 1234.5, 3)
        with open(os.path.join(source, f"g{index:05d}.json"), "w", encoding="utf-8") as f:
            json.dump(document, f, ensure_ascii=rng.random() < 0.5)
    for index, path in enumerate(inputs):
        os.symlink(os.path.abspath(path), os.path.join(source, f"f{index:03d}.json"))
    return source


def convert(binary, source, work, runs):
    for name, options in runs.items():
        result = subprocess.run([binary, "convert", source, "-o", os.path.join(work, name) + "/", "-q", "--force"] + options,
                                capture_output=True, text=True)
        if result.returncode != 0:
            print(f"FAIL scribekit convert ({name}) exited {result.returncode}: {result.stderr[-2000:]}")
            sys.exit(1)


def pairs(folder, stem, suffix):
    """(document, reference SRT) paths for a transcript: one pair, or one per channel."""
    path = os.path.join(folder, stem + suffix)
    if os.path.exists(path):
        return [(path, os.path.join(folder, stem + ".srt"))]
    names = sorted(n for n in os.listdir(folder) if n.startswith(stem + ".channel-") and n.endswith(suffix))
    return [(os.path.join(folder, n), os.path.join(folder, n[:-len(suffix)] + ".srt")) for n in names]


def run(kind, suffix, runs, check):
    binary, work, count, seed = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    inputs = sys.argv[5:]
    source = generate(work, count, seed, inputs)
    convert(binary, source, work, runs)
    problems, counts = [], {}
    stems = sorted(os.path.splitext(n)[0] for n in os.listdir(source))
    for stem in stems:
        for name in runs:
            for path, srt_path in pairs(os.path.join(work, name), stem, suffix):
                check(name, path, srt_path, name != "api", name == "words", problems, counts)
    print(f"checked {len(stems)} transcripts ({len(inputs)} given, {count} generated):",
          ", ".join(f"{k} {v} files" for k, v in sorted(counts.items())))
    if problems:
        print(f"FAIL {len(problems)} problems; the first ones:")
        for line in problems[:25]:
            print(" ", line)
        sys.exit(1)
    print(f"ok: {len(stems)} transcripts, every {kind} file read with the same cues as the SRT")


if __name__ == "__main__":
    run("TTML", ".ttml", RUNS, check_file)
