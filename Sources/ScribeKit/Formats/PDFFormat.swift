import Foundation

/// A PDF transcript, typeset by the system's Pango and Cairo: every script shaped, every font
/// embedded, and the same bytes for the same input.
///
/// Pango and Cairo are loaded when a PDF is first asked for; on a machine without them the
/// format is not ``isAvailable`` and rendering throws
/// ``ExportError/formatUnavailable(format:reason:)`` naming the packages to install. Every
/// other format works without them.
public struct PDFFormat: OutputFormat {
  /// Creates the format.
  public init() {}

  /// `pdf`.
  public var name: String { "pdf" }
  /// `pdf`.
  public var fileExtension: String { "pdf" }
  /// `application/pdf`.
  public var contentType: String { "application/pdf" }
  /// `true`.
  public var isBinary: Bool { true }
  /// `true`.
  public var isAPIFormat: Bool { true }
  /// Whether this machine has the Pango and Cairo libraries PDF is typeset with.
  public var isAvailable: Bool {
    if case .success = PangoCairo.shared { return true }
    return false
  }
  /// Speakers, timestamps, title, paragraphs and paper.
  public var appliesOptions: FormatOptions {
    [.speakers, .timestamps, .title, .paragraphs, .paper]
  }

  /// The document's bytes.
  public func render(_ input: RenderInput) throws(ExportError) -> Data {
    try rendering(input).content
  }

  /// The document's bytes, with a warning when the machine has no font for some of the text.
  public func rendering(_ input: RenderInput) throws(ExportError) -> Rendering {
    try PDFRenderer(options: input.options, info: input.document).render(input.cues)
  }
}

extension OutputFormat where Self == PDFFormat {
  /// A PDF transcript (``PDFFormat``).
  public static var pdf: PDFFormat { PDFFormat() }
}

/// Typesets segments as a PDF: the DOCX's content, on pages.
///
/// The first page has the title and the summary line; every page after it a running header
/// with the title; every page a footer "Page N of M". Each segment is a paragraph headed by its
/// speaker in bold and its time range, muted, as in the DOCX. Right-to-left paragraphs are set
/// from the right, their time ranges left to right (``DocumentInfo/timeRange(from:to:after:inRightToLeftParagraph:)``).
/// A paragraph's head is never left alone at the foot of a page.
///
/// The outline (bookmarks) has an entry at every paragraph, named by its time and speaker, so
/// a reader can jump to 00:12:30. The title and paragraphs are tagged (`H1`, `P`) for screen
/// readers. Fonts come from the machine through fontconfig, chosen for the transcript's
/// language, and are embedded as subsets with their ToUnicode maps, so text can be searched
/// and copied. The creation date is `SOURCE_DATE_EPOCH` when set, else 1980-01-01 (as in the
/// DOCX), so the same input gives the same bytes.
struct PDFRenderer: Sendable {
  /// Title, language and paper.
  var info: DocumentInfo
  /// Label paragraphs with their speaker.
  var includeSpeakers: Bool
  /// Show each paragraph's time range.
  var includeTimestamps: Bool
  /// Pango and Cairo, or why they could not be loaded.
  var libraries = PangoCairo.shared

  /// Creates a renderer from export options.
  init(options: APIExportOptions, info: DocumentInfo = DocumentInfo()) {
    self.info = info
    includeSpeakers = options.includeSpeakers
    includeTimestamps = options.includeTimestamps
  }

  /// Page geometry, in points.
  private enum Page {
    static let margin = 62.0
    static let top = 72.0
    static let bottom = 72.0
    static let headerBaseline = 40.0
    static let footerFromBottom = 40.0
  }

  private static let ink = (0.122, 0.161, 0.216)
  private static let muted = "#4b5563"
  private static let mutedRGB = (0.294, 0.333, 0.388)
  /// Fontconfig's sans-serif, which it resolves for the document's language (Noto Sans CJK JP
  /// for Japanese, DejaVu Sans for Latin and Hebrew, ...), falling back per character.
  private static let family = "sans-serif"

