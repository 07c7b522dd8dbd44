#!/usr/bin/env python3
"""Drives interactive ScribeKit HTML pages in headless Chromium, as a reader would.

usage: check_html_player.py SCRIBEKIT WORKDIR SCREENSHOT_PREFIX LTR_INPUT.json RTL_INPUT.json

Sets up WORKDIR as a user would: a real WAV (a quiet sine, written with the `wave` module) in
WORKDIR/sub/ under a name with a space, `#` and `?`, and runs, from WORKDIR,
`SCRIBEKIT convert INPUT --format html --audio "sub/NAME" -o sub/`, so the page in sub/ must
find the audio beside it: the CLI makes the path relative to the page's folder and the page
percent-encodes it. Then, in Chromium, for LTR_INPUT (a left-to-right transcript):

- the audio loads: readyState reaches 1 or more, no media error, currentSrc is the WAV;
- keyboard: Tab reaches a paragraph (and never a word), ArrowRight moves to a word, Enter
  plays from that word's start; the live region says so, and while playing it is updated
  sparingly (per paragraph, at most every few seconds), never per word;
- mouse: clicking a word and a timestamp seeks to their start and highlights the word; while
  playing, the highlight moves forward with the audio;
- prefers-reduced-motion: no smooth scrolling and no highlight transition under "reduce";

and for RTL_INPUT converted with --language he (a right-to-left page): the times are
left-to-right runs (direction ltr, first digit left of the last), and in a right-to-left
paragraph ArrowLeft moves forward through the words. Saves SCREENSHOT_PREFIX-ltr.png and
SCREENSHOT_PREFIX-rtl.png. Prints one line per check; exits 1 on the first failure.
"""
import math
import os
import shutil
import struct
import subprocess
import sys
import wave

from playwright.sync_api import sync_playwright

AUDIO_NAME = "take #1 what?.wav"
PLAYER = "document.getElementById('player')"


def fail(message):
    print("FAIL", message)
    sys.exit(1)


def write_wav(path, seconds=50, rate=8000):
    """A quiet 220 Hz sine, 8-bit mono: small on disk, and real audio for the decoder."""
    frames = bytes(
        128 + int(20 * math.sin(2 * math.pi * 220 * n / rate)) for n in range(seconds * rate))
    with wave.open(path, "wb") as f:
        f.setnchannels(1)
        f.setsampwidth(1)
        f.setframerate(rate)
        f.writeframes(frames)


def convert(scribekit, workdir, source, extra):
    command = [scribekit, "convert", source, "--format", "html", "--audio",
               os.path.join("sub", AUDIO_NAME), "--include-speakers", "-o", "sub/", "--force"] + extra
    result = subprocess.run(command, cwd=workdir, capture_output=True, text=True, timeout=60)
    if result.returncode != 0:
        fail(f"{' '.join(command)} exited {result.returncode}: {result.stderr}")
    stem = os.path.splitext(os.path.basename(source))[0]
    page = os.path.join(workdir, "sub", stem + ".html")
    if not os.path.exists(page):
        fail(f"{page} was not written")
    return page


def open_page(browser, page_path, errors, reduced_motion="no-preference"):
    page = browser.new_page(viewport={"width": 900, "height": 700}, reduced_motion=reduced_motion)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto("file://" + page_path)
    return page


def check_audio_loads(page):
    source = page.evaluate(f"{PLAYER}.getAttribute('src')")
    try:
        page.wait_for_function(
            f"{PLAYER}.readyState >= 1 || {PLAYER}.error !== null", timeout=15000)
    except Exception:
        fail(f"the audio never loaded: src={source!r}, readyState stays 0")
    state = page.evaluate(
        f"[{PLAYER}.readyState, {PLAYER}.error && {PLAYER}.error.code, {PLAYER}.currentSrc,"
        f" {PLAYER}.duration]")
    if state[1] is not None or state[0] < 1:
        fail(f"the audio did not load: src={source!r}, readyState {state[0]}, media error {state[1]},"
             f" currentSrc {state[2]}")
    if not state[2].endswith("/sub/take%20%231%20what%3F.wav"):
        fail(f"the page plays {state[2]}, not the WAV beside it (src={source!r})")
    print(f"ok the audio beside the page loads: src={source!r}, readyState {state[0]},"
          f" no media error, {state[3]:.1f} s")


def active_element(page):
    return page.evaluate(
        "(function(){var e=document.activeElement;return e ? [e.tagName, e.className,"
        " e.getAttribute('data-start'), e.textContent.slice(0, 40)] : null;})()")


