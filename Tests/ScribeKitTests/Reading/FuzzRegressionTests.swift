import Foundation
import Testing

@testable import ScribeKit

/// Inputs the fuzzer (`Fuzzing/run.sh`) found, kept so that what they broke stays fixed.
@Suite("Fuzz findings")
struct FuzzRegressionTests {
  @Test func aChannelOfWhitespaceOnlyGivesNoEmptyCue() throws {
    let transcript = try Files.readInput("fuzz/whitespace-only-channel.json")
    #expect(transcript.channels.count == 3)
    for output in try transcript.export(.srt) {
      let srt = String(decoding: output.content, as: UTF8.self)
      #expect(
        !srt.contains("\n\n\n") && !srt.hasPrefix("\n"),
        "channel \(String(describing: output.channelIndex)): \(srt.debugDescription)")
      if !srt.isEmpty { _ = try SubtitleFile.parse(srt) }
    }
    let txt = try transcript.export(.txt, settings: ExportSettings(channels: .channel(1)))
    #expect(txt[0].content.isEmpty)
  }

  @Test func aSegmentOfWhitespaceOnlyReadsAndRendersNothing() throws {
    let transcript = try Files.readInput("fuzz/whitespace-only-segment.json")
    let srt = try transcript.export(.srt)
    #expect(srt[0].content.isEmpty)
    #expect(CaptionSegmenter(style: .netflixEnglish).cues(transcript.channels[0]).isEmpty)
  }

  @Test func anAbsurdTimestampIsLintedNotACrash() throws {
    let text = String(decoding: try Files.input("fuzz/huge-timestamp.srt"), as: UTF8.self)
    let file = try SubtitleFile.parse(text)
    let violations = CaptionLinter(style: .netflixEnglish).lint(file)
    #expect(violations.contains { $0.rule == .tooLong })
  }

  @Test func aSpacingItemHoldingTextIsReadAsAWord() throws {
    let transcript = try Files.readInput("fuzz/spacing-with-text.json")
    #expect(transcript.warnings.contains { $0.message.hasPrefix("a spacing item holds text") })
    for output in try transcript.export(.srt) {
      let channel = transcript.channels.first { $0.index == output.channelIndex }
      let visible = (channel?.words ?? []).filter { !$0.text.allSatisfy(\.isWhitespace) }
      let srt = String(decoding: output.content, as: UTF8.self)
      for word in visible {
        #expect(srt.contains(word.text.prefix(20)), "\(word.text.prefix(20)) lost")
      }
    }
  }
}