  /// The document, or the reason it cannot be made.
  func render(_ segments: [Cue]) throws(ExportError) -> Rendering {
    do {
      return try PDFTypesetter.render { () throws(PDFTypesetter.Failure) in
        try typeset(segments)
      }
    } catch {
      switch error {
      case .unavailable(let failure):
        throw ExportError.formatUnavailable(
          format: "pdf",
          reason: "needs the system's Pango and Cairo libraries, which are not installed "
            + "(\(failure.message)); install libpangocairo-1.0-0 on Debian or Ubuntu, "
            + "pango on Fedora, or `brew install pango` on macOS")
      case .cairo(let message):
        throw ExportError.renderingFailed(format: "pdf", reason: message)
      }
    }
  }

  /// A block of the document: a laid-out paragraph, how it is tagged and bookmarked.
  private struct Block {
    var paragraph: PDFTypesetter.Paragraph
    var tag: String
    var bookmark: String?
    var spaceAfter: Double
    /// Lines at its start that must share a page (a head and the first line of text).
    var keepTogether: Int
  }

  /// Where a line goes.
  private struct Placement {
    var block: Int
    var line: Int
    var y: Double
  }

  private func typeset(_ segments: [Cue]) throws(PDFTypesetter.Failure) -> Rendering {
    let paper = (info.paper ?? .localeDefault).points
    let setter = try PDFTypesetter(
      width: paper.width, height: paper.height,
      language: info.languageTag.map(Self.fontconfigLanguage), libraries: libraries)
    let date = Self.creationDate()
    setter.metadata(.title, info.title)
    setter.metadata(.creator, "ScribeKit")
    setter.metadata(.createDate, date)
    setter.metadata(.modifyDate, date)
    let width = paper.width - 2 * Page.margin

    var blocks: [Block] = []
    func add(
      _ markup: String, font: String, tag: String, bookmark: String? = nil, after: Double,
      keep: Int = 1, spacing: Double = 0
    ) {
      guard
        let paragraph = setter.paragraph(
          markup: markup, font: font, width: width, spacing: spacing)
      else { return }
      blocks.append(
        Block(
          paragraph: paragraph, tag: tag, bookmark: bookmark, spaceAfter: after,
          keepTogether: keep))
    }
    let titleMarkup = Self.escaped(info.title)
    add(titleMarkup, font: "\(Self.family) Bold 20", tag: "H1", after: 4)
    add(
      "<span foreground=\"\(Self.muted)\">\(Self.escaped(info.summary(of: segments)))</span>",
      font: "\(Self.family) 9.5", tag: "P", after: 16)
    let documentRightToLeft = Language.isRightToLeft(tag: info.languageTag)
    for segment in segments {
      let text = TextRenderer.singleLine(segment.text)
      let rightToLeft = text.isEmpty ? documentRightToLeft : Language.isRightToLeft(text: text)
      let speaker = includeSpeakers ? segment.speakerID.map(TextRenderer.singleLine) : nil
      var head = ""
      if let speaker { head += "<b>\(Self.escaped(speaker))</b>" }
      if includeTimestamps {
        let range = DocumentInfo.timeRange(
          from: segment.start, to: segment.end, after: speaker, inRightToLeftParagraph: rightToLeft)
        head += "<span foreground=\"\(Self.muted)\">\(Self.escaped(range))</span>"
      }
      var markup = Self.escaped(text)
      if !head.isEmpty {
        // A right-to-left mark makes the head a right-to-left line, set from the right like
        // the text under it, whatever script the speaker's name is in.
        let mark = rightToLeft ? "\u{200F}" : ""
        markup = "<span size=\"\(Int(9.5 * 1024))\">\(mark)\(head)</span>\n" + markup
      }
      var bookmark = String(Timecode.srt(segment.start).prefix(8))
      if let speaker { bookmark += "  " + speaker }
      add(
        markup, font: "\(Self.family) 11", tag: "P", bookmark: bookmark, after: 9,
        keep: head.isEmpty ? 1 : 2, spacing: 2.5)
    }

    // Pages: lines go down the page; a block's first lines stay together.
    let bottom = paper.height - Page.bottom
    var pages: [[Placement]] = [[]]
    var bookmarks: [(title: String, page: Int, y: Double)] = []
    var y = Page.top
    for (index, block) in blocks.enumerated() {
      let lines = block.paragraph.lines
      let kept = lines.prefix(block.keepTogether).reduce(0) { $0 + $1.height }
      if y + kept > bottom, !(pages.last?.isEmpty ?? true) {
        pages.append([])
        y = Page.top
      }
      if let bookmark = block.bookmark { bookmarks.append((bookmark, pages.count, y)) }
      for (number, line) in lines.enumerated() {
        if y + line.height > bottom, !(pages.last?.isEmpty ?? true) {
          pages.append([])
          y = Page.top
        }
        pages[pages.count - 1].append(Placement(block: index, line: number, y: y))
        y += line.height
      }
      y += block.spaceAfter
    }

    let header = setter.paragraph(
      markup: "<span foreground=\"\(Self.muted)\">\(titleMarkup)</span>",
      font: "\(Self.family) 8.5", width: width)
    for (number, placements) in pages.enumerated() {
      if number > 0 { setter.nextPage() }
      if number > 0, let first = header?.lines.first {
        setter.draw(first, x: Page.margin, y: Page.headerBaseline - first.baseline, color: Self.ink)
        setter.rule(x: Page.margin, y: Page.headerBaseline + 6, width: width, color: Self.mutedRGB)
      }
      var open: Int?
      for placement in placements {
        if open != placement.block {
          if let open { setter.endTag(blocks[open].tag) }
          setter.beginTag(blocks[placement.block].tag)
          open = placement.block
        }
        let line = blocks[placement.block].paragraph.lines[placement.line]
        setter.draw(line, x: Page.margin, y: placement.y, color: Self.ink)
      }
      if let open { setter.endTag(blocks[open].tag) }
      let footer = setter.paragraph(
        markup: "<span foreground=\"\(Self.muted)\">Page \(number + 1) of \(pages.count)</span>",
        font: "\(Self.family) 8.5", width: width, alignment: .center)
      if let line = footer?.lines.first {
        setter.draw(
          line, x: Page.margin, y: paper.height - Page.footerFromBottom - line.baseline,
          color: Self.ink)
      }
    }
    for bookmark in bookmarks {
      setter.outline(bookmark.title, page: bookmark.page, y: bookmark.y)
    }
    let content = try setter.finish()
    let unknown = blocks.reduce(0) { $0 + $1.paragraph.unknownGlyphs }
    var warnings: [String] = []
    if unknown > 0 {
      warnings.append(
        "\(unknown) character\(unknown == 1 ? "" : "s") of the PDF \(unknown == 1 ? "has" : "have") "
          + "no font on this machine and \(unknown == 1 ? "shows" : "show") as a box; install "
          + "fonts for the script (on Debian or Ubuntu: fonts-noto-core, and fonts-noto-cjk for "
          + "Chinese, Japanese and Korean, fonts-noto-color-emoji for emoji)")
    }
    return Rendering(content: content, warnings: warnings)
  }

