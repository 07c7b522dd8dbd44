import Foundation
import Testing

@testable import ScribeKit

@Suite("Formats: TXT")
struct TextRendererTests {
  private let segments = [
    Cue(
      items: [], text: "Hey. Hello. Hey, there. How are you?", start: 5.689, end: 8.14,
      speakerID: "speaker_1"),
    Cue(items: [], text: "Fine.", start: 9, end: 9.5, speakerID: nil),
  ]

  @Test func headersFollowTheIncludeFlags() {
    #expect(
      TextRenderer().render(segments)
        == "00:00:05,689 --> 00:00:08,140 [speaker_1]\nHey. Hello. Hey, there. How are you?\n\n"
        + "00:00:09,000 --> 00:00:09,500\nFine.\n")
    #expect(
      TextRenderer(includeSpeakers: false).render(segments)
        == "00:00:05,689 --> 00:00:08,140\nHey. Hello. Hey, there. How are you?\n\n"
        + "00:00:09,000 --> 00:00:09,500\nFine.\n")
    #expect(
      TextRenderer(includeTimestamps: false).render(segments)
        == "[speaker_1]\nHey. Hello. Hey, there. How are you?\n\nFine.\n")
    #expect(
      TextRenderer(includeSpeakers: false, includeTimestamps: false).render(segments)
        == "Hey. Hello. Hey, there. How are you?\n\nFine.\n")
    #expect(TextRenderer().render([]) == "")
  }

  @Test func wrapsBetweenWords() {
    let text = TextRenderer(
      maxCharactersPerLine: 12, includeSpeakers: false, includeTimestamps: false
    )
    .render(Array(segments.prefix(1)))
    #expect(text == "Hey. Hello.\nHey, there.\nHow are you?\n")
  }

  @Test func withTheAPIsDefaultsSegmentsSplitOnlyAtSpeakerTurns() throws {
    let transcript = try Files.readInput("webhook.json")
    let output = try transcript.export(.txt)[0]
    let text = String(decoding: output.content, as: UTF8.self)
    #expect(
      text
        == "00:00:00,000 --> 00:00:02,100 [speaker_0]\nSo who goes first? (laughter)\n\n"
        + "00:00:02,200 --> 00:00:02,500 [speaker_1]\nMe.\n\n"
        + "00:00:02,900 --> 00:00:05,000 [speaker_2]\nNo, me! (applause)\n")
  }
}
