import Foundation
import Testing

@testable import ScribeKit

/// The PDF: typeset by the system's Pango and Cairo, with the DOCX's content, an outline, tags,
/// metadata and the same bytes for the same input. Tests that need the libraries say so when
/// the machine lacks them; poppler's tools read the files back where they are installed.
@Suite("Formats: PDF")
struct PDFFormatTests {
  static let available = PDFFormat().isAvailable
  static let skipped: Comment = "Pango and Cairo are not installed (libpangocairo-1.0-0)"

  private func pdf(
    _ transcript: Transcript, settings: ExportSettings = ExportSettings(),
    preset: Preset = .elevenlabs
  ) throws -> ExportedFile {
    try #require(try transcript.export(.pdf, preset: preset, settings: settings).first)
  }

  private func interview() throws -> Transcript {
    try TranscriptReader().read(Files.sample("interview.json"))
  }

  /// The output of one of poppler's tools run on `data`, or `nil` when it is not installed.
  private func poppler(_ tool: String, _ arguments: [String] = [], on data: Data) throws
    -> String?
  {
    let path = "/usr/bin/\(tool)"
    guard FileManager.default.isExecutableFile(atPath: path) else { return nil }
    let file = FileManager.default.temporaryDirectory.appendingPathComponent(
      "scribekit-\(UUID().uuidString).pdf")
    try data.write(to: file)
    defer { try? FileManager.default.removeItem(at: file) }
    let process = Process()
    let output = Pipe()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments + [file.path] + (tool == "pdftotext" ? ["-"] : [])
    process.standardOutput = output
    try process.run()
    let text = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: text, as: UTF8.self)
  }

  @Test(.enabled(if: available, skipped))
  func isAPDFWithTheDocumentsContentAndTheSameBytesEachTime() throws {
    let file = try pdf(interview(), settings: ExportSettings(title: "Field Notes"))
    #expect(file.content.starts(with: Array("%PDF-1.5\n".utf8)))
    #expect(file.warnings.isEmpty)
    #expect(try pdf(interview(), settings: ExportSettings(title: "Field Notes")) == file)
    let bytes = String(decoding: file.content, as: UTF8.self)
    // The outline has an entry at every paragraph, by time and speaker; the title and the
    // paragraphs are tagged.
    #expect(bytes.contains("/Title (00:00:10  speaker_1)"))
    #expect(bytes.components(separatedBy: "<< /Title (00:00:").count - 1 == 6)
    #expect(bytes.contains("/StructTreeRoot") && bytes.contains("/S /H1"))
    #expect(bytes.contains("/Creator (ScribeKit)"))
    if let text = try poppler("pdftotext", on: file.content) {
      #expect(text.hasPrefix("Field Notes\nLanguage: en · 6 segments · Duration: 00:00:43\n"))
      #expect(text.contains("speaker_1 00:00:10.146 – 00:00:15.922"))
      #expect(text.contains("Thanks for having me. It's a strange job, I know. (laughs)"))
      #expect(text.contains("Page 1 of 1"))
    }
    if let fonts = try poppler("pdffonts", on: file.content) {
      // Every font embedded and subset: `emb` and `sub` say yes on every line.
      let rows = fonts.split(separator: "\n").dropFirst(2)
      #expect(!rows.isEmpty)
      for row in rows { #expect(row.contains("yes yes yes"), "\(row)") }
    }
  }

  @Test(.enabled(if: available, skipped))
  func theAPIsEntryIsBase64OfApplicationPDF() throws {
    let file = try pdf(interview())
    let entry = try JSONParser.parse(Array(ExportedFile.apiJSON([file]).utf8))
    let object = try #require(entry.arrayValue?.first?.objectValue)
    #expect(object["requested_format"] == .string("pdf"))
    #expect(object["content_type"] == .string("application/pdf"))
    #expect(object["is_base64_encoded"] == .bool(true))
    guard case .string(let content)? = object["content"] else {
      Issue.record("no content")
      return
    }
    #expect(Data(base64Encoded: content) == file.content)
  }

  @Test(.enabled(if: available, skipped))
  func paperIsA4OrLetterAndTheCreationDateIsFixed() throws {
    let letter = try pdf(interview(), settings: ExportSettings(paper: .letter))
    #expect(String(decoding: letter.content, as: UTF8.self).contains("/MediaBox [ 0 0 612 792 ]"))
    let a4 = try pdf(interview(), settings: ExportSettings(paper: .a4))
    #expect(
      String(decoding: a4.content, as: UTF8.self).contains("/MediaBox [ 0 0 595.2756 841.8898 ]"))
    #expect(String(decoding: a4.content, as: UTF8.self).contains("/CreationDate (19800101000000Z)"))
    #expect(PDFRenderer.creationDate(environment: [:]) == "1980-01-01T00:00:00Z")
    #expect(
      PDFRenderer.creationDate(environment: ["SOURCE_DATE_EPOCH": "1700000000"])
        == "2023-11-14T22:13:20Z")
  }

  @Test(.enabled(if: available, skipped))
  func longTranscriptsRunOverPagesWithHeadersAndPageNumbers() throws {
    var words: [Word] = []
    for index in 0..<3000 {
      let start = Double(index) * 0.5
      if index > 0 { words.append(Word(text: " ", start: start - 0.1, end: start, kind: .spacing)) }
      words.append(
        Word(
          text: index % 12 == 11 ? "word\(index)." : "word\(index)", start: start, end: start + 0.4,
          speakerID: "speaker_\(index / 60 % 3)"))
    }
    let transcript = Transcript(languageCode: "en", channels: [Channel(index: nil, words: words)])
    let file = try pdf(transcript, settings: ExportSettings(title: "Long"))
    guard let text = try poppler("pdftotext", on: file.content) else { return }
    let pages = text.split(separator: "\u{0C}", omittingEmptySubsequences: false)
    let count = pages.count - 1
    #expect(count > 2)
    for (number, page) in pages.dropLast().enumerated() {
      #expect(page.contains("Page \(number + 1) of \(count)"))
      // A running header with the title from the second page on.
      if number > 0 { #expect(page.hasPrefix("Long\n")) }
    }
    // Every word, once and in order.
    let found = text.split(whereSeparator: \.isWhitespace).filter { $0.hasPrefix("word") }
    #expect(
      found.map { $0.trimmingCharacters(in: .punctuationCharacters) }
        == (0..<3000).map { "word\($0)" })
  }

  @Test(.enabled(if: available, skipped))
  func eachLanguageGetsItsOwnFonts() throws {
    func fonts(_ text: String, language: String) throws -> String? {
      let transcript = Transcript(
        languageCode: language,
        channels: [Channel(index: nil, words: [Word(text: text, start: 0, end: 1)])])
      return try poppler("pdffonts", on: pdf(transcript).content)
    }
    // The same Han characters: Japanese forms for Japanese, simplified Chinese for Chinese.
    guard let japanese = try fonts("直角三角形", language: "jpn"),
      let chinese = try fonts("直角三角形", language: "zh-Hans")
    else { return }
    guard japanese.contains("CJK") else { return }  // no CJK fonts on this machine
    #expect(japanese.contains("CJKjp"), "\(japanese)")
    #expect(chinese.contains("CJKsc"), "\(chinese)")
    #expect(try fonts("直角三角形", language: "zh-Hant")?.contains("CJKtc") == true)
    #expect(PDFRenderer.fontconfigLanguage("zh-Hant-HK") == "zh-hk")
    #expect(PDFRenderer.fontconfigLanguage("zh") == "zh-cn")
    #expect(PDFRenderer.fontconfigLanguage("ja") == "ja")
  }

  @Test(.enabled(if: available, skipped))
  func textNoFontCanShowIsWarnedAbout() throws {
    // A private-use character of plane 16: no font maps it.
    let transcript = Transcript(
      channels: [Channel(index: nil, words: [Word(text: "a\u{10FFFD}b", start: 0, end: 1)])])
    let file = try pdf(transcript)
    #expect(file.warnings.count == 1)
    #expect(file.warnings.first?.contains("1 character of the PDF has no font") == true)
    #expect(file.warnings.first?.contains("fonts-noto-core") == true)
  }

  @Test func withoutPangoAndCairoPDFIsRefusedNamingThePackages() throws {
    let missing = PangoCairo.LibraryNames(
      cairo: ["libcairo-missing.so.9"], pango: ["libpango-1.0.so.0"],
      pangoCairo: ["libpangocairo-1.0.so.0"], gobject: ["libgobject-2.0.so.0"])
    let failure = Result { () throws(SystemLibrary.Failure) in try PangoCairo(names: missing) }
    guard case .failure(let reason) = failure else {
      Issue.record("a library that does not exist was loaded")
      return
    }
    #expect(reason.names == ["libcairo-missing.so.9"])
    var renderer = PDFRenderer(options: APIExportOptions())
    renderer.libraries = .failure(reason)
    #expect {
      try renderer.render([])
    } throws: { error in
      guard case ExportError.formatUnavailable(let format, let message) = error else {
        return false
      }
      return format == "pdf" && message.contains("libcairo-missing.so.9")
        && message.contains("libpangocairo-1.0-0") && !message.contains("--")
    }
  }
}