  /// A BCP 47 tag as fontconfig matches languages: it knows Chinese by region (`zh-cn`,
  /// `zh-tw`, `zh-hk`), not by script, and would give `zh-Hans` or a bare `zh` the Japanese
  /// forms of the Han characters. Simplified is the default, as for most Chinese text.
  static func fontconfigLanguage(_ tag: String) -> String {
    let lowered = tag.lowercased()
    guard lowered == "zh" || lowered.hasPrefix("zh-") else { return tag }
    let parts = lowered.split(separator: "-").dropFirst()
    if parts.contains("hk") || parts.contains("mo") { return "zh-hk" }
    if parts.contains("tw") || parts.contains("hant") { return "zh-tw" }
    return "zh-cn"
  }

  /// Text escaped for Pango markup, without the characters its parser refuses.
  private static func escaped(_ text: String) -> String {
    Markup.escapeXML(text)
  }

  /// `SOURCE_DATE_EPOCH` (the reproducible-builds convention) when set, else 1980-01-01, as
  /// ISO 8601 in UTC.
  static func creationDate(
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) -> String {
    let seconds = environment["SOURCE_DATE_EPOCH"].flatMap { Int($0) } ?? 315_532_800
    let formatter = ISO8601DateFormatter()
    formatter.timeZone = TimeZone(identifier: "UTC")
    formatter.formatOptions = [.withInternetDateTime]
    return formatter.string(from: Date(timeIntervalSince1970: TimeInterval(seconds)))
  }
}
