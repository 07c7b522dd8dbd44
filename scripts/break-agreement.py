#!/usr/bin/env python3
"""Break agreement with human-made subtitles: the subtitle-segmentation F1 of the research field.

For every human subtitle file in a folder (SRT, WebVTT, or MuST-Cinema text with <eob>/<eol>
markers), this script:

1. takes the human cues' words and times and builds an ElevenLabs-shaped speech-to-text
   response: one "word" item per word with a "spacing" item between words; each cue's duration
   is spread over its words and spaces in proportion to their length, and the pauses between
   cues are kept as they are. The words are exactly the human's (sound labels such as
   "(Laughter)" and speaker labels such as "Narrator:" are left out; punctuation standing
   alone, as TED's "--", joins the word before it), so that break positions can be compared
   word by word;
2. runs `scribekit convert that.json --preset PRESET --format srt --explain`;
3. reads our SRT back, aligns its words with the human's (the same words in the same order;
   our zero-width spaces are removed), and compares where each side breaks:
   - eob: cue breaks (a new subtitle block starts after the word),
   - eol: line breaks inside a cue,
   - any: either kind (the field's <eox>, the break type ignored),
   each as precision, recall and F1 of ours against the human's (Karakanta, Negri and Turchi,
   "MuST-Cinema: a Speech-to-Subtitles Corpus", LREC 2020; "Evaluating Subtitle Segmentation
   for End-to-end Generation Systems", LREC 2022).

It also prints the share of cues with two lines (ours and the human's), the share of sentence
ends (a word ending in . ? or !, closing quotes and brackets allowed) followed by a cue break
(ours and the human's), and how many of our cues end because "the next word would not fit".

The MuST-Cinema text format has no times: each block is given 1/15 s per character (at least
one second) and no pause between blocks.

Python 3 standard library only. Run from anywhere; the binary defaults to this package's
.build/debug/scribekit (build it with `swift build` first).

Human files whose cues are almost all one line (older TED subtitles) are reported as a group of
their own: they have no line breaks to agree with, so only their eob and "any" scores mean
something.

usage: scripts/break-agreement.py FOLDER_OR_FILE [...] [--preset netflix-en] [--per-file]
                                  [--examples N] [--keep DIR] [--scribekit PATH]
"""

import argparse
import collections
import json
import os
import random
import re
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"))

# A "two-line style" file: at least this share of its cues have two or more lines. Human
# subtitles in a one-line style (older TED talks: short one-line cues, no line breaks) have no
# <eol> to agree with; their cue breaks are where a two-line subtitler puts either kind.
TWO_LINE_STYLE_SHARE = 0.10

TIMING = re.compile(
    r"^\s*(?:(\d+):)?(\d{1,2}):(\d{2})[.,](\d{1,3})\s*-->\s*(?:(\d+):)?(\d{1,2}):(\d{2})[.,](\d{1,3})"
)
TAG = re.compile(r"<[^>]*>|\{\\[^}]*\}")
# Sound and music labels that are not speech: (Laughter), [Applause], ♪ ... ♪.
SOUND = re.compile(r"\([^()]*\)|\[[^\[\]]*\]|♪[^♪]*♪|[♪♫]")
SENTENCE_END = re.compile(r"[.?!…][\"'”’)\]]*$")
ABBREVIATIONS = {"mr.", "mrs.", "ms.", "dr.", "st.", "vs.", "etc.", "e.g.", "i.e.", "u.s.", "u.k."}


def ends_sentence(word):
    return bool(SENTENCE_END.search(word)) and word.lower() not in ABBREVIATIONS
PUNCTUATION_ONLY = re.compile(r"^[^\w]+$", re.UNICODE)
# A speaker label at the start of a line ("Narrator:", "Theo Jansen:", "SJ:"): capitalised
# words and a colon. Labels are layout, not speech.
SPEAKER_LABEL = re.compile(r"^\s*(?:[A-Z][\w.'-]*\s+){0,3}[A-Z][\w.'-]*:\s+")


# Reading human subtitles ----------------------------------------------------------------------