def check_keyboard(page):
    # Tab from the top of the page until a paragraph has the focus (the player's own controls
    # come first); no word may be a tab stop on the way.
    page.evaluate("document.activeElement && document.activeElement.blur()")
    for _ in range(40):
        page.keyboard.press("Tab")
        element = active_element(page)
        if element and element[0] == "SPAN":
            fail(f"Tab reached a word: {element}")
        if element and element[0] == "P" and "text" in element[1].split():
            break
    else:
        fail(f"40 presses of Tab never reached a paragraph; the focus is on {active_element(page)}")
    print(f"ok Tab reaches a paragraph: {element[3]!r}...")

    # Tab again leaves the paragraph for the next segment, not its words.
    page.keyboard.press("Tab")
    after = active_element(page)
    if after[0] == "SPAN":
        fail(f"Tab from a paragraph went to one of its words: {after}")
    page.keyboard.press("Shift+Tab")
    back = active_element(page)
    if back[0] != "P":
        fail(f"Shift+Tab did not come back to the paragraph: {back}")
    print(f"ok the next Tab leaves the paragraph ({after[0].lower()}.{after[1]}), Shift+Tab comes back")

    words = []
    for _ in range(3):
        page.keyboard.press("ArrowRight")
        words.append(active_element(page))
    if any(w[0] != "SPAN" for w in words) or len({w[2] for w in words}) != 3:
        fail(f"ArrowRight did not move word by word: {words}")
    starts = [float(w[2]) for w in words]
    if starts != sorted(starts):
        fail(f"ArrowRight went backwards in a left-to-right paragraph: {words}")
    page.keyboard.press("ArrowLeft")
    if active_element(page)[2] != words[1][2]:
        fail(f"ArrowLeft did not go back one word: {active_element(page)}")
    page.keyboard.press("ArrowRight")
    word = words[2]
    start = float(word[2])
    page.evaluate(
        "window.__updates = 0; new MutationObserver(function(){ window.__updates++; })"
        ".observe(document.getElementById('now'), {childList: true, characterData: true, subtree: true});")
    page.keyboard.press("Enter")
    try:
        page.wait_for_function(
            f"!{PLAYER}.paused && Math.abs({PLAYER}.currentTime - {start}) < 0.5", timeout=5000)
    except Exception:
        fail(f"Enter on the word {word[3]!r} did not play from {start} s:"
             f" currentTime {page.evaluate(PLAYER + '.currentTime')}")
    said = page.evaluate("document.getElementById('now').textContent")
    if not said.startswith("Playing from 00:00:"):
        fail(f"the live region says {said!r} after Enter")
    print(f"ok ArrowRight moves word by word; Enter on {word[3]!r} plays from {start} s;"
          f" the live region says {said!r}")
    return start


def check_sparing_announcements(page, words_before):
    # Four seconds of playback cross a dozen words: the live region changes at most once.
    page.evaluate("window.__updates = 0; window.__seen = 0;"
                  " document.querySelectorAll('.w').forEach(function(w){"
                  " new MutationObserver(function(){ if (w.classList.contains('active')) window.__seen++; })"
                  ".observe(w, {attributes: true, attributeFilter: ['class']}); });")
    page.wait_for_timeout(4000)
    updates, seen = page.evaluate("[window.__updates, window.__seen]")
    if seen < 4:
        fail(f"the highlight moved over only {seen} words in 4 s of playback")
    if updates > 1:
        fail(f"the live region changed {updates} times while {seen} words played")
    print(f"ok while {seen} words played, the live region changed {updates} time(s)")


