#!/usr/bin/env python3
"""Drives an interactive ScribeKit HTML page in headless Chromium, as a reader would.

usage: check_html_player.py PAGE.html SCREENSHOT.png

Clicks a word and a timestamp and checks that the audio seeks to their start and that the word
highlighted is the one clicked; plays the audio and checks that the highlight moves forward with
it; saves a screenshot. Exits 1 on the first failure.
"""
import shutil
import sys

from playwright.sync_api import sync_playwright


def fail(message):
    print("FAIL", message)
    sys.exit(1)


def main():
    page_path, screenshot = sys.argv[1], sys.argv[2]
    browser_path = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser_path is None:
        fail("chromium is not installed")
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=browser_path,
            args=["--autoplay-policy=no-user-gesture-required", "--no-sandbox", "--mute-audio"])
        page = browser.new_page(viewport={"width": 900, "height": 700})
        errors = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto("file://" + page_path)
        page.wait_for_function("document.getElementById('player').readyState >= 1", timeout=15000)
        words = page.locator("span.w")
        count = words.count()
        if count < 10:
            fail(f"only {count} word spans")

        target = words.nth(count // 2)
        start = float(target.get_attribute("data-start"))
        target.click()
        page.wait_for_function(
            f"Math.abs(document.getElementById('player').currentTime - {start}) < 0.5", timeout=5000)
        active = page.evaluate("document.querySelector('.w.active') && document.querySelector('.w.active').getAttribute('data-start')")
        if active is None or abs(float(active) - start) > 0.001:
            fail(f"clicked the word at {start} s, highlighted {active}")
        print(f"ok clicking a word seeks to {start} s and highlights it")

        times = page.locator("a.time")
        last = times.nth(times.count() - 1)
        time_start = float(last.get_attribute("data-start"))
        last.click()
        page.wait_for_function(
            f"Math.abs(document.getElementById('player').currentTime - {time_start}) < 0.5", timeout=5000)
        print(f"ok clicking a timestamp seeks to {time_start} s")

        words.nth(0).click()
        page.evaluate("document.getElementById('player').play()")
        page.wait_for_function("document.getElementById('player').currentTime > 2.5", timeout=15000)
        moved = page.evaluate(
            "(function(){var a=document.querySelector('.w.active');var t=document.getElementById('player').currentTime;"
            "return a ? [parseFloat(a.getAttribute('data-start')), t] : null;})()")
        if moved is None or not (moved[0] <= moved[1] + 0.05 and moved[0] > 0.5):
            fail(f"while playing, the highlight did not follow the audio: {moved}")
        print(f"ok while playing, the word at {moved[0]} s is highlighted at {moved[1]:.2f} s")
        page.evaluate("document.getElementById('player').pause()")
        page.screenshot(path=screenshot, full_page=False)
        if errors:
            fail(f"script errors: {errors}")
        browser.close()


if __name__ == "__main__":
    main()
