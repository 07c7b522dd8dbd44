import Foundation

/// SubRip (`.srt`), byte for byte in the layout of the API's export.
public struct SRTFormat: OutputFormat {
  /// Creates the format.
  public init() {}

  /// `srt`.
  public var name: String { "srt" }
  /// `srt`.
  public var fileExtension: String { "srt" }
  /// `text/srt`, as the API gives it.
  public var contentType: String { "text/srt" }
  /// `true`.
  public var isAPIFormat: Bool { true }
  /// Line length, speakers and caption styles. SRT always shows times.
  public var appliesOptions: FormatOptions { [.lineLength, .speakers, .captionStyle] }

  /// The API's SRT defaults: 42 characters per line, 0.8 s silence, 4 s, 84 characters, no
  /// speakers; before 2025-08-24, 50 / 0.6 s / 5 s / 90.
  public func defaultOptions(_ defaults: APIDefaults) -> APIExportOptions {
    switch defaults {
    case .current:
      return APIExportOptions(
        segmentOnSilenceLongerThan: 0.8, maxSegmentDuration: 4, maxSegmentChars: 84,
        maxCharactersPerLine: 42, includeSpeakers: false, includeTimestamps: true)
    case .legacy:
      return APIExportOptions(
        segmentOnSilenceLongerThan: 0.6, maxSegmentDuration: 5, maxSegmentChars: 90,
        maxCharactersPerLine: 50, includeSpeakers: false, includeTimestamps: true)
    }
  }

  /// The SRT text of the cues.
  public func render(_ input: RenderInput) throws(ExportError) -> Data {
    Data(SRTRenderer(options: input.options).render(input.cues).utf8)
  }
}

extension OutputFormat where Self == SRTFormat {
  /// SubRip (``SRTFormat``).
  public static var srt: SRTFormat { SRTFormat() }
}

/// Renders segments as SubRip (`.srt`), byte for byte in the layout of the API's export.
///
/// Each cue is its 1-based number, `HH:MM:SS,mmm --> HH:MM:SS,mmm`, and the segment's text
/// wrapped at ``maxCharactersPerLine``; cues are separated by one blank line, lines end in `\n`,
/// and the file ends with a single `\n` after the last text line. No segments give an empty file.
///
/// SubRip has no escaping, yet players read `<b>`, `</i>`, `<font …>` and ASS overrides such as
/// `{\an8}` in cue text as formatting, and a parser may take `-->` for a timing line. Transcript
/// text that looks like one of these is kept visible as text: a zero-width space (U+200B) goes
/// after its `<` or `{`, or between `--` and `>` (see ``neutralized(_:)``). Text without them,
/// which is all ordinary speech, is written byte for byte as the API writes it.
///
/// With ``includeSpeakers`` on, a segment's speaker is written before its text as `[speaker_0] `
/// (the label counts towards the first line's length). Where the API puts speakers in SRT is not
/// documented; this uses the bracketed form the API's TXT export uses.
struct SRTRenderer: Sendable {
  /// Wrap cue text at this many characters; `nil` keeps each cue on one line.
  var maxCharactersPerLine: Int?
  /// Prefix each cue with its speaker.
  var includeSpeakers: Bool

  /// Creates a renderer.
  init(maxCharactersPerLine: Int? = 42, includeSpeakers: Bool = false) {
    self.maxCharactersPerLine = maxCharactersPerLine
    self.includeSpeakers = includeSpeakers
  }

  /// Creates a renderer from export options (their line length and speaker flag).
  init(options: APIExportOptions) {
    self.init(
      maxCharactersPerLine: options.maxCharactersPerLine, includeSpeakers: options.includeSpeakers)
  }

