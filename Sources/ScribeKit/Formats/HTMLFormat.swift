import Foundation

/// One self-contained, accessible HTML page; interactive with an audio source.
public struct HTMLFormat: OutputFormat {
  /// Creates the format.
  public init() {}

  /// `html`.
  public var name: String { "html" }
  /// `html`.
  public var fileExtension: String { "html" }
  /// `text/html`.
  public var contentType: String { "text/html" }
  /// `true`.
  public var isAPIFormat: Bool { true }
  /// Speakers, timestamps, audio, title and paragraphs.
  public var appliesOptions: FormatOptions {
    [.speakers, .timestamps, .audio, .title, .paragraphs]
  }

  /// The page for the cues.
  public func render(_ input: RenderInput) throws(ExportError) -> Data {
    Data(HTMLRenderer(options: input.options, info: input.document).render(input.cues).utf8)
  }
}

extension OutputFormat where Self == HTMLFormat {
  /// An HTML page (``HTMLFormat``).
  public static var html: HTMLFormat { HTMLFormat() }
}

/// Renders segments as one self-contained, accessible HTML5 page.
///
/// Everything is inline (CSS, and the script when there is audio); nothing is fetched from the
/// network. The page has the title, the language (`lang`), and one section per segment with its
/// speaker (each speaker keeps one colour throughout) and a clickable timestamp. Text direction
/// is decided per paragraph by the browser (`dir="auto"`), so Arabic or Hebrew segments read
/// right to left inside a left-to-right page and the other way round.
///
/// Times are left-to-right runs (`dir="ltr"`) wherever they stand, so `00:01:05` reads the same
/// in a Hebrew or Arabic page. Without a language in the transcript (text-to-speech input has
/// none), `lang` is inferred from the writing system when that names one language
/// (``ScriptLanguage``), and left out otherwise.
///
/// With ``DocumentInfo/audioSource`` set, the page becomes an interactive transcript: an audio
/// player at the top (a file path is percent-encoded, ``Markup/mediaURL(_:)``), every word and
/// timestamp seeks the audio when clicked, and the word being spoken is highlighted as it plays.
/// From the keyboard, each paragraph is one tab stop: Left and Right move between its words
/// (in reading order, so mirrored in right-to-left text), Home and End go to the first and last,
/// Escape back to the paragraph, and Enter or Space plays from the focused word (or from the
/// paragraph's start). A polite live region tells screen readers where playback is, when it
/// moves to another paragraph and at most every few seconds, never word by word. With
/// `prefers-reduced-motion`, the page neither scrolls smoothly nor fades the highlight.
/// Without an audio source, timestamps link to their own segment and there is no script.
///
/// All transcript text is escaped: a word `<script>` shows as text and never runs.
struct HTMLRenderer: Sendable {
  /// Title, language and audio.
  var info: DocumentInfo
  /// Show each segment's speaker.
  var includeSpeakers: Bool
  /// Show each segment's start time as a link.
  var includeTimestamps: Bool

  /// Creates a renderer.
  init(
    info: DocumentInfo = DocumentInfo(), includeSpeakers: Bool = true,
    includeTimestamps: Bool = true
  ) {
    self.info = info
    self.includeSpeakers = includeSpeakers
    self.includeTimestamps = includeTimestamps
  }

  /// Creates a renderer from export options.
  init(options: APIExportOptions, info: DocumentInfo = DocumentInfo()) {
    self.init(
      info: info, includeSpeakers: options.includeSpeakers,
      includeTimestamps: options.includeTimestamps)
  }

