import Foundation
import ZIPFoundation

/// A Word document (`.docx`) with named styles, the same bytes for the same input.
public struct DOCXFormat: OutputFormat {
  /// Creates the format.
  public init() {}

  /// `docx`.
  public var name: String { "docx" }
  /// `docx`.
  public var fileExtension: String { "docx" }
  /// The Office Open XML word-processing type.
  public var contentType: String {
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
  }
  /// `true`: a zip package.
  public var isBinary: Bool { true }
  /// `true`.
  public var isAPIFormat: Bool { true }
  /// Speakers, timestamps, title and paragraphs.
  public var appliesOptions: FormatOptions { [.speakers, .timestamps, .title, .paragraphs] }

  /// The document's bytes.
  public func render(_ input: RenderInput) throws(ExportError) -> Data {
    try DOCXRenderer(options: input.options, info: input.document).render(input.cues)
  }
}

extension OutputFormat where Self == DOCXFormat {
  /// A Word document (``DOCXFormat``).
  public static var docx: DOCXFormat { DOCXFormat() }
}

/// Renders segments as a Word document (`.docx`, Office Open XML).
///
/// The document has a title, a line with the language, segment count and duration, then one
/// paragraph per segment: the speaker in bold (style `Speaker`), the time range in a muted style
/// (`Timestamp`), a line break and the text (paragraph style `Segment`). Named styles (`Title`,
/// `Subtitle`, `Segment`, `Speaker`, `Timestamp`) let a user restyle the whole document at once.
/// The transcript's language is declared in the document defaults (``DOCXLanguage``), so a word
/// processor picks the right glyph forms, fonts and proofing. Right-to-left segments are marked
/// as such, and their time range stays left to right. Characters XML forbids are removed, the
/// rest escaped.
///
/// The bytes are the same for the same input: entries are written in a fixed order with a fixed
/// date (1980-01-01), so golden tests and caches work.
struct DOCXRenderer: Sendable {
  /// Title and language.
  var info: DocumentInfo
  /// Label paragraphs with their speaker.
  var includeSpeakers: Bool
  /// Show each paragraph's time range.
  var includeTimestamps: Bool

  /// Creates a renderer.
  init(
    info: DocumentInfo = DocumentInfo(), includeSpeakers: Bool = true,
    includeTimestamps: Bool = true
  ) {
    self.info = info
    self.includeSpeakers = includeSpeakers
    self.includeTimestamps = includeTimestamps
  }

  /// Creates a renderer from export options.
  init(options: APIExportOptions, info: DocumentInfo = DocumentInfo()) {
    self.init(
      info: info, includeSpeakers: options.includeSpeakers,
      includeTimestamps: options.includeTimestamps)
  }

  /// The package's parts, by path, in the order they are stored.
  func parts(_ segments: [Cue]) -> [(path: String, content: String)] {
    [
      ("[Content_Types].xml", Self.contentTypes),
      ("_rels/.rels", Self.packageRelationships),
      ("docProps/core.xml", coreProperties()),
      ("docProps/app.xml", Self.appProperties),
      ("word/_rels/document.xml.rels", Self.documentRelationships),
      ("word/styles.xml", styles()),
      ("word/document.xml", document(segments)),
    ]
  }

  /// The `.docx` bytes of `segments`.
  ///
  /// - Throws: ``ExportError/renderingFailed(format:reason:)`` if the zip library fails, which
  ///   in memory only happens when memory runs out.
  func render(_ segments: [Cue]) throws(ExportError) -> Data {
    // 1980-01-01 00:00:00 UTC: the earliest date a zip entry can hold, and a fixed one.
    let fixedDate = Date(timeIntervalSince1970: 315_532_800)
    do {
      let archive = try Archive(accessMode: .create)
      for (path, content) in parts(segments) {
        let data = Data(content.utf8)
        try archive.addEntry(
          with: path, type: .file, uncompressedSize: Int64(data.count),
          modificationDate: fixedDate, permissions: 0o644, compressionMethod: .deflate
        ) { position, size in
          data.subdata(in: Int(position)..<Int(position) + size)
        }
      }
      guard let bytes = archive.data else {
        throw ExportError.renderingFailed(format: "docx", reason: "the zip archive is empty")
      }
      return bytes
    } catch let error as ExportError {
      throw error
    } catch {
      throw ExportError.renderingFailed(format: "docx", reason: String(describing: error))
    }
  }

