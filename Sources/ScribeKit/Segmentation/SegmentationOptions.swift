/// The API's export options, with the API's names in the documentation of each.
///
/// `nil` means "no limit", as `null` does in the API. Get the API's defaults for a format with
/// ``defaults(for:preset:)`` rather than building one from scratch: they differ per format.
public struct SegmentationOptions: Sendable, Equatable, Hashable {
  /// `segment_on_silence_longer_than_s`: a pause between two words longer than this many seconds
  /// starts a new segment.
  public var segmentOnSilenceLongerThan: Double?
  /// `max_segment_duration_s`: a word that would make the segment last longer than this many
  /// seconds (measured from the segment's first word to this word's end) starts a new segment.
  public var maxSegmentDuration: Double?
  /// `max_segment_chars`: a word that would make the segment's text longer than this many
  /// characters (grapheme clusters, spaces included) starts a new segment.
  public var maxSegmentChars: Int?
  /// `max_characters_per_line`: lines of a segment are wrapped at this many characters. Only SRT
  /// and TXT have it in the API.
  public var maxCharactersPerLine: Int?
  /// `include_speakers`: label segments with their speaker.
  public var includeSpeakers: Bool
  /// `include_timestamps`: show segment times (formats that cannot omit them, like SRT, ignore
  /// this).
  public var includeTimestamps: Bool

  /// Creates options; every limit defaults to "none" and both flags to on.
  public init(
    segmentOnSilenceLongerThan: Double? = nil,
    maxSegmentDuration: Double? = nil,
    maxSegmentChars: Int? = nil,
    maxCharactersPerLine: Int? = nil,
    includeSpeakers: Bool = true,
    includeTimestamps: Bool = true
  ) {
    self.segmentOnSilenceLongerThan = segmentOnSilenceLongerThan
    self.maxSegmentDuration = maxSegmentDuration
    self.maxSegmentChars = maxSegmentChars
    self.maxCharactersPerLine = maxCharactersPerLine
    self.includeSpeakers = includeSpeakers
    self.includeTimestamps = includeTimestamps
  }

  /// The server's defaults for `format` under `preset` (FORMATS.md §1).
  ///
  /// | option | srt | txt | others |
  /// |---|---|---|---|
  /// | include_speakers | false | true | true |
  /// | include_timestamps | true | true | true |
  /// | max_characters_per_line | 42 | 100 | – |
  /// | segment_on_silence_longer_than_s | 0.8 | – | – |
  /// | max_segment_duration_s | 4 | – | – |
  /// | max_segment_chars | 84 | – | – |
  ///
  /// WebVTT, which the API does not export, takes SRT's defaults: both are captions for players.
  ///
  /// ``Preset/elevenlabsLegacy`` gives SRT (and WebVTT) the defaults in force before 2025-08-24:
  /// 50 characters per line, 0.6 s silence, 5 s duration, 90 characters.
  public static func defaults(
    for format: ExportFormat, preset: Preset = .elevenlabs
  ) -> SegmentationOptions {
    switch (format, preset) {
    case (.srt, .elevenlabs), (.vtt, .elevenlabs):
      return SegmentationOptions(
        segmentOnSilenceLongerThan: 0.8, maxSegmentDuration: 4, maxSegmentChars: 84,
        maxCharactersPerLine: 42, includeSpeakers: false, includeTimestamps: true)
    case (.srt, .elevenlabsLegacy), (.vtt, .elevenlabsLegacy):
      return SegmentationOptions(
        segmentOnSilenceLongerThan: 0.6, maxSegmentDuration: 5, maxSegmentChars: 90,
        maxCharactersPerLine: 50, includeSpeakers: false, includeTimestamps: true)
    case (.txt, _):
      return SegmentationOptions(maxCharactersPerLine: 100)
    case (.segmentedJSON, _), (.html, _), (.docx, _), (.pdf, _):
      return SegmentationOptions()
    }
  }
}

/// A named set of defaults.
public enum Preset: String, Sendable, Equatable, CaseIterable {
  /// The API's current defaults (since 2025-08-24).
  case elevenlabs
  /// The API's SRT defaults before 2025-08-24 (50 / 0.6 / 5 / 90), to reproduce older exports.
  case elevenlabsLegacy = "elevenlabs-legacy"
}

/// The export formats of the API's `additional_formats`, plus WebVTT.
public enum ExportFormat: String, Sendable, Equatable, Hashable, CaseIterable {
  /// SubRip subtitles.
  case srt
  /// WebVTT captions. Not an API format (the ElevenLabs web editor has it); ScribeKit's own.
  case vtt
  /// Plain text.
  case txt
  /// `{"segments": [{"text", "words"}]}`.
  case segmentedJSON = "segmented_json"
  /// An HTML page.
  case html
  /// A Word document.
  case docx
  /// A PDF document.
  case pdf

  /// The file extension the API gives this format, without the dot.
  public var fileExtension: String {
    switch self {
    case .segmentedJSON: return "json"
    default: return rawValue
    }
  }

  /// `true` for the formats the API's `additional_formats` accepts (all but ``vtt``).
  public var isAPIFormat: Bool { self != .vtt }

  /// The content type the API gives this format.
  public var contentType: String {
    switch self {
    case .srt: return "text/srt"
    case .vtt: return "text/vtt"
    case .txt: return "text/plain"
    case .segmentedJSON: return "application/json"
    case .html: return "text/html"
    case .docx: return "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    case .pdf: return "application/pdf"
    }
  }

  /// `true` when the format wraps lines, so `max_characters_per_line` applies: SRT and TXT, as
  /// in the API, and WebVTT.
  public var hasLineLength: Bool { self == .srt || self == .txt || self == .vtt }
}
