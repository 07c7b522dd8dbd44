#!/usr/bin/env python3
"""A small stand-in for the ElevenLabs API, for ScribeKit's tests. Standard library only.

usage: fake_elevenlabs.py --key KEY --root PACKAGE_ROOT

Listens on 127.0.0.1 on a free port and prints "PORT <n>" once ready. Implements, from the API
reference: GET and DELETE /v1/speech-to-text/transcripts/{id}, POST /v1/speech-to-text
(multipart), POST /v1/forced-alignment (multipart: the alignment is computed from the text
received, see forced_alignment), POST /v1/text-to-speech/{voice_id}/with-timestamps. Every
request must carry xi-api-key equal to KEY, or gets the API's 401.

Control endpoints for tests (no key needed):
  POST /_control/faults    JSON list queued for the next requests, one fault each:
                           {"status": 429, "retry_after": "1"}, {"status": 500},
                           {"truncate": true} (a 200 whose JSON body stops half way),
                           {"delay": 3} (wait before answering), {"status": 422}
                           (refusing body.model_id, or {"status": 422, "field": "text"}),
                           {"cut": true} (a stream that stops in the middle of a chunk),
                           {"status": 401, "echo_key": true} (an error quoting the key sent)
  GET  /_control/requests  JSON list of every request seen: method, path, query, the key's
                           presence, multipart field names and values (file parts by size)
  POST /_control/stream    JSON settings for every later /stream/with-timestamps response
                           (null or {} restores the default: the bundled sample in 12-character
                           chunks 0.2 s apart, which the tests rely on). {"paced": true} speaks
                           a generated ~3-minute script the way the API streams it; see
                           PacedStream for the settings and their defaults. Answers with the
                           settings in effect and, when paced, the script's size.
  GET  /_control/streams   JSON list, one entry per stream response sent: when the headers went
                           out and, for every chunk, when it finished writing it ("sent", from
                           time.monotonic(): CLOCK_MONOTONIC, comparable across processes on
                           Linux), its size and how many alignment characters it carried
  GET  /_control/stream-body?index=I
                           the newline-delimited body of stream I (default: the last one)
"""
import argparse
import base64
import json
import os
import random
import re
import threading
import time
from email.parser import BytesParser
from email.policy import HTTP
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlparse, parse_qs

STATE = {"faults": [], "requests": [], "deleted": set(), "stream": None, "streams": []}
LOCK = threading.Lock()


# Scripts written without spaces between words: each of these characters starts a word.
CJK = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]")
# The audio the fake aligner assumes: speech starts here and each character takes this long.
ALIGN_START = 0.25
ALIGN_PER_CHARACTER = 0.08


def script_words(text):
    """The words of a script with their character ranges: runs between whitespace, and within
    them each Chinese, Japanese or Korean character its own word (punctuation after it joins it),
    so words written together stay together in the characters and apart in the words."""
    words = []
    for match in re.finditer(r"\S+", text):
        start = match.start()
        for index in range(match.start() + 1, match.end()):
            if CJK.match(text[index]):
                words.append((start, index))
                start = index
        words.append((start, match.end()))
    return words


def forced_alignment(text):
    """A forced-alignment response for `text`: every character of it (spaces and line breaks
    included) in turn, each word from its first character's start to its last one's end, a loss
    per word and their mean as the overall loss (as the API's response model describes)."""
    def start(index):
        return round(ALIGN_START + index * ALIGN_PER_CHARACTER, 3)

    characters = [{"text": character, "start": start(index), "end": start(index + 1)}
                  for index, character in enumerate(text)]
    words = []
    for first, end in script_words(text):
        loss = round(0.05 + 0.01 * ((end - first) % 7), 3)
        words.append({"text": text[first:end], "start": start(first), "end": start(end), "loss": loss})
    loss = round(sum(word["loss"] for word in words) / len(words), 4) if words else 0.0
    return {"characters": characters, "words": words, "loss": loss}


