import Foundation
import Testing

@testable import ScribeKit

/// Every format of every real fixture and hand-built input, compared with committed golden
/// files (DOCX by its `word/document.xml`, since the zip around it is checked for determinism
/// elsewhere). segmented_json of the shared fixtures is not kept: it would be a copy of the
/// third-party data; its round trip is tested instead.
@Suite("Formats: golden files for every format")
struct FormatGoldenTests {
  static let formats: [any OutputFormat] = [
    WebVTTFormat(), PlainTextFormat(), HTMLFormat(), DOCXFormat(), ASSFormat(), SBVFormat(),
    SCCFormat(), FCPXMLFormat(), TTMLFormat(), EBUTTDFormat(), LRCFormat(),
  ]

  private func golden(_ transcript: Transcript, name: String, format: any OutputFormat) throws {
    let outputs = try transcript.export(
      [ExportRequest(format)], settings: ExportSettings(title: name))
    #expect(outputs.count == 1)
    let content: String
    if format.name == "docx" {
      let parts = try FormatText.unzip(outputs[0].content)
      content = String(decoding: parts["word/document.xml"] ?? Data(), as: UTF8.self)
    } else {
      content = String(decoding: outputs[0].content, as: UTF8.self)
    }
    let fileExtension = format.name == "docx" ? "document.xml" : format.fileExtension
    try Files.expectGolden(content, "formats/\(name).\(fileExtension)")
  }

  @Test(.enabled(if: Files.sharedFixturesAvailable, Files.skipReason), arguments: formats)
  func sharedFixtures(format: any OutputFormat) throws {
    for fixture in Files.speechToTextFixtures + Files.textToSpeechFixtures {
      let name = URL(fileURLWithPath: fixture).deletingPathExtension().lastPathComponent
      try golden(try Files.readShared(fixture), name: name, format: format)
    }
  }

  @Test(arguments: formats + [SegmentedJSONFormat()])
  func handBuiltInputs(format: any OutputFormat) throws {
    for input in ["multilingual", "webhook"] {
      try golden(try Files.readInput("\(input).json"), name: input, format: format)
    }
  }

  static let sampleCases: [(String, [any OutputFormat])] = [
    (
      "interview",
      [
        SRTFormat(), WebVTTFormat(), PlainTextFormat(), SegmentedJSONFormat(), HTMLFormat(),
        DOCXFormat(),
      ]
    ),
    ("speech-with-timestamps", [SRTFormat(), WebVTTFormat(), PlainTextFormat(), HTMLFormat()]),
  ]

  /// `Samples/` holds each format's output, made by `scribekit convert` (file names as it names
  /// them); the library must still produce exactly those bytes.
  @Test(arguments: sampleCases)
  func samples(sample: String, formats: [any OutputFormat]) throws {
    let transcript = try TranscriptReader().read(Files.sample("\(sample).json"))
    for format in formats {
      let output = try transcript.export(
        [ExportRequest(format)], settings: ExportSettings(title: sample))
      let fileExtension = format.name == "segmented_json" ? "segmented.json" : format.fileExtension
      let expected = try Files.sample("\(sample).\(fileExtension)")
      #expect(output[0].content == expected, "Samples/\(sample).\(fileExtension) is out of date")
    }
  }
}
