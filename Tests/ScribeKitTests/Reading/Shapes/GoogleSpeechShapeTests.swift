import Foundation
import Testing

@testable import ScribeKit

/// Google Cloud Speech-to-Text v1 and v2 responses: durations as strings or `{seconds, nanos}`,
/// the diarization's repeated last result, speakers and channels.
@Suite("Reading: Google Cloud Speech-to-Text responses")
struct GoogleSpeechShapeTests {
  /// A v2 result on `channel` with `words`, each `(word, startOffset, endOffset, speaker)`.
  private func v2Result(_ channel: Int, _ words: [(String, String, String, String?)]) -> String {
    let items = words.map { word in
      #"{"word": "\#(word.0)", "startOffset": "\#(word.1)", "endOffset": "\#(word.2)""#
        + (word.3.map { #", "speakerLabel": "\#($0)""# } ?? "") + "}"
    }
    return #"{"alternatives": [{"transcript": "t", "words": ["# + items.joined(separator: ", ")
      + #"]}], "channelTag": \#(channel), "resultEndOffset": "9s", "languageCode": "en-US"}"#
  }

  @Test func theHandBuiltDiarizedResponseReadsItsLastResultOnly() throws {
    let data = try Files.input("google-stt.json")
    let transcript = try ShapeTesting.read(data)
    #expect(transcript.inputShape == .googleSpeech)
    // The last result repeats the two before it with speakers: every word once.
    #expect(ShapeTesting.text(transcript) == "Hello, how are you today? Fine, thanks.")
    let words = transcript.channels[0].words.filter(\.isTimed)
    #expect(words.count == 7)
    #expect(words.first == Word(text: "Hello,", start: 0.3, end: 0.8, speakerID: "speaker_1"))
    #expect(words.last == Word(text: "thanks.", start: 3.5, end: 4, speakerID: "speaker_2"))
    #expect(transcript.languageCode == "en-us")
    #expect(transcript.warnings.isEmpty, "\(transcript.warnings)")
    ShapeTesting.expectOnlyReadAs(.googleSpeech, data)
  }

  @Test(.enabled(if: Files.sharedFixturesAvailable, Files.skipReason))
  func theRealV1ResponseReadsEveryWordOnce() throws {
    let data = try Files.shared("engines/google-stt/v1-duration-strings-no-punctuation.json")
    let transcript = try ShapeTesting.read(data)
    #expect(transcript.inputShape == .googleSpeech)
    #expect(transcript.channels.count == 1 && transcript.languageCode == "en-us")
    let words = transcript.channels[0].words.filter(\.isTimed)
    #expect(words.count == 1774)
    #expect(words.first == Word(text: "there", start: 12.9, end: 13.3))
    // "706s": a duration without decimals.
    #expect(words.last == Word(text: "you", start: 705.9, end: 706))
    #expect(words.allSatisfy { $0.speakerID == nil })
    #expect(transcript.warnings.isEmpty, "\(transcript.warnings)")
    #expect(ShapeTesting.text(transcript).hasPrefix("there was a day about 10 years ago when I"))
    ShapeTesting.expectOnlyReadAs(.googleSpeech, data)
  }

  @Test func v2OffsetsLabelsAndChannelTagsAreRead() throws {
    let json =
      #"{"results": ["# + v2Result(1, [("Hello", "0.500s", "0.900s", "1")]) + ", "
      + v2Result(2, [("Hi", "1s", "1.300s", "2"), ("there", "1.300s", "1.700s", "2")])
      + #"], "metadata": {"totalBilledDuration": "9s"}}"#
    let transcript = try ShapeTesting.read(json)
    #expect(transcript.channels.map(\.index) == [0, 1])
    #expect(
      transcript.channels[0].words == [
        Word(text: "Hello", start: 0.5, end: 0.9, speakerID: "speaker_1", channelIndex: 0)
      ])
    #expect(transcript.channels[1].words.map(\.text) == ["Hi", " ", "there"])
    #expect(transcript.channels[1].words.allSatisfy { $0.channelIndex == 1 })
    #expect(transcript.channels[1].languageCode == "en-US")
    #expect(transcript.warnings.isEmpty)
  }

  @Test func aLongRunningOperationIsReadFromItsResponse() throws {
    let json =
      #"{"name": "123", "done": true, "response": {"@type": "type.googleapis.com/"#
      + #"google.cloud.speech.v1.LongRunningRecognizeResponse", "results": ["#
      + v2Result(0, [("ok", "2s", "2.5s", nil)]) + "]}}"
    let transcript = try ShapeTesting.read(json)
    #expect(transcript.inputShape == .googleSpeech)
    #expect(transcript.channels[0].words == [Word(text: "ok", start: 2, end: 2.5)])
  }

  @Test func japaneseWordsGainNoSpaces() throws {
    let json =
      #"{"results": ["#
      + v2Result(0, [("今日", "0s", "0.400s", nil), ("は", "0.400s", "0.500s", nil)]) + ", "
      + v2Result(0, [("晴れ", "0.600s", "1s", nil)]) + "]}"
    #expect(ShapeTesting.text(try ShapeTesting.read(json)) == "今日は晴れ")
  }

  @Test func aDurationWithoutItsUnitNamesItsPath() {
    let json = #"{"results": ["# + v2Result(0, [("ok", "2", "2.5s", nil)]) + "]}"
    let error = ShapeTesting.error(json)
    guard case .invalidValue(let path, let reason)? = error?.problem else {
      Issue.record("\(String(describing: error))")
      return
    }
    #expect(path == "$.results[0].alternatives[0].words[0].startOffset")
    #expect(reason.contains("\"1.500s\""))
  }

  @Test func timesPastFortyHoursAreRefused() {
    let json = #"{"results": ["# + v2Result(0, [("ok", "150000s", "150001s", nil)]) + "]}"
    guard case .invalidValue(_, let reason)? = ShapeTesting.error(json)?.problem else {
      Issue.record("a word at 41 hours was read")
      return
    }
    #expect(reason.contains("not in seconds"))
  }

  @Test func ibmWatsonResultsAreNotTakenForGoogle() {
    // Watson's results have `alternatives` too, with `timestamps` arrays and `final`.
    let watson = """
      {"result_index": 0, "results": [{"final": true, "alternatives": [{"transcript": "hi ",
       "confidence": 0.9, "timestamps": [["hi", 0.1, 0.4]]}]}]}
      """
    #expect(ShapeTesting.error(watson, shape: .googleSpeech) != nil)
    #expect((try? ShapeTesting.read(watson))?.inputShape != .googleSpeech)
  }

  @Test func otherShapesAndEnginesAreNotTakenForGoogle() throws {
    try ShapeTesting.expectNeverClaimed(
      by: .googleSpeech, ownInputs: ["google-stt.json"], ownFolder: "google-stt")
  }
}
