import Foundation
import Testing

@testable import ScribeKit

/// Text-to-dialogue `/with-timestamps` responses: voices become speakers, detection prefers
/// the dialogue over the text-to-speech response whose members it has.
@Suite("Reading: text-to-dialogue responses")
struct TextToDialogueShapeTests {
  private func read(_ json: String, options: ReadOptions = ReadOptions()) throws(ReadError)
    -> Transcript
  {
    try TranscriptReader(options: options).read(Data(json.utf8), source: "dialogue.json")
  }

  private func timed(_ transcript: Transcript) -> [Word] {
    transcript.channels[0].words.filter(\.isTimed)
  }

  /// A response with `characters` spoken by voices `segments` (`voice_id`, start, end), one
  /// character every 0.1 s; the normalized alignment is the same or null.
  private func response(
    _ text: String, _ segments: [(String, Int, Int)], normalized: Bool = false
  ) -> String {
    let characters = text.map { "\"\($0)\"" }.joined(separator: ", ")
    let starts = text.indices.map { "\(Double(text.distance(from: text.startIndex, to: $0)) / 10)" }
    let ends = text.indices.map {
      "\(Double(text.distance(from: text.startIndex, to: $0) + 1) / 10)"
    }
    let voiceSegments = segments.enumerated().map { index, segment in
      #"{"voice_id": "\#(segment.0)", "start_time_seconds": \#(Double(segment.1) / 10), "#
        + #""end_time_seconds": \#(Double(segment.2) / 10), "character_start_index": \#(segment.1), "#
        + #""character_end_index": \#(segment.2), "dialogue_input_index": \#(index)}"#
    }
    let alignment =
      #"{"characters": [\#(characters)], "#
      + #""character_start_times_seconds": [\#(starts.joined(separator: ", "))], "#
      + #""character_end_times_seconds": [\#(ends.joined(separator: ", "))]}"#
    return #"{"audio_base64": "AAAA", "alignment": \#(alignment), "#
      + #""normalized_alignment": \#(normalized ? alignment : "null"), "#
      + #""voice_segments": [\#(voiceSegments.joined(separator: ", "))]}"#
  }

