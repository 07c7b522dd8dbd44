#!/usr/bin/env python3
"""Streaming latency of `scribekit speak --stream` (issue 18, goal 5). Standard library only.

usage: Benchmarks/stream-latency.py SCRIBEKIT [SCRIBEKIT...] [--label NAME]... [--runs N]
                                    [--interval S] [--words N] [--config ARGS]... [--poll]
                                    [--json FILE]

SCRIBEKIT is a release build of the command (`swift build -c release --product scribekit`, then
`.build/release/scribekit`); this script builds nothing. It starts the test server
(Tests/Server/fake_elevenlabs.py) in its paced mode: a generated three-minute script (450
words, about 2,500 characters) streamed the way the API streams it, one chunk per second of
audio with about 21 KB of base64 audio, a chunk every --interval seconds (0.15 by default).
For every configuration (by default `--format srt,vtt`, and the same with `--preset
netflix-en`) it runs `scribekit speak --stream` N times against it, watches the caption files
appear (inotify on IN_CREATE, IN_MOVED_TO and IN_CLOSE_WRITE through ctypes; --poll: stat every
0.25 ms instead) and reports, as medians and maxima over the runs, times from when the server
finished writing a chunk (time.monotonic(), CLOCK_MONOTONIC, the same clock in both processes):

  (a) first chunk with an alignment sent -> first caption file on disk. The command writes only
      final cues while streaming (a cue is final once a later one has started), so this includes
      the seconds of speech until the first cue is complete: it measures the speech, not the
      program.
  (b) the chunk that completed the first cue sent -> that file on disk: the processing latency
      of the first write.
  (c) last chunk sent -> final captions on disk (every requested format).
  (d) every rewrite while streaming: the chunk that made it necessary sent -> all its files on
      disk (median, p95, max over all rewrites of all runs).
  (e) last chunk sent -> the process has exited.

Which chunk "completed" a cue is found without the program under test's timing: the saved
stream's first k chunks are converted (`scribekit convert --input-shape tts-stream`, same
options) for every k, and the cue with index n is final from the first k whose conversion has
more than n cues. The script also checks that the final captions equal the conversion of the
whole stream, and that every file written while streaming holds the first cues of the final one.

Several binaries (a build before a change and one after) are run in turn, run by run, and
reported side by side: on a shared machine, load then weighs on each alike.
"""
import argparse
import ctypes
import json
import os
import select
import shutil
import statistics
import struct
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
KEY = "sk_bench_stream_latency"

IN_CLOSE_WRITE = 0x00000008
IN_MOVED_TO = 0x00000080
IN_CREATE = 0x00000100


