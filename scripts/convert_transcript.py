#!/usr/bin/env python3
"""Turn a generated ElevenLabs speech-to-text transcript into every other input shape ScribeKit reads.

The benchmark reads each input shape at 10 h, so it needs a 10 h input in each shape; only the
ElevenLabs speech-to-text response can be generated (scripts/generate_transcript.py), so this
script rewrites one into the others: the other engines' JSON in their own units (Deepgram,
AssemblyAI in milliseconds, Amazon Transcribe with string times, Google "1.5s", Azure ticks and
ISO 8601 durations, Rev.ai, Speechmatics, openai-whisper, whisperX, whisper.cpp, the OpenAI API's
verbose_json) and the ElevenLabs sources (multichannel, webhook, realtime session, text to
speech and its stream and WebSocket log, bare alignment, dialogue and its stream, history item,
forced alignment, dubbing transcript, music).

Audio events ("(laughter)") are left out of every shape but the ElevenLabs speech-to-text ones:
the other engines do not write them. With --check SCRIBEKIT, each file written is read back with
`scribekit convert --format segmented_json`, which must name the expected shape and give the same
words (letters and digits, in order) as the source; the script exits 1 if any does not.

usage: convert_transcript.py SOURCE.json OUTDIR [--shapes a,b] [--check path/to/scribekit]
"""
import argparse
import json
import os
import re
import subprocess
import sys

SENTENCE_END = (".", "?", "!")
PUNCTUATION = ".,?!;:"


def load(path):
    with open(path, encoding="utf-8") as f:
        body = json.load(f)
    words = [w for w in body["words"] if w["type"] == "word"]
    return body, words


def speaker_number(word):
    return int(word.get("speaker_id", "speaker_0").rsplit("_", 1)[-1])


def segments(words, longest=30):
    """Runs of words of one speaker, cut after a sentence's end once they have a few words, so
    that engines that group words (segments, utterances, phrases) get realistic groups."""
    groups, current = [], []
    for word in words:
        if current and (speaker_number(word) != speaker_number(current[-1]) or len(current) >= longest
                        or (current[-1]["text"].endswith(SENTENCE_END) and len(current) >= 6)):
            groups.append(current)
            current = []
        current.append(word)
    if current:
        groups.append(current)
    return groups


def text_of(words):
    return " ".join(w["text"] for w in words)


def split_punctuation(text):
    """'spring.' -> ('spring', '.'): engines that list punctuation as items of its own."""
    core = text.rstrip(PUNCTUATION)
    return (core or text), (text[len(core):] if core else "")


def characters(items):
    """Characters with times, from the ElevenLabs words and spacings (events left out): the
    text-to-speech alignments."""
    chars, starts, ends = [], [], []
    previous_end = 0.0
    for item in items:
        if item["type"] == "audio_event":
            continue
        text, start, end = item["text"], item["start"], item["end"]
        start = max(start, previous_end)
        end = max(end, start)
        step = (end - start) / max(1, len(text))
        for i, c in enumerate(text):
            chars.append(c)
            starts.append(round(start + i * step, 3))
            ends.append(round(start + (i + 1) * step, 3))
        previous_end = end
    return chars, starts, ends


def alignment(items):
    chars, starts, ends = characters(items)
    return {"characters": chars, "character_start_times_seconds": starts,
            "character_end_times_seconds": ends}


def slices(alignment_body, size=400):
    """The alignment cut into stream chunks of `size` characters."""
    n = len(alignment_body["characters"])
    for first in range(0, n, size):
        yield first, {key: values[first:first + size] for key, values in alignment_body.items()}


def speakers_of_characters(items):
    """The speaker of each character of the alignment (events left out, as there)."""
    turn_of = []
    for item in items:
        if item["type"] != "audio_event":
            turn_of += [speaker_number(item)] * len(item["text"])
    return turn_of