  @Test func eachVoiceIsASpeakerNumberedByFirstAppearance() throws {
    let result = try Files.readInput("dialogue.json")
    #expect(result.inputShape == .textToDialogue)
    #expect(result.warnings.isEmpty)
    let words = timed(result)
    #expect(
      words.map(\.text).joined(separator: " ")
        == "Did the ferry leave on time? It left at 9:40, twenty minutes late. "
        + "Then we missed the last bus.")
    #expect(
      words.map(\.speakerID) == [String?](repeating: "speaker_0", count: 6)
        + [String?](repeating: "speaker_1", count: 7) + [String?](repeating: "speaker_0", count: 6))
    // Spacing items need no speaker.
    #expect(result.channels[0].words.filter { !$0.isTimed }.allSatisfy { $0.speakerID == nil })
    #expect(words[0].start == 0 && words[6].text == "It" && words[6].start == 2.404)
    #expect(words.last?.end == 7.386)
    #expect(result.channels.count == 1 && result.channels[0].index == nil)
  }

  @Test func speakerNamesApplyToTheVoices() throws {
    let transcript = try Files.readInput("dialogue.json")
    let settings = ExportSettings(speakerNames: ["speaker_0": "George", "speaker_1": "Aria"])
    let text = String(
      decoding: try transcript.export(.txt, settings: settings)[0].content, as: UTF8.self)
    let george = try #require(text.range(of: "George"))
    let aria = try #require(text.range(of: "Aria"))
    let ferry = try #require(text.range(of: "Did the ferry"))
    let late = try #require(text.range(of: "It left at 9:40"))
    #expect(george.lowerBound < ferry.lowerBound && ferry.lowerBound < aria.lowerBound)
    #expect(aria.lowerBound < late.lowerBound)
    #expect(!text.contains("speaker_"))
  }

  @Test func theVoiceFirstSeenIsSpeakerZeroWhateverItsID() throws {
    let json = response("Hi. Yes.", [("zzzVoice", 0, 4), ("aaaVoice", 4, 8)])
    let words = timed(try read(json))
    #expect(words.map(\.speakerID) == ["speaker_0", "speaker_1"])
    #expect(words.map(\.text) == ["Hi.", "Yes."])
  }

  @Test func aWordAcrossTwoSegmentsTakesTheVoiceOfItsFirstCharacter() throws {
    // "there" starts in the first voice's segment and ends in the second's.
    let json = response("Hi there now", [("voiceA", 0, 5), ("voiceB", 5, 12)])
    let words = timed(try read(json))
    #expect(words.map(\.text) == ["Hi", "there", "now"])
    #expect(words.map(\.speakerID) == ["speaker_0", "speaker_0", "speaker_1"])
  }

  @Test func wordsOutsideEverySegmentHaveNoSpeakerAndAreReported() throws {
    let result = try read(response("Hi there now", [("voiceA", 0, 3)]))
    let words = timed(result)
    #expect(words.map(\.speakerID) == ["speaker_0", nil, nil])
    #expect(result.warnings.count == 1)
    #expect(
      result.warnings.first?.message.contains("2 word(s) lie outside every voice segment") == true)
    #expect(result.warnings.first?.path == "$.alignment.characters[3]")
  }

  @Test func theNormalizedAlignmentIsNotGivenSpeakersItsIndicesDoNotCount() throws {
    // "9:40" is "nine forty" in the normalized alignment: the segments' indices, which count
    // the original characters, would give the last words to the wrong voice.
    let result = try Files.readInput(
      "dialogue.json", reader: TranscriptReader(options: ReadOptions(alignment: .normalized)))
    let words = timed(result)
    #expect(words.map(\.text).contains("nine"))
    #expect(words.allSatisfy { $0.speakerID == nil })
    #expect(result.warnings.count == 1)
    #expect(result.warnings.first?.path == "$")
    #expect(result.warnings.first?.message.contains("left without a speaker") == true)
  }

  @Test func theNormalizedAlignmentKeepsSpeakersWhenItsCharactersMatch() throws {
    let json = response("Hi. Yes.", [("voiceA", 0, 4), ("voiceB", 4, 8)], normalized: true)
    let words = timed(try read(json, options: ReadOptions(alignment: .normalized)))
    #expect(words.map(\.speakerID) == ["speaker_0", "speaker_1"])
  }

  @Test func stalledSegmentTimesAreReportedAndTheWordsKeptInOrder() throws {
    // elevenlabs-python issue 707: past about a minute, segments (and their characters) stop
    // moving on while their character indices still advance.
    let json = """
      {"audio_base64": "AAAA",
       "alignment": {"characters": ["O", "k", ".", " ", "N", "o", "."],
        "character_start_times_seconds": [61.2, 61.3, 61.4, 61.5, 61.5, 61.5, 61.5],
        "character_end_times_seconds": [61.3, 61.4, 61.5, 61.5, 61.5, 61.5, 61.5]},
       "voice_segments": [
        {"voice_id": "a", "start_time_seconds": 61.2, "end_time_seconds": 61.5,
         "character_start_index": 0, "character_end_index": 4, "dialogue_input_index": 0},
        {"voice_id": "b", "start_time_seconds": 61.5, "end_time_seconds": 61.5,
         "character_start_index": 4, "character_end_index": 7, "dialogue_input_index": 1}]}
      """
    let result = try read(json)
    #expect(timed(result).map(\.text) == ["Ok.", "No."])
    #expect(timed(result).map(\.speakerID) == ["speaker_0", "speaker_1"])
    #expect(result.warnings.count == 1)
    #expect(result.warnings.first?.path == "$.voice_segments[1]")
    #expect(result.warnings.first?.message.contains("do not move on past 61.5 s") == true)
  }

  @Test func aSegmentBeyondTheAlignmentIsRejectedWithItsPath() {
    let json = response("Hi there", [("voiceA", 0, 3), ("voiceB", 3, 12)])
    #expect {
      try read(json)
    } throws: { error in
      guard let error = error as? ReadError,
        case .invalidValue(let path, let reason) = error.problem
      else { return false }
      return path == "$.voice_segments[1].character_end_index" && reason.contains("at most 8")
        && reason.contains("found 12")
    }
  }

  @Test func aSegmentWithoutItsVoiceIsRejectedWithItsPath() {
    let json = response("Hi", [("voiceA", 0, 2)])
      .replacingOccurrences(of: #""voice_id": "voiceA", "#, with: "")
    #expect {
      try read(json)
    } throws: { error in
      guard let error = error as? ReadError, case .missingField(let path, _) = error.problem
      else { return false }
      return path == "$.voice_segments[0].voice_id"
    }
  }

  @Test func isDetectedAsADialogueAndNotAsTextToSpeech() throws {
    let data = try Files.input("dialogue.json")
    let input = ParsedInput(values: try JSONParser.parseSequence(Array(data)))
    #expect(TextToSpeechShape().detect(input) != nil)  // it has every member of one
    #expect(try InputShapes.detect(input).shape == .textToDialogue)
    let matching = InputShapes.readers.filter { $0.detect(input) != nil }.map(\.shape)
    #expect(Set(matching) == Set([InputShape.textToDialogue, .textToSpeech]))
    // Without voice segments it is a text-to-speech response again.
    let speech = try Transcript(data: Files.sample("speech-with-timestamps.json"))
    #expect(speech.inputShape == .textToSpeech)
  }

  @Test(arguments: [
    InputShape.speechToText, .alignment, .historyItem, .textToSpeechWebSocket, .forcedAlignment,
    .segmentedJSON,
  ])
  func insistingOnAnotherShapeFailsAndSaysWhatItIs(shape: InputShape) throws {
    ShapeTesting.expectRefused(
      try Files.input("dialogue.json"), as: shape, saying: "a text-to-dialogue")
  }

  @Test func insistingOnADialogueForPlainSpeechFails() throws {
    let data = try Files.sample("speech-with-timestamps.json")
    #expect {
      try Transcript(data: data, options: ReadOptions(shape: .textToDialogue))
    } throws: { error in
      (error as? ReadError)?.description.contains(
        "is not a text-to-dialogue with-timestamps response: it looks like a text-to-speech")
        == true
    }
  }
}