def check_mouse(page):
    words = page.locator("span.w")
    count = words.count()
    if count < 10:
        fail(f"only {count} word spans")
    target = words.nth(count // 2)
    start = float(target.get_attribute("data-start"))
    target.click()
    page.wait_for_function(f"Math.abs({PLAYER}.currentTime - {start}) < 0.5", timeout=5000)
    active = page.evaluate(
        "document.querySelector('.w.active') && document.querySelector('.w.active').getAttribute('data-start')")
    if active is None or abs(float(active) - start) > 0.001:
        fail(f"clicked the word at {start} s, highlighted {active}")
    print(f"ok clicking a word seeks to {start} s and highlights it")

    times = page.locator("a.time")
    last = times.nth(times.count() - 1)
    time_start = float(last.get_attribute("data-start"))
    last.click()
    page.wait_for_function(f"Math.abs({PLAYER}.currentTime - {time_start}) < 0.5", timeout=5000)
    print(f"ok clicking a timestamp seeks to {time_start} s")

    words.nth(0).click()
    page.evaluate(f"{PLAYER}.play()")
    page.wait_for_function(f"{PLAYER}.currentTime > 2.5", timeout=15000)
    moved = page.evaluate(
        "(function(){var a=document.querySelector('.w.active');var t=" + PLAYER + ".currentTime;"
        "return a ? [parseFloat(a.getAttribute('data-start')), t] : null;})()")
    if moved is None or not (moved[0] <= moved[1] + 0.05 and moved[0] > 0.5):
        fail(f"while playing, the highlight did not follow the audio: {moved}")
    print(f"ok while playing, the word at {moved[0]} s is highlighted at {moved[1]:.2f} s")
    page.evaluate(f"{PLAYER}.pause()")


def check_motion(browser, page_path, errors):
    looks = {}
    for preference in ["no-preference", "reduce"]:
        page = open_page(browser, page_path, errors, reduced_motion=preference)
        looks[preference] = page.evaluate(
            "[getComputedStyle(document.documentElement).scrollBehavior,"
            " getComputedStyle(document.querySelector('.w')).transitionDuration]")
        page.close()
    if looks["reduce"] != ["auto", "0s"]:
        fail(f"with prefers-reduced-motion: reduce, scroll-behavior and transition are {looks['reduce']}")
    if looks["no-preference"][0] != "smooth":
        fail(f"without a preference, scroll-behavior is {looks['no-preference']}")
    print(f"ok prefers-reduced-motion: reduce gives {looks['reduce']} (otherwise {looks['no-preference']})")


def check_right_to_left(page):
    direction = page.evaluate("[document.documentElement.lang, document.documentElement.dir]")
    if direction != ["he", "rtl"]:
        fail(f"the page's lang and dir are {direction}")
    times = page.evaluate(
        "Array.prototype.map.call(document.querySelectorAll('a.time'), function(a){"
        " var node = a.firstChild, range = document.createRange(), rects = [];"
        " [0, node.length - 1].forEach(function(i){ range.setStart(node, i); range.setEnd(node, i + 1);"
        " rects.push(range.getBoundingClientRect().left); });"
        " return [a.textContent, getComputedStyle(a).direction,"
        " getComputedStyle(a.closest('.head')).direction, rects[0], rects[1]]; })")
    for text, own, around, first, last in times:
        if around != "rtl":
            fail(f"the time {text} does not stand in a right-to-left line ({around})")
        if own != "ltr" or not first < last:
            fail(f"the time {text} does not read left to right: direction {own}, first digit at"
                 f" {first:.0f}, last at {last:.0f}")
    print(f"ok {len(times)} times read left to right in right-to-left lines: {[t[0] for t in times]}")

    paragraph = page.locator("p.text", has_text="مرحبا")
    if page.evaluate("getComputedStyle(document.querySelectorAll('p.text')[1]).direction") != "rtl":
        fail("the Arabic paragraph is not right to left")
    paragraph.focus()
    page.keyboard.press("ArrowLeft")
    first = active_element(page)
    page.keyboard.press("ArrowLeft")
    second = active_element(page)
    if not (first[3] == "مرحبا" and second[3] == "بكم"):
        fail(f"ArrowLeft in a right-to-left paragraph went to {first[3]!r} then {second[3]!r}")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("Enter")
    start = float(first[2])
    page.wait_for_function(f"Math.abs({PLAYER}.currentTime - {start}) < 0.5", timeout=5000)
    page.evaluate(f"{PLAYER}.pause(); {PLAYER}.currentTime = {start};")
    page.wait_for_function("document.querySelector('.w.active') !== null", timeout=5000)
    print(f"ok in a right-to-left paragraph ArrowLeft reads forward ({first[3]}, {second[3]}),"
          f" Enter plays from {start} s")


def main():
    scribekit, workdir, screenshots = sys.argv[1:4]
    if os.sep in scribekit:
        scribekit = os.path.abspath(scribekit)
    ltr_input, rtl_input = (os.path.abspath(path) for path in sys.argv[4:6])
    browser_path = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser_path is None:
        fail("chromium is not installed")
    os.makedirs(os.path.join(workdir, "sub"), exist_ok=True)
    write_wav(os.path.join(workdir, "sub", AUDIO_NAME))
    ltr_page = convert(scribekit, workdir, ltr_input, [])
    rtl_page = convert(scribekit, workdir, rtl_input, ["--language", "he"])
    errors = []
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=browser_path,
            args=["--autoplay-policy=no-user-gesture-required", "--no-sandbox", "--mute-audio"])

        page = open_page(browser, ltr_page, errors)
        check_audio_loads(page)
        start = check_keyboard(page)
        check_sparing_announcements(page, start)
        page.evaluate(f"{PLAYER}.pause()")
        # For the screenshot: the focus ring on the word Enter played from, the highlight on
        # the word being spoken a moment later.
        page.evaluate(f"{PLAYER}.currentTime = {start} + 1.2")
        page.wait_for_timeout(300)
        page.screenshot(path=screenshots + "-ltr.png", full_page=False)
        check_mouse(page)
        page.close()
        check_motion(browser, ltr_page, errors)

        page = open_page(browser, rtl_page, errors)
        check_audio_loads(page)
        check_right_to_left(page)
        page.screenshot(path=screenshots + "-rtl.png", full_page=False)
        page.close()
        if errors:
            fail(f"script errors: {errors}")
        browser.close()
    print("ok screenshots", screenshots + "-ltr.png", screenshots + "-rtl.png")


if __name__ == "__main__":
    main()
