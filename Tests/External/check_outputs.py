#!/usr/bin/env python3
"""Checks ScribeKit's outputs with other people's parsers, as the files' users would open them.

usage: check_outputs.py FOLDER EXPECTED_WORDS_FILE

FOLDER holds NAME.{srt,vtt,html,docx,pdf} made from one transcript; EXPECTED_WORDS_FILE holds
its spoken words, one per line. Each parser must accept the file, and the text it extracts must
hold every word, in order. DOCX also goes through LibreOffice (headless, own profile) to PDF,
and the PDF must exist and not be empty, because LibreOffice exits 0 even when it fails. Our
PDF must pass `qpdf --check`, embed every font as a subset (`pdffonts`), give back every word
in order (`pdftotext`), and say what LibreOffice's PDF of the DOCX says.
Prints one line per check; exits 1 on the first failure.
"""
import html
import os
import re
import shutil
import subprocess
import sys
import tempfile


def visible(text):
    return re.sub(r"\s+", "", text)


def fail(message):
    print("FAIL", message)
    sys.exit(1)


def check_order(name, text, words):
    got, want = visible(text), visible("".join(words))
    if got != want:
        position = next((i for i, (a, b) in enumerate(zip(got, want)) if a != b), min(len(got), len(want)))
        fail(f"{name}: text differs at character {position}: got {got[position:position+30]!r}, want {want[position:position+30]!r}")
    print("ok", name, f"({len(words)} words in order)")


def html_transcript_text(path):
    """The transcript's text as html5lib (strict) reads it: <main> without segment headings.
    Fails if the page does not parse, or if transcript text ended up inside a script."""
    import html5lib
    with open(path, "rb") as f:
        parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
        document = parser.parse(f)
    main_element = document.find(".//main")
    if main_element is None:
        fail(f"{path}: no <main>")
    for head in main_element.iter():
        for child in list(head):
            if child.get("class") == "head":
                head.remove(child)
    for script in document.iter("script"):
        if "alert(" in "".join(script.itertext()):
            fail(f"{path}: transcript text became a script")
    return "".join(main_element.itertext())


def docx_transcript_text(path):
    """The transcript's text as python-docx reads it: the Segment paragraphs without speaker
    and timestamp runs. Fails if the document lacks the expected styles."""
    import docx
    document = docx.Document(path)
    styles = [p.style.name for p in document.paragraphs]
    if styles[:2] != ["Title", "Subtitle"] or ("Segment" not in styles and len(styles) > 2):
        fail(f"{path}: unexpected paragraph styles {styles[:5]}")
    return "".join(
        "".join(run.text for run in p.runs if run.style is None or run.style.name not in ("Speaker", "Timestamp"))
        for p in document.paragraphs if p.style.name == "Segment")


HEAD_LINE = re.compile(r"^(\S.*?\s+)?\d\d:\d\d:\d\d\.\d{3} – \d\d:\d\d:\d\d\.\d{3}(\s+\S.*)?$")
FOOTER = re.compile(r"^Page \d+ of \d+$")
SUMMARY = re.compile(r"^(Language: \S+ · )?\d+ segments? · ")
BIDI_CONTROLS = dict.fromkeys([0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A)])


def without_emoji(text):
    """Emoji are pictures from a colour font in a PDF, which hold no text."""
    import unicodedata
    return "".join(
        c for c in text
        if not (ord(c) >= 0x1F000 or c in "\u200d\ufe0f" or unicodedata.category(c) == "So" and ord(c) >= 0x2600))


def is_rtl(c):
    o = ord(c)
    return 0x0590 <= o <= 0x08FF or 0xFB1D <= o <= 0xFDFF or 0xFE70 <= o <= 0xFEFF


def sorting_rtl_runs(text):
    """Every right-to-left run's characters sorted: a PDF draws right-to-left text in visual
    order, and pdftotext rebuilds its logical order by heuristics that move punctuation within
    the run. Sets of characters still show a lost, doubled or misplaced word."""
    out, run = [], []
    def flush():
        out.extend(sorted(run) if any(is_rtl(c) for c in run) else run)
        run.clear()
    for c in text:
        if is_rtl(c) or not c.isalnum():
            run.append(c)
        else:
            flush()
            out.append(c)
    flush()
    return "".join(out)


def pdf_transcript_text(path, title):
    """The transcript's text of a PDF as pdftotext reads it (layout mode): without the title,
    summary, running headers, page footers, speaker-and-time head lines and bidi controls."""
    text = subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", path, "-"], capture_output=True, text=True, check=True).stdout
    lines = []
    # A long title wraps over lines in a large font: drop it from the start of the text first.
    wanted = visible(title)
    while wanted and text.strip():
        first, _, rest = text.lstrip().partition("\n")
        if not wanted.startswith(visible(first)) or not visible(first):
            break
        wanted = wanted[len(visible(first)):]
        text = rest
    for raw in re.split(r"[\n\f]", text):
        line = raw.translate(BIDI_CONTROLS).strip()
        if not line or line == title or HEAD_LINE.match(line) or FOOTER.match(line) or SUMMARY.match(line):
            continue
        lines.append(line)
    return without_emoji("\n".join(lines))


