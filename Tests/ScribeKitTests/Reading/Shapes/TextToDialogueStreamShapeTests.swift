import Foundation
import Testing

@testable import ScribeKit

/// Text-to-dialogue `/stream/with-timestamps` bodies: chunks merged on one timeline with their
/// voices as speakers, and the server fault that stalls times after about a minute.
@Suite("Reading: text-to-dialogue streams")
struct TextToDialogueStreamShapeTests {
  private func timed(_ transcript: Transcript) -> [Word] {
    transcript.channels[0].words.filter(\.isTimed)
  }

  private func read(_ text: String, options: ReadOptions = ReadOptions()) throws(ReadError)
    -> Transcript
  {
    try TranscriptReader(options: options).read(Data(text.utf8), source: "stream.ndjson")
  }

  /// One chunk of `text` from `start` seconds, a character every 0.1 s, with `segments`
  /// (`voice_id`, start index, end index).
  private func chunk(_ text: String, from start: Double, _ segments: [(String, Int, Int)])
    -> String
  {
    let characters = text.map { "\"\($0)\"" }.joined(separator: ", ")
    let starts = (0..<text.count).map { "\(start + Double($0) / 10)" }
    let ends = (0..<text.count).map { "\(start + Double($0 + 1) / 10)" }
    let voiceSegments = segments.map { segment in
      #"{"voice_id": "\#(segment.0)", "start_time_seconds": 0, "end_time_seconds": 0, "#
        + #""character_start_index": \#(segment.1), "character_end_index": \#(segment.2), "#
        + #""dialogue_input_index": 0}"#
    }
    return #"{"audio_base64": "AAAA", "alignment": {"characters": [\#(characters)], "#
      + #""character_start_times_seconds": [\#(starts.joined(separator: ", "))], "#
      + #""character_end_times_seconds": [\#(ends.joined(separator: ", "))]}, "#
      + #""normalized_alignment": null, "voice_segments": [\#(voiceSegments.joined(separator: ", "))]}"#
  }

  @Test func readsLikeTheResponseItStreams() throws {
    let stream = try Files.readInput("dialogue-stream.ndjson")
    #expect(stream.inputShape == .textToDialogueStream)
    #expect(stream.warnings.isEmpty)
    // "fer" | "ry" across two chunks, an audio-only chunk between: the same words, times and
    // speakers as the whole response.
    let response = try Files.readInput("dialogue.json")
    #expect(timed(stream).map(\.text) == timed(response).map(\.text))
    #expect(timed(stream).map(\.speakerID) == timed(response).map(\.speakerID))
    #expect(timed(stream).map(\.start) == timed(response).map(\.start))
    #expect(timed(stream).map(\.end) == timed(response).map(\.end))
    #expect(timed(stream).contains { $0.text == "ferry" && $0.speakerID == "speaker_0" })
  }

  @Test func onlyTheChunkWhoseNormalizedCharactersDifferLosesItsSpeakers() throws {
    // The third line's chunk spells "9:40" out in its normalized alignment.
    let result = try Files.readInput(
      "dialogue-stream.ndjson",
      reader: TranscriptReader(options: ReadOptions(alignment: .normalized)))
    let words = timed(result)
    func speaker(_ text: String) -> String?? { words.first { $0.text == text }.map(\.speakerID) }
    #expect(speaker("Did") == "speaker_0")
    #expect(speaker("ferry") == "speaker_0")  // begins in the first chunk
    #expect(speaker("nine") == .some(nil))
    #expect(speaker("minutes") == .some(nil))  // begins in that chunk
    #expect(speaker("bus.") == "speaker_0")
    #expect(result.warnings.count == 1)
    #expect(result.warnings.first?.path == "$[2] (line 3)")
  }

  @Test func stalledTimesAfterAMinuteAreReportedAndTheWordsKeptInTextOrder() throws {
    // elevenlabs-python issue 707: past about a minute the server repeats one time for every
    // character while the text goes on.
    let result = try Files.readInput("dialogue-stream-collapsed.ndjson")
    #expect(result.inputShape == .textToDialogueStream)
    let stalls = result.warnings.filter { $0.message.contains("do not move on") }
    #expect(stalls.count == 1)
    #expect(stalls.first?.path == "$[14] (line 15)")
    #expect(stalls.first?.message.contains("and the 3 after it") == true)
    #expect(stalls.first?.message.contains("60.708") == true)
    let words = timed(result)
    // Nothing dropped, doubled or reordered: the script, word for word.
    #expect(words.first?.text == "Welcome" && words.last?.text == "water.")
    #expect(words.count == 196)
    let text = words.map(\.text).joined(separator: " ")
    #expect(text.contains("every passenger should know before they board? Check the weather,"))
    let stalled = try #require(words.firstIndex { $0.text == "know" })
    #expect(words[stalled...].allSatisfy { $0.start == 60.708 && $0.end == 60.708 })
    #expect(words[..<stalled].allSatisfy { $0.end <= 60.708 })
    #expect(words.last?.speakerID == "speaker_1")
    #expect(words.first { $0.text == "Last" }?.speakerID == "speaker_0")
  }

