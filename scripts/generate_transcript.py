#!/usr/bin/env python3
"""Generates realistic ElevenLabs speech-to-text responses, deterministically from a seed.

usage: generate_transcript.py --words N [--seed S] [--language en|ja] [--speakers K]
                              [--characters] [--artifacts [--stats]] > transcript.json

The output has the API's shape and its real quirks: several speakers taking turns, spacing
items that overlap the words around them, zero-length words, standalone punctuation, audio
events in parentheses, pauses of every length, optional per-character times; Japanese comes
one character per word item with no spacing, as the API returns it.

--artifacts adds the timing and punctuation artifacts of real ElevenLabs responses (issue 12),
drawn from a random stream of their own so that the rest of the output is the same as without
the flag: standalone punctuation (a 20 ms "." after a word, alone after a long pause, or
opening the transcript; Japanese "。", "、", "？", "！" items of 20 ms), punctuation glued to
the next word ("。あ", ".So"), items far longer than speech (a word lasting 9-35 s, a single
kana 9-10 s, a "！" or "!" lasting 20-65 s), collapsed runs (8-40 consecutive words and the
spacing between them all at one instant, start = end) and 1 ms items. --stats prints how many
of each were made to stderr. ARTIFACT_RATES has the rates.
"""
import argparse
import json
import random
import sys

EN_SENTENCES = [
    "So what brought you to the city in the first place?",
    "Honestly, I came for a job and stayed for the people.",
    "We recorded the whole thing on a single microphone in the kitchen.",
    "The archive has more than forty thousand hours of interviews.",
    "Nobody expected the river to flood that early in the spring.",
    "I remember my grandmother singing while she cooked.",
    "Dr. Amara Osei says the birds start before the traffic does.",
    "And then, of course, the power went out for three days.",
    "It is not about the money, it is about the time you spend.",
    "Can you say that again, a bit slower this time?",
    "Mr. Jensen kept every letter in a box under the stairs.",
    "The results were clear: more sleep, fewer mistakes.",
    "We should talk about what happens after the election.",
    "That is exactly why the museum opened a second wing.",
]
JA_SENTENCES = [
    "今日はとても良い天気ですね。", "私は東京で生まれました。", "この町には古いお寺がたくさんあります。",
    "「ありがとう」と彼は言った。", "明日の会議は午後三時からです。", "子供のころ、よく川で遊びました。",
    "音楽を聞きながら勉強するのが好きです。", "それは本当に面白い話ですね。",
]
EVENTS = ["(laughter)", "(applause)", "(music)", "(coughs)"]

# Per candidate item. Real responses have these more rarely (english-monologue: two standalone
# "." in 720 words); the rates are raised so that 3,000 words hold several of each.
ARTIFACT_RATES = {
    "leading_mark": 0.3,        # per transcript: a "." item, then a pause of 2-3 s, first
    "detached_mark": 0.05,      # per English word ending in . , ? !: the mark an item of 20 ms
    "orphan_mark": 0.015,       # per English sentence end: then a pause of 2-25 s, a "." item
    "glued_mark": 0.01,         # per English sentence end: its "." glued to the next word
    "question_mark": 0.12,      # per Japanese "。": "？" instead
    "exclamation_mark": 0.05,   # per Japanese "。": "！" instead
    "short_mark": 0.5,          # per Japanese punctuation item: 20 ms long
    "glued_mark_ja": 0.2,       # per Japanese "。、？！" before a character: glued to it ("。あ")
    "overlong_mark": 0.006,     # per sentence end: a "！" / "!" item lasting 20-65 s
    "overlong_word": 0.004,     # per English word: lasts 9-35 s longer
    "overlong_kana": 0.003,     # per Japanese kana: lasts 9-10 s
    "one_millisecond": 0.01,    # per word: 1 ms long
    "collapsed_run": 0.002,     # per word: it and the next 8-40 words at one instant
    "collapsed_tail": 0.25,     # per transcript: the last 8-40 words at one instant
}
SENTENCE_MARKS = ".?!"
JA_MARKS = "。、？！"