def voice_segments(turn_of, alignment_body, offset=0, count=None):
    """Speaker turns as dialogue voice_segments: character ranges of one voice, from `offset`
    (a stream chunk's first character) on."""
    count = len(turn_of) - offset if count is None else count
    starts = alignment_body["character_start_times_seconds"]
    ends = alignment_body["character_end_times_seconds"]
    result, first = [], None
    for i in range(count):
        if first is None:
            first = i
        if i + 1 == count or turn_of[offset + i + 1] != turn_of[offset + i]:
            result.append({"voice_id": f"voice{turn_of[offset + i]}",
                           "start_time_seconds": starts[first], "end_time_seconds": ends[i],
                           "character_start_index": first, "character_end_index": i + 1,
                           "dialogue_input_index": len(result)})
            first = None
    return result


def ndjson(lines):
    return "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines)


# --- ElevenLabs sources ---------------------------------------------------------------------

def stt_multichannel(body, words):
    channel = dict(body, words=[dict(w, channel_index=0) for w in body["words"]], channel_index=0)
    channel.pop("transcription_id", None)
    return {"transcripts": [channel], "transcription_id": body.get("transcription_id")}


def webhook(body, words):
    return {"type": "speech_to_text_transcription", "event_timestamp": 1764050400,
            "data": {"request_id": "bench", "transcription": body}}


def stt_realtime(body, words):
    lines = [{"message_type": "session_started", "session_id": "bench",
              "config": {"sample_rate": 16000, "audio_format": "pcm_16000", "language_code": "en",
                         "model_id": "scribe_v2_realtime", "commit_strategy": "vad",
                         "include_timestamps": True}}]
    items, current = body["words"], []
    for index, item in enumerate(items):
        current.append(item)
        last = index + 1 == len(items)
        if last or (item["type"] == "word" and item["text"].endswith(SENTENCE_END)
                    and items[index + 1]["type"] == "spacing"):
            # A committed segment starts with a word: the spacing before it ends the previous one.
            text = "".join(i["text"] for i in current).strip()
            lines.append({"message_type": "committed_transcript", "text": text})
            lines.append({"message_type": "committed_transcript_with_timestamps", "text": text,
                          "language_code": "en", "words": current})
            current = []
    return ndjson(lines)


def tts(body, words):
    a = alignment(body["words"])
    return {"audio_base64": "", "alignment": a, "normalized_alignment": a}


def tts_stream(body, words):
    return ndjson({"audio_base64": "", "alignment": part, "normalized_alignment": part}
                  for _, part in slices(alignment(body["words"])))


def tts_websocket(body, words):
    """Messages with times in milliseconds from their own audio's start; the audio is empty, so
    each message follows the previous one's last character (pauses between messages are lost,
    and reading says so), but every word is there."""
    lines = []
    for _, part in slices(alignment(body["words"])):
        zero = part["character_start_times_seconds"][0]
        starts = [round((s - zero) * 1000) for s in part["character_start_times_seconds"]]
        durations = [max(0, round((e - s) * 1000)) for s, e in
                     zip(part["character_start_times_seconds"], part["character_end_times_seconds"])]
        a = {"chars": part["characters"], "charStartTimesMs": starts, "charDurationsMs": durations}
        lines.append({"audio": "", "isFinal": None, "normalizedAlignment": a, "alignment": a})
    lines.append({"isFinal": True})
    return ndjson(lines)


def bare_alignment(body, words):
    return alignment(body["words"])


def dialogue(body, words):
    a = alignment(body["words"])
    return {"audio_base64": "", "alignment": a, "normalized_alignment": a,
            "voice_segments": voice_segments(speakers_of_characters(body["words"]), a)}


def dialogue_stream(body, words):
    whole = alignment(body["words"])
    turn_of = speakers_of_characters(body["words"])
    lines = []
    for first, part in slices(whole):
        segs = voice_segments(turn_of, part, offset=first, count=len(part["characters"]))
        lines.append({"audio_base64": "", "alignment": part, "normalized_alignment": part,
                      "voice_segments": segs})
    return ndjson(lines)