  /// The page for `segments`.
  func render(_ segments: [Cue]) -> String {
    let interactive = info.audioSource != nil
    var speakerNumbers: [String: Int] = [:]
    var html = "<!DOCTYPE html>\n"
    let tag = info.languageTag ?? ScriptLanguage.tag(inferredFrom: segments.lazy.map(\.text))
    let language = tag.map { " lang=\"\(Markup.escapeAttribute($0))\"" } ?? ""
    let direction = Language.isRightToLeft(tag: tag) ? " dir=\"rtl\"" : ""
    html += "<html\(language)\(direction)>\n<head>\n<meta charset=\"utf-8\">\n"
    html += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
    html += "<meta name=\"generator\" content=\"ScribeKit\">\n"
    let marks = WordMarks(segments)
    // Only a page that marks words carries their style, so other pages stay as they were.
    let style = marks.isEmpty ? Self.style : Self.style + Self.markStyle
    html +=
      "<title>\(Markup.escapeText(info.title))</title>\n<style>\n\(style)</style>\n</head>\n"
    html += "<body>\n<header>\n<h1 dir=\"auto\">\(Markup.escapeText(info.title))</h1>\n"
    html += "<p class=\"meta\">\(Markup.escapeText(info.summary(of: segments)))</p>\n"
    if let audio = info.audioSource {
      let source = Markup.escapeAttribute(Markup.mediaURL(audio))
      html += "<audio id=\"player\" controls preload=\"metadata\" src=\"\(source)\">"
      html += "Your browser cannot play this audio.</audio>\n"
      html +=
        "<p class=\"hint\" id=\"keys\" dir=\"auto\">Click a word or a time to play from there; "
      html += "or Tab to a paragraph, Left and Right arrows to a word, Enter to play.</p>\n"
      html += "<p id=\"now\" class=\"visually-hidden\" role=\"status\" aria-live=\"polite\"></p>\n"
    }
    html += "</header>\n<main id=\"transcript\">\n"
    for (number, segment) in segments.enumerated() {
      let id = "s\(number + 1)"
      var classes = "segment"
      if let speaker = segment.speakerID {
        let speakerNumber = speakerNumbers[speaker] ?? speakerNumbers.count
        speakerNumbers[speaker] = speakerNumber
        classes += " speaker-\(speakerNumber % Self.paletteSize)"
      }
      html +=
        "<section class=\"\(classes)\" id=\"\(id)\" data-start=\"\(Self.seconds(segment.start))\">\n"
      var head = ""
      if includeSpeakers, let speaker = segment.speakerID {
        head +=
          "<span class=\"speaker\">\(Markup.escapeText(TextRenderer.singleLine(speaker)))</span>"
      }
      if includeTimestamps {
        let label = Timecode.srt(segment.start).prefix(8)
        let target = interactive ? "#t=\(Self.seconds(segment.start))" : "#\(id)"
        head += "<a class=\"time\" dir=\"ltr\" href=\"\(target)\" "
        head += "data-start=\"\(Self.seconds(segment.start))\" "
        head += "aria-label=\"Play from \(label)\">\(label)</a>"
      }
      if !head.isEmpty { html += "<p class=\"head\">\(head)</p>\n" }
      // With audio, the paragraph is the tab stop its words are reached from with the arrows.
      let focus = interactive ? " tabindex=\"0\" aria-describedby=\"keys\"" : ""
      html += "<p class=\"text\" dir=\"auto\"\(focus)>"
      html += "\(text(of: segment, interactive: interactive, marks: marks))</p>\n</section>\n"
    }
    html += "</main>\n"
    if interactive { html += "<script>\n\(Self.script)</script>\n" }
    html += "</body>\n</html>\n"
    return html
  }

  /// The segment's text; with audio, each word is a span carrying its times. Named entities
  /// are wrapped in a span naming their type, and poorly aligned words are marked.
  private func text(of segment: Cue, interactive: Bool, marks: WordMarks) -> String {
    guard interactive || marks.touches(segment) else {
      return Markup.escapeText(TextRenderer.singleLine(segment.text))
    }
    var result = ""
    var pendingSpace = false
    let runs = EntityRun.runs(of: segment)
    var nextRun = 0
    for (index, item) in segment.itemSlice.enumerated() {
      if item.kind == .spacing || item.text.allSatisfy(\.isWhitespace) {
        pendingSpace = !result.isEmpty
        continue
      }
      if pendingSpace { result += " " }
      pendingSpace = false
      let run = nextRun < runs.count && runs[nextRun].items.contains(index) ? runs[nextRun] : nil
      // Without audio, the entity's mark leaves out the punctuation its words carry; with
      // audio, a word is one clickable span and the mark takes whole words.
      var scalars = Array(TextRenderer.singleLine(item.text).unicodeScalars)
      var before: [Unicode.Scalar] = []
      var after: [Unicode.Scalar] = []
      if let run, !interactive {
        if index == run.items.upperBound, run.trailing < scalars.count {
          after = Array(scalars.suffix(run.trailing))
          scalars.removeLast(run.trailing)
        }
        if index == run.items.lowerBound, run.leading < scalars.count {
          before = Array(scalars.prefix(run.leading))
          scalars.removeFirst(run.leading)
        }
      }
      result += Self.escaped(before)
      if let run, index == run.items.lowerBound {
        let type = Markup.escapeAttribute(run.entity.type)
        // The hover text reads as words: `person_name` shows as "person name".
        let title = Markup.escapeAttribute(run.entity.type.replacingOccurrences(of: "_", with: " "))
        result += "<span class=\"entity\" data-entity=\"\(type)\" title=\"\(title)\">"
      }
      var classes = interactive ? (item.kind == .audioEvent ? "w event" : "w") : ""
      var title = ""
      if let loss = item.loss, marks.isPoorlyAligned(loss) {
        classes += classes.isEmpty ? "poor" : " poor"
        title = " title=\"alignment loss \(JSONWriter.number(loss))\""
      }
      if classes.isEmpty {
        result += Self.escaped(scalars)
      } else {
        result += "<span class=\"\(classes)\"\(title)"
        if interactive {
          result += " data-start=\"\(Self.seconds(item.start))\" "
          result += "data-end=\"\(Self.seconds(item.end))\""
        }
        result += ">" + Self.escaped(scalars) + "</span>"
      }
      if let run, index == run.items.upperBound {
        result += "</span>"
        nextRun += 1
      }
      result += Self.escaped(after)
    }
    return result
  }

