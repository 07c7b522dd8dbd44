import Foundation
import Testing

@testable import ScribeKit

/// The OpenAI API's `verbose_json` and `diarized_json`, bare or in a recorded session.
@Suite("Reading: OpenAI API transcriptions")
struct OpenAITranscriptionShapeTests {
  private let recorded =
    "engines/openai-whisper-api/whisper-1-verbose-json-words-and-segments"
    + ".session-record.json"

  @Test(.enabled(if: Files.sharedFixturesAvailable, Files.skipReason))
  func theRecordedSessionsResponseIsReadWithTheSegmentsPunctuation() throws {
    let data = try Files.shared(recorded)
    let read = try ShapeTesting.read(data)
    #expect(read.inputShape == .openAITranscription)
    // The words say "world", the segment "world,": the text's punctuation is kept.
    #expect(ShapeTesting.text(read) == "Hello world, this is a test.")
    let timed = read.channels[0].words.filter(\.isTimed)
    #expect(timed.count == 6)
    #expect(timed.first?.text == "Hello" && timed.first?.start == 0)
    #expect(timed.last?.text == "test." && timed.last?.end == 1.4600000381469727)
    #expect(read.languageCode == "en")
    #expect(read.audioDuration == 1.7000000476837158)
    #expect(read.warnings.isEmpty, "\(read.warnings)")
    ShapeTesting.expectOnlyReadAs(.openAITranscription, data)
  }

  @Test func quotesHyphensAndQuestionMarksComeFromTheText() throws {
    let data = try Files.input("openai-verbose.json")
    let read = try ShapeTesting.read(data)
    #expect(read.inputShape == .openAITranscription)
    #expect(ShapeTesting.text(read) == #""Well," she said, "it's well-known." Really? Yes."#)
    #expect(
      ShapeTesting.texts(read) == [
        #""Well,""#, "she", "said,", #""it's"#, "well-", #"known.""#, "Really?", "Yes.",
      ])
    #expect(read.warnings.isEmpty, "\(read.warnings)")
    ShapeTesting.expectOnlyReadAs(.openAITranscription, data)
  }

  @Test func diarizedSegmentsAreOneItemEachWithTheirSpeaker() throws {
    let data = try Files.input("openai-diarized.json")
    let read = try ShapeTesting.read(data)
    #expect(read.inputShape == .openAITranscription)
    #expect(ShapeTesting.texts(read) == ["Are you coming tonight?", "I think so."])
    #expect(read.channels[0].words.filter(\.isTimed).map(\.speakerID) == ["A", "B"])
    #expect(read.warnings.map(\.path) == ["$.segments"])
    let srt = String(decoding: try read.export(.srt)[0].content, as: UTF8.self)
    #expect(srt.contains("I think so."))
  }

  @Test func wordsWithoutTextAreSpacedAndWarnedAbout() throws {
    let json =
      #"{"task": "transcribe", "language": "japanese", "duration": 2, "words": ["#
      + #"{"word": "今日", "start": 0, "end": 0.4}, {"word": "は", "start": 0.4, "end": 0.5}]}"#
    let read = try ShapeTesting.read(json)
    #expect(ShapeTesting.text(read) == "今日は")
    #expect(read.languageCode == "ja")
    #expect(read.warnings.first?.message.contains("no punctuation") == true)
  }

  @Test func aWordMissingFromTheTextIsKeptWithAWarning() throws {
    let json =
      #"{"task": "transcribe", "duration": 2, "text": "Hi there.", "words": ["#
      + #"{"word": "Hi", "start": 0, "end": 0.4}, {"word": "you", "start": 0.4, "end": 0.5}, "#
      + #"{"word": "there", "start": 0.5, "end": 0.9}]}"#
    let read = try ShapeTesting.read(json)
    #expect(ShapeTesting.text(read) == "Hi you there.")
    #expect(read.warnings.map(\.path) == ["$.words[1]"])
  }

  @Test func unitsThatAreNotSecondsAreRefusedOrWarnedAbout() throws {
    // Milliseconds read as seconds: the last word would end after 40 hours.
    let millis =
      #"{"task": "transcribe", "text": "Hi", "words": [{"word": "Hi", "#
      + #""start": 150000, "end": 150400}]}"#
    guard case .invalidValue(let path, let reason)? = ShapeTesting.error(millis)?.problem else {
      Issue.record("milliseconds were read as seconds")
      return
    }
    #expect(path == "$" && reason.contains("40 hours"))
    // Words past the audio's duration.
    let late =
      #"{"task": "transcribe", "duration": 1.5, "text": "Hi", "words": [{"word": "#
      + #""Hi", "start": 80, "end": 81}]}"#
    #expect(try ShapeTesting.read(late).warnings.map(\.path) == ["$.duration"])
  }

  @Test func unknownLanguageNamesAreDroppedWithAWarning() throws {
    let json =
      #"{"task": "transcribe", "language": "klingon", "words": [{"word": "Hi", "#
      + #""start": 0, "end": 1}]}"#
    let read = try ShapeTesting.read(json)
    #expect(read.languageCode == nil)
    #expect(read.warnings.map(\.path).contains("$.language"))
  }

  @Test func aResponseBodyKeptAsAStringIsParsed() throws {
    let body =
      #"{\"task\": \"transcribe\", \"text\": \"Hi, you.\", \"words\": [{\"word\": "#
      + #"\"Hi\", \"start\": 0, \"end\": 0.3}, {\"word\": \"you\", \"start\": 0.4, "#
      + #"\"end\": 0.6}]}"#
    let json =
      #"{"Entries": [{"RequestUri": "https://api.openai.com/v1/audio/transcriptions", "#
      + #""StatusCode": 200, "ResponseBody": "\#(body)"}], "Variables": {}}"#
    let read = try ShapeTesting.read(json)
    #expect(read.inputShape == .openAITranscription)
    #expect(ShapeTesting.text(read) == "Hi, you.")
  }

  @Test func anElevenLabsResponseWithATaskMemberIsATieNotAGuess() throws {
    let json =
      #"{"task": "transcribe", "language_code": "en", "words": [{"text": "Hi", "#
      + #""start": 0, "end": 0.5, "type": "word"}]}"#
    guard case .ambiguousShape(let matches)? = ShapeTesting.error(json)?.problem else {
      Issue.record("a response with both shapes' members was decided without asking")
      return
    }
    #expect(Set(matches.compactMap(\.shape)) == [.speechToText, .openAITranscription])
    let forced = try ShapeTesting.read(json, shape: .speechToText)
    #expect(ShapeTesting.texts(forced) == ["Hi"])
  }
}