  private func document(_ segments: [Cue]) -> String {
    var body = paragraph(
      style: "Title", runs: [run(info.title)], rightToLeft: Language.isRightToLeft(text: info.title)
    )
    body += paragraph(
      style: "Subtitle", runs: [run(info.summary(of: segments))], rightToLeft: false)
    let documentRightToLeft = Language.isRightToLeft(tag: info.languageTag)
    for segment in segments {
      var runs: [String] = []
      let speaker = includeSpeakers ? segment.speakerID.map(TextRenderer.singleLine) : nil
      if let speaker { runs.append(run(speaker, style: "Speaker")) }
      let text = TextRenderer.singleLine(segment.text)
      let rightToLeft = text.isEmpty ? documentRightToLeft : Language.isRightToLeft(text: text)
      if includeTimestamps {
        let range = DocumentInfo.timeRange(
          from: segment.start, to: segment.end, after: speaker, inRightToLeftParagraph: rightToLeft)
        runs.append(run(range, style: "Timestamp"))
      }
      if !runs.isEmpty { runs.append("<w:r><w:br/></w:r>") }
      runs.append(run(text, rightToLeft: rightToLeft))
      body += paragraph(style: "Segment", runs: runs, rightToLeft: rightToLeft)
    }
    return Self.declaration
      + "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
      + "<w:body>" + body
      + "<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1440\" w:right=\"1440\" "
      + "w:bottom=\"1440\" w:left=\"1440\" w:header=\"708\" w:footer=\"708\" w:gutter=\"0\"/>"
      + "</w:sectPr></w:body></w:document>"
  }

  private func paragraph(style: String, runs: [String], rightToLeft: Bool) -> String {
    "<w:p><w:pPr><w:pStyle w:val=\"\(style)\"/>" + (rightToLeft ? "<w:bidi/>" : "") + "</w:pPr>"
      + runs.joined() + "</w:p>"
  }

  private func run(_ text: String, style: String? = nil, rightToLeft: Bool = false) -> String {
    var properties = ""
    if let style { properties += "<w:rStyle w:val=\"\(style)\"/>" }
    if rightToLeft { properties += "<w:rtl/>" }
    let head = properties.isEmpty ? "<w:r>" : "<w:r><w:rPr>\(properties)</w:rPr>"
    return head + "<w:t xml:space=\"preserve\">" + Markup.escapeXML(text) + "</w:t></w:r>"
  }

  private func coreProperties() -> String {
    var language = ""
    if let tag = info.languageTag {
      language = "<dc:language>\(Markup.escapeXML(tag))</dc:language>"
    }
    return Self.declaration
      + "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
      + "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" "
      + "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
      + "<dc:title>\(Markup.escapeXML(info.title))</dc:title><dc:creator>ScribeKit</dc:creator>"
      + language + "</cp:coreProperties>"
  }

  private static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"

  private static let contentTypes =
    declaration
    + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
    + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
    + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
    + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
    + "<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>"
    + "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
    + "<Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>"
    + "</Types>"

  private static let packageRelationships =
    declaration
    + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>"
    + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
    + "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties\" Target=\"docProps/app.xml\"/>"
    + "</Relationships>"

  private static let documentRelationships =
    declaration
    + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
    + "</Relationships>"

  private static let appProperties =
    declaration
    + "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">"
    + "<Application>ScribeKit</Application></Properties>"

  /// The styles part: document defaults with the transcript's language and East Asian font,
  /// then the named styles.
  func styles() -> String {
    let language = DOCXLanguage(tag: info.languageTag)
    return Self.declaration
      + "<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
      + "<w:docDefaults><w:rPrDefault><w:rPr>"
      + "<w:rFonts w:ascii=\"Calibri\" w:hAnsi=\"Calibri\" w:eastAsia=\""
      + Markup.escapeXML(language.eastAsianFont) + "\" w:cs=\"Arial\"/>"
      + "<w:sz w:val=\"22\"/><w:szCs w:val=\"22\"/>" + language.element + "</w:rPr></w:rPrDefault>"
      + Self.stylesAfterRunDefaults
  }

