import Foundation
import Testing

@testable import ScribeKit

/// Every format of every real fixture and hand-built input, compared with committed golden
/// files (DOCX by its `word/document.xml`, since the zip around it is checked for determinism
/// elsewhere). segmented_json of the shared fixtures is not kept: it would be a copy of the
/// third-party data; its round trip is tested instead.
@Suite("Rendering: golden files for every format")
struct FormatGoldenTests {
  static let formats: [ExportFormat] = [.vtt, .txt, .html, .docx]

  private func golden(_ transcript: Transcript, name: String, format: ExportFormat) throws {
    let outputs = try Exporter.render(
      transcript, request: ExportRequest(format: format), settings: RenderSettings(title: name))
    #expect(outputs.count == 1)
    let content: String
    if format == .docx {
      let parts = try FormatText.unzip(outputs[0].content)
      content = String(decoding: parts["word/document.xml"] ?? Data(), as: UTF8.self)
    } else {
      content = String(decoding: outputs[0].content, as: UTF8.self)
    }
    let fileExtension = format == .docx ? "document.xml" : format.fileExtension
    try Files.expectGolden(content, "formats/\(name).\(fileExtension)")
  }

  @Test(.enabled(if: Files.sharedFixturesAvailable, Files.skipReason), arguments: formats)
  func sharedFixtures(format: ExportFormat) throws {
    for fixture in Files.speechToTextFixtures + Files.textToSpeechFixtures {
      let name = URL(fileURLWithPath: fixture).deletingPathExtension().lastPathComponent
      try golden(try Files.readShared(fixture).transcript, name: name, format: format)
    }
  }

  @Test(arguments: formats + [.segmentedJSON])
  func handBuiltInputs(format: ExportFormat) throws {
    for input in ["multilingual", "webhook"] {
      try golden(try Files.readInput("\(input).json").transcript, name: input, format: format)
    }
  }

  /// `Samples/` holds each format's output, made by `scribekit convert` (file names as it names
  /// them); the library must still produce exactly those bytes.
  @Test(arguments: [
    ("interview", [ExportFormat.srt, .vtt, .txt, .segmentedJSON, .html, .docx]),
    ("speech-with-timestamps", [ExportFormat.srt, .vtt, .txt, .html]),
  ])
  func samples(sample: String, formats: [ExportFormat]) throws {
    let transcript = try TranscriptReader().read(Files.sample("\(sample).json")).transcript
    for format in formats {
      let output = try Exporter.render(
        transcript, request: ExportRequest(format: format), settings: RenderSettings(title: sample))
      let fileExtension = format == .segmentedJSON ? "segmented.json" : format.fileExtension
      let expected = try Files.sample("\(sample).\(fileExtension)")
      #expect(output[0].content == expected, "Samples/\(sample).\(fileExtension) is out of date")
    }
  }
}
