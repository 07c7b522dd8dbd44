/// The export options of the API's `additional_formats` entries, with the API's names in the
/// documentation of each.
///
/// `nil` means "no limit", as `null` does in the API. Start from a format's defaults
/// (``OutputFormat/defaultOptions(_:)``) rather than from scratch: they differ per format.
public struct APIExportOptions: Sendable, Equatable, Hashable {
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
}

extension APIExportOptions {
  /// `true` when these options split cues where `other`'s do: the same silence, duration and
  /// character limits, whatever they show.
  func splitsLike(_ other: APIExportOptions) -> Bool {
    segmentOnSilenceLongerThan == other.segmentOnSilenceLongerThan
      && maxSegmentDuration == other.maxSegmentDuration && maxSegmentChars == other.maxSegmentChars
  }
}

/// Which generation of the API's export defaults a preset follows.
///
/// The server changed its SRT defaults on 2025-08-24; each ``OutputFormat`` says what its
/// defaults are under each generation (<doc:APIParity#Defaults-per-format>).
public enum APIDefaults: String, Sendable, Equatable, Hashable, CaseIterable {
  /// The API's current defaults (since 2025-08-24).
  case current
  /// The SRT defaults before 2025-08-24 (50 characters per line, 0.6 s silence, 5 s, 90
  /// characters), to reproduce older exports.
  case legacy
}