  private static let stylesAfterRunDefaults =
    "<w:pPrDefault><w:pPr><w:spacing w:after=\"120\" w:line=\"276\" w:lineRule=\"auto\"/></w:pPr>"
    + "</w:pPrDefault></w:docDefaults>"
    + "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/></w:style>"
    + "<w:style w:type=\"paragraph\" w:styleId=\"Title\"><w:name w:val=\"Title\"/><w:basedOn w:val=\"Normal\"/>"
    + "<w:next w:val=\"Normal\"/><w:qFormat/><w:pPr><w:spacing w:after=\"80\"/></w:pPr>"
    + "<w:rPr><w:b/><w:color w:val=\"1F2937\"/><w:sz w:val=\"44\"/><w:szCs w:val=\"44\"/></w:rPr></w:style>"
    + "<w:style w:type=\"paragraph\" w:styleId=\"Subtitle\"><w:name w:val=\"Subtitle\"/><w:basedOn w:val=\"Normal\"/>"
    + "<w:next w:val=\"Normal\"/><w:qFormat/><w:pPr><w:pBdr><w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"6\" w:color=\"D1D5DB\"/></w:pBdr>"
    + "<w:spacing w:after=\"360\"/></w:pPr><w:rPr><w:color w:val=\"6B7280\"/><w:sz w:val=\"20\"/><w:szCs w:val=\"20\"/></w:rPr></w:style>"
    + "<w:style w:type=\"paragraph\" w:styleId=\"Segment\"><w:name w:val=\"Segment\"/><w:basedOn w:val=\"Normal\"/>"
    + "<w:qFormat/><w:pPr><w:keepLines/><w:spacing w:after=\"200\"/></w:pPr></w:style>"
    + "<w:style w:type=\"character\" w:styleId=\"Speaker\"><w:name w:val=\"Speaker\"/><w:qFormat/>"
    + "<w:rPr><w:b/><w:bCs/><w:color w:val=\"1E3A8A\"/></w:rPr></w:style>"
    + "<w:style w:type=\"character\" w:styleId=\"Timestamp\"><w:name w:val=\"Timestamp\"/><w:qFormat/>"
    + "<w:rPr><w:color w:val=\"6B7280\"/><w:sz w:val=\"18\"/><w:szCs w:val=\"18\"/></w:rPr></w:style>"
    + "</w:styles>"
}

/// How a Word document declares its language: `<w:lang>` in the document defaults, with a
/// language for each of Word's three kinds of text (Latin and the like, East Asian, complex
/// scripts), and the East Asian font to go with it.
///
/// Han characters are shared by Chinese, Japanese and Korean but drawn differently in each
/// (直 今 角 骨 次 化), so the East Asian language and font both name the variant: Japanese
/// `ja-JP` with Noto Sans CJK JP, Korean `ko-KR` with Noto Sans CJK KR, Simplified Chinese
/// (`zh`, `zh-Hans`, `zh-CN`, `zh-SG`) Noto Sans CJK SC, Traditional Chinese of Taiwan (`zh-Hant`,
/// `zh-TW`) Noto Sans CJK TC, of Hong Kong and Macao (`zh-HK`, `zh-MO`, and Cantonese, `yue`,
/// without a script) Noto Sans CJK HK. Word uses the one font named and otherwise substitutes
/// by the language; LibreOffice also chooses glyph forms by the language. Right-to-left and other
/// complex-script languages (Hebrew, Arabic, Hindi, Thai, ...) are declared as the complex-script
/// language, every other language as the Latin one, with the transcript's own tag (`en`, `fr`).
/// An unknown language declares nothing, and keeps the Simplified Chinese font for stray Han
/// characters.
struct DOCXLanguage: Equatable, Sendable {
  /// `w:val`: the language of Latin-script (and Greek, Cyrillic, ...) text.
  var latin: String?
  /// `w:eastAsia`: the language of Han, kana and Hangul.
  var eastAsian: String?
  /// `w:bidi`: the language of complex-script text (right-to-left scripts, Indic, Thai, ...).
  var complex: String?
  /// The `w:eastAsia` font.
  var eastAsianFont = "Noto Sans CJK SC"