def seconds(h, m, s, ms):
    return int(h or 0) * 3600 + int(m) * 60 + int(s) + int(ms.ljust(3, "0")) / 1000


def read_timed(path):
    """SRT or WebVTT cues: [(start, end, [line, ...])], tags and cue settings dropped."""
    text = open(path, encoding="utf-8-sig", errors="replace").read().replace("\r\n", "\n")
    text = text.replace("\r", "\n")
    cues = []
    for block in re.split(r"\n[ \t]*\n", text):
        lines = block.split("\n")
        for index, line in enumerate(lines):
            match = TIMING.match(line)
            if match:
                g = match.groups()
                start, end = seconds(*g[:4]), seconds(*g[4:])
                body = [TAG.sub("", l).strip() for l in lines[index + 1 :]]
                cues.append((start, end, [l for l in body if l]))
                break
    return cues


def read_tagged(path):
    """MuST-Cinema text: one sentence a line, <eol> and <eob> markers; times made up."""
    cues, lines, current = [], [], []
    for raw in open(path, encoding="utf-8", errors="replace"):
        for piece in re.split(r"(<eob>|<eol>)", raw.strip()):
            if piece == "<eol>":
                lines.append(" ".join(current))
                current = []
            elif piece == "<eob>":
                lines.append(" ".join(current))
                cues.append([l for l in lines if l.strip()])
                lines, current = [], []
            else:
                current.extend(piece.split())
    if current or lines:
        lines.append(" ".join(current))
        cues.append([l for l in lines if l.strip()])
    timed, clock = [], 0.0
    for cue_lines in cues:
        duration = max(1.0, len(" ".join(cue_lines)) / 15)
        timed.append((clock, clock + duration, cue_lines))
        clock += duration
    return timed


def human_words(cues):
    """The human side: words, and the break after each word (None, 'eol' or 'eob').

    Sound labels are removed; a cue left empty is dropped (the break before it stays, since the
    cue before it ended there). Punctuation-only tokens (TED's "--") join the word before them
    so that every item is a word. Returns (words, breaks, cue_spans, line_counts) where
    cue_spans are (first word, last word, start, end) per kept cue.
    """
    words, breaks, spans, line_counts = [], [], [], []
    for start, end, lines in cues:
        line_words = []
        for line in lines:
            line = SOUND.sub(" ", line.translate(ZERO_WIDTH))
            # A speaker dash at the start of a line is layout, not a word.
            line = re.sub(r"^\s*[-–—]\s+", "", line)
            line = SPEAKER_LABEL.sub("", line)
            tokens = line.split()
            if tokens:
                line_words.append(tokens)
        if not line_words:
            continue
        first = len(words)
        lines_with_words = 0
        for tokens in line_words:
            before = len(words)
            for token in tokens:
                if PUNCTUATION_ONLY.match(token):
                    # Punctuation alone joins the word before it (a dash with its space).
                    if words:
                        words[-1] += " " + token if token.startswith(("-", "–", "—")) else token
                    continue
                words.append(token)
                breaks.append(None)
            if len(words) > before:
                lines_with_words += 1
            if len(words) > first:
                breaks[-1] = "eol"
        if len(words) == first:
            continue
        breaks[-1] = "eob"
        spans.append((first, len(words) - 1, start, end))
        line_counts.append(lines_with_words)
    if breaks:
        breaks[-1] = None
    return words, breaks, spans, line_counts


def to_transcript(words, spans):
    """An ElevenLabs speech-to-text response whose word items are `words`, timed by `spans`."""
    items, texts = [], []
    previous_end = 0.0
    for first, last, start, end in spans:
        start = max(start, previous_end)
        end = max(end, start + 0.001 * (last - first + 1))
        cue_words = words[first : last + 1]
        if items:
            items.append({"text": " ", "start": round(previous_end, 3),
                          "end": round(start, 3), "type": "spacing"})
        # Words and the spaces between them share the cue's time by their length.
        weights = []
        for index, word in enumerate(cue_words):
            weights.append(("word", word, len(word)))
            if index < len(cue_words) - 1:
                weights.append(("spacing", " ", 1))
        total = sum(w for _, _, w in weights)
        clock = start
        for kind, text, weight in weights:
            length = (end - start) * weight / total
            item = {"text": text, "start": round(clock, 3), "end": round(clock + length, 3),
                    "type": kind}
            if kind == "word":
                item["speaker_id"] = "speaker_0"
                item["logprob"] = 0.0
            else:
                item["speaker_id"] = "speaker_0"
            items.append(item)
            clock += length
        previous_end = end
        texts.append(" ".join(cue_words))
    return {"language_code": "eng", "language_probability": 1.0, "text": " ".join(texts),
            "words": items}


