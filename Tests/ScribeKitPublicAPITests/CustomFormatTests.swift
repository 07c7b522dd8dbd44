import Foundation
import ScribeKit
import Testing

// This target imports ScribeKit as any caller does, without `@testable`, and uses only its
// public API (being in the same package, it could also see `package` symbols; it does not): a
// caller's own format works through the same call as the built-in ones.

/// A caller's own format: one row per cue, times in milliseconds.
struct CSVFormat: OutputFormat {
  var name: String { "csv" }
  var fileExtension: String { "csv" }
  var contentType: String { "text/csv" }
  var appliesOptions: FormatOptions { [.speakers, .captionStyle] }

  func render(_ input: RenderInput) throws(ExportError) -> Data {
    var rows = ["start_ms,end_ms,speaker,text"]
    for cue in input.cues {
      let speaker = input.options.includeSpeakers ? cue.speakerID ?? "" : ""
      let text = cue.text.replacingOccurrences(of: "\"", with: "\"\"")
      rows.append(
        "\(Int((cue.start * 1000).rounded())),\(Int((cue.end * 1000).rounded())),\(speaker),\"\(text)\""
      )
    }
    return Data((rows.joined(separator: "\n") + "\n").utf8)
  }
}

@Suite("Public API: the front door, and a format defined outside the library")
struct CustomFormatTests {
  static let sample = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Samples/interview.json")

  @Test func aCallersFormatExportsThroughThePublicCall() throws {
    let transcript = try Transcript(contentsOf: Self.sample)
    let files = try transcript.export(CSVFormat(), settings: ExportSettings(fileStem: "interview"))
    #expect(files.count == 1)
    let file = try #require(files.first)
    #expect(file.fileName == "interview.csv")
    #expect(file.contentType == "text/csv")
    #expect(!file.isBase64Encoded)
    let rows = String(decoding: file.content, as: UTF8.self).split(separator: "\n")
    #expect(rows.first == "start_ms,end_ms,speaker,text")
    #expect(rows.dropFirst().first?.hasPrefix("420,") == true)
    // Its cues are the ones the API's rule makes with the format's defaults (no limits:
    // one cue per speaker turn), and every word is in them.
    let cues = try transcript.cues(for: ExportRequest(CSVFormat()))[0].cues
    #expect(rows.count == cues.count + 1)
    let words = transcript.channels[0].words.filter { $0.kind != .spacing }.map(\.text)
    #expect(cues.flatMap(\.words).map(\.text) == words)
  }

  @Test func aCallersFormatTakesCaptionStylesWhenItSaysSo() throws {
    let transcript = try Transcript(contentsOf: Self.sample)
    let styled = try transcript.export(CSVFormat(), preset: .netflixEnglish)
    let plain = try transcript.export(CSVFormat())
    #expect(styled[0].content != plain[0].content)
    let cues = try transcript.cues(for: ExportRequest(CSVFormat(), preset: .netflixEnglish))[0].cues
    #expect(cues.allSatisfy { $0.lines != nil })
  }

  @Test func theFrontDoorGivesWhatTheAPIWould() throws {
    let transcript = try Transcript(contentsOf: Self.sample)
    #expect(transcript.inputShape == .speechToText)
    #expect(transcript.warnings.isEmpty)
    let (requests, warnings) = try ExportRequest.additionalFormats(
      #"[{"format": "srt"}, {"format": "txt", "include_timestamps": false}]"#)
    #expect(warnings.isEmpty)
    let files = try transcript.export(requests, settings: ExportSettings(fileStem: "interview"))
    #expect(files.map(\.fileName) == ["interview.srt", "interview.txt"])
    let golden = try Data(
      contentsOf: Self.sample.deletingLastPathComponent().appendingPathComponent("interview.srt"))
    #expect(files[0].content == golden)
    #expect(ExportedFile.apiJSON(files).contains(#""requested_format": "srt""#))
    #expect(Preset.named("netflix-en") == .netflixEnglish)
    #expect(OutputFormats.named("segmented_json")?.fileNameSuffix == "segmented.json")
  }

  @Test func filesAreWrittenWhole() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "scribekit-public-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let transcript = try Transcript(contentsOf: Self.sample)
    let file = try #require(try transcript.export(.vtt).first)
    try file.write(into: folder)
    #expect(
      try Data(contentsOf: folder.appendingPathComponent(file.fileName)) == file.content)
    #expect(throws: OutputError.self) { try file.write(into: folder) }
  }

  @Test func errorsSayWhatTheInputIsInTheLibrarysWords() {
    let data = Data("1\n00:00:01,000 --> 00:00:02,000\nHello\n".utf8)
    #expect {
      try Transcript(data: data, source: "talk.srt")
    } throws: { error in
      guard let error = error as? ReadError else { return false }
      return error.description.hasPrefix("talk.srt: this is a SubRip (SRT) file")
        && !error.description.contains("--")
    }
  }
}
