#!/usr/bin/env python3
"""Opens ScribeKit's ASS and SBV files with the programs people use.

usage: check_ass.py SCRIBEKIT WORKDIR COUNT SEED [INPUT.json ...]

Converts every INPUT (the shared fixtures and samples) and COUNT hostile transcripts made by
check_generated.transcript (deterministic from SEED) three ways: the API's defaults; the
netflix-en caption style with speakers and word karaoke (\\k); speakers with sweep karaoke
(\\kf). Each run writes srt, ass and sbv, and then every ASS file must:
  - load in pysubs2 and in the `ass` library and in
    libass itself (ass_read_memory, through ctypes), with the same number of events, the same
    times and the same text in all three, and every event's style found by libass under the
    name the event gives;
  - hold, once libass's escapes are read and its override blocks left out (as
    ass_get_next_char and ass_render.c do), every spoken word in order: the same visible text
    as the SRT of the same run, and for the generated transcripts the words of the input;
  - have as many events as the SRT has cues, with each time the SRT's millisecond rounded
    half up to the centisecond (an end may be one centisecond later for a cue shorter than
    half of one), never ending before it starts;
  - with karaoke, have \\k (or \\kf) durations that add up exactly to the event's duration;
  - every 25th (and every fixture) play through ffmpeg's subtitles filter over a blank video.
Every SBV file must read back (with the small reader below: a timing line `H:MM:SS.mmm,
H:MM:SS.mmm`, text lines, a blank line between cues) to the SRT's cues: the same times to the
millisecond and the same text. Prints a summary; exits 1 and lists the first failures if any,
or 2 when a validator is missing.
"""
import ctypes
import ctypes.util
import json
import os
import random
import re
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import check_generated  # noqa: E402

RUNS = {
    "api": ["--format", "srt,ass,sbv"],
    "styled": ["--format", "srt,ass,sbv", "--preset", "netflix-en", "--include-speakers", "--karaoke"],
    "sweep": ["--format", "srt,ass,sbv", "--include-speakers", "--karaoke-sweep"],
}
KARAOKE_TAG = re.compile(r"\{\\(kf?)(\d+)\}")


def visible(text):
    return re.sub(r"\s+", "", text.replace("\u200b", ""))


def shown_text(field):
    """What libass shows for a Dialogue's text: `{` up to the next `}` is an override block;
    `\\N` breaks the line, `\\n` is a space (WrapStyle 0), `\\h` a no-break space, `\\{` and `\\}`
    are braces; the word joiner ScribeKit puts after a backslash is invisible."""
    out, i = [], 0
    while i < len(field):
        c = field[i]
        if c == "{" and "}" in field[i:]:
            i = field.index("}", i) + 1
            continue
        if c == "\\" and i + 1 < len(field) and field[i + 1] in "Nnh{}\u2060":
            out.append({"N": "\n", "n": " ", "h": "\u00a0", "{": "{", "}": "}", "\u2060": "\\"}[field[i + 1]])
            i += 2
            continue
        out.append(c)
        i += 1
    return "".join(out)


class Event(ctypes.Structure):
    _fields_ = [("Start", ctypes.c_longlong), ("Duration", ctypes.c_longlong), ("ReadOrder", ctypes.c_int),
                ("Layer", ctypes.c_int), ("Style", ctypes.c_int), ("Name", ctypes.c_char_p),
                ("MarginL", ctypes.c_int), ("MarginR", ctypes.c_int), ("MarginV", ctypes.c_int),
                ("Effect", ctypes.c_char_p), ("Text", ctypes.c_char_p), ("render_priv", ctypes.c_void_p)]


class Style(ctypes.Structure):
    _fields_ = [("Name", ctypes.c_char_p), ("FontName", ctypes.c_char_p), ("FontSize", ctypes.c_double),
                ("PrimaryColour", ctypes.c_uint32), ("SecondaryColour", ctypes.c_uint32),
                ("OutlineColour", ctypes.c_uint32), ("BackColour", ctypes.c_uint32),
                ("Bold", ctypes.c_int), ("Italic", ctypes.c_int), ("Underline", ctypes.c_int),
                ("StrikeOut", ctypes.c_int), ("ScaleX", ctypes.c_double), ("ScaleY", ctypes.c_double),
                ("Spacing", ctypes.c_double), ("Angle", ctypes.c_double), ("BorderStyle", ctypes.c_int),
                ("Outline", ctypes.c_double), ("Shadow", ctypes.c_double), ("Alignment", ctypes.c_int),
                ("MarginL", ctypes.c_int), ("MarginR", ctypes.c_int), ("MarginV", ctypes.c_int),
                ("Encoding", ctypes.c_int), ("treat_fontname_as_pattern", ctypes.c_int),
                ("Blur", ctypes.c_double), ("Justify", ctypes.c_int)]


class Track(ctypes.Structure):
    _fields_ = [("n_styles", ctypes.c_int), ("max_styles", ctypes.c_int), ("n_events", ctypes.c_int),
                ("max_events", ctypes.c_int), ("styles", ctypes.POINTER(Style)),
                ("events", ctypes.POINTER(Event))]


