import Foundation
import Testing

@testable import ScribeKit

/// Azure AI Speech: batch results in 100 ns ticks, fast transcription in milliseconds, and the
/// SDK's detailed results.
@Suite("Reading: Azure AI Speech transcriptions")
struct AzureSpeechShapeTests {
  /// A fast transcription response with one phrase of `words`, each `(text, offset, duration)`
  /// in milliseconds under the GA member names.
  private func fast(_ words: [(String, Int, Int)], speaker: Int = 0) -> String {
    let items = words.map {
      #"{"text": "\#($0.0)", "offsetMilliseconds": \#($0.1), "durationMilliseconds": \#($0.2)}"#
    }
    let start = words.first?.1 ?? 0
    return #"{"durationMilliseconds": 9000, "combinedPhrases": [{"text": "t"}], "phrases": ["#
      + #"{"offsetMilliseconds": \#(start), "durationMilliseconds": 1000, "text": "t", "#
      + #""speaker": \#(speaker), "locale": "zh-CN", "confidence": 0.9, "words": ["#
      + items.joined(separator: ", ") + "]}]}"
  }

  @Test func theHandBuiltBatchResultReadsTwoChannelsInDisplayForm() throws {
    let data = try Files.input("azure-speech.json")
    let transcript = try ShapeTesting.read(data)
    #expect(transcript.inputShape == .azureSpeech)
    #expect(transcript.channels.map(\.index) == [0, 1])
    #expect(
      transcript.channels[0].words.map(\.text).joined()
        == "Thank you for calling. How can I help?")
    #expect(transcript.channels[1].words.map(\.text).joined() == "My order is late.")
    let first = transcript.channels[0].words[0]
    #expect(first == Word(text: "Thank", start: 0.2, end: 0.44, channelIndex: 0))
    #expect(transcript.channels[1].words.last?.end == 4.6)
    #expect(transcript.audioDuration == 5.2)
    #expect(transcript.warnings.isEmpty, "\(transcript.warnings)")
    ShapeTesting.expectOnlyReadAs(.azureSpeech, data)
  }

  @Test(.enabled(if: Files.sharedFixturesAvailable, Files.skipReason))
  func theRealBatchResultReadsItsLexicalWordsInTicks() throws {
    let data = try Files.shared("engines/azure-speech/batch-v3-ticks-and-iso-durations.json")
    let transcript = try ShapeTesting.read(data)
    #expect(transcript.inputShape == .azureSpeech)
    let words = transcript.channels[0].words.filter(\.isTimed)
    #expect(words.count == 11)
    #expect(words.first == Word(text: "run", start: 0.04, end: 0.52, speakerID: "speaker_1"))
    #expect(words.last == Word(text: "nine", start: 6.9, end: 7.46, speakerID: "speaker_1"))
    #expect(Set(words.compactMap(\.speakerID)) == ["speaker_1", "speaker_2"])
    // The words are the lexical form: "zero zero three zero" where the display says "0030".
    #expect(ShapeTesting.text(transcript).contains("zero zero three zero"))
    #expect(transcript.audioDuration == 7.48)
    #expect(transcript.warnings.isEmpty, "\(transcript.warnings)")
    ShapeTesting.expectOnlyReadAs(.azureSpeech, data)
  }

  @Test(.enabled(if: Files.sharedFixturesAvailable, Files.skipReason))
  func theRealFastTranscriptionReadsInMilliseconds() throws {
    let data = try Files.shared(
      "engines/azure-speech/fast-transcription-diarized-milliseconds.json")
    let transcript = try ShapeTesting.read(data)
    #expect(transcript.inputShape == .azureSpeech)
    #expect(transcript.languageCode == "en-US" && transcript.audioDuration == 120)
    let words = transcript.channels[0].words.filter(\.isTimed)
    #expect(words.count == 350)
    #expect(words.first == Word(text: "I", start: 0.24, end: 0.28, speakerID: "speaker_0"))
    #expect(words.last == Word(text: "option.", start: 119.44, end: 119.92, speakerID: "speaker_0"))
    #expect(Set(words.compactMap(\.speakerID)) == ["speaker_0", "speaker_1"])
    #expect(ShapeTesting.text(transcript).hasPrefix("I think we got disconnected. Good."))
    #expect(transcript.warnings.isEmpty, "\(transcript.warnings)")
    ShapeTesting.expectOnlyReadAs(.azureSpeech, data)
  }

  @Test(.enabled(if: Files.sharedFixturesAvailable, Files.skipReason))
  func sdkResultsWithoutWordTimingsAreReadByPhraseWithAWarning() throws {
    let data = try Files.shared(
      "engines/azure-speech/sdk-detailed-results-offset-duration-ticks.json")
    let transcript = try ShapeTesting.read(data)
    #expect(transcript.inputShape == .azureSpeech)
    #expect(
      transcript.channels[0].words.filter(\.isTimed) == [
        Word(text: "Hello.", start: 0.09, end: 0.65, speakerID: "speaker_0"),
        Word(text: "Hello hello.", start: 0.69, end: 1.7, speakerID: "speaker_1"),
      ])
    #expect(transcript.warnings.count == 1)
    #expect(transcript.warnings.first?.message.contains("no word timings") == true)
    ShapeTesting.expectOnlyReadAs(.azureSpeech, data)
  }

  @Test func sdkResultsWithWordsAreReadByWord() throws {
    let json = """
      [{"RecognitionStatus": "Success", "Offset": 1000000, "Duration": 9000000, "SpeakerId": "Guest-1",
        "NBest": [{"Display": "Good morning.", "Words": [
          {"Word": "good", "Offset": 1000000, "Duration": 3000000},
          {"Word": "morning", "Offset": 4000000, "Duration": 6000000}]}]}]
      """
    let transcript = try ShapeTesting.read(json)
    #expect(
      transcript.channels[0].words == [
        Word(text: "good", start: 0.1, end: 0.4, speakerID: "Guest-1"),
        Word(text: " ", start: 0.4, end: 0.4, kind: .spacing, speakerID: "Guest-1"),
        Word(text: "morning", start: 0.4, end: 1, speakerID: "Guest-1"),
      ])
  }

  @Test func sdkResultsStartingWithNoMatchAreStillRead() throws {
    let json = """
      [{"RecognitionStatus": "NoMatch", "Offset": 0, "Duration": 5000000},
       {"RecognitionStatus": "Success", "Offset": 6000000, "Duration": 4000000,
        "NBest": [{"Display": "Yes.", "Words": null}]}]
      """
    let transcript = try ShapeTesting.read(json)
    #expect(transcript.inputShape == .azureSpeech)
    #expect(ShapeTesting.texts(transcript) == ["Yes."])
  }

  @Test func fastTranscriptionInChineseGainsNoSpaces() throws {
    let transcript = try ShapeTesting.read(fast([("你好", 100, 400), ("世界", 500, 300)]))
    #expect(transcript.inputShape == .azureSpeech)
    #expect(ShapeTesting.text(transcript) == "你好世界")
    #expect(transcript.languageCode == "zh-CN" && transcript.audioDuration == 9)
    #expect(transcript.channels[0].words.last?.end == 0.8)
  }

  @Test func millisecondsPastFortyHoursAreRefused() {
    // Ticks written where milliseconds belong: 55 hours.
    guard
      case .invalidValue(_, let reason)? = ShapeTesting.error(fast([("a", 200_000_000, 5)]))?
        .problem
    else {
      Issue.record("a word at 55 hours was read")
      return
    }
    #expect(reason.contains("not in milliseconds"))
  }

  @Test func isoDurationsAreReadWhenTheTicksAreMissing() {
    #expect(AzureSpeechShape.isoSeconds("PT2.28S") == 2.28)
    #expect(AzureSpeechShape.isoSeconds("PT1H2M3.5S") == 3723.5)
    #expect(AzureSpeechShape.isoSeconds("PT0S") == 0)
    #expect(AzureSpeechShape.isoSeconds("2.28") == nil)
    #expect(AzureSpeechShape.isoSeconds("PT2.28") == nil)
  }

  @Test func otherShapesAndEnginesAreNotTakenForAzure() throws {
    try ShapeTesting.expectNeverClaimed(
      by: .azureSpeech, ownInputs: ["azure-speech.json"], ownFolder: "azure-speech")
  }
}