# Reading ours ---------------------------------------------------------------------------------


def our_cues(path):
    cues = []
    for start, end, lines in read_timed(path):
        lines = [l.translate(ZERO_WIDTH).split() for l in lines]
        cues.append([l for l in lines if l])
    return [c for c in cues if c]


def our_breaks(cues, human, report):
    """Our breaks mapped onto the human word positions, by aligning our words with theirs."""
    ours = [word for cue in cues for line in cue for word in line]
    kinds = []
    for cue in cues:
        for line_index, line in enumerate(cue):
            kinds.extend([None] * (len(line) - 1))
            kinds.append("eob" if line_index == len(cue) - 1 else "eol")
    if kinds:
        kinds[-1] = None
    # The human words may hold two tokens ("top --"): compare token by token.
    human_tokens, owner = [], []
    for index, word in enumerate(human):
        for token in word.split():
            human_tokens.append(token)
            owner.append(index)
    breaks = [None] * len(human)
    if ours == human_tokens:
        mapping = owner
    else:
        import difflib

        matcher = difflib.SequenceMatcher(None, human_tokens, ours, autojunk=False)
        mapping = [None] * len(ours)
        matched = 0
        for block in matcher.get_matching_blocks():
            for k in range(block.size):
                mapping[block.b + k] = owner[block.a + k]
            matched += block.size
        report["unaligned"] += len(ours) - matched + len(human_tokens) - matched
    for index, kind in enumerate(kinds):
        if kind and mapping[index] is not None:
            position = mapping[index]
            # A break inside a multi-token human word ("top | --") is not a word break.
            if index + 1 < len(ours) and mapping[index + 1] == position:
                continue
            if breaks[position] != "eob":
                breaks[position] = kind
    if breaks:
        breaks[-1] = None
    return breaks


# Scoring --------------------------------------------------------------------------------------


class Counts:
    def __init__(self):
        self.c = collections.Counter()

    def add(self, key, value=1):
        self.c[key] += value

    def prf(self, kind):
        tp, ours, theirs = self.c[kind + "_tp"], self.c[kind + "_ours"], self.c[kind + "_human"]
        p = tp / ours if ours else 0.0
        r = tp / theirs if theirs else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f

    def share(self, num, den):
        return self.c[num] / self.c[den] if self.c[den] else 0.0

    def merge(self, other):
        self.c.update(other.c)


def score(words, human, ours, counts):
    for index in range(len(words) - 1):
        h, o = human[index], ours[index]
        for kind in ("eob", "eol"):
            counts.add(kind + "_human", h == kind)
            counts.add(kind + "_ours", o == kind)
            counts.add(kind + "_tp", h == kind and o == kind)
        counts.add("any_human", h is not None)
        counts.add("any_ours", o is not None)
        counts.add("any_tp", h is not None and o is not None)
        if ends_sentence(words[index]):
            counts.add("sentence_ends")
            counts.add("sentence_eob_human", h == "eob")
            counts.add("sentence_eob_ours", o == "eob")
    counts.add("words", len(words))


# Running ------------------------------------------------------------------------------------