class Libass:
    """libass's own parser: the one mpv, VLC and ffmpeg read ASS with."""

    def __init__(self):
        path = ctypes.util.find_library("ass")
        if path is None:
            raise ImportError("libass is not installed")
        self.lib = ctypes.CDLL(path)
        self.lib.ass_library_init.restype = ctypes.c_void_p
        self.lib.ass_read_memory.restype = ctypes.POINTER(Track)
        self.lib.ass_read_memory.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_size_t, ctypes.c_char_p]
        self.lib.ass_free_track.argtypes = [ctypes.POINTER(Track)]
        # Silence its log lines (it reports every file it reads).
        callback = ctypes.CFUNCTYPE(None, ctypes.c_int, ctypes.c_char_p, ctypes.c_void_p, ctypes.c_void_p)
        self.quiet = callback(lambda *args: None)
        self.lib.ass_set_message_cb.argtypes = [ctypes.c_void_p, callback, ctypes.c_void_p]
        self.library = self.lib.ass_library_init()
        self.lib.ass_set_message_cb(self.library, self.quiet, None)

    def read(self, data):
        track = self.lib.ass_read_memory(self.library, data, len(data), None)
        if not track:
            raise ValueError("libass could not read the file")
        t = track.contents
        styles = [t.styles[i].Name.decode("utf-8") for i in range(t.n_styles)]
        events = [(t.events[i].Start, t.events[i].Start + t.events[i].Duration, styles[t.events[i].Style],
                   t.events[i].Text.decode("utf-8")) for i in range(t.n_events)]
        self.lib.ass_free_track(track)
        return events


def read_sbv(text):
    """The cues of an SBV file as (start ms, end ms, text), or raises ValueError."""
    timing = re.compile(r"^(\d+):(\d\d):(\d\d)\.(\d{3}),(\d+):(\d\d):(\d\d)\.(\d{3})$")
    if not text:
        return []
    if not text.endswith("\n") or text.endswith("\n\n"):
        raise ValueError("the file must end with exactly one line break")
    cues = []
    for block in text[:-1].split("\n\n"):
        lines = block.split("\n")
        m = timing.match(lines[0])
        if not m or len(lines) < 2 or any(not line.strip() for line in lines[1:]):
            raise ValueError(f"not a cue: {block[:80]!r}")
        g = [int(x) for x in m.groups()]
        cues.append(((g[0] * 3600 + g[1] * 60 + g[2]) * 1000 + g[3], (g[4] * 3600 + g[5] * 60 + g[6]) * 1000 + g[7],
                     "\n".join(lines[1:])))
    return cues