  private static func escaped(_ scalars: [Unicode.Scalar]) -> String {
    var text = ""
    text.unicodeScalars.append(contentsOf: scalars)
    return Markup.escapeText(text)
  }

  /// What a page marks on its words: named entities, and words a forced aligner placed poorly.
  struct WordMarks {
    /// A word's loss above this marks it poorly aligned: three times the median loss of the
    /// page's words, so that only words much worse than the rest stand out, whatever scale the
    /// aligner's losses have.
    let poorLoss: Double?
    /// Whether any word is part of a named entity.
    let hasEntities: Bool

    init(_ segments: [Cue]) {
      var losses: [Double] = []
      var entities = false
      for segment in segments {
        for item in segment.itemSlice where item.isTimed {
          if let loss = item.loss { losses.append(loss) }
          entities = entities || item.entity != nil
        }
      }
      hasEntities = entities
      losses.sort()
      let median = losses.isEmpty ? nil : losses[losses.count / 2]
      let threshold = median.map { $0 * 3 }
      poorLoss = threshold.flatMap { limit in (losses.last ?? 0) > limit ? limit : nil }
    }

    /// `true` when nothing on the page is marked.
    var isEmpty: Bool { poorLoss == nil && !hasEntities }

    func isPoorlyAligned(_ loss: Double) -> Bool { poorLoss.map { loss > $0 } ?? false }

    /// `true` when a word of `segment` is marked.
    func touches(_ segment: Cue) -> Bool {
      segment.itemSlice.contains { item in
        item.entity != nil || item.loss.map(isPoorlyAligned) == true
      }
    }
  }

  /// Seconds with millisecond precision, as attributes and media fragments take them.
  static func seconds(_ value: Double) -> String {
    let millis = Timecode.milliseconds(value)
    let fraction = String(millis % 1000)
    return "\(millis / 1000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
  }

  static let paletteSize = 8