def is_cjk_letter(text):
    """One kana or kanji character (not punctuation)."""
    return len(text) == 1 and ("\u3041" <= text <= "\u30ff" or "\u3400" <= text <= "\u9fff") \
        and text not in "・ー"


def add_artifacts(words, language, seed, characters):
    """The artifacts of real responses, injected into `words` (a new list; `words` is kept).

    Deterministic from `seed`, from a random stream of its own. Times after an inserted pause
    or an overlong item move later; nothing else changes order. Returns the items and how many
    of each artifact were made."""
    rng = random.Random(f"artifacts-{seed}")
    rate = ARTIFACT_RATES
    stats = {key: 0 for key in ["leading_mark", "detached_mark", "orphan_mark", "glued_mark",
                                "question_mark", "exclamation_mark", "short_mark",
                                "overlong_mark", "overlong_word", "overlong_kana",
                                "one_millisecond", "collapsed_run", "collapsed_items"]}
    out = []
    shift = 0.0

    def item(text, kind, start, end, speaker_id, like=None):
        new = {"text": text, "start": start, "end": end, "type": kind, "speaker_id": speaker_id}
        if kind == "word":
            new["logprob"] = like["logprob"] if like and "logprob" in like else 0.0
        return new

    def spacing(start, end, speaker_id):
        return item(" ", "spacing", start, end, speaker_id)

    if words and rng.random() < rate["leading_mark"]:
        first = words[0]
        t = first["start"]
        pause = rng.uniform(2.0, 3.0)
        out.append(item("." if language == "en" else "。", "word", t, t + 0.02, first["speaker_id"]))
        if language == "en":
            out.append(spacing(t + 0.02, t + 0.02 + pause, first["speaker_id"]))
        shift += 0.02 + pause
        stats["leading_mark"] += 1

    index = 0
    glue = ""
    while index < len(words):
        w = dict(words[index])
        w["start"] += shift
        w["end"] += shift
        index += 1
        if w["type"] != "word":
            out.append(w)
            continue
        sid = w["speaker_id"]
        if glue:
            w["text"] = glue + w["text"]
            glue = ""
        text = w["text"]
        if language == "en":
            mark = text[-1] if len(text) > 1 and text[-1] in SENTENCE_MARKS + "," \
                and text not in ("Dr.", "Mr.") else ""
            roll = rng.random()
            if mark and roll < rate["detached_mark"]:
                w["text"] = text[:-1]
                out.append(w)
                t = w["end"]
                if rng.random() < 0.5:
                    out.append(spacing(t, t + 0.02, sid))
                    t += 0.02
                out.append(item(mark, "word", t, t + 0.02, sid, w))
                shift += t + 0.02 - w["end"]
                stats["detached_mark"] += 1
                continue
            roll -= rate["detached_mark"]
            if mark in SENTENCE_MARKS and mark and roll < rate["orphan_mark"]:
                out.append(w)
                t = w["end"]
                before, after = rng.uniform(2, 25), rng.uniform(2, 6)
                out.append(spacing(t, t + before, sid))
                out.append(item(".", "word", t + before, t + before + 0.02, sid, w))
                out.append(spacing(t + before + 0.02, t + before + 0.02 + after, sid))
                shift += before + 0.02 + after
                stats["orphan_mark"] += 1
                continue
            roll -= rate["orphan_mark"]
            following = next((x for x in words[index:] if x["type"] != "spacing"), None)
            if mark == "." and following and following["type"] == "word" \
                    and roll < rate["glued_mark"]:
                w["text"] = text[:-1]
                glue = "."
                out.append(w)
                stats["glued_mark"] += 1
                continue
            roll -= rate["glued_mark"]
            if mark == "." and roll < rate["overlong_mark"]:
                w["text"] = text[:-1]
                out.append(w)
                length = rng.uniform(20, 65)
                out.append(item("!", "word", w["end"], w["end"] + length, sid, w))
                shift += length
                stats["overlong_mark"] += 1
                continue
            if rng.random() < rate["overlong_word"]:
                extra = rng.uniform(9, 35)
                w["end"] += extra
                shift += extra
                stats["overlong_word"] += 1
        else:
            if text == "。":
                roll = rng.random()
                if roll < rate["question_mark"]:
                    w["text"] = text = "？"
                    stats["question_mark"] += 1
                elif roll < rate["question_mark"] + rate["exclamation_mark"]:
                    w["text"] = text = "！"
                    stats["exclamation_mark"] += 1
                elif roll < rate["question_mark"] + rate["exclamation_mark"] \
                        + rate["overlong_mark"]:
                    w["text"] = text = "！"
                    extra = rng.uniform(20, 65)
                    w["end"] = w["start"] + extra
                    shift += extra
                    stats["overlong_mark"] += 1
            if text in JA_MARKS:
                if w["end"] - w["start"] < 1 and rng.random() < rate["short_mark"]:
                    w["end"] = w["start"] + 0.02
                    stats["short_mark"] += 1
                following = words[index] if index < len(words) else None
                if following and following["type"] == "word" and w["end"] - w["start"] < 1 \
                        and is_cjk_letter(following["text"]) and rng.random() < rate["glued_mark_ja"]:
                    glue = text
                    # The glued item has the character's times, or runs from the mark's start.
                    if rng.random() < 0.5:
                        nxt = dict(following)
                        nxt["start"] = w["start"] - shift
                        words = words[:index] + [nxt] + words[index + 1:]
                    stats["glued_mark"] += 1
                    continue
            elif is_cjk_letter(text) and "\u3041" <= text <= "\u309f" \
                    and rng.random() < rate["overlong_kana"]:
                extra = rng.uniform(9, 10) - (w["end"] - w["start"])
                w["end"] += extra
                shift += extra
                stats["overlong_kana"] += 1
        if w["end"] - w["start"] > 0.001 and w["end"] - w["start"] < 2 \
                and rng.random() < rate["one_millisecond"]:
            w["end"] = w["start"] + 0.001
            stats["one_millisecond"] += 1
        out.append(w)

    # Collapsed runs: a word and the items up to its 8th-40th word after it, all at one instant,
    # the run's first start or its last end; the time they took passes all the same.
    def collapse(first, words_wanted):
        last = first
        seen = 0
        while last < len(out):
            if out[last]["type"] != "spacing":
                seen += 1
                if seen == words_wanted:
                    break
            last += 1
        last = min(last, len(out) - 1)
        instant = out[first]["start"] if rng.random() < 0.5 else out[last]["end"]
        for x in out[first:last + 1]:
            x["start"] = x["end"] = instant
        stats["collapsed_run"] += 1
        stats["collapsed_items"] += seen
        return last + 1

    position = 0
    while position < len(out):
        if out[position]["type"] == "word" and rng.random() < rate["collapsed_run"]:
            position = collapse(position, rng.randint(8, 40))
        else:
            position += 1
    if rng.random() < rate["collapsed_tail"]:
        wanted = rng.randint(8, 40)
        first = len(out)
        seen = 0
        while first > 0 and seen < wanted:
            first -= 1
            if out[first]["type"] != "spacing":
                seen += 1
        collapse(first, wanted)

    for x in out:
        x["start"] = round(x["start"], 3)
        x["end"] = round(max(x["end"], x["start"]), 3)
        if characters and x["type"] == "word":
            step = (x["end"] - x["start"]) / max(1, len(x["text"]))
            x["characters"] = [{"text": c, "start": round(x["start"] + i * step, 3),
                                "end": round(x["start"] + (i + 1) * step, 3)}
                               for i, c in enumerate(x["text"])]
    return out, stats


