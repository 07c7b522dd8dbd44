import Foundation
import Testing

@testable import ScribeKit

/// Text-to-speech WebSocket logs: millisecond alignments relative to each message, placed after
/// the audio received before them; the server's known faults mended without losing or doubling
/// a word.
@Suite("Reading: text-to-speech WebSocket messages")
struct TextToSpeechWebSocketShapeTests {
  private func read(_ text: String, options: ReadOptions = ReadOptions()) throws(ReadError)
    -> Transcript
  {
    try TranscriptReader(options: options).read(Data(text.utf8), source: "socket.ndjson")
  }

  private func timed(_ channel: Channel) -> [Word] { channel.words.filter(\.isTimed) }

  private func word(_ text: String, in channel: Channel) throws -> Word {
    try #require(channel.words.first { $0.text == text }, "no word \(text)")
  }

  private func near(_ a: Double, _ b: Double) -> Bool { abs(a - b) < 0.0005 }

  /// MPEG-2 layer III frames at 22 050 Hz and 32 kbit/s (`mp3_22050_32`): 104 bytes, 576
  /// samples each.
  private func mp3(frames: Int) -> String {
    let frame = [0xFF, 0xF3, 0x40, 0xC4] + [UInt8](repeating: 0, count: 100)
    return Data((0..<frames).flatMap { _ in frame }).base64EncodedString()
  }