def history(body, words):
    a = alignment(body["words"])
    return {"history_item_id": "bench", "request_id": "bench", "voice_id": "voice0",
            "model_id": "eleven_multilingual_v2", "voice_name": "Bench",
            "text": "".join(a["characters"]), "date_unix": 1764460800, "content_type": "audio/mpeg",
            "state": "created", "source": "TTS",
            "alignments": {"alignment": a, "normalized_alignment": a}}


def forced_alignment(body, words):
    chars, starts, ends = characters(body["words"])
    return {"characters": [{"text": c, "start": s, "end": e} for c, s, e in zip(chars, starts, ends)],
            "words": [{"text": w["text"], "start": w["start"], "end": w["end"], "loss": 0.05}
                      for w in words],
            "loss": 0.05}


def dubbing(body, words):
    utterances = []
    for group in segments(words):
        utterances.append({
            "text": text_of(group), "speaker_id": group[0].get("speaker_id", "speaker_0"),
            "start_s": group[0]["start"], "end_s": group[-1]["end"],
            "words": [{"text": w["text"], "word_type": "word", "start_s": w["start"], "end_s": w["end"]}
                      for w in group]})
    return {"transcript_format": "json", "srt": None, "webvtt": None,
            "json": {"language": "en", "utterances": utterances}}


def music(body, words):
    return {"composition_plan": {"positive_global_styles": ["spoken word"], "negative_global_styles": [],
                                 "sections": []},
            "song_metadata": {"title": "Bench", "description": "", "genres": [], "languages": ["en"],
                              "is_explicit": False},
            "words_timestamps": [{"word": w["text"], "start_ms": round(w["start"] * 1000),
                                  "end_ms": round(w["end"] * 1000)} for w in words]}


# --- Other engines ----------------------------------------------------------------------------

def deepgram(body, words):
    out = [{"word": split_punctuation(w["text"])[0].lower(), "start": w["start"], "end": w["end"],
            "confidence": 0.95, "punctuated_word": w["text"], "speaker": speaker_number(w),
            "speaker_confidence": 0.9} for w in words]
    return {"metadata": {"request_id": "bench", "created": "2026-03-02T10:02:11.204Z",
                         "duration": words[-1]["end"], "channels": 1},
            "results": {"channels": [{"alternatives": [
                {"transcript": text_of(words), "confidence": 0.95, "words": out}]}]}}


def assemblyai(body, words):
    letter = lambda w: chr(ord("A") + speaker_number(w))
    return {"id": "bench", "status": "completed", "language_code": "en_us", "text": text_of(words),
            "words": [{"text": w["text"], "start": round(w["start"] * 1000), "end": round(w["end"] * 1000),
                       "confidence": 0.95, "speaker": letter(w)} for w in words],
            "utterances": [{"confidence": 0.95, "start": round(g[0]["start"] * 1000),
                            "end": round(g[-1]["end"] * 1000), "text": text_of(g), "speaker": letter(g[0]),
                            "words": [{"text": w["text"], "start": round(w["start"] * 1000),
                                       "end": round(w["end"] * 1000), "confidence": 0.95,
                                       "speaker": letter(w)} for w in g]}
                           for g in segments(words)]}


def aws(body, words):
    items = []
    for w in words:
        core, mark = split_punctuation(w["text"])
        label = f"spk_{speaker_number(w)}"
        items.append({"id": len(items), "type": "pronunciation",
                      "alternatives": [{"confidence": "0.99", "content": core}],
                      "start_time": f"{w['start']:.3f}", "end_time": f"{w['end']:.3f}", "speaker_label": label})
        for m in mark:
            items.append({"id": len(items), "type": "punctuation",
                          "alternatives": [{"confidence": "0.0", "content": m}], "speaker_label": label})
    return {"jobName": "bench", "accountId": "111122223333", "status": "COMPLETED",
            "results": {"transcripts": [{"transcript": text_of(words)}], "items": items}}