def check_pdf(stem, words, docx_text):
    path = stem + ".pdf"
    for tool in ("qpdf", "pdffonts", "pdftotext"):
        if shutil.which(tool) is None:
            fail(f"pdf: {tool} is not installed")
    result = subprocess.run(["qpdf", "--check", path], capture_output=True, text=True)
    if result.returncode != 0:
        fail(f"pdf: qpdf --check: {result.stdout.strip()[-300:]} {result.stderr.strip()[-300:]}")
    print("ok pdf (qpdf --check)")
    fonts = subprocess.run(["pdffonts", path], capture_output=True, text=True, check=True).stdout.splitlines()[2:]
    if not fonts:
        fail("pdf: no fonts")
    for row in fonts:
        if " yes yes yes " not in row:
            fail(f"pdf: a font is not embedded as a subset with a ToUnicode map: {row}")
    print("ok pdf (pdffonts:", len(fonts), "fonts, each embedded as a subset)")
    ours = pdf_transcript_text(path, os.path.basename(stem))
    check_order("pdf (pdftotext)", sorting_rtl_runs(visible(ours)), [sorting_rtl_runs(visible(without_emoji("".join(words))))])
    if sorting_rtl_runs(visible(ours)) != sorting_rtl_runs(visible(without_emoji(docx_text))):
        fail("pdf: its text differs from the DOCX's")
    print("ok pdf (says what the DOCX says)")
    return ours


def main():
    folder, words_file = sys.argv[1], sys.argv[2]
    with open(words_file, encoding="utf-8") as f:
        words = [line.rstrip("\n") for line in f if line.strip()]
    stems = {os.path.splitext(n)[0] for n in os.listdir(folder) if n.endswith(".docx")}
    if len(stems) != 1:
        fail(f"expected one .docx in {folder}")
    stem = os.path.join(folder, stems.pop())

    import pysubs2
    import srt
    with open(stem + ".srt", encoding="utf-8") as f:
        text = f.read()
    cues = list(srt.parse(text))
    events = pysubs2.SSAFile.from_string(text, format_="srt").events
    if len(cues) != len(events):
        fail(f"srt: srt finds {len(cues)} cues, pysubs2 {len(events)}")
    # Zero-width spaces keep markup-like text plain in SRT; they are not part of the words.
    check_order("srt (srt)", "".join(c.content for c in cues).replace("\u200b", ""), words)
    check_order("srt (pysubs2)", "".join(e.text.replace("\\N", "") for e in events).replace("\u200b", ""), words)

    import webvtt
    captions = webvtt.read(stem + ".vtt")
    # webvtt-py leaves character references as they are; a player shows them decoded.
    check_order("vtt (webvtt-py)", html.unescape("".join(c.text for c in captions)), words)

    check_order("html (html5lib, strict)", html_transcript_text(stem + ".html"), words)
    docx_text = docx_transcript_text(stem + ".docx")
    check_order("docx (python-docx)", docx_text, words)
    ours = check_pdf(stem, words, docx_text)

    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office is None:
        fail("docx: LibreOffice is not installed")
    with tempfile.TemporaryDirectory() as work:
        profile = "file://" + os.path.join(work, "profile")
        result = subprocess.run(
            [office, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf", "--outdir", work, stem + ".docx"],
            capture_output=True, text=True, timeout=180)
        pdf = os.path.join(work, os.path.basename(stem) + ".pdf")
        if not os.path.exists(pdf) or os.path.getsize(pdf) == 0:
            fail(f"docx: LibreOffice made no PDF (exit {result.returncode}): {result.stderr.strip()[:300]}")
        print("ok docx (LibreOffice to PDF,", os.path.getsize(pdf), "bytes)")
        if shutil.which("pdftotext"):
            text = subprocess.run(["pdftotext", pdf, "-"], capture_output=True, text=True).stdout
            # Only plain ASCII words: whether emoji or a script shows depends on installed fonts.
            # pdftotext joins a word hyphenated at a line end and drops its hyphen ("TikTok-like"
            # broken after "TikTok-" comes back as "TikToklike"), so hyphens are not compared.
            for word in [w for w in words if w.isascii() and w.strip()][:20]:
                if visible(word).replace("-", "") not in visible(text).replace("-", ""):
                    fail(f"docx: the PDF LibreOffice made lacks {word!r}")
            print("ok docx (the PDF's text holds the first ASCII words)")
            # LibreOffice's PDF of our DOCX and our PDF say the same things (fonts aside: a
            # script LibreOffice has no font for is left out of both comparisons by emoji only).
            theirs = pdf_transcript_text(pdf, os.path.basename(stem))
            a = sorting_rtl_runs(visible(theirs).replace("-", ""))
            b = sorting_rtl_runs(visible(ours).replace("-", ""))
            if a != b:
                at = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
                fail(f"pdf: LibreOffice's PDF of the DOCX differs at {at}: {a[at:at+30]!r} vs ours {b[at:at+30]!r}")
            print("ok pdf (says what LibreOffice's PDF of the DOCX says)")


if __name__ == "__main__":
    main()