  @Test func eachMessageBeginsWhereTheAudioBeforeItEnds() throws {
    let result = try Files.readInput("tts-websocket.ndjson")
    #expect(result.inputShape == .textToSpeechWebSocket)
    #expect(result.warnings.isEmpty)
    #expect(result.channels.count == 1 && result.channels[0].index == nil)
    let channel = result.channels[0]
    #expect(
      timed(channel).map(\.text)
        == [
          "Good", "evening,", "this", "is", "the", "harbor", "master.", "Last", "ferry", "at",
          "nine.",
        ])
    // "har" | "bor": one word, from the first message to the third. The third message begins
    // after the audio of the first two (ID3 tag skipped, frames cut across messages counted
    // where they begin), not where the first one's characters end (2.036 s).
    let harbor = try word("harbor", in: channel)
    #expect(near(harbor.start, 1.85))
    #expect(near(harbor.end, 2.7599))
    #expect(harbor.characters?.map(\.text).joined() == "harbor")
    #expect(near(try word("Last", in: channel).start, 3.6449))
  }

  @Test func aMessageSentTwiceIsReadOnceAndARestartReplacesThePartialAlignment() throws {
    // pipecat issue 4316: a partial alignment ("... la t"), then one that restarts from its
    // first character; the log also holds that second message twice.
    let result = try Files.readInput("tts-websocket-faults.ndjson")
    let channel = result.channels[0]
    #expect(
      timed(channel).map(\.text)
        == [
          "Hola,", "soy", "Maria,", "la", "talent", "manager", "de", "Orbio.", "¿Tienes", "un",
          "momento?",
        ])
    #expect(result.warnings.map(\.path) == ["$[1] (line 2)", "$[2] (line 3)"])
    #expect(result.warnings[0].message.contains("restarts from the first character of $[0]"))
    #expect(result.warnings[1].message.contains("repeats $[1] (line 2) exactly"))
    let talent = try word("talent", in: channel)
    #expect(near(talent.start, 1.498) && near(talent.end, 1.87))
    // The duplicate's audio is not counted: the last message begins after two messages' audio.
    #expect(near(try word("¿Tienes", in: channel).start, 3.3637))
  }

  @Test func aShortPhraseSaidAgainIsNotTakenForARestart() throws {
    let json = """
      {"audio": "\(mp3(frames: 10))", "alignment": {"chars": ["N", "o", ".", " "], \
      "charStartTimesMs": [0, 80, 160, 200], "charDurationsMs": [80, 80, 40, 60]}}
      {"audio": "\(mp3(frames: 20))", "alignment": {"chars": ["N", "o", ".", " ", "Y", "e", "s", "."], \
      "charStartTimesMs": [0, 80, 160, 200, 260, 320, 380, 440], \
      "charDurationsMs": [80, 80, 40, 60, 60, 60, 60, 60]}}
      """
    let result = try read(json)
    #expect(timed(result.channels[0]).map(\.text) == ["No.", "No.", "Yes."])
    #expect(result.warnings.isEmpty)
  }

  @Test func theSequentialNormalizedAlignmentReadsTheSameWords() throws {
    let result = try Files.readInput(
      "tts-websocket-faults.ndjson",
      reader: TranscriptReader(options: ReadOptions(alignment: .normalized)))
    let channel = result.channels[0]
    #expect(
      timed(channel).map(\.text).joined(separator: " ") == "Hola, soy Maria, la talent "
        + "manager de Orbio. ¿Tienes un momento?")
    #expect(result.warnings.map(\.path) == ["$[2] (line 3)"])  // only the duplicate
    let talent = try word("talent", in: channel)
    #expect(near(talent.start, 1.498) && abs(talent.end - 1.87) < 0.002)
  }

  @Test func eachContextIsAChannelAndUnmeasurableAudioIsReported() throws {
    // multi-stream-input, snake_case; the "waitlist" context's audio is μ-law.
    let result = try Files.readInput("tts-websocket-multi.ndjson")
    #expect(result.inputShape == .textToSpeechWebSocket)
    #expect(result.channels.map(\.index) == [0, 1])
    #expect(
      timed(result.channels[0]).map(\.text) == ["Your", "table", "is", "ready.", "This", "way."])
    #expect(
      timed(result.channels[1]).map(\.text) == ["Thanks", "for", "waiting.", "Almost", "there."])
    #expect(near(try word("This", in: result.channels[0]).start, 1.7491))
    // Placed where the context's previous message's last character ends.
    #expect(near(try word("Almost", in: result.channels[1]).start, 1.417))
    #expect(result.warnings.count == 1)
    #expect(result.warnings.first?.path == "$[1] (line 2)")
    #expect(result.warnings.first?.message.contains("could not be measured") == true)
    // Merged, the channels are speakers of one timeline.
    #expect(
      Set(result.mergedChannels().words.compactMap(\.speakerID)) == ["speaker_0", "speaker_1"])
  }

  @Test func oneMessageReadsAsOneChunkAndIsNotATextToSpeechResponse() throws {
    let line = try Files.input("tts-websocket.ndjson").split(separator: UInt8(ascii: "\n"))[0]
    let result = try Transcript(data: Data(line))
    #expect(result.inputShape == .textToSpeechWebSocket)
    #expect(
      timed(result.channels[0]).map(\.text) == ["Good", "evening,", "this", "is", "the", "har"])
  }

  @Test func theOlderSpellingOfDurationsIsRead() throws {
    let json = """
      {"audio": "\(mp3(frames: 10))", "isFinal": null, "alignment": {"chars": ["H", "i", " "], \
      "charStartTimesMs": [0, 90, 180], "charsDurationsMs": [90, 90, 60]}}
      {"audio": "\(mp3(frames: 5))", "isFinal": null, "alignment": {"chars": ["y", "o"], \
      "charStartTimesMs": [10, 70], "charsDurationsMs": [60, 60]}}
      {"isFinal": true}
      """
    let result = try read(json)
    let words = timed(result.channels[0])
    #expect(words.map(\.text) == ["Hi", "yo"])
    #expect(near(words[0].end, 0.18))
    #expect(near(words[1].start, 10 * 576 / 22050 + 0.01))
  }

  @Test func anErrorBesideReadableMessagesIsAWarning() throws {
    let json = """
      {"audio": "\(mp3(frames: 10))", "alignment": {"chars": ["H", "i"], \
      "charStartTimesMs": [0, 90], "charDurationsMs": [90, 90]}}
      {"message": "Input timeout exceeded", "error": "input_timeout_exceeded", "code": 1008}
      """
    let result = try read(json)
    #expect(timed(result.channels[0]).map(\.text) == ["Hi"])
    #expect(result.warnings.first?.path == "$[1] (line 2)")
    #expect(
      result.warnings.first?.message.contains("Input timeout exceeded (input_timeout_exceeded)")
        == true)
  }

  @Test func aLogWithOnlyAudioAndAnErrorIsNotATranscript() {
    let json = """
      {"audio": "\(mp3(frames: 3))", "alignment": null, "normalizedAlignment": null}
      {"message": "Quota exceeded", "error": "quota_exceeded", "code": 1008}
      """
    #expect {
      try read(json)
    } throws: { error in
      guard let error = error as? ReadError, case .notATranscript(let reason) = error.problem
      else { return false }
      return reason.contains("Quota exceeded (quota_exceeded)") && reason.contains("$[1] (line 2)")
    }
  }

  @Test func mismatchedArraysNameTheirPathAndLengths() {
    let json =
      #"{"audio": "", "alignment": {"chars": ["a", "b"], "charStartTimesMs": [0], "#
      + #""charDurationsMs": [10, 10]}}"#
    #expect {
      try read(json)
    } throws: { error in
      guard let error = error as? ReadError,
        case .invalidValue(let path, let reason) = error.problem
      else { return false }
      return path == "$[0] (line 1).alignment" && reason.contains("charStartTimesMs (1)")
    }
  }

  @Test func framesAreMeasuredFromTheirHeaders() {
    // MPEG-1 layer III, 128 kbit/s, 44.1 kHz: 417 bytes, 1152 samples.
    let frame = MP3Duration.frame([0xFF, 0xFB, 0x90, 0x64], at: 0)
    #expect(frame?.length == 417)
    #expect(frame.map { near($0.duration, 1152.0 / 44100) } == true)
    // mp3_22050_32: 104 bytes, 576 samples.
    #expect(MP3Duration.frame([0xFF, 0xF3, 0x40, 0xC4], at: 0)?.length == 104)
    // Not a header: a UTF-16 byte order mark, a reserved sample rate.
    #expect(MP3Duration.frame([0xFF, 0xFE, 0x00, 0x00], at: 0) == nil)
    #expect(MP3Duration.frame([0xFF, 0xFB, 0x9C, 0x64], at: 0) == nil)
    var pcm = MP3Duration()
    #expect(pcm.add([0, 0, 0, 0, 0, 0]) == nil)
  }

  @Test func isDetectedAsWebSocketMessagesAndNothingElse() throws {
    for name in [
      "tts-websocket.ndjson", "tts-websocket-faults.ndjson", "tts-websocket-multi.ndjson",
    ] {
      let input = ParsedInput(values: try JSONParser.parseSequence(Array(try Files.input(name))))
      let matching = InputShapes.readers.filter { $0.detect(input) != nil }.map(\.shape)
      #expect(matching == [.textToSpeechWebSocket], "\(name)")
    }
    // The HTTP stream is not taken for WebSocket messages.
    #expect(try Files.readInput("tts-stream.ndjson").inputShape == .textToSpeechStream)
  }

  @Test(arguments: [
    InputShape.textToSpeechStream, .textToSpeech, .textToDialogueStream, .speechToText,
    .alignment,
  ])
  func insistingOnAnotherShapeFailsAndSaysWhatItIs(shape: InputShape) throws {
    ShapeTesting.expectRefused(
      try Files.input("tts-websocket.ndjson"), as: shape,
      saying: "text-to-speech WebSocket messages")
  }

  @Test func insistingOnWebSocketMessagesForTheHTTPStreamFails() throws {
    let data = try Files.input("tts-stream.ndjson")
    #expect {
      try Transcript(data: data, options: ReadOptions(shape: .textToSpeechWebSocket))
    } throws: { error in
      (error as? ReadError)?.description.contains("it looks like a text-to-speech stream") == true
    }
  }
}
