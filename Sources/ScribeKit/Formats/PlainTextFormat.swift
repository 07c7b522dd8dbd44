import Foundation

/// Plain text (`.txt`) in the layout of the API's TXT export.
public struct PlainTextFormat: OutputFormat {
  /// Creates the format.
  public init() {}

  /// `txt`.
  public var name: String { "txt" }
  /// `txt`.
  public var fileExtension: String { "txt" }
  /// `text/plain`.
  public var contentType: String { "text/plain" }
  /// `true`.
  public var isAPIFormat: Bool { true }
  /// Line length, speakers, timestamps, caption styles and paragraphs (a caption style's cues
  /// take precedence).
  public var appliesOptions: FormatOptions {
    [.lineLength, .speakers, .timestamps, .captionStyle, .paragraphs]
  }

  /// The API's TXT defaults: 100 characters per line, no other limit, speakers and timestamps.
  public func defaultOptions(_ defaults: APIDefaults) -> APIExportOptions {
    APIExportOptions(maxCharactersPerLine: 100)
  }

  /// The text of the cues.
  public func render(_ input: RenderInput) throws(ExportError) -> Data {
    Data(TextRenderer(options: input.options).render(input.cues).utf8)
  }
}

extension OutputFormat where Self == PlainTextFormat {
  /// Plain text (``PlainTextFormat``).
  public static var txt: PlainTextFormat { PlainTextFormat() }
}

/// Renders segments as plain text (`.txt`) in the layout of the API's TXT export.
///
/// Each segment is a block: a header line, then the text wrapped at ``maxCharactersPerLine``;
/// blocks are separated by one blank line and the file ends with one `\n`. The header follows
/// the include flags:
///
/// | timestamps | speakers | header |
/// |---|---|---|
/// | on | on | `00:00:05,689 --> 00:00:08,140 [speaker_1]` |
/// | on | off | `00:00:05,689 --> 00:00:08,140` |
/// | off | on | `[speaker_1]` |
/// | off | off | none: the blocks are plain paragraphs |
///
/// A segment without a speaker gets no speaker label (and no header when timestamps are off).
struct TextRenderer: Sendable {
  /// Wrap text at this many characters; `nil` keeps each block on one line. API default: 100.
  var maxCharactersPerLine: Int?
  /// Put the speaker in each block's header.
  var includeSpeakers: Bool
  /// Put the time range in each block's header.
  var includeTimestamps: Bool

  /// Creates a renderer with the API's TXT defaults.
  init(
    maxCharactersPerLine: Int? = 100, includeSpeakers: Bool = true, includeTimestamps: Bool = true
  ) {
    self.maxCharactersPerLine = maxCharactersPerLine
    self.includeSpeakers = includeSpeakers
    self.includeTimestamps = includeTimestamps
  }

  /// Creates a renderer from export options.
  init(options: APIExportOptions) {
    self.init(
      maxCharactersPerLine: options.maxCharactersPerLine,
      includeSpeakers: options.includeSpeakers, includeTimestamps: options.includeTimestamps)
  }

  /// The text of `segments`.
  func render(_ segments: [Cue]) -> String {
    let wrapper = LineWrapper(maxCharactersPerLine: maxCharactersPerLine)
    var blocks: [String] = []
    blocks.reserveCapacity(segments.count)
    for segment in segments {
      var header: [String] = []
      if includeTimestamps {
        header.append(Timecode.srt(segment.start) + " --> " + Timecode.srt(segment.end))
      }
      if includeSpeakers, let speaker = segment.speakerID {
        header.append("[\(Self.singleLine(speaker))]")
      }
      var lines = wrapper.lines(for: segment)
      guard !lines.isEmpty else { continue }
      if !header.isEmpty { lines.insert(header.joined(separator: " "), at: 0) }
      blocks.append(lines.joined(separator: "\n"))
    }
    return blocks.isEmpty ? "" : blocks.joined(separator: "\n\n") + "\n"
  }

  /// `text` with every whitespace run made one space, so a label cannot add lines.
  static func singleLine(_ text: String) -> String {
    text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
  }
}
