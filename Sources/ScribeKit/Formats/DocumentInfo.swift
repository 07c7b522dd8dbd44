import Foundation

/// What the document formats (HTML, DOCX, PDF) say about the transcript beside its segments.
public struct DocumentInfo: Sendable, Equatable {
  /// The document's title. Default: "Transcript".
  public var title: String
  /// The transcript's language as an API `language_code` (`eng`) or a BCP 47 tag (`en`).
  public var languageCode: String?
  /// An audio file path or URL. HTML with one becomes an interactive transcript with a player.
  public var audioSource: String?
  /// The paper a paged document is set on, or `nil` for the convention of the user's locale
  /// (US Letter where it is used, A4 elsewhere).
  public var paper: PaperSize?

  /// Creates document information.
  public init(
    title: String = "Transcript", languageCode: String? = nil, audioSource: String? = nil,
    paper: PaperSize? = nil
  ) {
    self.title = title
    self.languageCode = languageCode
    self.audioSource = audioSource
    self.paper = paper
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

/// A size of paper for paged documents (PDF).
public enum PaperSize: String, Sendable, Equatable, CaseIterable {
  /// ISO A4, 210 × 297 mm.
  case a4
  /// US Letter, 8.5 × 11 inches.
  case letter

  /// Width and height in points (1/72 inch).
  public var points: (width: Double, height: Double) {
    switch self {
    case .a4: return (595.2756, 841.8898)
    case .letter: return (612, 792)
    }
  }

  /// The paper of the user's locale: US Letter where the locale measures in US units (the
  /// United States, and the few countries that share its paper), A4 elsewhere.
  public static var localeDefault: PaperSize {
    Locale.current.measurementSystem == .us ? .letter : .a4
  }
}

extension DocumentInfo {
  /// A segment's time range, `00:00:01.000 – 00:00:02.500`, as the text that follows a
  /// speaker's name in a document: after two spaces when it follows a name.
  ///
  /// Unicode's bidirectional algorithm gives digits no direction of their own, and the dash
  /// between two times takes the direction around it, so in a right-to-left paragraph the two
  /// times would be laid out right to left and the range would read end first. There a
  /// left-to-right mark (U+200E) before the range makes the range one left-to-right run, and a
  /// right-to-left mark (U+200F) before the spaces after a speaker keeps the name at the start
  /// of the line (on the right) with the range after it, rather than one left-to-right block of
  /// a Latin name and the range. In a left-to-right paragraph the same happens after a name that
  /// ends in a right-to-left script, which a left-to-right mark before the spaces prevents; other
  /// left-to-right paragraphs get no marks. Marks rather than isolates (U+2066…U+2069), because
  /// every implementation of the algorithm knows them.
  static func timeRange(
    from start: Double, to end: Double, after speaker: String?, inRightToLeftParagraph: Bool
  ) -> String {
    let range = Timecode.vtt(start) + " – " + Timecode.vtt(end)
    if inRightToLeftParagraph {
      return (speaker == nil ? "" : "\u{200F}  ") + "\u{200E}" + range
    }
    guard let speaker else { return range }
    // The direction of the name's last strongly directional character.
    let reversed = String(String.UnicodeScalarView(speaker.unicodeScalars.reversed()))
    return (Language.isRightToLeft(text: reversed) ? "\u{200E}  " : "  ") + range
  }
}