def run_file(path, args, work, report):
    name = os.path.basename(path)
    if path.endswith((".srt", ".vtt")):
        cues = read_timed(path)
    else:
        cues = read_tagged(path)
    words, human, spans, line_counts = human_words(cues)
    if len(words) < 2:
        return None
    stem = re.sub(r"\W+", "_", name)
    json_path = os.path.join(work, stem + ".json")
    srt_path = os.path.join(work, stem + ".srt")
    with open(json_path, "w", encoding="utf-8") as handle:
        json.dump(to_transcript(words, spans), handle, ensure_ascii=False)
    if os.path.exists(srt_path):
        os.remove(srt_path)
    command = [args.scribekit, "convert", json_path, "--preset", args.preset, "--format", "srt",
               "-o", srt_path, "--explain"]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"{name}: scribekit failed ({result.returncode}):\n{result.stderr}")
    reasons = collections.Counter()
    for line in result.stderr.splitlines():
        match = re.search(r"ends because (.*)$", line)
        if match:
            reason = re.sub(r"[\d.]+", "N", match.group(1))
            reasons[reason] += 1
    cues_ours = our_cues(srt_path)
    file_report = collections.Counter()
    ours = our_breaks(cues_ours, words, file_report)
    report.update(file_report)
    counts = Counts()
    score(words, human, ours, counts)
    counts.add("cues_human", len(spans))
    counts.add("two_line_human", sum(1 for n in line_counts if n >= 2))
    counts.add("cues_ours", len(cues_ours))
    counts.add("two_line_ours", sum(1 for cue in cues_ours if len(cue) >= 2))
    counts.add("unaligned", file_report["unaligned"])
    counts.add("no_fit", sum(n for r, n in reasons.items() if r.startswith("the next word would not fit")))
    counts.add("explained", sum(reasons.values()))
    return {"name": name, "counts": counts, "words": words, "human": human, "ours": ours,
            "reasons": reasons}


def row(label, counts, files=None):
    eob, eol, any_ = counts.prf("eob"), counts.prf("eol"), counts.prf("any")
    cells = [label[:26].ljust(26)]
    if files is not None:
        cells.append(f"{files:>5}")
    cells += [
        f"{counts.c['words']:>7}",
        f"{counts.c['cues_human']:>6}",
        f"{counts.c['cues_ours']:>6}",
        " ".join(f"{100 * x:5.1f}" for x in eob),
        " ".join(f"{100 * x:5.1f}" for x in eol),
        " ".join(f"{100 * x:5.1f}" for x in any_),
        f"{100 * counts.share('two_line_human', 'cues_human'):5.1f}",
        f"{100 * counts.share('two_line_ours', 'cues_ours'):5.1f}",
        f"{100 * counts.share('sentence_eob_human', 'sentence_ends'):5.1f}",
        f"{100 * counts.share('sentence_eob_ours', 'sentence_ends'):5.1f}",
        f"{counts.c['no_fit']:>5}/{counts.c['explained']:<5}",
    ]
    return "  ".join(cells)


def header(with_files):
    first = ["file / group".ljust(26)] + (["files"] if with_files else [])
    return ("  ".join(first) + "    words  human   ours  "
            "eob:  P     R    F1  eol:  P     R    F1  any:  P     R    F1  "
            "2-line% H   ours  sent.end->eob% H ours  no-fit/cues")


def context(words, index, width=6):
    left = " ".join(words[max(0, index - width + 1) : index + 1])
    right = " ".join(words[index + 1 : index + 1 + width])
    return f"{left} | {right}"


