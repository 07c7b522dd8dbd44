#!/usr/bin/env python3
"""Checks ScribeKit's FCPXML captions with xmllint and OpenTimelineIO's FCPXML adapter.

usage: check_fcpxml.py SCRIBEKIT WORKDIR [COUNT=300] [SEED=1] [INPUT.json ...]

The INPUTs and COUNT hostile transcripts from check_generated.py's generator are converted
twice (defaults at 23.976 fps; netflix-en with speakers at 25 fps). For every file:
  - `xmllint --noout` finds it well-formed; with FCPXML_DTD set to Apple's FCPXML DTD file,
    `xmllint --dtdvalid` also validates it (the DTD's fixed version is put in for the check);
  - OpenTimelineIO's FCPXML adapter (otio-fcpx-xml-adapter) reads it. The adapter ignores
    captions and gaps (its COMPOSABLE_ELEMENTS are video, audio, ref-clip and asset-clip), so
    it gives a timeline named after the project with no clips: that is checked, and so is its
    reading of the format's frame rate;
  - ElementTree reads every caption: lane, offset and duration are whole frames of the format's
    frameDuration, each caption lies inside the gap, captions in a lane do not overlap, the
    role is iTT with the transcript's language, and the captions' text is every spoken word in
    order (speaker labels removed).
Prints a summary; exits 1 and lists the first failures if any.
"""
import json
import os
import random
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from fractions import Fraction

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import check_generated  # noqa: E402


def seconds(value):
    value = value.rstrip("s")
    return Fraction(value) if "/" not in value else Fraction(*map(int, value.split("/")))


def visible(text):
    return re.sub(r"\s+", "", text.replace("\u200b", ""))