  private static let style = """
    :root { color-scheme: light; --ink: #1f2937; --muted: #4b5563; --line: #e5e7eb; --mark: #fde68a; }
    * { box-sizing: border-box; }
    body { margin: 0; font: 17px/1.6 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif;
      color: var(--ink); background: #fff; }
    header { position: sticky; top: 0; background: #fff; border-bottom: 1px solid var(--line);
      padding: 1rem max(1rem, calc((100% - 44rem) / 2)); z-index: 1; }
    h1 { margin: 0 0 .25rem; font-size: 1.6rem; line-height: 1.25; }
    .meta, .hint { margin: 0; color: var(--muted); font-size: .9rem; }
    audio { width: 100%; margin-top: .75rem; }
    main { max-width: 44rem; margin: 0 auto; padding: 1rem; }
    .segment { margin: 0 0 1.1rem; padding-inline-start: .85rem; border-inline-start: 4px solid var(--line); }
    .head { margin: 0; font-size: .85rem; display: flex; gap: .75rem; align-items: baseline; }
    .speaker { font-weight: 700; }
    .time { color: var(--muted); font-variant-numeric: tabular-nums; text-decoration: none;
      unicode-bidi: isolate; }
    .time:hover, .time:focus-visible { text-decoration: underline; }
    .text { margin: .15rem 0 0; unicode-bidi: plaintext; }
    .w { cursor: pointer; border-radius: 3px; }
    .w:hover { background: #f3f4f6; }
    .w.active { background: var(--mark); box-shadow: 0 0 0 2px var(--mark); }
    .text:focus-visible { outline: 2px solid #1d4ed8; outline-offset: 4px; border-radius: 2px; }
    .w:focus-visible { outline: 2px solid #1d4ed8; outline-offset: 1px; }
    .visually-hidden { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0;
      overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
    @media (prefers-reduced-motion: no-preference) {
      html { scroll-behavior: smooth; }
      .w { transition: background-color .15s, box-shadow .15s; }
    }
    .event { font-style: italic; color: var(--muted); }
    .speaker-0 { border-color: #2563eb; } .speaker-0 .speaker { color: #1d4ed8; }
    .speaker-1 { border-color: #c2410c; } .speaker-1 .speaker { color: #9a3412; }
    .speaker-2 { border-color: #047857; } .speaker-2 .speaker { color: #065f46; }
    .speaker-3 { border-color: #7c3aed; } .speaker-3 .speaker { color: #6d28d9; }
    .speaker-4 { border-color: #be185d; } .speaker-4 .speaker { color: #9d174d; }
    .speaker-5 { border-color: #0e7490; } .speaker-5 .speaker { color: #155e75; }
    .speaker-6 { border-color: #a16207; } .speaker-6 .speaker { color: #854d0e; }
    .speaker-7 { border-color: #4d7c0f; } .speaker-7 .speaker { color: #3f6212; }
    @media print { header { position: static; } audio, .hint { display: none; } }

    """

  /// The style of marked words, added only to pages that have them.
  private static let markStyle = """
    .entity { text-decoration: underline dotted #6b7280; text-underline-offset: .2em; }
    .entity:hover { text-decoration-style: solid; }
    .poor { text-decoration: underline wavy #b45309; text-underline-offset: .25em; }

    """

  private static let script = """
    (function () {
      "use strict";
      var audio = document.getElementById("player");
      var transcript = document.getElementById("transcript");
      var status = document.getElementById("now");
      var words = Array.prototype.slice.call(document.querySelectorAll(".w"));
      var starts = words.map(function (w) { return parseFloat(w.getAttribute("data-start")); });
      var motion = window.matchMedia("(prefers-reduced-motion: reduce)");
      var current = null, spokenSection = null, spokenAt = -Infinity;
      function clock(time) {
        var total = Math.floor(time), parts = [Math.floor(total / 3600), Math.floor(total / 60) % 60, total % 60];
        return parts.map(function (n) { return (n < 10 ? "0" : "") + n; }).join(":");
      }
      // Screen readers hear where playback is when it moves to another paragraph, at most every
      // few seconds, and at once when the reader asked for it; never word by word.
      function announce(word, now) {
        var section = word ? word.closest("section") : null;
        if (!section || (!now && (section === spokenSection || Date.now() - spokenAt < 5000))) { return; }
        var speaker = section.querySelector(".speaker");
        status.textContent = (now ? "Playing from " : "Now at ") + clock(audio.currentTime) +
          (speaker ? ", " + speaker.textContent : "");
        spokenSection = section;
        spokenAt = Date.now();
      }
      function seek(time) {
        audio.currentTime = time;
        var playing = audio.play();
        if (playing && playing.catch) { playing.catch(function () {}); }
        highlight();
        announce(current, true);
      }
      function wordAt(time) {
        var low = 0, high = starts.length - 1, found = -1;
        while (low <= high) {
          var middle = (low + high) >> 1;
          if (starts[middle] <= time + 0.0005) { found = middle; low = middle + 1; } else { high = middle - 1; }
        }
        return found < 0 ? null : words[found];
      }
      function highlight() {
        var word = wordAt(audio.currentTime);
        if (word === current) { return; }
        if (current) { current.classList.remove("active"); current.removeAttribute("aria-current"); }
        if (word) {
          word.classList.add("active");
          word.setAttribute("aria-current", "true");
          if (!audio.paused) {
            word.scrollIntoView({ block: "nearest", behavior: motion.matches ? "auto" : "smooth" });
            announce(word, false);
          }
        }
        current = word;
      }
      // The sticky header must not hide the word or paragraph that has the focus.
      function keepClearOfHeader() {
        document.documentElement.style.scrollPaddingTop = document.querySelector("header").offsetHeight + 8 + "px";
      }
      keepClearOfHeader();
      window.addEventListener("resize", keepClearOfHeader);
      transcript.addEventListener("click", function (event) {
        var target = event.target.closest("[data-start]");
        if (!target || target.tagName === "SECTION") { return; }
        event.preventDefault();
        seek(parseFloat(target.getAttribute("data-start")));
      });
      // One tab stop per paragraph; its words are reached with the arrow keys (tabindex -1).
      transcript.addEventListener("keydown", function (event) {
        if (event.altKey || event.ctrlKey || event.metaKey || !event.target.closest) { return; }
        var paragraph = event.target.closest(".text");
        if (!paragraph) { return; }
        var inside = Array.prototype.slice.call(paragraph.querySelectorAll(".w"));
        var index = inside.indexOf(event.target), next = null;
        var key = event.key;
        if (key === "ArrowRight" || key === "ArrowLeft") {
          var forward = (key === "ArrowRight") !== (getComputedStyle(paragraph).direction === "rtl");
          next = index < 0 ? inside[forward ? 0 : inside.length - 1] : inside[index + (forward ? 1 : -1)];
        } else if (key === "Home" || key === "End") {
          next = inside[key === "Home" ? 0 : inside.length - 1];
        } else if (key === "Escape" && index >= 0) {
          next = paragraph;
        } else if (key === "Enter" || key === " " || key === "Spacebar") {
          var from = index < 0 ? paragraph.closest("section") : event.target;
          seek(parseFloat(from.getAttribute("data-start")));
        } else {
          return;
        }
        event.preventDefault();
        if (next) {
          if (next !== paragraph) { next.tabIndex = -1; }
          next.focus();
        }
      });
      audio.addEventListener("timeupdate", highlight);
      audio.addEventListener("seeked", highlight);
      function tick() { highlight(); if (!audio.paused) { window.requestAnimationFrame(tick); } }
      audio.addEventListener("play", function () { window.requestAnimationFrame(tick); });
    })();

    """
}