# Common English words for the paced stream's script: what it says does not matter, only that it
# looks like speech to a caption segmenter (word lengths, commas, sentences, paragraphs).
VOCABULARY = (
    "the of and to in is that it was for on are as with his they at be this from have or by "
    "one had not but what all were when we there can an your which their said if do will each "
    "about how up out them then she many some so these would other into has more her two like "
    "him see time could no make than first been its who now people my made over did down only "
    "way find use may water long little very after words called just where most know get "
    "through back much before go good new write our used me man too any day same right look "
    "think also around another came come work three word must because does part even place well "
    "such here take why things help put years different away again off went old number great "
    "tell men say small every found still between name should home big give air line set own "
    "under read last never us left end along while might next sound below saw something thought "
    "both few those always looked show large often together asked house world going want school "
    "important until form food keep children feet land side without boy once animals life enough "
    "took sometimes four head above kind began almost live page got earth need far hand high year "
    "mother light parts country father let night following picture being study second eyes soon "
    "questions river garden morning village museum station summer winter harbour library").split()


class PacedStream:
    """A /stream/with-timestamps response the size and pace of the API's for a long script.

    The script: `words` words (about 450, some 2,500 characters: three minutes of speech) in
    sentences of 6 to 18 words, some with a comma, four sentences to a paragraph. Each letter
    takes 0.06 to 0.085 s, a space 0.03 s, punctuation 0.12 s (the bundled sample's character
    times); the space after a comma lasts 0.15 s, after a sentence 0.3 to 0.7 s and after a
    paragraph 0.9 to 1.2 s, so the segmenter sees real pauses. Times run from the start of the
    request's audio, as the API's do.

    The chunks: the API streams audio as it is made, each chunk with the alignment of the
    characters spoken in it; here every chunk is about a second of audio (an assumption: the API
    reference gives no size and public reports give no figure). Chunk N holds the characters
    that start in second [N * chunk_seconds, (N + 1) * chunk_seconds) of the audio and
    chunk_seconds of fake MP3 at audio_bytes_per_second (16,000: 128 kbit/s, so about 21 KB of
    base64 a chunk); a chunk whose second holds no character start has null alignments, like the
    audio-only chunks the tts-stream reader skips. Both alignments are the same (the script has
    nothing to normalize). Chunks go out `interval` seconds apart: 0.15 by default, audio made
    about 6.7 times faster than it plays, so a three-minute script streams in 28 s and a client
    that falls behind (more than 150 ms of work a chunk) shows it; the benchmark can set any
    pace.
    """

    DEFAULTS = {"words": 450, "seed": 18, "interval": 0.15, "chunk_seconds": 1.0,
                "audio_bytes_per_second": 16000}

    def __init__(self, settings):
        unknown = set(settings) - set(self.DEFAULTS) - {"paced"}
        if unknown:
            raise ValueError(f"unknown paced stream settings: {sorted(unknown)}")
        self.settings = {**self.DEFAULTS, **{k: v for k, v in settings.items() if k != "paced"}}
        self.interval = float(self.settings["interval"])
        self.script, self.characters = self.speak(
            int(self.settings["words"]), int(self.settings["seed"]))
        self.lines = self.chunks()

    @staticmethod
    def speak(count, seed):
        rng = random.Random(seed)
        text = []
        left = count
        sentence_in_paragraph = 0
        while left > 0:
            length = min(left, rng.randint(6, 18))
            left -= length
            words = [rng.choice(VOCABULARY) for _ in range(length)]
            words[0] = words[0].capitalize()
            if length > 8 and rng.random() < 0.5:
                words[rng.randint(2, length - 4)] += ","
            sentence_in_paragraph += 1
            end = "?" if rng.random() < 0.1 else "."
            words[-1] += end
            text.append((words, sentence_in_paragraph % 4 == 0 or left == 0))
        # Characters with times.
        characters = []
        clock = 0.0

        def add(character, duration):
            nonlocal clock
            characters.append((character, round(clock, 3), round(clock + duration, 3)))
            clock += duration

        for number, (words, paragraph_end) in enumerate(text):
            for index, word in enumerate(words):
                for character in word:
                    add(character, 0.12 if character in ",.?" else rng.uniform(0.06, 0.085))
                last = index == len(words) - 1
                if last and number == len(text) - 1:
                    break
                if last:
                    add(" ", rng.uniform(0.9, 1.2) if paragraph_end else rng.uniform(0.3, 0.7))
                else:
                    add(" ", 0.15 if word.endswith(",") else 0.03)
        script = "".join(character for character, _, _ in characters)
        return script, characters

    def chunks(self):
        seconds = float(self.settings["chunk_seconds"])
        audio_rate = int(self.settings["audio_bytes_per_second"])
        duration = self.characters[-1][2] + 0.3 if self.characters else seconds
        count = max(1, int(duration / seconds) + (duration % seconds > 0))
        groups = [[] for _ in range(count)]
        for character in self.characters:
            groups[min(count - 1, int(character[1] / seconds))].append(character)
        rng = random.Random(int(self.settings["seed"]))
        lines = []
        for number, group in enumerate(groups):
            audio = rng.randbytes(int(seconds * audio_rate))
            if number == 0:
                audio = b"ID3\x04\x00\x00\x00\x00\x00\x00" + audio[10:]
            alignment = {
                "characters": [c for c, _, _ in group],
                "character_start_times_seconds": [s for _, s, _ in group],
                "character_end_times_seconds": [e for _, _, e in group],
            } if group else None
            line = {"audio_base64": base64.b64encode(audio).decode(), "alignment": alignment,
                    "normalized_alignment": alignment}
            lines.append((json.dumps(line) + "\n").encode())
        return lines

    def summary(self):
        return {**self.settings, "paced": True, "characters": len(self.script),
                "words": len(self.script.split()), "chunks": len(self.lines),
                "seconds": self.characters[-1][2] if self.characters else 0.0}