  @Test func chunkTimesThatGoBackAreReportedNotOffset() throws {
    let text = [
      chunk("Hi there. ", from: 0, [("voiceA", 0, 10)]),
      chunk("Hello. ", from: 0.5, [("voiceB", 0, 7)]),
    ].joined(separator: "\n")
    let result = try read(text)
    let words = timed(result)
    #expect(words.map(\.text) == ["Hi", "there.", "Hello."])
    #expect(words[2].start == 0.5)  // as sent: not moved after the first chunk
    #expect(result.warnings.first?.path == "$[1] (line 2)")
    #expect(result.warnings.first?.message.contains("do not move on: 0.5–") == true)
  }

  @Test func indicesCountingTheWholeStreamAreReadWithAWarning() throws {
    // The second chunk's segment counts from the first chunk's first character.
    let text = [
      chunk("Hi. ", from: 0, [("voiceA", 0, 4)]),
      chunk("Yes. ", from: 0.4, [("voiceB", 4, 9)]),
    ].joined(separator: "\n")
    let result = try read(text)
    #expect(timed(result).map(\.speakerID) == ["speaker_0", "speaker_1"])
    #expect(result.warnings.count == 1)
    #expect(result.warnings.first?.path == "$[1] (line 2).voice_segments[0]")
    #expect(result.warnings.first?.message.contains("whole stream") == true)
  }

  @Test func indicesBeyondEveryCountAreRejected() {
    let text = [
      chunk("Hi. ", from: 0, [("voiceA", 0, 4)]),
      chunk("Yes. ", from: 0.4, [("voiceB", 4, 12)]),
    ].joined(separator: "\n")
    #expect {
      try read(text)
    } throws: { error in
      guard let error = error as? ReadError, case .invalidValue(let path, _) = error.problem
      else { return false }
      return path == "$[1] (line 2).voice_segments[0].character_end_index"
    }
  }

  @Test func isDetectedAsADialogueStreamAndNotAsATextToSpeechStream() throws {
    let data = try Files.input("dialogue-stream.ndjson")
    let input = ParsedInput(values: try JSONParser.parseSequence(Array(data)))
    let matching = InputShapes.readers.filter { $0.detect(input) != nil }.map(\.shape)
    #expect(Set(matching) == Set([InputShape.textToDialogueStream, .textToSpeechStream]))
    #expect(try InputShapes.detect(input).shape == .textToDialogueStream)
    #expect(try Files.readInput("tts-stream.ndjson").inputShape == .textToSpeechStream)
  }

  @Test(arguments: [
    InputShape.speechToText, .textToSpeech, .textToDialogue, .textToSpeechWebSocket, .alignment,
  ])
  func insistingOnAnotherShapeFailsAndSaysWhatItIs(shape: InputShape) throws {
    ShapeTesting.expectRefused(
      try Files.input("dialogue-stream.ndjson"), as: shape, saying: "a text-to-dialogue stream")
  }

  @Test func insistingOnADialogueStreamForASpeechStreamFails() throws {
    let data = try Files.input("tts-stream.ndjson")
    #expect {
      try Transcript(data: data, options: ReadOptions(shape: .textToDialogueStream))
    } throws: { error in
      (error as? ReadError)?.description.contains(
        "is not a text-to-dialogue stream of JSON chunks: it looks like a text-to-speech stream")
        == true
    }
  }

  @Test func oneChunkIsADialogueResponseAndReadsAsAStreamWhenAsked() throws {
    let line = try Files.input("dialogue-stream.ndjson").split(separator: UInt8(ascii: "\n"))[0]
    #expect(try Transcript(data: Data(line)).inputShape == .textToDialogue)
    let asStream = try Transcript(
      data: Data(line), options: ReadOptions(shape: .textToDialogueStream))
    #expect(asStream.inputShape == .textToDialogueStream)
    #expect(timed(asStream).map(\.text) == ["Did", "the", "fer"])
  }
}
