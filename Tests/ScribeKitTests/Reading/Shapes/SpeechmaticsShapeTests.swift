import Foundation
import Testing

@testable import ScribeKit

/// Speechmatics transcripts, json-v2 and the legacy v1: real ones from the shared fixtures, and
/// hand-built diarized and two-channel Japanese ones.
@Suite("Reading: Speechmatics transcripts")
struct SpeechmaticsShapeTests {
  @Test(.enabled(if: Files.sharedFixturesAvailable, Files.skipReason))
  func entitiesReplaceTheirWordsAndPunctuationJoinsTheWordBefore() throws {
    let data = try Files.shared("engines/speechmatics/json-v2.9-batch-entities.json")
    let transcript = try ShapeTesting.read(data)
    #expect(transcript.inputShape == .speechmatics)
    let timed = transcript.channels[0].words.filter(\.isTimed)
    // 153 words and 5 one-word entities; the 16 punctuation marks join their words.
    #expect(timed.count == 158)
    #expect(timed.first?.text == "Now," && timed.first?.start == 2.94 && timed.first?.end == 3.27)
    #expect(timed.last?.text == "that." && timed.last?.end == 53.19)
    #expect(timed.allSatisfy { $0.speakerID == nil })  // "UU": diarization was off
    let entities = timed.compactMap(\.entity)
    #expect(entities.map(\.type) == ["ordinal", "cardinal", "ordinal", "cardinal", "cardinal"])
    #expect(entities.map(\.number) == [0, 1, 2, 3, 4])
    #expect(
      ShapeTesting.text(transcript).hasPrefix("Now, immediately after winning his first piece"))
    #expect(transcript.languageCode == "en" && transcript.audioDuration == 53)
    #expect(transcript.warnings.isEmpty, "\(transcript.warnings)")
    ShapeTesting.expectOnlyReadAs(.speechmatics, data)
  }

  @Test(.enabled(if: Files.sharedFixturesAvailable, Files.skipReason))
  func theLegacyV1ShapeIsReadWithItsSpeakerRanges() throws {
    let data = try Files.shared("engines/speechmatics/legacy-v1-gendered-speakers.json")
    let transcript = try ShapeTesting.read(data)
    #expect(transcript.inputShape == .speechmatics)
    let timed = transcript.channels[0].words.filter(\.isTimed)
    // 1,896 items, of which 105 are full stops that join the word before them.
    #expect(timed.count == 1791)
    #expect(timed.first?.text == "There" && timed.first?.start == 13.05)
    #expect(timed.first?.end == 13.23)
    #expect(timed.last?.text == "you." && timed.last?.start == 705.8)
    #expect(abs((timed.last?.end ?? 0) - 705.92) < 1e-9)
    #expect(Set(timed.compactMap(\.speakerID)) == ["F2", "F3", "F4"])
    #expect(timed.allSatisfy { $0.speakerID != nil })
    #expect(timed.last?.speakerID == "F2")
    #expect(!ShapeTesting.text(transcript).contains(" ."))
    #expect(transcript.languageCode == "en" && transcript.audioDuration == 711)
    ShapeTesting.expectOnlyReadAs(.speechmatics, data)
  }

  @Test func speakersQuotesAndAMultiWordEntity() throws {
    let data = try Files.input("speechmatics-diarized.json")
    let transcript = try ShapeTesting.read(data)
    #expect(transcript.inputShape == .speechmatics)
    #expect(
      ShapeTesting.text(transcript)
        == #"Can we meet on January 5th 2027? Sure, "anytime" works. Mm"#)
    let timed = transcript.channels[0].words.filter(\.isTimed)
    #expect(
      timed.map(\.speakerID) == [String?](repeating: "S1", count: 7) + ["S2", "S2", "S2", nil])
    // The entity's written words keep their own times and are marked as one entity, the
    // spacing between them too.
    let date = transcript.channels[0].words.filter { $0.entity != nil }
    #expect(date.map(\.text) == ["January", " ", "5th", " ", "2027?"])
    #expect(date.first?.entity?.type == "date" && date.first?.entity?.text == "January 5th 2027")
    #expect(timed[5].start == 1.35 && timed[5].end == 1.62)
    #expect(transcript.warnings.isEmpty, "\(transcript.warnings)")
    ShapeTesting.expectOnlyReadAs(.speechmatics, data)
  }

  @Test func japaneseChannelsUseTheLanguagesEmptyDelimiter() throws {
    let transcript = try ShapeTesting.read(Files.input("speechmatics-channels-japanese.json"))
    #expect(transcript.channels.map(\.index) == [0, 1])
    #expect(
      transcript.channels.map { $0.words.map(\.text).joined() } == [
        "お電話ありがとうございます。", "予約を変更したいです。",
      ])
    #expect(!transcript.channels.flatMap(\.words).contains { $0.kind == .spacing })
    #expect(transcript.languageCode == "ja")
    #expect(transcript.warnings.isEmpty, "\(transcript.warnings)")
  }

  @Test func punctuationAttachedBothWaysOrNeither() throws {
    func result(_ type: String, _ content: String, _ start: Double, attach: String? = nil)
      -> String
    {
      let attaches = attach.map { #", "attaches_to": "\#($0)""# } ?? ""
      return #"{"type": "\#(type)", "start_time": \#(start), "end_time": \#(start + 0.2), "#
        + #""alternatives": [{"content": "\#(content)", "speaker": "S1"}]\#(attaches)}"#
    }
    let json =
      #"{"format": "2.9", "results": ["#
      + [
        result("word", "well", 0), result("punctuation", "-", 0.2, attach: "both"),
        result("word", "known", 0.4), result("punctuation", "&", 0.6, attach: "none"),
        result("word", "loved", 0.8), result("punctuation", "!", 1.0, attach: "sideways"),
      ].joined(separator: ", ") + "]}"
    let transcript = try ShapeTesting.read(json)
    #expect(ShapeTesting.text(transcript) == "well-known & loved!")
    #expect(transcript.warnings.map(\.path) == ["$.results[5].attaches_to"])
  }

  @Test func unitsAndBrokenResultsAreNamed() {
    let milliseconds =
      #"{"format": "2.9", "results": [{"type": "word", "start_time": 100, "end_time": "#
      + #"150000000, "alternatives": [{"content": "a"}]}]}"#
    #expect(
      ShapeTesting.error(milliseconds)?.description.contains("look like milliseconds") == true)
    let v1 = #"{"format": "1.0", "words": [{"name": "a", "time": "soon", "duration": "0.1"}]}"#
    #expect(
      ShapeTesting.error(v1)?.description.contains(
        #"$.words[0].time: expected a number of seconds"#)
        == true)
    let channel =
      #"{"format": "2.9", "results": [{"type": "word", "start_time": 0, "end_time": 1, "#
      + #""channel": "left", "alternatives": [{"content": "a"}]}]}"#
    #expect(ShapeTesting.error(channel)?.description.contains("$.results[0].channel") == true)
    let bare = #"{"format": "2.9", "results": [{"type": "word", "start_time": 0, "end_time": 1}]}"#
    #expect(
      ShapeTesting.error(bare)?.description.contains("$.results[0].alternatives: missing") == true)
  }
}
