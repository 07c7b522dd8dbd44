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
}
