#!/usr/bin/env python3
"""Generates transcripts full of hostile text, converts them with scribekit, and opens every
output with other people's parsers.

usage: check_generated.py SCRIBEKIT WORKDIR [COUNT=2000] [SEED=1]

The transcripts (deterministic from SEED) mix ordinary words in several scripts with text that
breaks naive subtitle writers: "-->", blank lines inside a word, <b>, </script>, &amp;, {\\an8},
timing lines, byte order marks; speaker IDs hold markup too. Each is converted three ways (the
API's defaults to srt, vtt, html with a player and docx; a caption style with speakers to srt
and vtt), and then:
  srt   must parse with `srt` and with `pysubs2`, to the same number of cues, and the text of
        the cues must be every spoken word in order (pysubs2 turns <b> it believes is markup
        into ASS tags, which would show here);
  vtt   must parse with webvtt-py, with every word in order once character references are
        decoded, as a player decodes them;
  html  (every 4th) must parse with html5lib in strict mode, with every word in order and no
        transcript text inside a script;
  docx  (every 10th) must open with python-docx, with every word in order.
Zero-width spaces are ignored in comparisons: ScribeKit's SRT writer adds them to keep
markup-like text plain. Prints a summary; exits 1 and lists the first failures if any.
"""
import html
import json
import os
import random
import re
import subprocess
import sys
import unicodedata

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import check_outputs  # noqa: E402

ORDINARY = ["the", "park", "opened", "in", "spring,", "café", "naïve", "e\u0301te\u0301", "你好", "今日は",
            "晴れ。", "مرحبا", "שלום", "👩\u200d👩\u200d👧", "I", "don't", "Honestly?", "(laughs)", "—", "."]
HOSTILE = ["-->", "-->>", "<b>", "</b>", "<i>x</i>", "<font color=red>", "&amp;", "&lt;", "&", "<", ">",
           "</script>", "<script>alert(1)</script>", "{\\an8}", "{\\b1}", "a\n\nb", "x\r\ny",
           "00:00:01,000", "00:00:01.000 --> 00:00:02.000", "1", "<v", "<v Bob>", "]]>", "<!--",
           "\"quoted\"", "it's", "\ufeffbom", "zero\u200bwidth", "tab\there", "WEBVTT", "NOTE", "<c.red>"]
SPEAKERS = ["speaker_0", "speaker_1", "<b>s</b>", "a&b", "\"q\"", "v<v"]
EVENTS = ["(laughter)", "(applause)", "[music]"]


def transcript(rng):
    items, t = [], rng.uniform(0, 3)
    speakers = rng.sample(SPEAKERS, rng.randint(1, 3))
    speaker = speakers[0]
    for _ in range(rng.randint(1, 70)):
        if rng.random() < 0.1:
            speaker = rng.choice(speakers)
        kind = "audio_event" if rng.random() < 0.04 else "word"
        text = rng.choice(EVENTS) if kind == "audio_event" else rng.choice(HOSTILE if rng.random() < 0.35 else ORDINARY)
        length = rng.choice([0, 0.05, 0.2, 0.4, 1.5])
        items.append({"text": text, "start": round(t, 3), "end": round(t + length, 3), "type": kind,
                      "speaker_id": speaker})
        gap = rng.choice([0.0, 0.05, 0.1, 0.3, 2.5])
        items.append({"text": rng.choice([" ", " ", "  ", "\n"]), "start": round(t + length, 3),
                      "end": round(t + length + gap, 3), "type": "spacing", "speaker_id": speaker})
        t += length + gap
    return {"language_code": rng.choice(["eng", "jpn", "ara", None]), "language_probability": 0.9,
            "text": "".join(item["text"] for item in items), "words": items}


def is_closing(character):
    """Punctuation that closes what came before (as CaptionSegmenter.isClosing)."""
    category = unicodedata.category(character)
    return (category.startswith("P") and category not in ("Ps", "Pi", "Pd", "Pc")
            and character not in "¿¡\"'#@&*\\/")


def styled_words(words):
    """The words a caption style shows: closing punctuation before the first word closes
    nothing, and a subtitler deletes it."""
    shown = [w for w in words if w["type"] != "spacing"]
    while shown and shown[0]["text"].strip() and all(is_closing(c) for c in shown[0]["text"].strip()):
        shown = shown[1:]
    return shown


def visible(text):
    return re.sub(r"\s+", "", text.replace("\u200b", ""))


