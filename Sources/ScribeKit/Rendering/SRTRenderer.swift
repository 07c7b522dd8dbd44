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
public struct SRTRenderer: Sendable {
  /// Wrap cue text at this many characters; `nil` keeps each cue on one line.
  public var maxCharactersPerLine: Int?
  /// Prefix each cue with its speaker.
  public var includeSpeakers: Bool

  /// Creates a renderer.
  public init(maxCharactersPerLine: Int? = 42, includeSpeakers: Bool = false) {
    self.maxCharactersPerLine = maxCharactersPerLine
    self.includeSpeakers = includeSpeakers
  }

  /// Creates a renderer from export options (their line length and speaker flag).
  public init(options: SegmentationOptions) {
    self.init(
      maxCharactersPerLine: options.maxCharactersPerLine, includeSpeakers: options.includeSpeakers)
  }

  /// The SRT text of `segments`.
  public func render(_ segments: [Segment]) -> String {
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

  /// `line` with anything a player or parser would take for markup made plain text: a
  /// zero-width space after a `<` that starts a tag (`<` then a letter or `/`), after a `{`
  /// that starts an ASS override (`{\`), and inside `-->`.
  public static func neutralized(_ line: String) -> String {
    let utf8 = line.utf8
    guard
      utf8.contains(where: {
        $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: "{") || $0 == UInt8(ascii: ">")
      })
    else { return line }
    let scalars = Array(line.unicodeScalars)
    var result = String.UnicodeScalarView()
    for (index, scalar) in scalars.enumerated() {
      let next = index + 1 < scalars.count ? scalars[index + 1] : nil
      if scalar == ">", index >= 2, scalars[index - 1] == "-", scalars[index - 2] == "-" {
        result.append("\u{200B}")
      }
      result.append(scalar)
      if scalar == "<", let next, next == "/" || (next.isASCII && next.properties.isAlphabetic) {
        result.append("\u{200B}")
      } else if scalar == "{", next == "\\" {
        result.append("\u{200B}")
      }
    }
    return String(result)
  }
}