def main():
    binary, work, count, seed = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    inputs = sys.argv[5:]
    try:
        import ass
        import pysubs2
        import srt
        libass = Libass()
    except (ImportError, OSError) as error:
        print(f"MISSING validator: {error} (pip install pysubs2 ass srt; apt install libass9)")
        sys.exit(2)
    if shutil.which("ffmpeg") is None:
        print("MISSING validator: ffmpeg (apt install ffmpeg)")
        sys.exit(2)

    source = os.path.join(work, "in")
    os.makedirs(source, exist_ok=True)
    rng = random.Random(seed)
    expected = {}
    for index in range(count):
        stem = f"t{index:05d}"
        document = check_generated.transcript(rng)
        with open(os.path.join(source, stem + ".json"), "w", encoding="utf-8") as f:
            json.dump(document, f, ensure_ascii=rng.random() < 0.5)
        expected[stem] = (visible("".join(i["text"] for i in document["words"] if i["type"] != "spacing")),
                          visible("".join(i["text"] for i in check_generated.styled_words(document["words"]))))
    names_file = os.path.join(work, "names.json")
    with open(names_file, "w", encoding="utf-8") as f:
        json.dump({"speaker_0": "Ana, María {\\an8}", "speaker_1": "*default", "speaker_2": "Default"}, f)
    failures, checked = [], {}

    def fail(label, path, message):
        failures.append(f"{label} {path}: {message}")

    def check_folder(run, folder, generated):
        for name in sorted(os.listdir(folder)):
            if not name.endswith(".ass"):
                continue
            stem = name[:-4]
            path = os.path.join(folder, name)
            label = f"{run}{' generated' if generated else ''}"
            checked[label] = checked.get(label, 0) + 1
            with open(path, "rb") as f:
                data = f.read()
            try:
                subs = pysubs2.SSAFile.from_string(data.decode("utf-8"))
                with open(path, encoding="utf-8") as f:
                    document = ass.parse_file(f)
                theirs = libass.read(data)
                with open(os.path.join(folder, stem + ".srt"), encoding="utf-8") as f:
                    cues = list(srt.parse(f.read()))
                with open(os.path.join(folder, stem + ".sbv"), encoding="utf-8") as f:
                    sbv = read_sbv(f.read())
            except Exception as error:  # noqa: BLE001 - any reader's error is a finding
                fail(label, path, f"does not load: {error!r}")
                continue
            events = subs.events
            if not (len(events) == len(document.events) == len(theirs) == len(cues) == len(sbv)):
                fail(label, path, f"pysubs2 {len(events)}, ass {len(document.events)}, libass {len(theirs)} events; "
                                  f"srt {len(cues)}, sbv {len(sbv)} cues")
                continue
            karaoke = {"styled": "k", "sweep": "kf"}.get(run)
            for event, other, (start, end, style, text), cue, (sbv_start, sbv_end, sbv_text) in zip(
                    events, document.events, theirs, cues, sbv):
                other_times = (round(other.start.total_seconds() * 1000), round(other.end.total_seconds() * 1000))
                if (event.start, event.end) != (start, end) or other_times != (start, end):
                    fail(label, path, f"times differ: pysubs2 {event.start}-{event.end}, ass {other_times}, "
                                      f"libass {start}-{end}")
                if event.text != text or other.text != text or event.style != style or other.style != style:
                    fail(label, path, f"text or style differs: {event.text!r} / {other.text!r} / {text!r}")
                srt_start = round(cue.start.total_seconds() * 1000)
                srt_end = round(cue.end.total_seconds() * 1000)
                want_start, want_end = (srt_start + 5) // 10 * 10, (srt_end + 5) // 10 * 10
                if start != want_start or not (end == want_end or (end == want_start + 10 == want_end + 10)) or end < start:
                    fail(label, path, f"ASS {start}-{end} ms for the SRT's {srt_start}-{srt_end}")
                if (sbv_start, sbv_end) != (srt_start, srt_end):
                    fail(label, path, f"SBV {sbv_start}-{sbv_end} ms, SRT {srt_start}-{srt_end}")
                shown = shown_text(text)
                if visible(shown) != visible(cue.content):
                    fail(label, path, f"ASS shows {shown!r}, the SRT {cue.content!r}")
                sbv_plain = re.sub(r"^>> (.*?): ", r"[\1] ", sbv_text, flags=re.S)
                if visible(sbv_plain) != visible(cue.content):
                    fail(label, path, f"SBV says {sbv_text!r}, the SRT {cue.content!r}")
                tags = KARAOKE_TAG.findall(text)
                if karaoke:
                    if {kind for kind, _ in tags} != {karaoke} or sum(int(v) for _, v in tags) * 10 != end - start:
                        fail(label, path, f"karaoke {tags} does not fill {start}-{end} ms with \\{karaoke}")
                elif tags:
                    fail(label, path, f"karaoke tags without --karaoke: {text!r}")
            if generated:
                want = expected[stem][1 if run == "styled" else 0]
                got = visible("".join(check_generated.without_speaker(shown_text(t), run != "api")
                                      for _, _, _, t in theirs))
                if got != want:
                    at = next((i for i, (a, b) in enumerate(zip(got, want)) if a != b), min(len(got), len(want)))
                    fail(label, path, f"at {at}: got {got[at:at + 30]!r}, want {want[at:at + 30]!r}")
            if not generated or int(stem[1:]) % 25 == 0:
                checked["ffmpeg subtitles filter"] = checked.get("ffmpeg subtitles filter", 0) + 1
                first = theirs[0][0] / 1000 if theirs else 0
                result = subprocess.run(
                    ["ffmpeg", "-nostdin", "-loglevel", "error", "-f", "lavfi", "-i",
                     "color=c=black:s=640x360:r=5:d=%.2f" % (first + 1.5), "-vf",
                     "subtitles=filename='%s'" % path.replace("'", r"\'"), "-f", "null", "-"],
                    capture_output=True, text=True, timeout=120)
                if result.returncode != 0:
                    fail("ffmpeg", path, result.stderr[-500:])

    def convert(run, options, inputs_, out):
        result = subprocess.run([binary, "convert", *inputs_, "-o", out + "/", "-q", "--force"] + options,
                                capture_output=True, text=True)
        if result.returncode != 0:
            print(f"FAIL scribekit convert ({run}) exited {result.returncode}: {result.stderr[-2000:]}")
            sys.exit(1)

    for run, options in RUNS.items():
        if count:
            convert(run, options, [source], os.path.join(work, "generated", run))
            check_folder(run, os.path.join(work, "generated", run), True)
        for number, path in enumerate(inputs):
            out = os.path.join(work, "fixtures", run, str(number))
            # Names with a comma, a leading `*`, a brace and a clash with Default (in every format).
            names = ["--speaker-names", "@" + names_file] if run == "sweep" else []
            convert(run, options + names, [path], out)
            check_folder(run, out, False)

    for label in sorted(checked):
        print(f"checked {label}: {checked[label]} files")
    if failures:
        print(f"FAIL {len(failures)} problems; the first ones:")
        for line in failures[:25]:
            print(" ", line)
        sys.exit(1)
    print(f"ok: {len(inputs)} inputs and {count} generated transcripts, every ASS and SBV file read back "
          "with every word in order and the SRT's times")


if __name__ == "__main__":
    main()