/// The language a text's writing system names on its own, for documents whose transcript says
/// none (text-to-speech input): kana is Japanese, Hangul Korean, Han without either Chinese,
/// Hebrew script Hebrew and Thai script Thai. Latin, Cyrillic or Arabic script (Arabic, Persian,
/// Urdu...) and text mixing scripts name no one language, and give `nil`.
enum ScriptLanguage {
  /// A BCP 47 tag for the language `texts` are written in, or `nil` when the script is shared by
  /// several languages or no script has the majority of the letters. A CJK character weighs two
  /// letters of an alphabet, so an English brand name in a Japanese sentence leaves it Japanese.
  static func tag<Texts: Sequence>(inferredFrom texts: Texts) -> String?
  where Texts.Element: StringProtocol {
    var kana = 0
    var hangul = 0
    var han = 0
    var hebrew = 0
    var thai = 0
    var letters = 0
    for text in texts {
      for scalar in text.unicodeScalars where scalar.properties.isAlphabetic {
        switch scalar.value {
        case 0x3040...0x30FF, 0x31F0...0x31FF, 0xFF66...0xFF9F, 0x1B000...0x1B16F:
          kana += 1
          letters += 2
        case 0x1100...0x11FF, 0x3130...0x318F, 0xA960...0xA97F, 0xAC00...0xD7FF, 0xFFA0...0xFFDC:
          hangul += 1
          letters += 2
        case 0x2E80...0x2FDF, 0x3005...0x3007, 0x3021...0x3029, 0x3038...0x303B, 0x3400...0x4DBF,
          0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x3FFFF:
          han += 1
          letters += 2
        case 0x0590...0x05FF, 0xFB1D...0xFB4F:
          hebrew += 1
          letters += 1
        case 0x0E00...0x0E7F:
          thai += 1
          letters += 1
        default:
          letters += 1
        }
      }
    }
    guard letters > 0 else { return nil }
    // Each CJK character counted twice in `letters`: their weight has the majority.
    if 2 * (kana + hangul + han) * 2 > letters {
      switch (kana > 0, hangul > 0) {
      case (true, false): return "ja"
      case (false, true): return "ko"
      case (false, false): return "zh"
      case (true, true): return nil
      }
    }
    if hebrew * 2 > letters { return "he" }
    if thai * 2 > letters { return "th" }
    return nil
  }
}
