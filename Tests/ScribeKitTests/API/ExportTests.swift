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

  @Test func mergedChannelsSplitAtEveryChannelChange() throws {
    let transcript = try Files.readInput("multichannel.json")
    let outputs = try transcript.export(.srt, settings: ExportSettings(channels: .merged))
    #expect(outputs.count == 1 && outputs[0].channelIndex == nil)
    let srt = String(decoding: outputs[0].content, as: UTF8.self)
    #expect(srt.contains("\nGood morning, caller.\n\n2\n"))
    #expect(srt.contains("\nHi! Thanks for taking my call.\n\n3\n"))
  }

}
