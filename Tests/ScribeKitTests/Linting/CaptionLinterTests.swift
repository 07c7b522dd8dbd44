import Foundation
import Testing

@testable import ScribeKit

@Suite("Captioning: lint")
struct CaptionLinterTests {
  @Test func readsSRTAndWebVTTAndFindsEveryKindOfViolation() throws {
    let srt = """
      1
      00:00:01,000 --> 00:00:01,300
      Too quick.

      2
      00:00:01,310 --> 00:00:09,000
      This line is far too long for any reasonable caption style at all
      and then a second line
      and a third line

      3
      00:00:09,000 --> 00:00:09,500
      I met the
      famous John

      """
    let file = try SubtitleFile.parse(srt)
    #expect(file.cues.count == 3)
    let rules = CaptionLinter(style: .netflixEnglish).lint(file).map {
      "\($0.cue) \($0.rule.rawValue)"
    }
    #expect(
      rules == [
        "1 reading-speed", "1 min-duration", "1 min-gap", "2 max-lines",
        "2 max-characters-per-line",
        "2 max-duration", "2 min-gap", "3 bad-break", "3 reading-speed", "3 min-duration",
      ])
    let vtt =
      "WEBVTT\n\nNOTE a comment\n\nintro\n00:01.000 --> 00:04.000 align:start\n<v Amy>Hello &amp; <i>welcome</i>.</v>\n"
    let parsed = try SubtitleFile.parse(vtt)
    #expect(parsed.cues.first?.lines == ["Hello & welcome."])
    #expect(parsed.cues.first?.start == 1 && parsed.cues.first?.end == 4)
    #expect(CaptionLinter(style: .netflixEnglish).lint(parsed).isEmpty)
  }

  @Test func reportsJapaneseLineBreakRules() throws {
    let file = try SubtitleFile.parse("1\n00:00:00,000 --> 00:00:03,000\n今日は「\n。晴れです\n")
    let rules = CaptionLinter(style: .netflixJapanese).lint(file).map(\.rule)
    #expect(rules.filter { $0 == .lineBreak }.count == 2)
  }

  @Test func saysWhereAFileIsBroken() {
    #expect(
      throws: SubtitleFile.ParseError(
        line: 2, reason: "expected a timing line such as 00:00:01,000 --> 00:00:02,500")
    ) {
      try SubtitleFile.parse("1\n00:00:01 -> 00:00:02\nText\n")
    }
    #expect(throws: SubtitleFile.ParseError.self) {
      try SubtitleFile.parse("one\n00:00:01,000 --> 00:00:02,000\nx\n")
    }
  }

  @Test(.enabled(if: Files.sharedFixturesAvailable, Files.skipReason))
  func ourNetflixOutputBreaksNoHardRuleOnTheFixtures() throws {
    for name in Files.speechToTextFixtures + Files.textToSpeechFixtures {
      let transcript = try Files.readShared(name)
      let style: CaptionStyle = name.contains("mandarin") ? .netflixChinese : .netflixEnglish
      let srt = String(
        decoding: try transcript.export(.srt, preset: Preset(style))[0].content, as: UTF8.self)
      let violations = CaptionLinter(style: style).lint(try SubtitleFile.parse(srt))
      let hard = violations.filter(\.rule.isHard)
      #expect(hard.isEmpty, "\(name): \(hard.prefix(5))")
    }
  }
}
