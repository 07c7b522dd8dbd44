import Foundation

/// YouTube's SubViewer captions (`.sbv`), which YouTube Studio accepts and gives back.
///
/// There is no published specification; this follows the layout of the examples in YouTube's
/// help ("Supported subtitle and closed caption files") and what its uploader requires: each
/// cue is `H:MM:SS.mmm,H:MM:SS.mmm` (hours without padding, milliseconds, a comma and no
/// spaces between the two times), then its text lines, and one blank line between cues;
/// lines end in `\n` and the file ends with one after the last text line. No cues give an
/// empty file. Times are whole milliseconds, rounded as SRT's are, and hours grow past one
/// digit.
///
/// SBV has no markup and no escaping. Whitespace runs become single spaces, so no blank line
/// can end a cue early, and a text line that begins like a time (`0:00:01.000,...` spoken as
/// digits) starts with a zero-width space (U+200B), so that no reader can take it for the next
/// cue's timing line.
///
/// With speakers included, a cue with a speaker starts `>> Name: `, the speaker-change marker
/// of YouTube's own examples and of broadcast captions.
public struct SBVFormat: OutputFormat {
  /// Creates the format.
  public init() {}

  /// `sbv`.
  public var name: String { "sbv" }
  /// `sbv`.
  public var fileExtension: String { "sbv" }
  /// `text/plain`: SBV has no registered type, and YouTube reads it as text.
  public var contentType: String { "text/plain" }
  /// Line length, speakers and caption styles. SBV always shows times.
  public var appliesOptions: FormatOptions { [.lineLength, .speakers, .captionStyle] }

  /// SRT's defaults (42 characters a line, cues of at most 4 s and 84 characters, no
  /// speakers): SBV is the same kind of caption file, and YouTube shows it the same way.
  public func defaultOptions(_ defaults: APIDefaults) -> APIExportOptions {
    SRTFormat().defaultOptions(defaults)
  }

  /// The SBV text of the cues.
  public func render(_ input: RenderInput) throws(ExportError) -> Data {
    let wrapper = LineWrapper(maxCharactersPerLine: input.options.maxCharactersPerLine)
    var output = ""
    for cue in input.cues {
      var lines = wrapper.lines(for: cue)
      guard !lines.isEmpty else { continue }
      if input.options.includeSpeakers, let speaker = cue.speakerID {
        lines[0] = ">> " + TextRenderer.singleLine(speaker) + ": " + lines[0]
      }
      if !output.isEmpty { output += "\n" }
      output += Self.timestamp(cue.start) + "," + Self.timestamp(cue.end) + "\n"
      for line in lines {
        output += Self.startsLikeATime(line) ? "\u{200B}" + line : line
        output += "\n"
      }
    }
    return Data(output.utf8)
  }

  /// `H:MM:SS.mmm`.
  static func timestamp(_ seconds: Double) -> String {
    let millis = Timecode.milliseconds(seconds)
    let whole = millis / 1000
    func padded(_ value: Int, _ width: Int) -> String {
      let digits = String(value)
      return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
    return "\(whole / 3600):" + padded(whole / 60 % 60, 2) + ":" + padded(whole % 60, 2) + "."
      + padded(millis % 1000, 3)
  }

  /// `true` for a line that starts with digits and a colon, as a timing line does.
  static func startsLikeATime(_ line: String) -> Bool {
    let digits = line.unicodeScalars.prefix { $0.value >= 0x30 && $0.value <= 0x39 }
    return !digits.isEmpty && line.unicodeScalars.dropFirst(digits.count).first == ":"
  }
}

extension OutputFormat where Self == SBVFormat {
  /// YouTube's SubViewer (``SBVFormat``).
  public static var sbv: SBVFormat { SBVFormat() }
}