def transcripts(root):
    return {
        "interview": os.path.join(root, "Samples/interview.json"),
        "multichannel": os.path.join(root, "Tests/ScribeKitTests/Inputs/multichannel.json"),
    }


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    key = ""
    root = ""

    def log_message(self, *args):
        pass

    def send_json(self, status, body, headers=None, truncate=False):
        data = json.dumps(body).encode()
        if truncate:
            data = data[: len(data) // 2]
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)

    def stream_lines(self, lines, cut=False, interval=0.2, pause_at_end=True):
        """Sends `lines` (encoded, each ending in a newline) `interval` seconds apart, logging
        when each one finished writing (see /_control/streams). With `pause_at_end`, the body
        ends `interval` after the last line (what the tests were written against); without,
        at once, as the API's does."""
        log = {"path": urlparse(self.path).path, "chunks": []}
        with LOCK:
            STATE["streams"].append(log)
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Connection", "close")
        self.end_headers()
        log["headers_sent"] = time.monotonic()
        body = []
        for index, data in enumerate(lines):
            if index:
                time.sleep(interval)
            if cut and index == len(lines) - 1:
                data = data[: len(data) // 2]
            self.wfile.write(data)
            self.wfile.flush()
            # wfile is unbuffered: the line is in the socket once write() returns.
            sent = time.monotonic()
            body.append(data)
            try:
                characters = len((json.loads(data).get("alignment") or {}).get("characters", []))
            except ValueError:
                characters = None
            log["chunks"].append({"sent": sent, "bytes": len(data), "characters": characters})
        if pause_at_end:
            time.sleep(interval)
        log["finished"] = time.monotonic()
        log["body"] = b"".join(body)
        self.close_connection = True

    def tts_chunks(self):
        with open(os.path.join(self.root, "Samples/speech-with-timestamps.json"), encoding="utf-8") as f:
            body = json.load(f)
        chunks = []
        for key in ("alignment", "normalized_alignment"):
            alignment = body[key]
            size = 12
            for number, start in enumerate(range(0, len(alignment["characters"]), size)):
                part = {name: values[start:start + size] for name, values in alignment.items()}
                if len(chunks) <= number:
                    chunks.append({"audio_base64": "SUQz" + "A" * 8})
                chunks[number][key] = part
        chunks.insert(1, {"audio_base64": "AAAA", "alignment": None, "normalized_alignment": None})
        return chunks

    def body(self):
        length = int(self.headers.get("Content-Length") or 0)
        if length <= 1_000_000:
            return self.rfile.read(length) if length else b""
        # A large upload is taken in slowly, as over a real network, so that a client's progress
        # shows more than its start and end (about 0.5 s for 6 MB).
        body = bytearray()
        while len(body) < length:
            piece = self.rfile.read(min(256 * 1024, length - len(body)))
            if not piece:
                break
            body += piece
            time.sleep(0.02)
        return bytes(body)

    def record(self, fields=None):
        url = urlparse(self.path)
        with LOCK:
            STATE["requests"].append({
                "method": self.command, "path": url.path, "query": parse_qs(url.query),
                "has_key": self.headers.get("xi-api-key") is not None,
                "key_ok": self.headers.get("xi-api-key") == self.key,
                "fields": fields or {},
            })

    def control(self):
        url = urlparse(self.path)
        if url.path == "/_control/faults" and self.command == "POST":
            with LOCK:
                STATE["faults"].extend(json.loads(self.body() or b"[]"))
            return self.send_json(200, {"queued": len(STATE["faults"])})
        if url.path == "/_control/requests":
            with LOCK:
                return self.send_json(200, STATE["requests"])
        if url.path == "/_control/stream" and self.command == "POST":
            settings = json.loads(self.body() or b"null") or {}
            try:
                paced = PacedStream(settings) if settings.get("paced") else None
            except (ValueError, TypeError) as error:
                return self.send_json(400, {"detail": str(error)})
            with LOCK:
                STATE["stream"] = paced
            return self.send_json(200, paced.summary() if paced else {"paced": False})
        if url.path == "/_control/streams":
            with LOCK:
                logs = [{k: v for k, v in log.items() if k != "body"} for log in STATE["streams"]]
            return self.send_json(200, logs)
        if url.path == "/_control/stream-body":
            index = int(parse_qs(url.query).get("index", ["-1"])[0])
            with LOCK:
                try:
                    data = STATE["streams"][index].get("body", b"")
                except IndexError:
                    return self.send_json(404, {"detail": "no such stream"})
            self.send_response(200)
            self.send_header("Content-Type", "application/x-ndjson")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
            return None
        return self.send_json(404, {"detail": "no such control endpoint"})

    def handle_any(self):
        url = urlparse(self.path)
        if url.path.startswith("/_control/"):
            return self.control()
        fields = {}
        raw = self.body()
        if self.headers.get("Content-Type", "").startswith("multipart/form-data"):
            message = BytesParser(policy=HTTP).parsebytes(
                b"Content-Type: " + self.headers["Content-Type"].encode() + b"\r\n\r\n" + raw)
            for part in message.iter_parts():
                name = part.get_param("name", header="content-disposition")
                payload = part.get_payload(decode=True) or b""
                if part.get_filename():
                    fields[name] = {"filename": part.get_filename(), "size": len(payload)}
                else:
                    fields[name] = payload.decode("utf-8", "replace")
        elif raw:
            try:
                fields = json.loads(raw)
            except ValueError:
                fields = {"_unparsable": raw.decode("utf-8", "replace")}
        self.record(fields)

        with LOCK:
            fault = STATE["faults"].pop(0) if STATE["faults"] else None
        if fault and fault.get("delay"):
            time.sleep(fault["delay"])
        if fault and fault.get("status"):
            status = fault["status"]
            headers = {"Retry-After": fault["retry_after"]} if "retry_after" in fault else {}
            if fault.get("echo_key"):
                sent = self.headers.get("xi-api-key", "")
                body = {"detail": {"status": "invalid_api_key", "message": f"Invalid API key {sent!r} for {sent}"}}
            elif status == 422:
                field = fault.get("field", "model_id")
                body = {"detail": [{"loc": ["body", field], "msg": "field required", "type": "missing"}]}
            elif status == 429:
                body = {"detail": {"status": "too_many_concurrent_requests", "message": "Too many concurrent requests."}}
            else:
                body = {"detail": {"status": "internal_error", "message": "Something went wrong."}}
            return self.send_json(status, body, headers)
        truncate = bool(fault and fault.get("truncate"))

        if self.headers.get("xi-api-key") != self.key:
            return self.send_json(401, {"detail": {"status": "invalid_api_key", "message": "Invalid API key"}})

        parts = url.path.strip("/").split("/")
        if parts[:3] == ["v1", "speech-to-text", "transcripts"] and len(parts) == 4:
            path = transcripts(self.root).get(parts[3])
            if path is None or parts[3] in STATE["deleted"]:
                return self.send_json(404, {"detail": {"status": "not_found_error", "message": "Transcript not found."}})
            if self.command == "DELETE":
                STATE["deleted"].add(parts[3])
                return self.send_json(200, {})
            with open(path, encoding="utf-8") as f:
                return self.send_json(200, json.load(f), truncate=truncate)
        if parts == ["v1", "speech-to-text"] and self.command == "POST":
            missing = [name for name in ("model_id",) if name not in fields]
            if "file" not in fields and "cloud_storage_url" not in fields:
                missing.append("file")
            if missing:
                return self.send_json(422, {"detail": [{"loc": ["body", m], "msg": "field required", "type": "missing"} for m in missing]})
            if fields.get("webhook") == "true":
                return self.send_json(200, {"message": "Request accepted", "request_id": "req-1", "transcription_id": "tr-42"})
            with open(transcripts(self.root)["interview"], encoding="utf-8") as f:
                body = json.load(f)
            if "additional_formats" in fields:
                body["additional_formats"] = [
                    {"requested_format": entry["format"], "file_extension": "json" if entry["format"] == "segmented_json" else entry["format"],
                     "content_type": "application/octet-stream", "is_base64_encoded": entry["format"] in ("docx", "pdf"),
                     "content": "U0VSVkVSIEZJTEU=" if entry["format"] in ("docx", "pdf") else "server " + entry["format"]}
                    for entry in json.loads(fields["additional_formats"])]
            return self.send_json(200, body, truncate=truncate)
        if parts == ["v1", "forced-alignment"] and self.command == "POST":
            # The file must be a file part; an empty text part counts as a missing one, as the
            # API's form parser has it.
            missing = [] if isinstance(fields.get("file"), dict) else ["file"]
            if not fields.get("text"):
                missing.append("text")
            if missing:
                return self.send_json(422, {"detail": [{"loc": ["body", m], "msg": "field required", "type": "missing"} for m in missing]})
            return self.send_json(200, forced_alignment(fields["text"]), truncate=truncate)
        if len(parts) == 5 and parts[:2] == ["v1", "text-to-speech"] and parts[3:] == ["stream", "with-timestamps"]:
            cut = bool(fault and fault.get("cut"))
            with LOCK:
                paced = STATE["stream"]
            if paced:
                return self.stream_lines(
                    paced.lines, cut=cut, interval=paced.interval, pause_at_end=False)
            lines = [(json.dumps(line) + "\n").encode() for line in self.tts_chunks()]
            return self.stream_lines(lines, cut=cut)
        if len(parts) == 4 and parts[:2] == ["v1", "text-to-speech"] and parts[3] == "stream":
            self.send_response(200)
            self.send_header("Content-Type", "audio/mpeg")
            self.send_header("Connection", "close")
            self.end_headers()
            for _ in range(5):
                self.wfile.write(b"ID3" + b"\x00" * 997)
                self.wfile.flush()
                time.sleep(0.1)
            self.close_connection = True
            return
        if len(parts) == 4 and parts[:2] == ["v1", "text-to-speech"] and parts[3] == "with-timestamps":
            if not fields.get("text"):
                return self.send_json(422, {"detail": [{"loc": ["body", "text"], "msg": "field required", "type": "missing"}]})
            with open(os.path.join(self.root, "Samples/speech-with-timestamps.json"), encoding="utf-8") as f:
                body = json.load(f)
            body["audio_base64"] = "SUQzBAAAAAAAI1RTU0UAAAAPAAADTGF2ZjU4Ljc2LjEwMAAAAAAAAAAAAAAA"
            return self.send_json(200, body, truncate=truncate)
        return self.send_json(404, {"detail": {"status": "not_found", "message": "no such endpoint"}})

    do_GET = do_POST = do_DELETE = handle_any


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--key", required=True)
    parser.add_argument("--root", required=True)
    args = parser.parse_args()
    Handler.key = args.key
    Handler.root = args.root
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    print("PORT", server.server_address[1], flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
