#!/usr/bin/env python3
"""Generates realistic ElevenLabs speech-to-text responses, deterministically from a seed.

usage: generate_transcript.py --words N [--seed S] [--language en|ja] [--speakers K]
                              [--characters] > transcript.json

The output has the API's shape and its real quirks: several speakers taking turns, spacing
items that overlap the words around them, zero-length words, standalone punctuation, audio
events in parentheses, pauses of every length, optional per-character times; Japanese comes
one character per word item with no spacing, as the API returns it.
"""
import argparse
import json
import random

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


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--words", type=int, default=6000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--language", choices=["en", "ja"], default="en")
    parser.add_argument("--speakers", type=int, default=3)
    parser.add_argument("--characters", action="store_true")
    args = parser.parse_args()
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
    body = {"language_code": "eng" if args.language == "en" else "jpn", "language_probability": 0.98,
            "text": "".join(w["text"] for w in words), "words": words,
            "transcription_id": f"generated-{args.language}-{args.seed}-{args.words}"}
    print(json.dumps(body, ensure_ascii=False))


if __name__ == "__main__":
    main()
