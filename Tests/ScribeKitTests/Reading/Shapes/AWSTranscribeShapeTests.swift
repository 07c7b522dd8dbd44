import Foundation
import Testing

@testable import ScribeKit

/// Amazon Transcribe's batch and Call Analytics transcripts: seconds written as strings,
/// punctuation attached to the word before, speakers, channels and milliseconds.
@Suite("Reading: Amazon Transcribe transcripts")
struct AWSTranscribeShapeTests {
  /// A batch transcript whose `results.items` are `items`, JSON text each.
  private func batch(_ items: [String], extra: String = "") -> String {
    #"{"jobName": "j", "status": "COMPLETED", "results": {"transcripts": [], "items": ["#
      + items.joined(separator: ", ") + "]" + extra + "}}"
  }

  /// A `pronunciation` item.
  private func word(_ text: String, _ start: String, _ end: String, speaker: String? = nil)
    -> String
  {
    #"{"type": "pronunciation", "alternatives": [{"confidence": "1.0", "content": "\#(text)"}], "#
      + #""start_time": "\#(start)", "end_time": "\#(end)""#
      + (speaker.map { #", "speaker_label": "\#($0)""# } ?? "") + "}"
  }

  /// A `punctuation` item, without times as Amazon writes it.
  private func punctuation(_ text: String) -> String {
    #"{"type": "punctuation", "alternatives": [{"confidence": "0.0", "content": "\#(text)"}]}"#
  }

  @Test func theHandBuiltTranscriptReadsWithSpeakersAndAttachedPunctuation() throws {
    let data = try Files.input("aws-transcribe.json")
    let transcript = try ShapeTesting.read(data)
    #expect(transcript.inputShape == .awsTranscribe)
    #expect(
      ShapeTesting.text(transcript) == "Hi, welcome to the show. Thanks, it's good to be here.")
    let words = transcript.channels[0].words.filter(\.isTimed)
    #expect(words.count == 11)
    #expect(words.first == Word(text: "Hi,", start: 0.44, end: 0.71, speakerID: "spk_0"))
    #expect(words.last == Word(text: "here.", start: 3.88, end: 4.2, speakerID: "spk_1"))
    #expect(transcript.channels.count == 1 && transcript.channels[0].index == nil)
    #expect(transcript.warnings.isEmpty, "\(transcript.warnings)")
    ShapeTesting.expectOnlyReadAs(.awsTranscribe, data)
  }

  @Test(.enabled(if: Files.sharedFixturesAvailable, Files.skipReason))
  func theOlderLayoutTakesSpeakersFromTheSpeakerSegments() throws {
    let name = "engines/aws-transcribe/speaker-identification-three-speakers.json"
    let data = try Files.shared(name)
    let transcript = try ShapeTesting.read(data)
    #expect(transcript.inputShape == .awsTranscribe)
    let words = transcript.channels[0].words.filter(\.isTimed)
    // 354 pronunciation items; the 38 punctuation items are attached to them.
    #expect(words.count == 354)
    #expect(words.first == Word(text: "She", start: 0.49, end: 0.7, speakerID: "spk_0"))
    #expect(words.last?.text == "leg" && words.last?.end == 141.54)
    #expect(Set(words.compactMap(\.speakerID)) == ["spk_0", "spk_1", "spk_2"])
    #expect(words.allSatisfy { $0.speakerID != nil })
    #expect(!words.contains { [",", ".", "?"].contains($0.text) })
    #expect(!ShapeTesting.text(transcript).contains(" ,"))
    #expect(transcript.warnings.isEmpty, "\(transcript.warnings)")
    ShapeTesting.expectOnlyReadAs(.awsTranscribe, data)
  }

  @Test(.enabled(if: Files.sharedFixturesAvailable, Files.skipReason))
  func channelLabelsBecomeChannelsAndTheMergedItemsAreNotReadTwice() throws {
    let data = try Files.shared("engines/aws-transcribe/channel-identification-two-channels.json")
    let transcript = try ShapeTesting.read(data)
    #expect(transcript.channels.map(\.index) == [0, 1])
    let first = transcript.channels[0].words.filter(\.isTimed)
    let second = transcript.channels[1].words.filter(\.isTimed)
    #expect(first.count == 149 && second.count == 205)
    #expect(first.first?.text == "it" && first.first?.start == 15.09)
    #expect(first.last?.text == "light" && first.last?.end == 111.9)
    #expect(second.first?.text == "She" && second.first?.start == 0.49)
    #expect(second.last?.text == "leg" && second.last?.end == 141.54)
    #expect(first.allSatisfy { $0.channelIndex == 0 } && second.allSatisfy { $0.channelIndex == 1 })
    #expect(transcript.warnings.isEmpty, "\(transcript.warnings)")
    ShapeTesting.expectOnlyReadAs(.awsTranscribe, data)
  }

  @Test(.enabled(if: Files.sharedFixturesAvailable, Files.skipReason))
  func callAnalyticsTurnsAreReadInMillisecondsWithTheRoleAsSpeaker() throws {
    let data = try Files.shared("engines/aws-transcribe/call-analytics-agent-customer.json")
    let transcript = try ShapeTesting.read(data)
    #expect(transcript.inputShape == .awsTranscribe)
    #expect(transcript.languageCode == "en-US")
    let words = transcript.channels[0].words.filter(\.isTimed)
    #expect(words.count == 462)
    #expect(words.first == Word(text: "Thank", start: 0.04, end: 0.33, speakerID: "AGENT"))
    #expect(words.last?.text == "Bye." && words.last?.end == 182.89)
    #expect(Set(words.compactMap(\.speakerID)) == ["AGENT", "CUSTOMER"])
    #expect(words.filter { $0.text.hasPrefix("[PII]") }.count == 12)
    #expect(ShapeTesting.text(transcript).hasPrefix("Thank you for calling Anchor Credit Union, "))
    // Cross-talk: a turn that starts inside the one before is kept in turn order, and said.
    #expect(!transcript.warnings.isEmpty)
    #expect(transcript.warnings.allSatisfy { $0.message.contains("kept in input order") })
    ShapeTesting.expectOnlyReadAs(.awsTranscribe, data)
  }

  @Test func punctuationBeforeAnyWordStartsTheNextWord() throws {
    let transcript = try ShapeTesting.read(
      batch([
        punctuation("¿"), word("Qué", "0.1", "0.4"), word("tal", "0.4", "0.6"), punctuation("?"),
      ]))
    #expect(ShapeTesting.text(transcript) == "¿Qué tal?")
  }

  @Test func chineseWordsGainNoSpaces() throws {
    let transcript = try ShapeTesting.read(
      batch([word("你好", "0.1", "0.5"), punctuation("，"), word("世界", "0.5", "0.9")]))
    #expect(ShapeTesting.text(transcript) == "你好，世界")
  }

  @Test func aWordWithoutTimesIsPlacedBetweenItsNeighboursWithAWarning() throws {
    let untimed =
      #"{"type": "pronunciation", "alternatives": [{"confidence": "0.5", "content": "uh"}]}"#
    let transcript = try ShapeTesting.read(
      batch([word("so", "1.0", "1.2"), untimed, word("yes", "1.5", "1.9")]))
    let words = transcript.channels[0].words.filter(\.isTimed)
    #expect(words[1] == Word(text: "uh", start: 1.2, end: 1.5))
    #expect(transcript.warnings.map(\.path) == ["$.results.items[1]"])
  }

  @Test func badTimesNameTheirPath() {
    let error = ShapeTesting.error(batch([word("so", "1.0", "1,2")]))
    guard case .invalidValue(let path, let reason)? = error?.problem else {
      Issue.record("\(String(describing: error))")
      return
    }
    #expect(path == "$.results.items[0].end_time")
    #expect(reason.contains("\"1,2\""))
  }

  @Test func timesThatCannotBeSecondsAreRefused() {
    // Milliseconds written where seconds belong: the last word would end after 55 hours.
    let error = ShapeTesting.error(
      batch([word("so", "199000", "199200"), word("yes", "199500", "199900")]))
    guard case .invalidValue(let path, let reason)? = error?.problem else {
      Issue.record("\(String(describing: error))")
      return
    }
    #expect(path == "$.results.items[1]")
    #expect(reason.contains("not in seconds"))
  }

  @Test func wordsSqueezedIntoLessThanAMillisecondEachAreWarnedAbout() throws {
    // Sixty words within 6 ms: not seconds, whatever the layout says; kept, with the reason.
    let items = (0..<60).map { index in
      word("w\(index)", "\(Double(index) / 10000)", "\(Double(index + 1) / 10000)")
    }
    let transcript = try ShapeTesting.read(batch(items))
    #expect(transcript.channels[0].words.filter(\.isTimed).count == 60)
    #expect(transcript.warnings.contains { $0.message.contains("less than a millisecond a word") })
  }

  @Test func aCallAnalyticsTurnWithoutItemsIsReadWhole() throws {
    let json = """
      {"JobStatus": "COMPLETED", "LanguageCode": "en-GB", "Transcript": [
        {"ParticipantRole": "AGENT", "Content": "Hello.", "BeginOffsetMillis": 100,
         "EndOffsetMillis": 600, "Items": [{"Type": "pronunciation", "Content": "Hello",
         "BeginOffsetMillis": 100, "EndOffsetMillis": 600}, {"Type": "punctuation", "Content": "."}]},
        {"ParticipantRole": "CUSTOMER", "Content": "Hi there.", "BeginOffsetMillis": 900,
         "EndOffsetMillis": 1500}]}
      """
    let transcript = try ShapeTesting.read(json)
    #expect(transcript.languageCode == "en-GB")
    #expect(
      transcript.channels[0].words.filter(\.isTimed) == [
        Word(text: "Hello.", start: 0.1, end: 0.6, speakerID: "AGENT"),
        Word(text: "Hi there.", start: 0.9, end: 1.5, speakerID: "CUSTOMER"),
      ])
    #expect(transcript.warnings.map(\.path) == ["$.Transcript[1].Items"])
  }

  @Test func otherShapesAndEnginesAreNotTakenForAmazon() throws {
    try ShapeTesting.expectNeverClaimed(
      by: .awsTranscribe, ownInputs: ["aws-transcribe.json"], ownFolder: "aws-transcribe")
  }
}
