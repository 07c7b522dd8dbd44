import Foundation
import Testing

@testable import ScribeKit

@Suite("API: export")
struct ExporterTests {
  @Test func rendersOneOutputPerChannelByDefault() throws {
    let transcript = try Files.readInput("multichannel.json")
    let outputs = try transcript.export(.srt)
    #expect(outputs.map(\.channelIndex) == [0, 1])
    #expect(outputs.map(\.fileExtension) == ["srt", "srt"])
    #expect(outputs.map(\.contentType) == ["text/srt", "text/srt"])
    #expect(outputs.allSatisfy { !$0.isBase64Encoded })
    let first = String(decoding: outputs[0].content, as: UTF8.self)
    #expect(first.contains("Good morning, caller.") && !first.contains("Thanks"))
  }

  @Test func picksOneChannelOrSaysWhichExist() throws {
    let transcript = try Files.readInput("multichannel.json")
    let one = try transcript.export(.srt, settings: ExportSettings(channels: .channel(1)))
    #expect(one.map(\.channelIndex) == [1])
    #expect(String(decoding: one[0].content, as: UTF8.self).contains("Thanks for taking my call."))
    #expect(throws: ExportError.channelNotFound(requested: 4, available: [0, 1])) {
      try transcript.export(.srt, settings: ExportSettings(channels: .channel(4)))
    }
  }

  @Test func leavingOutTheLastCueKeepsTheOthersAndTheirNames() throws {
    // Captions written while a stream arrives: every cue but the last, which words to come may
    // still change, as the whole export has them.
    let transcript = try TranscriptReader().read(Files.sample("interview.json"))
    let requests = [ExportRequest(.srt), ExportRequest(.vtt, preset: .netflixEnglish)]
    let whole = try transcript.export(requests)
    let partial = try transcript.export(requests, settings: ExportSettings(leavesOutLastCue: true))
    #expect(partial.map(\.fileName) == whole.map(\.fileName))
    for (part, full) in zip(partial, whole) {
      let text = String(decoding: part.content, as: UTF8.self)
      let wholeText = String(decoding: full.content, as: UTF8.self)
      let cues = text.components(separatedBy: "-->").count - 1
      #expect(cues == wholeText.components(separatedBy: "-->").count - 2, "\(part.fileName)")
      // SRT and WebVTT end each cue with a blank line: the partial file is the whole one's start.
      #expect(wholeText.hasPrefix(text), "\(part.fileName)")
    }
  }

  @Test func anOutputWhoseOnlyCueIsLeftOutIsNotMade() throws {
    let transcript = try Files.readInput("tts-stream.ndjson")
    let requests = [
      ExportRequest(.srt),
      ExportRequest(.srt, options: APIExportOptions(maxSegmentChars: 10)),
    ]
    let whole = try transcript.export(requests, settings: ExportSettings(fileStem: "t"))
    #expect(whole.map(\.fileName) == ["t.srt", "t-2.srt"])
    let partial = try transcript.export(
      requests, settings: ExportSettings(fileStem: "t", leavesOutLastCue: true))
    // The first request makes one cue of these six words: nothing is final, so no file; the
    // second keeps the name it has beside the first.
    #expect(partial.map(\.fileName) == ["t-2.srt"])
  }

  @Test func requestsThatSegmentAlikeGetWhatEachGetsAlone() throws {
    // One segmentation serves SRT and WebVTT with one style; each still renders its own.
    let transcript = try Files.readInput("multichannel.json")
    for preset in [Preset.elevenlabs, .netflixEnglish] {
      let formats: [any OutputFormat] = [SRTFormat(), WebVTTFormat(), SRTFormat()]
      let together = try transcript.export(formats.map { ExportRequest($0, preset: preset) })
      let alone = try formats.flatMap { try transcript.export($0, preset: preset) }
      #expect(together.map(\.content) == alone.map(\.content))
    }
  }

  @Test func mergedChannelsSplitAtEveryChannelChange() throws {
    let transcript = try Files.readInput("multichannel.json")
    let outputs = try transcript.export(.srt, settings: ExportSettings(channels: .merged))
    #expect(outputs.count == 1 && outputs[0].channelIndex == nil)
    let srt = String(decoding: outputs[0].content, as: UTF8.self)
    #expect(srt.contains("\nGood morning, caller.\n\n2\n"))
    #expect(srt.contains("\nHi! Thanks for taking my call.\n\n3\n"))
  }

}
