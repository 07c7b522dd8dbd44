import Foundation

/// LRC lyrics (`.lrc`), and enhanced LRC with a time for every word, for music players and
/// lyrics apps that show one line at a time as the audio plays.
///
/// LRC has no specification; this follows the de facto format as ffmpeg's LRC muxer writes it
/// and its demuxer reads it (`libavformat/lrcenc.c`, `lrcdec.c`), and the "enhanced LRC" word
/// tags of the A2 extension as lyrics players read them:
///
/// ```
/// [ti:Transcript]
/// [length:00:05]
/// [re:ScribeKit]
///
/// [00:00.42]Welcome back to the show.
/// [00:03.84]
/// [00:04.10]Thanks for having me.
/// [00:05.00]
/// ```
///
/// - A header of `[ti:]` (the document's title), `[length:]` (when the last cue ends, rounded up
///   to the second: the length of the speech, which the transcript knows, rather than of the
///   audio, which it does not) and `[re:]` (the program that made the file). There is no
///   `[by:]`, which names the person who made the lyrics. `[` and `]` in the title become `(`
///   and `)`, because readers end a tag at its first `]`.
/// - One line per cue, `[mm:ss.xx]` and the cue's text: times are rounded to hundredths of a
///   second, and minutes grow past 59 and 99 (`[125:03.50]`) rather than wrap, as ffmpeg writes
///   and reads them. (pylrc, and players that read minutes as two digits below 60, cannot
///   place lines after the first hour; LRC has no hour field that any reader agrees on.)
/// - LRC lines have no end: a line stays until the next one. When a cue ends before the next
///   starts, an empty `[mm:ss.xx]` line at its end clears it, as lyrics editors write pauses;
///   the last cue always gets one.
/// - LRC has no line breaks: a cue's lines (a caption style's, or its text) become one line.
/// - With speakers on, a cue with a speaker starts with `Name: `, which every player shows
///   (a bracketed label would be read as a tag).
/// - With word timestamps on (enhanced LRC), every word is preceded by its start,
///   `<mm:ss.xx>`, and the line ends with its last word's end:
///   `[00:00.42]<00:00.42>Welcome <00:01.04>back<00:01.40>`. Word times never decrease and lie
///   inside their cue.
///
/// LRC has no escaping. Text that a reader would take for a tag keeps a zero-width space
/// (U+200B) after its `[` or `<` when a digit follows (`[\u{200B}00:01.00]`), and before a `[`
/// that starts a line, which ffmpeg would otherwise read as part of the time tags. Whitespace
/// runs, line separators and control characters become single spaces or are left out, so text
/// can never start a line of its own.
public struct LRCFormat: OutputFormat {
  /// Creates the format.
  public init() {}

  /// `lrc`.
  public var name: String { "lrc" }
  /// `lrc`.
  public var fileExtension: String { "lrc" }
  /// `text/x-lrc`: LRC has no registered MIME type.
  public var contentType: String { "text/x-lrc" }
  /// Speakers, caption styles, word timestamps (enhanced LRC) and the title (`[ti:]`). Not the
  /// line length: LRC has no line breaks.
  public var appliesOptions: FormatOptions {
    [.speakers, .captionStyle, .wordTimestamps, .title]
  }

  /// One short line at a time, as lyrics are shown: a new line after 0.8 s of silence, after
  /// 4 s, or before 42 characters (one subtitle line, which fits a phone's width), no speakers.
  public func defaultOptions(_ defaults: APIDefaults) -> APIExportOptions {
    APIExportOptions(
      segmentOnSilenceLongerThan: 0.8, maxSegmentDuration: 4, maxSegmentChars: 42,
      includeSpeakers: false, includeTimestamps: true)
  }

  /// The LRC text of the cues.
  public func render(_ input: RenderInput) throws(ExportError) -> Data {
    Data(Self.render(input).utf8)
  }

  static func render(_ input: RenderInput) -> String {
    var output = "[ti:" + Self.metadataValue(input.document.title) + "]\n"
    let wrapper = LineWrapper(maxCharactersPerLine: nil)
    let shown = input.cues.compactMap { cue -> (cue: Cue, text: String)? in
      // Without control characters, a cue of nothing else would read as a clearing line.
      let text = Self.printable(wrapper.lines(for: cue).joined(separator: " "))
      return text.allSatisfy(\.isWhitespace) ? nil : (cue, text)
    }
    if let last = shown.map({ $0.cue.end }).max() {
      // Rounded up to the whole second, so that every line lies inside the length.
      let seconds = (Timecode.milliseconds(last) + 999) / 1000
      output +=
        "[length:" + Self.twoDigits(seconds / 60) + ":" + Self.twoDigits(seconds % 60) + "]\n"
    }
    output += "[re:ScribeKit]\n\n"
    var previousEnd: Int?
    for (cue, text) in shown {
      let start = Self.centiseconds(cue.start)
      if let previousEnd, previousEnd < start {
        output += "[" + Self.tag(previousEnd) + "]\n"
      }
      output += "[" + Self.tag(start) + "]"
      var label = ""
      if input.options.includeSpeakers, let speaker = cue.speakerID {
        let name = Self.printable(TextRenderer.singleLine(speaker))
        if !name.isEmpty { label = name + ": " }
      }
      let tags = input.wordTimestamps ? Self.wordTags(for: cue, text: text) : nil
      output += Self.lineContent(label: label, text: text, tags: tags?.starts ?? [:])
      if let end = tags?.end { output += "<" + Self.tag(end) + ">" }
      output += "\n"
      previousEnd = max(start, Self.centiseconds(cue.end))
    }
    if let previousEnd { output += "[" + Self.tag(previousEnd) + "]\n" }
    return output
  }