def google(body, words):
    def duration(seconds):
        return f"{seconds:.3f}s"
    return {"results": [{"alternatives": [{"transcript": (" " if i else "") + text_of(g), "confidence": 0.93,
                                           "words": [{"startTime": duration(w["start"]), "endTime": duration(w["end"]),
                                                      "word": w["text"], "confidence": 0.93,
                                                      "speakerTag": speaker_number(w) + 1} for w in g]}],
                         "resultEndTime": duration(g[-1]["end"]), "languageCode": "en-us"}
                        for i, g in enumerate(segments(words))]}


def azure(body, words):
    def ticks(seconds):
        return float(round(seconds * 10_000_000))

    def iso(seconds):
        return f"PT{seconds:.3f}S"
    phrases = []
    for g in segments(words):
        start, end = g[0]["start"], g[-1]["end"]
        lexical = " ".join(split_punctuation(w["text"])[0].lower() for w in g)
        timed = lambda w: {"offset": iso(w["start"]), "duration": iso(w["end"] - w["start"]),
                           "offsetInTicks": ticks(w["start"]), "durationInTicks": ticks(w["end"] - w["start"])}
        phrases.append({
            "recognitionStatus": "Success", "channel": 0, "speaker": speaker_number(g[0]) + 1,
            "offset": iso(start), "duration": iso(end - start), "offsetInTicks": ticks(start),
            "durationInTicks": ticks(end - start), "offsetMilliseconds": round(start * 1000),
            "durationMilliseconds": round((end - start) * 1000),
            "nBest": [{"confidence": 0.93, "lexical": lexical, "itn": lexical, "maskedITN": lexical,
                       "display": text_of(g),
                       "words": [dict(timed(w), word=split_punctuation(w["text"])[0].lower(), confidence=0.93)
                                 for w in g],
                       "displayWords": [dict(timed(w), displayText=w["text"]) for w in g]}]})
    total = words[-1]["end"]
    return {"source": "bench.wav", "timestamp": "2024-05-21T09:14:02Z", "durationInTicks": ticks(total),
            "durationMilliseconds": round(total * 1000), "duration": iso(total),
            "combinedRecognizedPhrases": [{"channel": 0, "lexical": "", "itn": "", "maskedITN": "",
                                           "display": text_of(words)}],
            "recognizedPhrases": phrases}


def revai(body, words):
    monologues = []
    for g in segments(words):
        elements = []
        for i, w in enumerate(g):
            if i:
                elements.append({"type": "punct", "value": " "})
            core, mark = split_punctuation(w["text"])
            elements.append({"type": "text", "value": core, "ts": w["start"], "end_ts": w["end"], "confidence": 0.95})
            for m in mark:
                elements.append({"type": "punct", "value": m})
        n = speaker_number(g[0])
        monologues.append({"speaker": n, "speaker_info": {"id": f"spk_{n}", "display_name": f"Speaker {n + 1}"},
                           "elements": elements})
    return {"monologues": monologues}


def speechmatics(body, words):
    results = []
    for w in words:
        core, mark = split_punctuation(w["text"])
        who = f"S{speaker_number(w) + 1}"
        results.append({"alternatives": [{"confidence": 0.99, "content": core, "language": "en", "speaker": who}],
                        "start_time": w["start"], "end_time": w["end"], "type": "word"})
        for m in mark:
            results.append({"alternatives": [{"confidence": 1.0, "content": m, "language": "en", "speaker": who}],
                            "attaches_to": "previous", "is_eos": m in SENTENCE_END,
                            "start_time": w["end"], "end_time": w["end"], "type": "punctuation"})
    return {"format": "2.9", "job": {"created_at": "2026-03-02T11:20:41.108Z", "data_name": "bench.wav",
                                     "duration": round(words[-1]["end"]), "id": "bench"},
            "metadata": {"created_at": "2026-03-02T11:20:49.620331Z",
                         "language_pack_info": {"word_delimiter": " ", "writing_direction": "left-to-right"},
                         "transcription_config": {"diarization": "speaker", "language": "en"},
                         "type": "transcription"},
            "results": results}