class Server:
    """The fake ElevenLabs server, started as FakeServer.swift starts it."""

    def __init__(self):
        self.process = subprocess.Popen(
            [sys.executable, os.path.join(ROOT, "Tests/Server/fake_elevenlabs.py"),
             "--key", KEY, "--root", ROOT],
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        line = self.process.stdout.readline()
        if not line.startswith("PORT "):
            self.process.kill()
            raise SystemExit(f"the fake server did not start: {line!r}")
        self.url = f"http://127.0.0.1:{int(line.split()[1])}"

    def control(self, method, path, body=None):
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(self.url + path, data=data, method=method)
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.read()

    def stop(self):
        self.process.kill()
        self.process.wait()


def cue_count(text):
    return text.count("-->")


def cue_blocks(text, extension):
    """The cues of an SRT or VTT file as text blocks, without SRT's numbers."""
    blocks = [block.strip("\n") for block in text.replace("\r\n", "\n").split("\n\n")]
    blocks = [block for block in blocks if "-->" in block]
    if extension == "srt":
        blocks = [block.split("\n", 1)[1] if block.split("\n", 1)[0].isdigit() else block
                  for block in blocks]
    return blocks


class Watcher:
    """Records, for every caption file name in `names`, when it appeared or changed in `folder`
    (a link, a rename or a close after writing) and the cues it held then."""

    def __init__(self, folder, names, poll=False):
        self.folder = folder
        self.names = set(names)
        self.events = []  # (monotonic time, name, cue count, text)
        self.poll = poll
        self.stop_read, self.stop_write = os.pipe()
        self.thread = threading.Thread(target=self.poll_loop if poll else self.inotify_loop,
                                       daemon=True)
        if not poll:
            libc = ctypes.CDLL(None, use_errno=True)
            self.fd = libc.inotify_init1(os.O_CLOEXEC)
            if self.fd < 0:
                raise OSError(ctypes.get_errno(), "inotify_init1")
            watch = libc.inotify_add_watch(self.fd, folder.encode(),
                                           IN_CREATE | IN_MOVED_TO | IN_CLOSE_WRITE)
            if watch < 0:
                raise OSError(ctypes.get_errno(), "inotify_add_watch")
        self.thread.start()

    def record(self, moment, name):
        try:
            with open(os.path.join(self.folder, name), encoding="utf-8") as f:
                text = f.read()
        except OSError:
            return
        self.events.append((moment, name, cue_count(text), text))

    def inotify_loop(self):
        while True:
            ready, _, _ = select.select([self.fd, self.stop_read], [], [])
            if self.stop_read in ready and self.fd not in ready:
                break
            data = os.read(self.fd, 1 << 16)
            moment = time.monotonic()
            offset = 0
            while offset < len(data):
                _, mask, _, length = struct.unpack_from("iIII", data, offset)
                name = data[offset + 16:offset + 16 + length].rstrip(b"\0").decode()
                offset += 16 + length
                if name in self.names:
                    self.record(moment, name)
        os.close(self.fd)

    def poll_loop(self):
        seen = {}
        while True:
            ready, _, _ = select.select([self.stop_read], [], [], 0.00025)
            if ready:
                break
            for name in self.names:
                try:
                    status = os.stat(os.path.join(self.folder, name))
                except OSError:
                    continue
                key = (status.st_ino, status.st_mtime_ns, status.st_size)
                if seen.get(name) != key:
                    seen[name] = key
                    self.record(time.monotonic(), name)

    def stop(self):
        # Whatever the last read took in is recorded before the thread ends.
        time.sleep(0.05)
        os.write(self.stop_write, b"x")
        self.thread.join()
        os.close(self.stop_read)
        os.close(self.stop_write)


def speak_arguments(binary, config, folder, url):
    return [binary, "speak", "a long script", "--voice", "v1", "--stream", *config,
            "-o", os.path.join(folder, "s.mp3"), "--base-url", url]


def formats_of(config):
    formats = ["srt"]
    for index, argument in enumerate(config):
        if argument == "--format" and index + 1 < len(config):
            formats = config[index + 1].split(",")
    return formats


def final_after_prefix(binary, config, lines, workspace):
    """For every k, how many cues are final once the first k chunks have arrived (all cues of
    the conversion of those chunks but the last), from `scribekit convert` of the prefix."""
    formats = formats_of(config)
    first = formats[0]
    counts = [0]
    stripped = []
    for line in lines:
        chunk = json.loads(line)
        # Only the alignments matter to the captions; the audio would only slow this down.
        chunk["audio_base64"] = ""
        stripped.append(json.dumps(chunk))
    options = [argument for argument in config]
    for k in range(1, len(lines) + 1):
        path = os.path.join(workspace, "prefix.json")
        with open(path, "w", encoding="utf-8") as f:
            f.write("\n".join(stripped[:k]) + "\n")
        out = os.path.join(workspace, "out") + "/"
        result = subprocess.run(
            [binary, "convert", path, "--input-shape", "tts-stream", *options, "-o", out,
             "--force", "-q"], capture_output=True, text=True)
        if result.returncode != 0:
            counts.append(0)
            continue
        with open(os.path.join(out, f"prefix.{first}"), encoding="utf-8") as f:
            counts.append(max(0, cue_count(f.read()) - 1))
    return counts


def convert_whole(binary, config, lines, workspace):
    path = os.path.join(workspace, "whole.json")
    with open(path, "wb") as f:
        f.write(b"".join(lines))
    out = os.path.join(workspace, "whole") + "/"
    subprocess.run([binary, "convert", path, "--input-shape", "tts-stream", *config, "-o", out,
                    "--force", "-q"], check=True, capture_output=True)
    result = {}
    for extension in formats_of(config):
        with open(os.path.join(out, f"whole.{extension}"), encoding="utf-8") as f:
            result[extension] = f.read()
    return result


def one_run(binary, config, server, poll):
    folder = tempfile.mkdtemp(prefix="stream-latency-")
    try:
        formats = formats_of(config)
        names = [f"s.{extension}" for extension in formats]
        watcher = Watcher(folder, names, poll=poll)
        environment = dict(os.environ, ELEVENLABS_API_KEY=KEY)
        started = time.monotonic()
        process = subprocess.Popen(speak_arguments(binary, config, folder, server.url),
                                   env=environment, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.PIPE)
        _, error = process.communicate(timeout=600)
        exited = time.monotonic()
        watcher.stop()
        if process.returncode != 0:
            raise SystemExit(f"scribekit failed ({process.returncode}): {error.decode()}")
        log = json.loads(server.control("GET", "/_control/streams"))[-1]
        if log["headers_sent"] < started:
            raise SystemExit("the server's last stream is not this run's")
        final = {}
        for extension, name in zip(formats, names):
            with open(os.path.join(folder, name), encoding="utf-8") as f:
                final[extension] = f.read()
        return {"events": watcher.events, "chunks": log["chunks"], "exited": exited,
                "final": final, "names": names, "formats": formats}
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def analyse(run, final_counts):
    chunks = run["chunks"]
    sent = [chunk["sent"] for chunk in chunks]
    first_alignment = next(index for index, chunk in enumerate(chunks) if chunk["characters"])
    last_sent = sent[-1]
    total = {extension: cue_count(text) for extension, text in run["final"].items()}

    def trigger(n):
        """The chunk after which n cues are final."""
        for k, count in enumerate(final_counts):
            if count >= n:
                return k - 1
        return None

    events = run["events"]
    first = events[0]
    first_n = first[2]
    result = {
        "a": first[0] - sent[first_alignment],
        "first_cues": first_n,
        "first_trigger": trigger(first_n),
    }
    completing = result["first_trigger"]
    result["b"] = first[0] - sent[completing] if completing is not None else None
    # Final captions: the last event of each format; all on disk at the latest of them.
    last_of = {}
    for moment, name, count, text in events:
        last_of[name] = (moment, count, text)
    result["c"] = max(moment for moment, _, _ in last_of.values()) - last_sent
    result["e"] = run["exited"] - last_sent
    # Rewrites while streaming: each cue count short of the final one, complete once every
    # format holds it.
    by_count = {}
    final_names = {name: count for name, (_, count, _) in last_of.items()}
    for moment, name, count, text in events:
        if count >= final_names[name]:
            continue
        by_count.setdefault(count, {}).setdefault(name, moment)
    rewrites = []
    for count, moments in sorted(by_count.items()):
        if len(moments) < len(run["names"]):
            continue
        k = trigger(count)
        if k is None:
            continue
        rewrites.append(max(moments.values()) - sent[k])
    result["d"] = rewrites
    # Every file written while streaming holds the first cues of the final one.
    mismatches = 0
    for _, name, count, text in events:
        extension = name.rsplit(".", 1)[1]
        partial = cue_blocks(text, extension)
        whole = cue_blocks(run["final"][extension], extension)
        if partial != whole[:len(partial)]:
            mismatches += 1
    result["prefix_mismatches"] = mismatches
    result["rewrites"] = len(by_count)
    result["total_cues"] = total
    result["chunks"] = len(chunks)
    result["first_alignment_chunk"] = first_alignment
    return result


def milliseconds(value):
    return "n/a" if value is None else f"{value * 1000:.1f} ms"


def percentile(values, fraction):
    ordered = sorted(values)
    if not ordered:
        return None
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def summary(results, runs, expected):
    """The table rows and notes of one binary's runs of one configuration."""
    def values(key):
        return [result[key] for result in results if result[key] is not None]

    def median(key):
        return statistics.median(values(key)) if values(key) else None

    def maximum(key):
        return max(values(key)) if values(key) else None

    rewrites = [value for result in results for value in result["d"]]
    rows = [
        ("(a) first alignment chunk → first caption file", median("a"), maximum("a")),
        ("(b) chunk completing cue 1 → that file", median("b"), maximum("b")),
        ("(c) last chunk → final captions", median("c"), maximum("c")),
        ("(d) chunk → rewrite on disk, median and max", 
         statistics.median(rewrites) if rewrites else None, max(rewrites) if rewrites else None),
        ("(d) chunk → rewrite on disk, p95", percentile(rewrites, 0.95), None),
        ("(e) last chunk → process exited", median("e"), maximum("e")),
    ]
    first = results[0]
    notes = {
        "cues": first["total_cues"], "first_cues": first["first_cues"],
        "first_trigger": first["first_trigger"],
        "first_alignment_chunk": first["first_alignment_chunk"], "chunks": first["chunks"],
        "rewrites": len(rewrites),
        "final_equals_convert": sum(1 for run in runs if run["final"] == expected),
        "prefix_mismatches": sum(result["prefix_mismatches"] for result in results),
        "files_written": sum(len(run["events"]) for run in runs),
    }
    return rows, notes


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("scribekit", nargs="+",
                        help="release scribekit binaries; several are run in turn, run by run, "
                             "so that a busy machine weighs on each alike")
    parser.add_argument("--label", action="append",
                        help="a name for each binary in the table (default: its path)")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--interval", type=float, default=0.15,
                        help="seconds between chunks (default 0.15)")
    parser.add_argument("--words", type=int, default=450,
                        help="words in the script (default 450: about three minutes)")
    parser.add_argument("--config", action="append",
                        help="speak options for one configuration, as one string "
                             "(--config='--format vtt'); repeatable (default: '--format srt,vtt' "
                             "and '--format srt,vtt --preset netflix-en')")
    parser.add_argument("--poll", action="store_true", help="stat polling instead of inotify")
    parser.add_argument("--json", help="write every measurement to this file")
    arguments = parser.parse_args()
    binaries = [os.path.abspath(path) for path in arguments.scribekit]
    labels = arguments.label or list(arguments.scribekit)
    if len(labels) != len(binaries):
        raise SystemExit("give one --label per binary, or none")
    configs = [config.split() for config in (arguments.config or
                                             ["--format srt,vtt",
                                              "--format srt,vtt --preset netflix-en"])]

    server = Server()
    workspace = tempfile.mkdtemp(prefix="stream-latency-work-")
    report = {"binaries": dict(zip(labels, binaries)), "interval": arguments.interval,
              "configs": []}
    try:
        setup = json.loads(server.control(
            "POST", "/_control/stream",
            {"paced": True, "interval": arguments.interval, "words": arguments.words}))
        print(f"stream: {setup['words']} words, {setup['characters']} characters, "
              f"{setup['seconds']:.1f} s of speech in {setup['chunks']} chunks of "
              f"{setup['chunk_seconds']} s ({setup['audio_bytes_per_second']} bytes of audio a "
              f"second), one every {setup['interval'] * 1000:.0f} ms", file=sys.stderr)
        lines = None
        tables = []
        for config in configs:
            label = " ".join(config)
            runs = {binary: [] for binary in binaries}
            for number in range(arguments.runs):
                for binary, name in zip(binaries, labels):
                    runs[binary].append(one_run(binary, config, server, arguments.poll))
                    if lines is None:
                        body = server.control("GET", "/_control/stream-body")
                        lines = [line + b"\n" for line in body.split(b"\n") if line]
                    print(f"{label}: {name}: run {number + 1} done", file=sys.stderr)
            # Which chunk made each cue final, from the newest binary's `convert`.
            counts = final_after_prefix(binaries[-1], config, lines, workspace)
            columns = []
            for binary, name in zip(binaries, labels):
                expected = convert_whole(binary, config, lines, workspace)
                results = [analyse(run, counts) for run in runs[binary]]
                rows, notes = summary(results, runs[binary], expected)
                columns.append((name, rows, notes))
                report["configs"].append({"config": label, "binary": name, "results": results,
                                          "final_counts": counts, "notes": notes})
            tables.append((label, columns))
        load = os.getloadavg()
        print(f"\n{arguments.runs} runs of each, a chunk every {arguments.interval * 1000:.0f} ms "
              f"({setup['chunks']} chunks, {setup['seconds']:.0f} s of speech, "
              f"{setup['characters']} characters); load average at the end "
              f"{load[0]:.2f} {load[1]:.2f} {load[2]:.2f}\n")
        for label, columns in tables:
            notes = columns[0][2]
            print(f"**`speak --stream {label}`**: {notes['cues']} cues; the first is final after "
                  f"chunk {notes['first_trigger']} (speech from chunk "
                  f"{notes['first_alignment_chunk']})\n")
            header = "| measure |" + "".join(f" {name} median | {name} max |"
                                            for name, _, _ in columns)
            print(header)
            print("|---|" + "---|---|" * len(columns))
            for index, (measure, _, _) in enumerate(columns[0][1]):
                cells = "".join(
                    f" {milliseconds(rows[index][1])} | {milliseconds(rows[index][2])} |"
                    for _, rows, _ in columns)
                print(f"| {measure} |{cells}")
            for name, _, notes in columns:
                print(f"| {name}: rewrites measured / caption files written | "
                      f"{notes['rewrites']} / {notes['files_written']} | |"
                      + " | |" * (len(columns) - 1))
            for name, _, notes in columns:
                print(f"| {name}: final captions = `convert` of the saved stream | "
                      f"{notes['final_equals_convert']} of {arguments.runs} runs | |"
                      + " | |" * (len(columns) - 1))
            for name, _, notes in columns:
                print(f"| {name}: files written while streaming that are not the final file's "
                      f"start | {notes['prefix_mismatches']} | |" + " | |" * (len(columns) - 1))
            print()
        if arguments.json:
            with open(arguments.json, "w", encoding="utf-8") as f:
                json.dump(report, f, indent=1, default=str)
    finally:
        server.stop()
        shutil.rmtree(workspace, ignore_errors=True)


if __name__ == "__main__":
    main()