def main():
    parser = argparse.ArgumentParser(
        description="Write a realistic ElevenLabs speech-to-text response (JSON) to stdout, the same "
                    "bytes for the same options. Used by the tests, the benchmark and "
                    "scripts/caption-quality.sh.",
        epilog="examples: generate_transcript.py --hours 10 --speakers 4 > 10h.json; "
               "generate_transcript.py --words 3000 --language ja --artifacts > ja.json")
    size = parser.add_mutually_exclusive_group()
    size.add_argument("--words", type=int, default=6000, metavar="N",
                      help="about how many word items to write (default: 6000, about an hour of speech)")
    size.add_argument("--hours", type=float, metavar="H",
                      help="about how many hours of speech to write (6,000 words an hour); instead of --words")
    parser.add_argument("--seed", type=int, default=1, metavar="S",
                        help="random seed: the same seed gives the same file (default: 1)")
    parser.add_argument("--language", choices=["en", "ja"], default="en",
                        help="English sentences with spacing items, or Japanese one character per item "
                             "with no spacing, as the API returns it (default: en)")
    parser.add_argument("--speakers", type=int, default=3, metavar="K",
                        help="how many diarized speakers take turns, speaker_0 to speaker_K-1 (default: 3)")
    parser.add_argument("--characters", action="store_true",
                        help="add per-character times to every word, as timestamps_granularity=character does")
    parser.add_argument("--artifacts", action="store_true",
                        help="add real responses' artifacts: standalone and glued punctuation, items lasting "
                             "up to a minute, runs of items collapsed onto one instant, 1 ms items "
                             "(off by default, so other options give the same bytes as before)")
    parser.add_argument("--stats", action="store_true",
                        help="print how many of each artifact were added, on stderr")
    args = parser.parse_args()
    if args.hours is not None:
        args.words = max(1, round(args.hours * 6000))
    rng = random.Random(args.seed)
    words = []
    t = rng.uniform(0.1, 2.0)
    speaker = 0
    count = 0

    def add(text, kind, start, end, speaker_id):
        item = {"text": text, "start": round(start, 3), "end": round(end, 3), "type": kind,
                "speaker_id": speaker_id}
        if kind == "word":
            item["logprob"] = round(-rng.random() * 0.5, 4)
            if args.characters:
                step = (end - start) / max(1, len(text))
                item["characters"] = [{"text": c, "start": round(start + i * step, 3),
                                       "end": round(start + (i + 1) * step, 3)} for i, c in enumerate(text)]
        words.append(item)

    while count < args.words:
        if rng.random() < 0.3:
            speaker = rng.randrange(args.speakers)
        sid = f"speaker_{speaker}"
        for _ in range(rng.randint(1, 4)):
            pool = EN_SENTENCES if args.language == "en" else JA_SENTENCES
            sentence = rng.choice(pool)
            tokens = sentence.split(" ") if args.language == "en" else list(sentence)
            for index, token in enumerate(tokens):
                if args.language == "en" and (index > 0 or words):
                    overlap = 0.02 if rng.random() < 0.7 else 0
                    gap = rng.uniform(0.03, 0.2)
                    start = max(0, (words[-1]["end"] if words else t) - overlap)
                    add(" ", "spacing", start, t + gap, sid)
                    t += gap
                length = 0 if rng.random() < 0.05 else rng.uniform(0.08, 0.12) * max(1, len(token)) ** 0.8
                add(token, "word", t, t + length, sid)
                t += length
                count += 1
                if args.language == "ja":
                    t += rng.uniform(0.0, 0.05)
            if args.language == "en" and rng.random() < 0.05:
                add(" ", "spacing", t, t + 0.02, sid)
                add(".", "word", t + 0.02, t + 0.04, sid)
                t += 0.04
            t += rng.choice([0.1, 0.2, 0.3, 0.5, 0.9, 1.6, 3.0]) * rng.random()
            if rng.random() < 0.04:
                if args.language == "en":
                    add(" ", "spacing", t, t + 0.05, sid)
                add(rng.choice(EVENTS), "audio_event", t + 0.05, t + rng.uniform(0.5, 2), sid)
                t = words[-1]["end"]
    transcription_id = f"generated-{args.language}-{args.seed}-{args.words}"
    if args.artifacts:
        words, stats = add_artifacts(words, args.language, args.seed, args.characters)
        transcription_id += "-artifacts"
        if args.stats:
            print(" ".join(f"{k}={v}" for k, v in stats.items()), file=sys.stderr)
    body = {"language_code": "eng" if args.language == "en" else "jpn", "language_probability": 0.98,
            "text": "".join(w["text"] for w in words), "words": words,
            "transcription_id": transcription_id}
    print(json.dumps(body, ensure_ascii=False))


if __name__ == "__main__":
    main()
