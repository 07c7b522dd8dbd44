import Foundation
import Testing

@testable import ScribeKit

@Suite("Formats: DOCX")
struct DOCXRendererTests {
  private func docx(_ input: String = "multilingual.json") throws -> Data {
    let transcript = try Files.readInput(input)
    var options = DOCXFormat().defaultOptions(.current)
    options.includeSpeakers = true
    return try transcript.export(
      [ExportRequest(.docx, options: options)], settings: ExportSettings(title: "Q&A"))[0].content
  }

  @Test func isAZipOfStrictlyWellFormedPartsWithTheRequiredOnes() throws {
    let parts = try FormatText.unzip(try docx())
    #expect(
      Set(parts.keys) == [
        "[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "docProps/app.xml",
        "word/_rels/document.xml.rels", "word/styles.xml", "word/document.xml",
      ])
    for (path, data) in parts {
      try FormatText.parseXMLStrictly(data, part: path)
    }
    let styles = String(decoding: parts["word/styles.xml"] ?? Data(), as: UTF8.self)
    for style in ["Title", "Subtitle", "Segment", "Speaker", "Timestamp"] {
      #expect(styles.contains("w:styleId=\"\(style)\""))
    }
    let core = String(decoding: parts["docProps/core.xml"] ?? Data(), as: UTF8.self)
    #expect(
      core.contains("<dc:title>Q&amp;A</dc:title>")
        && core.contains("<dc:language>en</dc:language>"))
  }

  @Test func isByteForByteTheSameForTheSameInput() throws {
    #expect(try docx() == docx())
  }

  @Test func removesCharactersXMLForbidsAndMarksRightToLeft() throws {
    let segment = Cue(
      items: [], text: "bell\u{07} tab\u{0B} ok <&> \u{FFFE}", start: 0, end: 1, speakerID: nil)
    let arabic = Cue(items: [], text: "مرحبا بكم", start: 1, end: 2, speakerID: nil)
    let data = try DOCXRenderer().render([segment, arabic])
    let document = try FormatText.unzip(data)["word/document.xml"] ?? Data()
    try FormatText.parseXMLStrictly(document, part: "word/document.xml")
    let xml = String(decoding: document, as: UTF8.self)
    #expect(xml.contains(">bell tab ok &lt;&amp;&gt; </w:t>"))
    #expect(xml.contains("<w:bidi/></w:pPr><w:r><w:t") == false)
    #expect(xml.contains("<w:pPr><w:pStyle w:val=\"Segment\"/><w:bidi/></w:pPr>"))
    #expect(xml.contains("<w:rPr><w:rtl/></w:rPr><w:t xml:space=\"preserve\">مرحبا بكم</w:t>"))
  }

  private func parts(language: String?, _ cues: [Cue]) throws -> (styles: String, document: String)
  {
    let data = try DOCXRenderer(info: DocumentInfo(languageCode: language)).render(cues)
    #expect(try DOCXRenderer(info: DocumentInfo(languageCode: language)).render(cues) == data)
    let parts = try FormatText.unzip(data)
    for path in ["word/styles.xml", "word/document.xml"] {
      try FormatText.parseXMLStrictly(parts[path] ?? Data(), part: path)
    }
    return (
      String(decoding: parts["word/styles.xml"] ?? Data(), as: UTF8.self),
      String(decoding: parts["word/document.xml"] ?? Data(), as: UTF8.self)
    )
  }

  /// Han characters differ between Japanese, Korean and the two Chinese (直 今 角 骨), so the
  /// East Asian language and font name the variant; the others name their kind of text.
  @Test(arguments: [
    ("jpn", #"<w:lang w:eastAsia="ja-JP"/>"#, "Noto Sans CJK JP"),
    ("ja", #"<w:lang w:eastAsia="ja-JP"/>"#, "Noto Sans CJK JP"),
    ("kor", #"<w:lang w:eastAsia="ko-KR"/>"#, "Noto Sans CJK KR"),
    ("zh-Hans", #"<w:lang w:eastAsia="zh-CN"/>"#, "Noto Sans CJK SC"),
    ("cmn", #"<w:lang w:eastAsia="zh-CN"/>"#, "Noto Sans CJK SC"),
    ("zh", #"<w:lang w:eastAsia="zh-CN"/>"#, "Noto Sans CJK SC"),
    ("zh-SG", #"<w:lang w:eastAsia="zh-SG"/>"#, "Noto Sans CJK SC"),
    ("zh-Hant", #"<w:lang w:eastAsia="zh-TW"/>"#, "Noto Sans CJK TC"),
    ("zh-TW", #"<w:lang w:eastAsia="zh-TW"/>"#, "Noto Sans CJK TC"),
    ("zh-Hant-HK", #"<w:lang w:eastAsia="zh-HK"/>"#, "Noto Sans CJK HK"),
    ("zh-HK", #"<w:lang w:eastAsia="zh-HK"/>"#, "Noto Sans CJK HK"),
    ("yue", #"<w:lang w:eastAsia="zh-HK"/>"#, "Noto Sans CJK HK"),
    ("heb", #"<w:lang w:bidi="he"/>"#, "Noto Sans CJK SC"),
    ("ara", #"<w:lang w:bidi="ar"/>"#, "Noto Sans CJK SC"),
    ("hin", #"<w:lang w:bidi="hi"/>"#, "Noto Sans CJK SC"),
    ("eng", #"<w:lang w:val="en"/>"#, "Noto Sans CJK SC"),
    ("fr", #"<w:lang w:val="fr"/>"#, "Noto Sans CJK SC"),
    ("pt-br", #"<w:lang w:val="pt-BR"/>"#, "Noto Sans CJK SC"),
  ])
  func declaresTheTranscriptsLanguageAndEastAsianFont(
    code: String, lang: String, font: String
  ) throws {
    let cue = Cue(items: [], text: "直今角骨次化", start: 0, end: 1, speakerID: nil)
    let styles = try parts(language: code, [cue]).styles
    #expect(
      styles.contains(
        "<w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Calibri\" w:hAnsi=\"Calibri\" w:eastAsia=\"\(font)\""
          + " w:cs=\"Arial\"/><w:sz w:val=\"22\"/><w:szCs w:val=\"22\"/>\(lang)</w:rPr></w:rPrDefault>"
      ), "\(code)")
    #expect(styles.components(separatedBy: "<w:lang").count == 2, "declared once, in the defaults")
  }

  /// An unknown language keeps the defaults and claims no language.
  @Test(arguments: [nil, "und", "x!y", ""])
  func unknownLanguageDeclaresNone(code: String?) throws {
    let cue = Cue(items: [], text: "Hello", start: 0, end: 1, speakerID: nil)
    let styles = try parts(language: code, [cue]).styles
    #expect(!styles.contains("<w:lang"))
    #expect(styles.contains(#"w:eastAsia="Noto Sans CJK SC""#))
  }

  /// In a right-to-left paragraph the time range is a left-to-right run: no `w:rtl`, and a
  /// left-to-right mark before it, so it reads start to end (without, LibreOffice showed
  /// "00:00:22.152 – 00:00:00.000"); after a speaker, a right-to-left mark keeps the name first.
  @Test func timeRangeStaysLeftToRightInRightToLeftParagraphs() throws {
    let hebrew = "שלום לכולם ותודה"
    let cues = [
      Cue(items: [], text: hebrew, start: 0, end: 22.152, speakerID: nil),
      Cue(items: [], text: hebrew, start: 23, end: 24.5, speakerID: "speaker_1"),
      Cue(items: [], text: hebrew, start: 25, end: 26, speakerID: "עמרה"),
    ]
    let xml = try parts(language: "heb", cues).document
    let timestamp = #"<w:r><w:rPr><w:rStyle w:val="Timestamp"/></w:rPr><w:t xml:space="preserve">"#
    let paragraph = #"<w:p><w:pPr><w:pStyle w:val="Segment"/><w:bidi/></w:pPr>"#
    #expect(
      xml.contains(paragraph + timestamp + "\u{200E}00:00:00.000 – 00:00:22.152</w:t></w:r>"))
    #expect(xml.contains(">speaker_1</w:t></w:r>" + timestamp + "\u{200F}  \u{200E}00:00:23.000"))
    #expect(xml.contains(">עמרה</w:t></w:r>" + timestamp + "\u{200F}  \u{200E}00:00:25.000"))
    // Only the text runs are right to left.
    #expect(xml.components(separatedBy: "<w:rtl/>").count == cues.count + 1)
    #expect(!xml.contains("<w:rtl/></w:rPr><w:t xml:space=\"preserve\">\u{200E}"))
  }

  /// In a left-to-right paragraph a name in a right-to-left script would pull the range after it
  /// right to left; a left-to-right mark after the name prevents that. Other names get no marks.
  @Test func timeRangeAfterARightToLeftNameStaysLeftToRight() throws {
    let cues = [
      Cue(items: [], text: "Welcome back", start: 0, end: 2.7, speakerID: "עמרה"),
      Cue(items: [], text: "Thanks", start: 4.7, end: 6.85, speakerID: "Joel"),
    ]
    let xml = try parts(language: "eng", cues).document
    #expect(
      xml.contains(">עמרה</w:t></w:r>") && xml.contains(">\u{200E}  00:00:00.000 – 00:00:02.700<"))
    #expect(xml.contains(">  00:00:04.700 – 00:00:06.850<"))
    #expect(!xml.contains("\u{200F}") && xml.components(separatedBy: "\u{200E}").count == 2)
  }

  // MARK: - In LibreOffice

  /// `true` when LibreOffice and poppler's tools are installed (as `.ci/run` installs them).
  static let libreOffice =
    (Self.succeeds(["which", "soffice"]) || Self.succeeds(["which", "libreoffice"]))
    && Self.succeeds(["which", "pdftotext"]) && Self.succeeds(["which", "pdftoppm"])
  /// `true` when the run must use LibreOffice rather than skip (`SCRIBEKIT_REQUIRE_EXTERNAL=1`).
  static let libreOfficeRequired =
    ProcessInfo.processInfo.environment["SCRIBEKIT_REQUIRE_EXTERNAL"] == "1"

  @discardableResult
  private static func succeeds(_ arguments: [String]) -> Bool {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return false }
    let deadline = Date().addingTimeInterval(240)
    while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
    if process.isRunning { process.terminate() }
    process.waitUntilExit()
    return process.terminationStatus == 0
  }

  /// The words of a PDF's first page as `pdftotext -bbox` places them: text and box in points.
  private static func words(of pdf: URL) throws -> [(text: String, box: [Double])] {
    let html = pdf.deletingPathExtension().appendingPathExtension("bbox.html")
    #expect(succeeds(["pdftotext", "-f", "1", "-l", "1", "-bbox", pdf.path, html.path]))
    let text = try String(contentsOf: html, encoding: .utf8)
    let pattern = try NSRegularExpression(
      pattern:
        #"<word xMin="([0-9.]+)" yMin="([0-9.]+)" xMax="([0-9.]+)" yMax="([0-9.]+)">([^<]*)</word>"#
    )
    return pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)).map { match in
      let field = { (index: Int) in
        Range(match.range(at: index), in: text).map { String(text[$0]) } ?? ""
      }
      return (field(5), (1...4).map { Double(field($0)) ?? 0 })
    }
  }

  /// LibreOffice, as a user opens the documents: converted to PDF, the time range of a
  /// right-to-left paragraph reads start to end from left to right (it read "00:00:22.152 –
  /// 00:00:00.000" before) with a speaker's name at the start of the line, on the right; and the
  /// same Han characters are drawn in their Japanese forms in a Japanese document, unlike in a
  /// Simplified or Traditional Chinese one (all three drew the Simplified forms before).
  @Test(.enabled(if: libreOffice || libreOfficeRequired, "LibreOffice and poppler-utils"))
  func libreOfficeShowsTimesLeftToRightAndEachLanguagesGlyphs() throws {
    #expect(Self.libreOffice, "LibreOffice or poppler-utils is missing (.ci/run installs them)")
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "scribekit-docx-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let hebrew = "שלום לכולם ותודה"
    let han = "直今角骨次化"
    let documents: [(name: String, language: String, speakers: Bool, cues: [Cue])] = [
      ("he", "heb", false, [Cue(items: [], text: hebrew, start: 0, end: 22.152, speakerID: nil)]),
      (
        "he-speaker", "heb", true,
        [Cue(items: [], text: hebrew, start: 1, end: 2, speakerID: "Joel")]
      ),
      (
        "en-name", "eng", true,
        [Cue(items: [], text: "Welcome", start: 3, end: 4, speakerID: "עמרה")]
      ),
      ("ja", "jpn", false, [Cue(items: [], text: han, start: 0, end: 1, speakerID: nil)]),
      ("zh-hans", "zh-Hans", false, [Cue(items: [], text: han, start: 0, end: 1, speakerID: nil)]),
      ("zh-hant", "zh-Hant", false, [Cue(items: [], text: han, start: 0, end: 1, speakerID: nil)]),
    ]
    var paths: [String] = []
    for document in documents {
      let renderer = DOCXRenderer(
        info: DocumentInfo(languageCode: document.language), includeSpeakers: document.speakers)
      let url = folder.appendingPathComponent("\(document.name).docx")
      try renderer.render(document.cues).write(to: url)
      paths.append(url.path)
    }
    let office = Self.succeeds(["which", "soffice"]) ? "soffice" : "libreoffice"
    #expect(
      Self.succeeds(
        [
          office, "-env:UserInstallation=file://\(folder.path)/profile", "--headless",
          "--convert-to", "pdf", "--outdir", folder.path,
        ] + paths))
    func pdf(_ name: String) -> URL { folder.appendingPathComponent("\(name).pdf") }

    // Times: the start left of the end, and a name right of the range in a right-to-left line.
    for (name, start, end, speaker) in [
      ("he", "00:00:00.000", "00:00:22.152", nil),
      ("he-speaker", "00:00:01.000", "00:00:02.000", "Joel"),
      ("en-name", "00:00:03.000", "00:00:04.000", nil),
    ] {
      let words = try Self.words(of: pdf(name))
      let startBox = try #require(words.first { $0.text.contains(start) }?.box, "\(name)")
      let endBox = try #require(words.first { $0.text.contains(end) }?.box, "\(name)")
      #expect(startBox[0] < endBox[0], "\(name): the range reads end first")
      if let speaker {
        let speakerBox = try #require(words.first { $0.text.contains(speaker) }?.box)
        #expect(speakerBox[0] > endBox[2], "\(name): the name is not at the line's start")
      }
    }

    // Glyphs: the line of Han characters, cropped from each page and compared.
    var lines: [String: Data] = [:]
    for name in ["ja", "zh-hans", "zh-hant"] {
      let box = try #require(try Self.words(of: pdf(name)).first { $0.text.contains(han) }?.box)
      let scale = 144.0 / 72
      let crop = folder.appendingPathComponent("\(name)-line")
      #expect(
        Self.succeeds(
          [
            "pdftoppm", "-gray", "-r", "144", "-f", "1", "-l", "1", "-singlefile",
            "-x", "\(Int(box[0] * scale))", "-y", "\(Int(box[1] * scale))",
            "-W", "\(Int((box[2] - box[0]) * scale) + 2)", "-H",
            "\(Int((box[3] - box[1]) * scale) + 2)",
            pdf(name).path, crop.path,
          ]))
      lines[name] = try Data(contentsOf: crop.appendingPathExtension("pgm"))
    }
    #expect(lines["ja"] != lines["zh-hans"], "Japanese drawn with the Simplified Chinese forms")
    #expect(lines["zh-hant"] != lines["zh-hans"], "Traditional drawn with the Simplified forms")
    #expect(lines["ja"] != lines["zh-hant"], "Japanese drawn with the Traditional forms")
  }
}
