/// What the document formats (HTML, DOCX) say about the transcript beside its segments.
public struct DocumentInfo: Sendable, Equatable {
  /// The document's title. Default: "Transcript".
  public var title: String
  /// The transcript's language as an API `language_code` (`eng`) or a BCP 47 tag (`en`).
  public var languageCode: String?
  /// An audio file path or URL. HTML with one becomes an interactive transcript with a player.
  public var audioSource: String?

  /// Creates document information.
  public init(title: String = "Transcript", languageCode: String? = nil, audioSource: String? = nil)
  {
    self.title = title
    self.languageCode = languageCode
    self.audioSource = audioSource
  }

  /// The language as a BCP 47 tag, or `nil` when unknown.
  public var languageTag: String? { Language.tag(forAPICode: languageCode) }

  /// The line under a document's title: `Language: en · 6 segments · Duration: 00:00:43`.
  func summary(of segments: [Cue]) -> String {
    var facts: [String] = []
    if let tag = languageTag { facts.append("Language: \(tag)") }
    facts.append(segments.count == 1 ? "1 segment" : "\(segments.count) segments")
    if let last = segments.map(\.end).max() {
      facts.append("Duration: " + Timecode.srt(last).prefix(8))
    }
    return facts.joined(separator: " · ")
  }
}