  /// The declaration for a BCP 47 tag (``DocumentInfo/languageTag``); none for `nil`, `und`
  /// (undetermined), `mul` (several), `mis` and `zxx` (no language).
  init(tag: String?) {
    let subtags = Self.canonicalSubtags(of: tag ?? "")
    guard let primary = subtags.first, !["und", "mul", "mis", "zxx"].contains(primary) else {
      return
    }
    let script = subtags.dropFirst().first { $0.count == 4 }
    let region = subtags.dropFirst().first {
      $0.count == 2 || ($0.count == 3 && $0.allSatisfy(\.isNumber))
    }
    switch primary {
    case "ja":
      (eastAsian, eastAsianFont) = ("ja-JP", "Noto Sans CJK JP")
    case "ko":
      (eastAsian, eastAsianFont) = ("ko-KR", "Noto Sans CJK KR")
    case "zh", "cmn", "yue":
      (eastAsian, eastAsianFont) = Self.chinese(
        script: script, region: region, cantonese: primary == "yue")
    default:
      let declared = subtags.joined(separator: "-")
      if Language.isRightToLeft(tag: primary) || Self.complexScriptLanguages.contains(primary) {
        complex = declared
      } else {
        latin = declared
      }
    }
  }

  /// `<w:lang …/>`, or nothing when no language is known.
  var element: String {
    let attributes = [("w:val", latin), ("w:eastAsia", eastAsian), ("w:bidi", complex)]
      .compactMap { name, value in value.map { " \(name)=\"\(Markup.escapeXML($0))\"" } }
    return attributes.isEmpty ? "" : "<w:lang" + attributes.joined() + "/>"
  }

  /// The East Asian language and font of Chinese: Traditional or Simplified by the script,
  /// else by the region, else Simplified (Cantonese: Traditional, as written in Hong Kong).
  private static func chinese(script: String?, region: String?, cantonese: Bool)
    -> (String, String)
  {
    let traditional: Bool
    switch (script, region) {
    case ("Hant", _): traditional = true
    case ("Hans", _): traditional = false
    case (_, "TW"?), (_, "HK"?), (_, "MO"?): traditional = true
    case (_, .some): traditional = false
    default: traditional = cantonese
    }
    if traditional {
      switch region ?? (cantonese ? "HK" : "TW") {
      case "HK": return ("zh-HK", "Noto Sans CJK HK")
      case "MO": return ("zh-MO", "Noto Sans CJK HK")
      default: return ("zh-TW", "Noto Sans CJK TC")
      }
    }
    return (region == "SG" ? "zh-SG" : "zh-CN", "Noto Sans CJK SC")
  }

  /// Languages Word and LibreOffice treat as complex-script text besides the right-to-left
  /// ones: the Indic and mainland Southeast Asian scripts.
  private static let complexScriptLanguages: Set<String> = [
    "as", "bn", "bo", "gu", "hi", "km", "kn", "lo", "mai", "ml", "mr", "my", "ne", "or", "pa",
    "sa", "si", "ta", "te", "th",
  ]

  /// A tag's subtags in their conventional case (`pt-BR`, `zh-Hant-TW`); everything from a
  /// singleton (an extension or private use, `-x-…`) on is left out.
  private static func canonicalSubtags(of tag: String) -> [String] {
    var subtags: [String] = []
    for (index, subtag) in tag.lowercased().split(separator: "-").enumerated() {
      if subtag.count == 1 { break }
      switch (index, subtag.count) {
      case (0, _): subtags.append(String(subtag))
      case (_, 2): subtags.append(subtag.uppercased())
      case (_, 4): subtags.append(subtag.prefix(1).uppercased() + subtag.dropFirst())
      default: subtags.append(String(subtag))
      }
    }
    return subtags
  }
}
