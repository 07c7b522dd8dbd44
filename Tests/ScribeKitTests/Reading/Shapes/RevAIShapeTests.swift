import Foundation
import Testing

@testable import ScribeKit

/// Rev.ai transcripts: real ones from the shared fixtures, and a hand-built one with two
/// speakers and a word without times.
@Suite("Reading: Rev.ai transcripts")
struct RevAIShapeTests {
  @Test(.enabled(if: Files.sharedFixturesAvailable, Files.skipReason))
  func monologuesOfOneSpeakerReadAsOneSpeakersWords() throws {
    let data = try Files.shared("engines/revai/monologues-split-same-speaker.json")
    let transcript = try ShapeTesting.read(data)
    #expect(transcript.inputShape == .revAI)
    let words = ShapeTesting.texts(transcript)
    #expect(words.count == 414)
    let timed = transcript.channels[0].words.filter(\.isTimed)
    #expect(timed.first?.text == "Hi," && timed.first?.start == 0.3 && timed.first?.end == 0.52)
    #expect(timed.last?.text == "off." && timed.last?.end == 106.33)
    #expect(timed.allSatisfy { $0.speakerID == "speaker_0" })
    // The two monologues meet with a space: "co-founder. Many".
    #expect(ShapeTesting.text(transcript).contains("co-founder. Many of the"))
    #expect(ShapeTesting.text(transcript).hasPrefix("Hi, my name's Jack"))
    #expect(transcript.warnings.isEmpty, "\(transcript.warnings)")
    ShapeTesting.expectOnlyReadAs(.revAI, data)
  }

  @Test(.enabled(if: Files.sharedFixturesAvailable, Files.skipReason))
  func hyphensAndPercentSignsStayWithTheirWords() throws {
    let transcript = try ShapeTesting.read(
      Files.shared("engines/revai/hyphen-as-punct-zero-length-percent.json"))
    let words = ShapeTesting.texts(transcript)
    #expect(words.count == 410)
    let text = ShapeTesting.text(transcript)
    #expect(text.contains(" co-founder and "))
    #expect(text.contains(" 30% of "))
    #expect(!text.contains(" ,") && !text.contains(" ."))
    let percent = try #require(transcript.channels[0].words.first { $0.text == "%" })
    #expect(percent.start == 95.15 && percent.end == 95.15)
    #expect(transcript.channels[0].words.filter(\.isTimed).last?.end == 106.5)
    #expect(transcript.warnings.isEmpty, "\(transcript.warnings)")
  }

  @Test func twoSpeakersPunctuationAndAnUntimedWord() throws {
    let data = try Files.input("revai-two-speakers.json")
    let transcript = try ShapeTesting.read(data)
    #expect(transcript.inputShape == .revAI)
    #expect(
      ShapeTesting.text(transcript) == #"So, what did she say? She said, "call me tomorrow.""#)
    let timed = transcript.channels[0].words.filter(\.isTimed)
    #expect(timed.map(\.speakerID).filter { $0 == "speaker_1" }.count == 5)
    // The opening quote leads the word after it; the closing one joins the word before.
    #expect(timed.contains { $0.text == #""call"# } && timed.last?.text == #"tomorrow.""#)
    let untimed = try #require(timed.first { $0.text == "me" })
    #expect(untimed.start == 2.77 && untimed.end == 3.05)
    #expect(transcript.warnings.map(\.path) == ["$.monologues[1].elements[8]"])
    ShapeTesting.expectOnlyReadAs(.revAI, data)
  }

  @Test func unitsAndBrokenElementsAreNamed() {
    let milliseconds =
      #"{"monologues": [{"speaker": 0, "elements": [{"type": "text", "value": "a", "ts": 1000, "#
      + #""end_ts": 150000000}]}]}"#
    #expect(
      ShapeTesting.error(milliseconds)?.description.contains("look like milliseconds") == true)
    let valueless = #"{"monologues": [{"speaker": 0, "elements": [{"type": "text", "ts": 1}]}]}"#
    #expect(
      ShapeTesting.error(valueless)?.description.contains("$.monologues[0].elements[0].value")
        == true)
  }
}