  /// A time in whole hundredths of a second, rounded to the nearest (so within 5 ms).
  static func centiseconds(_ seconds: Double) -> Int {
    let milliseconds = Timecode.milliseconds(seconds)
    return milliseconds / 10 + (milliseconds % 10 >= 5 ? 1 : 0)
  }

  /// `mm:ss.xx` for a time in hundredths of a second; minutes grow past two digits.
  static func tag(_ centiseconds: Int) -> String {
    let seconds = centiseconds / 100
    return twoDigits(seconds / 60) + ":" + twoDigits(seconds % 60) + "."
      + twoDigits(centiseconds % 100)
  }

  private static func twoDigits(_ value: Int) -> String {
    value < 10 ? "0" + String(value) : String(value)
  }

  /// A header value on one line, with brackets that would end the tag early made parentheses.
  static func metadataValue(_ text: String) -> String {
    let plain = printable(TextRenderer.singleLine(text))
    return plain.replacingOccurrences(of: "[", with: "(").replacingOccurrences(of: "]", with: ")")
  }

  /// `text` without control characters, which have no place in a line of lyrics and which
  /// line-based readers (Python's `splitlines`) may take for line breaks.
  private static func printable(_ text: String) -> String {
    var kept = String.UnicodeScalarView()
    kept.append(
      contentsOf: text.unicodeScalars.filter { $0.properties.generalCategory != .control })
    return String(kept)
  }

  /// The label and text, with word tags inserted before the visible scalars they are keyed by
  /// and zero-width spaces that keep tag-like text plain.
  static func lineContent(label: String, text: String, tags: [Int: Int]) -> String {
    var result = String.UnicodeScalarView()
    var visible = 0
    let labelScalars = Array(printable(label).unicodeScalars)
    let textScalars = Array(printable(text).unicodeScalars)
    let all = labelScalars + textScalars
    for (index, scalar) in all.enumerated() {
      let inText = index >= labelScalars.count
      if inText, !scalar.properties.isWhitespace {
        if let time = tags[visible] {
          result.append(contentsOf: ("<" + tag(time) + ">").unicodeScalars)
        }
        visible += 1
      }
      // ffmpeg reads a `[` right after the time tags as another time tag.
      if index == 0, scalar == "[", tags[0] == nil || !inText { result.append("\u{200B}") }
      result.append(scalar)
      if scalar == "[" || scalar == "<", index + 1 < all.count,
        all[index + 1].properties.numericType != nil || all[index + 1] == "-"
      {
        result.append("\u{200B}")
      }
    }
    return String(result)
  }

  /// Start tags keyed by the index, among the visible (non-whitespace) scalars of `text`, of
  /// the word they precede, and the end of the last word; all in hundredths of a second,
  /// inside the cue and never decreasing.
  static func wordTags(for cue: Cue, text: String) -> (starts: [Int: Int], end: Int) {
    func visibleCount(_ string: String) -> Int {
      printable(string).unicodeScalars.reduce(0) { $0 + ($1.properties.isWhitespace ? 0 : 1) }
    }
    let cueStart = centiseconds(cue.start)
    let cueEnd = max(cueStart, centiseconds(cue.end))
    let items = cue.itemSlice.filter { $0.kind != .spacing }
    // A caption style leaves out closing punctuation before the first word: the text is then
    // shorter than the items by that much, at its start.
    let skipped = max(0, items.reduce(0) { $0 + visibleCount($1.text) } - visibleCount(text))
    var starts: [Int: Int] = [:]
    var last = cueStart
    var visible = 0
    var end = cueStart
    for item in items {
      let time = min(cueEnd, max(last, centiseconds(item.start)))
      let key = max(0, visible - skipped)
      if starts[key] == nil { starts[key] = time }
      last = time
      end = min(cueEnd, max(time, centiseconds(item.end)))
      visible += visibleCount(item.text)
    }
    return (starts, end)
  }
}

extension OutputFormat where Self == LRCFormat {
  /// LRC lyrics (``LRCFormat``).
  public static var lrc: LRCFormat { LRCFormat() }
}