def main():
    binary, work = sys.argv[1], sys.argv[2]
    count = int(sys.argv[3]) if len(sys.argv) > 3 else 300
    rng = random.Random(int(sys.argv[4]) if len(sys.argv) > 4 else 1)
    inputs = sys.argv[5:]
    import opentimelineio as otio
    source = os.path.join(work, "in")
    os.makedirs(source, exist_ok=True)
    expected = {}
    for index in range(count):
        stem = f"t{index:05d}"
        document = check_generated.transcript(rng)
        with open(os.path.join(source, stem + ".json"), "w", encoding="utf-8") as f:
            json.dump(document, f)
        expected[stem] = document
    for number, path in enumerate(inputs):
        with open(path, encoding="utf-8") as f:
            document = json.load(f)
        with open(os.path.join(source, f"real{number:02d}.json"), "w", encoding="utf-8") as f:
            json.dump(document, f)
        expected[f"real{number:02d}"] = document if document.get("words") else None

    runs = {"defaults": ([], Fraction(1001, 24000)),
            "styled": (["--preset", "netflix-en", "--include-speakers", "--frame-rate", "25"], Fraction(1, 25))}
    for name, (options, _) in runs.items():
        result = subprocess.run([binary, "convert", source, "--format", "fcpxml", "-q", "-o",
                                 os.path.join(work, name) + "/"] + options, capture_output=True, text=True)
        if result.returncode != 0:
            print(f"FAIL scribekit convert ({name}) exited {result.returncode}: {result.stderr[-2000:]}")
            sys.exit(1)

    dtd = os.environ.get("FCPXML_DTD")
    failures, checked = [], {}

    def count_check(label):
        checked[label] = checked.get(label, 0) + 1

    for stem in sorted(expected):
        for name, (_, frame) in runs.items():
            folder = os.path.join(work, name)
            paths = sorted(p for p in os.listdir(folder) if p.startswith(stem + ".") or p == stem + ".fcpxml")
            for file_name in paths:
                path = os.path.join(folder, file_name)
                count_check(f"xmllint ({name})")
                lint = subprocess.run(["xmllint", "--noout", path], capture_output=True, text=True)
                if lint.returncode != 0:
                    failures.append(f"xmllint {path}: {lint.stderr[:300]}")
                    continue
                if dtd:
                    count_check(f"xmllint --dtdvalid ({name})")
                    text = open(path, encoding="utf-8").read().replace('version="1.9"', 'version="1.10"', 1)
                    check = subprocess.run(["xmllint", "--noout", "--dtdvalid", dtd, "-"], input=text,
                                           capture_output=True, text=True)
                    if check.returncode != 0:
                        failures.append(f"DTD {path}: {check.stderr[:300]}")
                count_check(f"OpenTimelineIO ({name})")
                try:
                    timeline = otio.adapters.read_from_file(path, adapter_name="fcpx_xml")
                    projects = list(timeline.find_children()) if hasattr(timeline, "find_children") else []
                    del projects
                except Exception as error:  # noqa: BLE001 - any reader error is a finding
                    failures.append(f"OpenTimelineIO {path}: does not read: {error!r}"[:300])
                    continue
                root = ET.parse(path).getroot()
                project = root.find("./library/event/project")
                if timeline.name != project.get("name"):
                    failures.append(f"OpenTimelineIO {path}: timeline {timeline.name!r}, project {project.get('name')!r}")
                if list(timeline.find_clips()):
                    failures.append(f"OpenTimelineIO {path}: found clips where there are only captions")
                count_check(f"captions ({name})")
                if seconds(root.find("./resources/format").get("frameDuration")) != frame:
                    failures.append(f"captions {path}: frameDuration is not {frame}")
                gap = root.find("./library/event/project/sequence/spine/gap")
                total = seconds(gap.get("duration"))
                lanes, texts = {}, []
                for caption in gap.findall("caption"):
                    start, length = seconds(caption.get("offset")), seconds(caption.get("duration"))
                    if (start / frame).denominator != 1 or (length / frame).denominator != 1 or length <= 0:
                        failures.append(f"captions {path}: {caption.get('offset')} + {caption.get('duration')} not whole frames")
                    if start + length > total:
                        failures.append(f"captions {path}: a caption ends after the gap")
                    lane = caption.get("lane")
                    if lanes.get(lane, 0) > start:
                        failures.append(f"captions {path}: captions overlap in lane {lane}")
                    lanes[lane] = start + length
                    if not re.fullmatch(r"iTT\?captionFormat=ITT\.[A-Za-z0-9-]+", caption.get("role", "")):
                        failures.append(f"captions {path}: role {caption.get('role')!r}")
                    text = "".join(caption.find("text").itertext())
                    if name == "styled":
                        text = re.sub(r"^\[[^\]\n]*\]\s*", "", text)
                    texts.append(text)
                document = expected[stem]
                if document is not None and file_name == stem + ".fcpxml":
                    words = check_generated.styled_words(document["words"]) if name == "styled" else \
                        [w for w in document["words"] if w["type"] != "spacing"]
                    # XML 1.0 has no control characters; the file leaves them out.
                    want = visible(re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]", "",
                                          "".join(w["text"] for w in words)))
                    got = visible("".join(texts).replace("\r", ""))
                    if got != want:
                        at = next((i for i, (a, b) in enumerate(zip(got, want)) if a != b), min(len(got), len(want)))
                        failures.append(f"captions {path}: text at {at}: got {got[at:at + 30]!r}, want {want[at:at + 30]!r}")

    for label in sorted(checked):
        print(f"checked {label}: {checked[label]} files")
    if not dtd:
        print("note: FCPXML_DTD is not set, so the files were checked for well-formedness only, not "
              "against Apple's DTD")
    if failures:
        print(f"FAIL {len(failures)} problems; the first ones:")
        for line in failures[:25]:
            print(" ", line)
        sys.exit(1)
    print(f"ok: {count} generated transcripts and {len(inputs)} real ones, every FCPXML file "
          "well-formed, read by OpenTimelineIO, with every caption on whole frames and every word in order")


if __name__ == "__main__":
    main()