# "[speaker] " before a cue's text, when speakers are included (SRT writes markup in IDs with
# zero-width spaces, which visible() drops anyway).
SPEAKER_LABEL = re.compile(r"^\[(?:" + "|".join(re.escape(s) for s in SPEAKERS) + r")\] ")


def without_speaker(text, speakers):
    return SPEAKER_LABEL.sub("", text.replace("\u200b", "")) if speakers else text


def main():
    binary, work = sys.argv[1], sys.argv[2]
    count = int(sys.argv[3]) if len(sys.argv) > 3 else 2000
    rng = random.Random(int(sys.argv[4]) if len(sys.argv) > 4 else 1)
    import pysubs2
    import srt
    import webvtt

    source = os.path.join(work, "in")
    os.makedirs(source, exist_ok=True)
    expected, expected_styled = {}, {}
    for index in range(count):
        stem = f"t{index:05d}"
        document = transcript(rng)
        with open(os.path.join(source, stem + ".json"), "w", encoding="utf-8") as f:
            json.dump(document, f, ensure_ascii=rng.random() < 0.5)
        expected[stem] = visible("".join(i["text"] for i in document["words"] if i["type"] != "spacing"))
        expected_styled[stem] = visible("".join(i["text"] for i in styled_words(document["words"])))

    runs = {
        "api": ["--format", "srt,vtt,html,docx", "--audio", "talk.mp3"],
        "styled": ["--format", "srt,vtt", "--preset", "netflix-en", "--include-speakers"],
    }
    for name, options in runs.items():
        result = subprocess.run([binary, "convert", source, "-o", os.path.join(work, name) + "/", "-q"] + options,
                                capture_output=True, text=True)
        if result.returncode != 0:
            print(f"FAIL scribekit convert ({name}) exited {result.returncode}: {result.stderr[-2000:]}")
            sys.exit(1)

    failures, checked = [], {}

    def check(label, path, got, want):
        checked[label] = checked.get(label, 0) + 1
        if got != want:
            at = next((i for i, (a, b) in enumerate(zip(got, want)) if a != b), min(len(got), len(want)))
            failures.append(f"{label} {path}: at {at}: got {got[at:at + 30]!r}, want {want[at:at + 30]!r}")

    for number, stem in enumerate(sorted(expected)):
        for name in runs:
            want = expected_styled[stem] if name == "styled" else expected[stem]
            folder = os.path.join(work, name)
            path = os.path.join(folder, stem + ".srt")
            with open(path, encoding="utf-8") as f:
                text = f.read()
            try:
                cues = list(srt.parse(text))
                events = pysubs2.SSAFile.from_string(text, format_="srt").events
            except Exception as error:  # noqa: BLE001 - any parser error is a finding
                failures.append(f"srt {path}: does not parse: {error}")
                continue
            if len(cues) != len(events):
                failures.append(f"srt {path}: srt finds {len(cues)} cues, pysubs2 {len(events)}")
            check(f"srt ({name}, srt)", path,
                  visible("".join(without_speaker(c.content, name == "styled") for c in cues)), want)
            check(f"srt ({name}, pysubs2)", path,
                  visible("".join(without_speaker(e.text.replace("\\N", "\n"), name == "styled") for e in events)),
                  want)

            path = os.path.join(folder, stem + ".vtt")
            try:
                captions = webvtt.read(path)
            except Exception as error:  # noqa: BLE001
                failures.append(f"vtt {path}: does not parse: {error}")
                continue
            # A speaker shows as a [name] label as well as a voice span (the default).
            check(f"vtt ({name}, webvtt-py)", path,
                  visible("".join(without_speaker(html.unescape(c.text), name == "styled") for c in captions)),
                  want)

            if name == "api" and number % 4 == 0:
                path = os.path.join(folder, stem + ".html")
                check("html (html5lib, strict)", path, visible(check_outputs.html_transcript_text(path)), want)
            if name == "api" and number % 10 == 0:
                path = os.path.join(folder, stem + ".docx")
                check("docx (python-docx)", path, visible(check_outputs.docx_transcript_text(path)), want)

    for label in sorted(checked):
        print(f"checked {label}: {checked[label]} files")
    if failures:
        print(f"FAIL {len(failures)} problems; the first ones:")
        for line in failures[:25]:
            print(" ", line)
        sys.exit(1)
    print(f"ok: {count} generated transcripts, every output parsed with every word in order")


if __name__ == "__main__":
    main()