def main():
    parser = argparse.ArgumentParser(
        description="Break agreement (eob/eol precision, recall, F1) of a caption style with "
        "human-made subtitles.")
    parser.add_argument("inputs", nargs="+", metavar="FOLDER",
                        help="folders of human .srt, .vtt or MuST-Cinema .txt files (or files)")
    parser.add_argument("--preset", default="netflix-en", help="caption style (default netflix-en)")
    parser.add_argument("--scribekit", default=os.path.join(ROOT, ".build", "debug", "scribekit"),
                        help="the scribekit binary (default .build/debug/scribekit)")
    parser.add_argument("--per-file", action="store_true", help="a row per file")
    parser.add_argument("--examples", type=int, default=0, metavar="N",
                        help="print N disagreements of each kind, and the words our extra "
                        "breaks follow most often")
    parser.add_argument("--seed", type=int, default=1, help="seed for picking examples")
    parser.add_argument("--keep", metavar="DIR", help="keep the generated JSON and our SRT here")
    args = parser.parse_args()

    if not os.access(args.scribekit, os.X_OK):
        sys.exit(f"{args.scribekit} not found: run `swift build` first (or give --scribekit)")
    paths = []
    for item in args.inputs:
        if os.path.isdir(item):
            paths += sorted(os.path.join(item, f) for f in os.listdir(item)
                            if f.endswith((".srt", ".vtt", ".txt")))
        else:
            paths.append(item)
    if not paths:
        sys.exit("no .srt, .vtt or .txt files in " + " ".join(args.inputs))

    work = args.keep or tempfile.mkdtemp(prefix="break-agreement-")
    os.makedirs(work, exist_ok=True)
    report = collections.Counter()
    results = [r for r in (run_file(p, args, work, report) for p in paths) if r]

    total, groups = Counts(), collections.defaultdict(Counts)
    group_files = collections.Counter()
    reasons = collections.Counter()
    for result in results:
        counts = result["counts"]
        total.merge(counts)
        style = ("two-line style" if counts.share("two_line_human", "cues_human")
                 >= TWO_LINE_STYLE_SHARE else "one-line style")
        result["style"] = style
        groups[style].merge(counts)
        group_files[style] += 1
        reasons.update(result["reasons"])

    print(f"Break agreement of --preset {args.preset} with human subtitles in "
          + ", ".join(args.inputs))
    print("P/R/F1 of our breaks against the human's, in %; eob = cue break, eol = line break "
          "inside a cue, any = either (type ignored).")
    print("2-line% = cues with two lines; sent.end->eob% = sentence ends (. ? !) followed by a "
          "cue break; no-fit = our cues ending because the next word would not fit.")
    print()
    print(header(True))
    if args.per_file:
        for result in results:
            print(row(result["name"] + (" *" if result["style"] == "one-line style" else ""),
                      result["counts"], 1))
        print()
    for style in ("two-line style", "one-line style"):
        if group_files[style] and len(group_files) > 1:
            print(row(style, groups[style], group_files[style]))
    print(row("all", total, len(results)))
    print()
    if group_files["one-line style"]:
        print(f"(one-line style: human files with fewer than {TWO_LINE_STYLE_SHARE:.0%} two-line "
              "cues{}; their eol scores are not meaningful, their 'any' scores are.)".format(
                  ", marked *" if args.per_file else ""))
    if total.c["unaligned"]:
        print(f"warning: {total.c['unaligned']} words could not be aligned between ours and the "
              "human's")
    print("our cues end because: " + "; ".join(f"{r} ({n})" for r, n in reasons.most_common()))

    if args.examples:
        rng = random.Random(args.seed)
        buckets = collections.defaultdict(list)
        before_extra = collections.defaultdict(collections.Counter)
        for result in results:
            words, human, ours = result["words"], result["human"], result["ours"]
            two_line = result["style"] == "two-line style"
            for index in range(len(words) - 1):
                h, o = human[index], ours[index]
                key = re.sub(r"^\W+|\W+$", "", words[index].lower())
                if o == "eob" and h is None:
                    buckets["our cue break, no human break"].append((result["name"], words, index))
                    before_extra["cue ends (human: no break)"][key] += 1
                if o == "eol" and h is None and two_line:
                    buckets["our line break, no human break"].append((result["name"], words, index))
                    before_extra["line ends (human: no break)"][key] += 1
                if h == "eob" and o is None:
                    buckets["human cue break, none of ours"].append((result["name"], words, index))
                if h == "eob" and o == "eol":
                    buckets["human cue break, our line break"].append((result["name"], words, index))
                if ends_sentence(words[index]) and o != "eob" and h == "eob":
                    buckets["sentence end: human cue break, not ours"].append(
                        (result["name"], words, index))
        print()
        for kind, items in buckets.items():
            print(f"{kind}: {len(items)}")
            for name, words, index in rng.sample(items, min(args.examples, len(items))):
                print(f"    {name}: {context(words, index)}")
        for kind, counter in before_extra.items():
            print(f"words our {kind} most often follow: "
                  + ", ".join(f"{w} {n}" for w, n in counter.most_common(20)))
    if not args.keep:
        import shutil

        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
