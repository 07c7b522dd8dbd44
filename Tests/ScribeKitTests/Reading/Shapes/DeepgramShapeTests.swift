import Foundation
import Testing

@testable import ScribeKit

/// Deepgram's pre-recorded responses: real ones from the shared fixtures, and hand-built
/// Japanese and two-channel responses.
@Suite("Reading: Deepgram responses")
struct DeepgramShapeTests {
  /// The timed words of every channel.
  private func timed(_ transcript: Transcript) -> [Word] {
    transcript.channels.flatMap(\.words).filter(\.isTimed)
  }

  @Test(.enabled(if: Files.sharedFixturesAvailable, Files.skipReason))
  func aDiarizedResponseReadsWithItsPunctuatedWordsAndSpeakers() throws {
    let data = try Files.shared(
      "engines/deepgram/nova2-diarize-three-speakers-utterances-paragraphs.json")
    let transcript = try ShapeTesting.read(data)
    #expect(transcript.inputShape == .deepgram)
    #expect(transcript.channels.count == 1 && transcript.channels[0].index == nil)
    let words = timed(transcript)
    #expect(words.count == 226)
    #expect(words.first?.text == "And," && words.first?.start == 3.04 && words.first?.end == 3.54)
    #expect(words.last?.text == "Copy." && words.last?.start == 162.605)
    #expect(words.last?.end == 163.105)
    // Float32 noise is rounded to the millisecond: 5.2799997 is 5.28.
    #expect(words[2].text == "Christina," && words[2].start == 5.28 && words[2].end == 5.78)
    #expect(Set(words.compactMap(\.speakerID)) == ["speaker_0", "speaker_1", "speaker_2"])
    #expect(transcript.audioDuration == 169.802)
    #expect(transcript.transcriptionID == "e4ac910d-2bd6-4e54-b656-4cb971284bad")
    #expect(ShapeTesting.text(transcript).hasPrefix("And, Jessica, Christina, we are so proud"))
    #expect(transcript.warnings.isEmpty, "\(transcript.warnings)")
    ShapeTesting.expectOnlyReadAs(.deepgram, data)
  }

  @Test(.enabled(if: Files.sharedFixturesAvailable, Files.skipReason))
  func aResponseWithoutDiarizationHasNoSpeakers() throws {
    let transcript = try ShapeTesting.read(
      Files.shared("engines/deepgram/nova2-utterances-paragraphs-no-diarize.json"))
    let words = timed(transcript)
    #expect(words.count == 62)
    #expect(words.first?.text == "Yeah." && words.first?.start == 0.08)
    #expect(words.last?.text == "today." && words.last?.end == 25.44)
    #expect(words.allSatisfy { $0.speakerID == nil })
    #expect(transcript.audioDuration == 25.933313)
    #expect(transcript.warnings.isEmpty, "\(transcript.warnings)")
  }

  @Test(.enabled(if: Files.sharedFixturesAvailable, Files.skipReason))
  func wordsWithoutAPunctuatedFormAreReadAsTheyAre() throws {
    let transcript = try ShapeTesting.read(
      Files.shared("engines/deepgram/whisper-medium-no-punctuated-word.json"))
    let words = timed(transcript)
    #expect(words.count == 59)
    #expect(words.first?.text == "yeah" && words.last?.text == "today")
    #expect(words.last?.end == 25.56)
    #expect(words.contains { $0.text == "all-female" })
    #expect(ShapeTesting.text(transcript).hasPrefix("yeah as much as it's worth"))
  }

  @Test func japaneseWordsGainNoSpaces() throws {
    let data = try Files.input("deepgram-japanese.json")
    let transcript = try ShapeTesting.read(data)
    #expect(transcript.inputShape == .deepgram)
    #expect(transcript.languageCode == "ja")
    #expect(ShapeTesting.text(transcript) == "今日は、いい天気ですね。散歩に行きましょうか？")
    #expect(!transcript.channels[0].words.contains { $0.kind == .spacing })
    let words = timed(transcript)
    #expect(words.map(\.speakerID).filter { $0 == "speaker_1" }.count == 5)
    #expect(words[1].end == 0.8 && words[8].start == 4.0)
    let srt = String(decoding: try transcript.export(.srt)[0].content, as: UTF8.self)
    #expect(srt.contains("今日は、いい天気ですね。"))
    ShapeTesting.expectOnlyReadAs(.deepgram, data)
  }

  @Test func eachOfSeveralChannelsIsAChannel() throws {
    let transcript = try ShapeTesting.read(Files.input("deepgram-multichannel.json"))
    #expect(transcript.channels.map(\.index) == [0, 1])
    #expect(
      transcript.channels.map { $0.words.map(\.text).joined() } == [
        "Thanks for calling, how can I help?", "Hi, my order never arrived.",
      ])
    #expect(transcript.channels[1].words.first?.start == 2.56)
    #expect(transcript.channels[1].words.last?.end == 4.32)
    let merged = transcript.mergedChannels().words.filter(\.isTimed)
    #expect(merged.first?.speakerID == "speaker_0" && merged.last?.speakerID == "speaker_1")
    #expect(transcript.warnings.isEmpty, "\(transcript.warnings)")
  }

  @Test func millisecondsAndMisplacedTimesAreRefusedOrWarnedAbout() throws {
    func response(_ words: [(String, Double, Double)], duration: Double = 10) -> String {
      let items = words.map { #"{"word": "\#($0.0)", "start": \#($0.1), "end": \#($0.2)}"# }
      return #"{"metadata": {"request_id": "r", "duration": \#(duration)}, "#
        + #""results": {"channels": [{"alternatives": [{"words": ["#
        + items.joined(separator: ", ") + "]}]}]}}"
    }
    // Milliseconds where seconds belong: the words would end after 40 hours.
    let milliseconds = ShapeTesting.error(
      response([("hi", 80_000, 80_400), ("there", 80_400, 160_000_000)]))
    guard case .invalidValue(let path, let reason)? = milliseconds?.problem else {
      Issue.record("milliseconds were read: \(String(describing: milliseconds))")
      return
    }
    #expect(
      path == "$.results.channels[0].alternatives[0].words" && reason.contains("milliseconds"))
    // Ten words inside a millisecond are not seconds either.
    let crowded = (0..<10).map { ("w\($0)", Double($0) * 0.00001, Double($0) * 0.00001) }
    #expect(
      ShapeTesting.error(response(crowded))?.description.contains("under a millisecond") == true)
    // Words past the audio's end get a warning.
    let late = try ShapeTesting.read(response([("late", 20, 21)], duration: 10))
    #expect(late.warnings.map(\.path) == ["$.metadata.duration"])
  }

  @Test func brokenResponsesNameThePath() {
    let noWords = #"{"results": {"channels": [{"alternatives": [{"transcript": ""}]}]}}"#
    #expect(
      ShapeTesting.error(noWords)?.description.contains(
        "$.results.channels[0].alternatives[0].words") == true)
    let textless =
      #"{"results": {"channels": [{"alternatives": [{"words": [{"start": 0, "end": 1}]}]}]}}"#
    #expect(ShapeTesting.error(textless)?.description.contains("words[0].word: missing") == true)
    let speaker =
      #"{"results": {"channels": [{"alternatives": [{"words": [{"word": "a", "start": 0, "end": 1, "speaker": "x"}]}]}]}}"#
    #expect(ShapeTesting.error(speaker)?.description.contains("words[0].speaker") == true)
  }
}