  /// The SRT text of `segments`.
  func render(_ segments: [Cue]) -> String {
    let wrapper = LineWrapper(maxCharactersPerLine: maxCharactersPerLine)
    var output = ""
    output.reserveCapacity(segments.count * 80)
    var number = 0
    for segment in segments {
      var lines: [String]
      if let chosen = segment.lines {
        lines = LineWrapper.normalized(chosen)
        if includeSpeakers, let speaker = segment.speakerID, !lines.isEmpty {
          lines[0] = "[\(speaker)] " + lines[0]
        }
      } else {
        var text = segment.text
        if includeSpeakers, let speaker = segment.speakerID {
          text = "[\(speaker)] " + text
        }
        lines = wrapper.wrap(text)
      }
      // A segment of nothing but whitespace has no text line, and a cue without one would run
      // into the next; it is left out, and the cues stay numbered without a gap.
      guard !lines.isEmpty else { continue }
      number += 1
      // Cues are separated by one blank line.
      if number > 1 { output += "\n" }
      output += String(number)
      output += "\n"
      Timecode.append(segment.start, separator: ",", to: &output)
      output += " --> "
      Timecode.append(segment.end, separator: ",", to: &output)
      for line in lines {
        output += "\n"
        output += Self.neutralized(line)
      }
      output += "\n"
    }
    return output
  }

  /// `line` with anything a player or parser would take for markup or timing made plain text:
  /// a zero-width space after a `<` that starts a tag (`<` then a letter or `/`, even after
  /// spaces), after a `{`
  /// that starts an ASS override (`{\\`), inside `-->`, and before the `,` or `.` of anything
  /// shaped like a timestamp (`0:00:01,000`), because some parsers (pysubs2) take any line with
  /// two timestamps for the start of a new cue.
  static func neutralized(_ line: String) -> String {
    func isSpecial(_ byte: UInt8) -> Bool {
      byte == UInt8(ascii: "<") || byte == UInt8(ascii: "{") || byte == UInt8(ascii: ">")
        || byte == UInt8(ascii: ":")
    }
    let needsLook =
      ByteScan.withBytes(of: line) { bytes -> Bool in
        let index = ByteScan.skip(bytes, from: 0) { chunk in
          !ByteScan.has(UInt8(ascii: "<"), in: chunk) && !ByteScan.has(UInt8(ascii: "{"), in: chunk)
            && !ByteScan.has(UInt8(ascii: ">"), in: chunk)
            && !ByteScan.has(UInt8(ascii: ":"), in: chunk)
        }
        return bytes[index...].contains(where: isSpecial)
      } ?? line.utf8.contains(where: isSpecial)
    guard needsLook else { return line }
    let scalars = Array(line.unicodeScalars)
    var result = String.UnicodeScalarView()
    for (index, scalar) in scalars.enumerated() {
      let next = index + 1 < scalars.count ? scalars[index + 1] : nil
      if scalar == ">", index >= 2, scalars[index - 1] == "-", scalars[index - 2] == "-" {
        result.append("\u{200B}")
      }
      if scalar == "," || scalar == ".", let next, isDigit(next),
        endsATimeOfDay(scalars[..<index])
      {
        result.append("\u{200B}")
      }
      result.append(scalar)
      if scalar == "<", startsATag(scalars[(index + 1)...]) {
        result.append("\u{200B}")
      } else if scalar == "{", next == "\\" {
        result.append("\u{200B}")
      }
    }
    return String(result)
  }

  /// `true` when what follows a `<` reads as a tag to lenient parsers: a letter, possibly
  /// after spaces and a `/` (pysubs2 strips `< i>` and `< /b >` too).
  private static func startsATag(_ scalars: ArraySlice<Unicode.Scalar>) -> Bool {
    var rest = scalars.drop { $0 == " " }
    if rest.first == "/" { rest = rest.dropFirst().drop { $0 == " " } }
    guard let first = rest.first else { return false }
    return first.isASCII && first.properties.isAlphabetic
  }

  private static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value >= 0x30 && scalar.value <= 0x39
  }

  /// `true` when `scalars` end in digits, a colon, digits, a colon and digits (`0:00:01`).
  private static func endsATimeOfDay(_ scalars: ArraySlice<Unicode.Scalar>) -> Bool {
    var index = scalars.endIndex
    for group in 0..<3 {
      let end = index
      while index > scalars.startIndex, isDigit(scalars[index - 1]) { index -= 1 }
      guard index < end else { return false }
      if group < 2 {
        guard index > scalars.startIndex, scalars[index - 1] == ":" else { return false }
        index -= 1
      }
    }
    return true
  }
}
