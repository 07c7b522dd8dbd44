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
/// With ``DocumentInfo/audioSource`` set, the page becomes an interactive transcript: an audio
/// player at the top, every word and timestamp seeks the audio when clicked, and the word being
/// spoken is highlighted as it plays. Without it, timestamps link to their own segment.
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
    let language = info.languageTag.map { " lang=\"\(Markup.escapeAttribute($0))\"" } ?? ""
    let direction = Language.isRightToLeft(tag: info.languageTag) ? " dir=\"rtl\"" : ""
    html += "<html\(language)\(direction)>\n<head>\n<meta charset=\"utf-8\">\n"
    html += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
    html += "<meta name=\"generator\" content=\"ScribeKit\">\n"
    html +=
      "<title>\(Markup.escapeText(info.title))</title>\n<style>\n\(Self.style)</style>\n</head>\n"
    html += "<body>\n<header>\n<h1 dir=\"auto\">\(Markup.escapeText(info.title))</h1>\n"
    html += "<p class=\"meta\">\(Markup.escapeText(info.summary(of: segments)))</p>\n"
    if let audio = info.audioSource {
      html +=
        "<audio id=\"player\" controls preload=\"metadata\" src=\"\(Markup.escapeAttribute(audio))\">"
      html += "Your browser cannot play this audio.</audio>\n"
      html += "<p class=\"hint\">Click a word or a time to play from there.</p>\n"
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
        head +=
          "<a class=\"time\" href=\"\(target)\" data-start=\"\(Self.seconds(segment.start))\" "
        head += "aria-label=\"Play from \(label)\">\(label)</a>"
      }
      if !head.isEmpty { html += "<p class=\"head\">\(head)</p>\n" }
      html +=
        "<p class=\"text\" dir=\"auto\">\(text(of: segment, interactive: interactive))</p>\n</section>\n"
    }
    html += "</main>\n"
    if interactive { html += "<script>\n\(Self.script)</script>\n" }
    html += "</body>\n</html>\n"
    return html
  }

  /// The segment's text; with audio, each word is a span carrying its times.
  private func text(of segment: Cue, interactive: Bool) -> String {
    guard interactive else { return Markup.escapeText(TextRenderer.singleLine(segment.text)) }
    var result = ""
    var pendingSpace = false
    for item in segment.itemSlice {
      if item.kind == .spacing || item.text.allSatisfy(\.isWhitespace) {
        pendingSpace = !result.isEmpty
        continue
      }
      if pendingSpace { result += " " }
      pendingSpace = false
      let kind = item.kind == .audioEvent ? "w event" : "w"
      result += "<span class=\"\(kind)\" data-start=\"\(Self.seconds(item.start))\" "
      result += "data-end=\"\(Self.seconds(item.end))\">"
      result += Markup.escapeText(TextRenderer.singleLine(item.text)) + "</span>"
    }
    return result
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
    .time { color: var(--muted); font-variant-numeric: tabular-nums; text-decoration: none; }
    .time:hover, .time:focus-visible { text-decoration: underline; }
    .text { margin: .15rem 0 0; unicode-bidi: plaintext; }
    .w { cursor: pointer; border-radius: 3px; }
    .w:hover { background: #f3f4f6; }
    .w.active { background: var(--mark); box-shadow: 0 0 0 2px var(--mark); }
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

  private static let script = """
    (function () {
      "use strict";
      var audio = document.getElementById("player");
      var words = Array.prototype.slice.call(document.querySelectorAll(".w"));
      var starts = words.map(function (w) { return parseFloat(w.getAttribute("data-start")); });
      var current = null;
      function seek(time) {
        audio.currentTime = time;
        var playing = audio.play();
        if (playing && playing.catch) { playing.catch(function () {}); }
        highlight();
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
          if (!audio.paused) { word.scrollIntoView({ block: "nearest" }); }
        }
        current = word;
      }
      document.getElementById("transcript").addEventListener("click", function (event) {
        var target = event.target.closest("[data-start]");
        if (!target || target.tagName === "SECTION") { return; }
        event.preventDefault();
        seek(parseFloat(target.getAttribute("data-start")));
      });
      audio.addEventListener("timeupdate", highlight);
      audio.addEventListener("seeked", highlight);
      function tick() { highlight(); if (!audio.paused) { window.requestAnimationFrame(tick); } }
      audio.addEventListener("play", function () { window.requestAnimationFrame(tick); });
    })();

    """
}
