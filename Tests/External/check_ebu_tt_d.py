#!/usr/bin/env python3
"""Opens ScribeKit's EBU-TT-D files with ttconv, pycaption and xmllint, as check_ttml.py opens
TTML, and checks the constraints of EBU Tech 3380 a TTML reader does not.

usage: check_ebu_tt_d.py SCRIBEKIT WORKDIR COUNT SEED [INPUT.json ...]

The same transcripts as check_ttml.py (INPUTs and COUNT generated ones full of hostile text),
converted two ways: the API's rule with this format's line length (37 characters, cues of 74;
the reference SRT gets the same options) and a caption style with speakers (netflix-en). Every
file must be well-formed (xmllint), read by ttconv without an error and converted to SRT with
exactly the reference SRT's cues, and read by pycaption as DFXP with every word in order (see
check_ttml.py). Tech 3380 also asks, and this checks, that: the root declares ttp:timeBase
"media" and ttp:cellResolution; every p has a region, a begin and an end, as media times
hh:mm:ss.mmm (hours two digits or more); no element but p carries times; styles are referenced
by the style attribute (no tts: attribute on content elements); the head lists
ebuttm:conformsToStandard urn:ebu:tt:distribution:2018-04; and the region sets tts:origin and
tts:extent in percent.
Prints a summary; exits 1 and lists the first failures if any.
"""
import os
import re
import sys
import xml.etree.ElementTree as et

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import check_ttml  # noqa: E402

TT = "{http://www.w3.org/ns/ttml}"
TTP = "{http://www.w3.org/ns/ttml#parameter}"
TTS = "{http://www.w3.org/ns/ttml#styling}"
EBUTTM = "{urn:ebu:tt:metadata}"
MEDIA_TIME = re.compile(r"^\d{2,}:[0-5]\d:[0-5]\d\.\d{3}$")
PERCENTS = re.compile(r"^\d+(\.\d+)?% \d+(\.\d+)?%$")

LINE_OPTIONS = ["--max-characters-per-line", "37", "--max-segment-chars", "74"]
RUNS = {
    "api": ["--format", "srt,ebu-tt-d"] + LINE_OPTIONS,
    "styled": ["--format", "srt,ebu-tt-d", "--preset", "netflix-en", "--include-speakers"],
}


def check_file(label, path, srt_path, speakers, words, problems, counts):
    check_ttml.check_file(label, path, srt_path, speakers, words, problems, counts)

    def problem(message):
        problems.append(f"{label} {path}: {message} (Tech 3380)")

    root = et.parse(path).getroot()
    if root.get(TTP + "timeBase") != "media" or not root.get(TTP + "cellResolution"):
        problem("the root lacks ttp:timeBase=\"media\" or ttp:cellResolution")
    standards = [e.text for e in root.iter(EBUTTM + "conformsToStandard")]
    if "urn:ebu:tt:distribution:2018-04" not in standards:
        problem(f"conformsToStandard lists {standards}")
    for region in root.iter(TT + "region"):
        if not PERCENTS.match(region.get(TTS + "origin", "")) or not PERCENTS.match(region.get(TTS + "extent", "")):
            problem("a region without tts:origin and tts:extent in percent")
    regions = {r.get("{http://www.w3.org/XML/1998/namespace}id") for r in root.iter(TT + "region")}
    body = root.find(TT + "body")
    for element in body.iter() if body is not None else []:
        timed = element.get("begin") is not None or element.get("end") is not None
        if element.tag == TT + "p":
            if element.get("region") not in regions or not MEDIA_TIME.match(element.get("begin", "")) \
                    or not MEDIA_TIME.match(element.get("end", "")):
                problem(f"a p without a region or media times: {element.attrib}")
                return
        elif timed:
            problem(f"{element.tag} carries times")
            return
        if any(name.startswith(TTS) for name in element.attrib):
            problem(f"{element.tag} has inline styles")
            return
    counts["Tech 3380 constraints"] = counts.get("Tech 3380 constraints", 0) + 1


if __name__ == "__main__":
    check_ttml.run("EBU-TT-D", ".ebu-tt-d.xml", RUNS, check_file)
