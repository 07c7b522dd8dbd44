#!/usr/bin/env python3
"""Few-line adapters that feed an ElevenLabs transcript's words to each Python peer and print
the captions the peer writes: SRT or WebVTT, and for the newer formats ASS (pysubs2-ass), TTML
(ttconv-ttml) and SCC (pycaption-scc). usage: adapters.py PEER TRANSCRIPT.json [WHISPER_UTILS.py]

Each adapter does the whole job a user would: load the JSON, turn the words into the peer's
input, let the peer split and write captions (42-character lines where it has a setting).
"""
import json
import sys


def words(path):
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    return [w for w in data["words"] if w.get("type") != "spacing"]


def lines(items, width=42):
    """For peers that only write cues: group words into lines of at most `width` characters."""
    current, length = [], 0
    for w in items:
        if current and length + 1 + len(w["text"]) > width:
            yield current
            current, length = [], 0
        current.append(w)
        length += len(w["text"]) + (1 if length else 0)
    if current:
        yield current


def main():
    peer, path = sys.argv[1], sys.argv[2]
    items = words(path)
    if peer == "deepgram-captions":
        from deepgram_captions import DeepgramConverter, srt
        dg = {"results": {"channels": [{"alternatives": [{"transcript": " ", "words": [
            {"word": w["text"], "punctuated_word": w["text"], "start": w["start"], "end": w["end"],
             "confidence": 1.0} for w in items]}]}]}}
        sys.stdout.write(srt(DeepgramConverter(dg), line_length=8))
    elif peer == "srt":
        import datetime
        import srt
        subs = [srt.Subtitle(i + 1, datetime.timedelta(seconds=ws[0]["start"]), datetime.timedelta(seconds=ws[-1]["end"]),
                             " ".join(w["text"] for w in ws)) for i, ws in enumerate(lines(items))]
        sys.stdout.write(srt.compose(subs))
    elif peer == "pysubs2":
        import pysubs2
        subs = pysubs2.SSAFile()
        for ws in lines(items):
            subs.append(pysubs2.SSAEvent(start=int(ws[0]["start"] * 1000), end=int(ws[-1]["end"] * 1000),
                                         text=" ".join(w["text"] for w in ws)))
        sys.stdout.write(subs.to_string("srt"))
    elif peer == "webvtt-py":
        import webvtt
        def stamp(t):
            return "%02d:%02d:%06.3f" % (t // 3600, t % 3600 // 60, t % 60)
        vtt = webvtt.WebVTT()
        for ws in lines(items):
            vtt.captions.append(webvtt.Caption(stamp(ws[0]["start"]), stamp(ws[-1]["end"]), " ".join(w["text"] for w in ws)))
        sys.stdout.write(vtt.content)
    elif peer == "whisper":
        import importlib.util
        spec = importlib.util.spec_from_file_location("whisper_utils", sys.argv[3])
        utils = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(utils)
        segments = [{"start": ws[0]["start"], "end": ws[-1]["end"], "text": " ".join(w["text"] for w in ws),
                     "words": [{"word": " " + w["text"], "start": w["start"], "end": w["end"]} for w in ws]}
                    for ws in lines(items, 84)]
        writer = utils.WriteSRT(".")
        writer.write_result({"segments": segments}, sys.stdout,
                            {"max_line_width": 42, "max_line_count": 2, "highlight_words": False})
    elif peer == "pysubs2-ass":
        import pysubs2
        subs = pysubs2.SSAFile()
        for ws in lines(items):
            subs.append(pysubs2.SSAEvent(start=int(ws[0]["start"] * 1000), end=int(ws[-1]["end"] * 1000),
                                         text=" ".join(w["text"] for w in ws)))
        sys.stdout.write(subs.to_string("ass"))
    elif peer == "ttconv-ttml":
        # ttconv builds its model from a caption file, not from words: the words' lines go in as
        # SRT (in memory), and its IMSC writer writes the TTML.
        import io
        import xml.etree.ElementTree as et
        from ttconv.imsc import writer as imsc_writer
        from ttconv.srt import reader as srt_reader
        def stamp(t):
            ms = int(round(t * 1000))
            return "%02d:%02d:%02d,%03d" % (ms // 3600000, ms // 60000 % 60, ms // 1000 % 60, ms % 1000)
        srt_text = "".join(f"{i + 1}\n{stamp(ws[0]['start'])} --> {stamp(ws[-1]['end'])}\n"
                           f"{' '.join(w['text'] for w in ws)}\n\n" for i, ws in enumerate(lines(items)))
        document = srt_reader.to_model(io.StringIO(srt_text))
        sys.stdout.write(et.tostring(imsc_writer.from_model(document).getroot(), encoding="unicode"))
    elif peer == "pycaption-scc":
        from pycaption import Caption, CaptionList, CaptionNode, CaptionSet, SCCWriter
        # SCC shows 32 characters a row.
        captions = CaptionList([Caption(int(ws[0]["start"] * 1_000_000), int(ws[-1]["end"] * 1_000_000),
                                        [CaptionNode.create_text(" ".join(w["text"] for w in ws))])
                                for ws in lines(items, 32)])
        sys.stdout.write(SCCWriter().write(CaptionSet({"en-US": captions})))
    else:
        sys.exit(f"unknown peer {peer}")


if __name__ == "__main__":
    main()