def whisper_json(body, words):
    segs = [{"id": i, "seek": 0, "start": g[0]["start"], "end": g[-1]["end"], "text": " " + text_of(g),
             "tokens": [], "temperature": 0.0, "avg_logprob": -0.2, "compression_ratio": 1.2,
             "no_speech_prob": 0.01,
             "words": [{"start": w["start"], "end": w["end"], "word": " " + w["text"], "probability": 0.9}
                       for w in g]}
            for i, g in enumerate(segments(words))]
    return {"text": " " + text_of(words), "segments": segs, "language": "en"}


def whisperx(body, words):
    def word(w):
        return {"word": w["text"], "start": w["start"], "end": w["end"], "score": 0.9,
                "speaker": f"SPEAKER_{speaker_number(w):02d}"}
    segs = [{"start": g[0]["start"], "end": g[-1]["end"], "text": " " + text_of(g),
             "speaker": f"SPEAKER_{speaker_number(g[0]):02d}", "words": [word(w) for w in g]}
            for g in segments(words)]
    return {"segments": segs, "word_segments": [word(w) for w in words], "language": "en"}


def whisper_cpp(body, words):
    def stamp(seconds):
        ms = round(seconds * 1000)
        return f"{ms // 3600000:02d}:{ms // 60000 % 60:02d}:{ms // 1000 % 60:02d},{ms % 1000:03d}"

    def span(start, end):
        return {"timestamps": {"from": stamp(start), "to": stamp(end)},
                "offsets": {"from": round(start * 1000), "to": round(end * 1000)}}
    transcription = []
    for g in segments(words):
        tokens = [dict(span(w["start"], w["end"]), text=" " + w["text"], id=0, p=0.9, t_dtw=-1) for w in g]
        transcription.append(dict(span(g[0]["start"], g[-1]["end"]), text=" " + text_of(g), tokens=tokens,
                                  speaker=str(speaker_number(g[0]))))
    return {"systeminfo": "AVX = 1", "model": {"type": "base", "multilingual": False},
            "params": {"model": "models/ggml-base.en.bin", "language": "en", "translate": False},
            "result": {"language": "en"}, "transcription": transcription}


def openai_verbose(body, words):
    """The OpenAI API's words carry no punctuation; its text and segments do."""
    bare = [w for w in words if re.sub(r"[^\w]", "", w["text"])]
    return {"task": "transcribe", "language": "english", "duration": words[-1]["end"], "text": text_of(words),
            "segments": [{"id": i, "seek": 0, "start": g[0]["start"], "end": g[-1]["end"], "text": " " + text_of(g),
                          "tokens": [], "temperature": 0.0, "avg_logprob": -0.2, "compression_ratio": 1.2,
                          "no_speech_prob": 0.01} for i, g in enumerate(segments(words))],
            "words": [{"word": re.sub(r"^[^\w]+|[^\w]+$", "", w["text"]), "start": w["start"], "end": w["end"]}
                      for w in bare],
            "usage": {"type": "duration", "seconds": round(words[-1]["end"])}}


# shape name (as `scribekit convert --input-shape` spells it) -> (converter, file ending)
CONVERTERS = {
    "stt-multichannel": (stt_multichannel, "json"),
    "webhook": (webhook, "json"),
    "stt-realtime": (stt_realtime, "ndjson"),
    "tts": (tts, "json"),
    "tts-stream": (tts_stream, "ndjson"),
    "tts-websocket": (tts_websocket, "ndjson"),
    "alignment": (bare_alignment, "json"),
    "dialogue": (dialogue, "json"),
    "dialogue-stream": (dialogue_stream, "ndjson"),
    "history": (history, "json"),
    "forced-alignment": (forced_alignment, "json"),
    "dubbing": (dubbing, "json"),
    "music": (music, "json"),
    "deepgram": (deepgram, "json"),
    "assemblyai": (assemblyai, "json"),
    "aws-transcribe": (aws, "json"),
    "google-stt": (google, "json"),
    "azure-speech": (azure, "json"),
    "revai": (revai, "json"),
    "speechmatics": (speechmatics, "json"),
    "whisper-json": (whisper_json, "json"),
    "whisperx": (whisperx, "json"),
    "whisper-cpp": (whisper_cpp, "json"),
    "openai-verbose-json": (openai_verbose, "json"),
}


def tokens(text):
    return re.findall(r"[^\W_]+", text)


def read_back(scribekit, path):
    """The shape scribekit names for `path` and the words it reads, as tokens."""
    result = subprocess.run([scribekit, "convert", path, "--format", "segmented_json", "-o", "-", "-q"],
                            capture_output=True, text=True)
    if result.returncode != 0:
        return None, None, result.stderr.strip()[-300:]
    exported = json.loads(result.stdout)
    found = []
    for segment in exported.get("segments", []):
        found += [w["text"] for w in segment.get("words", []) if w.get("type", "word") == "word"]
    return exported, tokens(" ".join(found)), ""


def detected_shape(scribekit, path, expected):
    """Detection check: reading with --input-shape must agree with reading without it, and
    reading as the expected shape must work (a file detected as another shape gives another
    output or an ambiguity error)."""
    plain = subprocess.run([scribekit, "convert", path, "--format", "segmented_json", "-o", "-", "-q"],
                           capture_output=True)
    insisted = subprocess.run([scribekit, "convert", path, "--format", "segmented_json", "-o", "-", "-q",
                               "--input-shape", expected], capture_output=True)
    return plain.returncode == 0 and insisted.returncode == 0 and plain.stdout == insisted.stdout


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source", help="an ElevenLabs speech-to-text response (generate_transcript.py)")
    parser.add_argument("outdir", help="the folder to write <shape>.<json|ndjson> files into")
    parser.add_argument("--shapes", help="comma-separated shapes (default: all): " + ", ".join(CONVERTERS))
    parser.add_argument("--check", metavar="SCRIBEKIT",
                        help="read each file back with this scribekit binary: same shape, same words")
    args = parser.parse_args()
    body, words = load(args.source)
    wanted = args.shapes.split(",") if args.shapes else list(CONVERTERS)
    os.makedirs(args.outdir, exist_ok=True)
    expected = tokens(" ".join(w["text"] for w in words))
    failures = 0
    for shape in wanted:
        convert, ending = CONVERTERS[shape]
        out = convert(body, words)
        path = os.path.join(args.outdir, f"{shape}.{ending}")
        with open(path, "w", encoding="utf-8") as f:
            f.write(out if isinstance(out, str) else json.dumps(out, ensure_ascii=False))
        if not args.check:
            print(path)
            continue
        _, got, error = read_back(args.check, path)
        same_shape = detected_shape(args.check, path, shape)
        if got is None:
            verdict = f"FAILED to read: {error}"
        elif got != expected:
            first = next((i for i, (a, b) in enumerate(zip(got, expected)) if a != b), min(len(got), len(expected)))
            verdict = (f"DIFFERENT words: {len(got)} read, {len(expected)} expected; first difference at "
                       f"{first}: {got[first:first + 4]} vs {expected[first:first + 4]}")
        elif not same_shape:
            verdict = "NOT detected as its shape"
        else:
            verdict = f"ok ({len(got)} words, detected as {shape})"
        failures += not verdict.startswith("ok")
        print(f"{shape:22} {path}: {verdict}")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
