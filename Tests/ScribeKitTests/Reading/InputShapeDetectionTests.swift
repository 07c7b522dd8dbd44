import Foundation
import Testing

@testable import ScribeKit

/// Detection never reads another engine's JSON, audio or subtitles as ElevenLabs timing data,
/// and never guesses between two shapes.
@Suite("Reading: what the input is, when it is not what ScribeKit reads")
struct InputShapeDetectionTests {
  private func problem(_ text: String) -> ReadError.Problem? {
    problem(Data(text.utf8))
  }

  private func problem(_ data: Data) -> ReadError.Problem? {
    do {
      _ = try Transcript(data: data, source: "input")
      return nil
    } catch {
      return error.problem
    }
  }

  @Test func anAssemblyAITranscriptInMillisecondsIsNotReadAsSeconds() throws {
    // Once read as ElevenLabs' seconds, this gave cues at 22 hours.
    let json = """
      {"id": "5551", "status": "completed", "audio_url": "https://example.com/a.mp3",
       "words": [{"text": "Hello", "start": 80000, "end": 80400, "confidence": 0.98,
                  "speaker": "A"}]}
      """
    let transcript = try Transcript(data: Data(json.utf8))
    #expect(transcript.inputShape == .assemblyAI)
    #expect(transcript.channels[0].words.first?.start == 80)
    #expect(transcript.channels[0].words.first?.end == 80.4)
  }

  @Test func aForcedAlignmentResponseIsReadWithItsSpacesAndLoss() throws {
    // Its words have no spacing items: read as speech to text, they ran together
    // ("didtheferry..."); the spacing comes from its characters, the uploaded script.
    let json = """
      {"characters": [{"text": "d", "start": 0.0, "end": 0.1}, {"text": "i", "start": 0.1,
        "end": 0.15}, {"text": "d", "start": 0.15, "end": 0.2}, {"text": " ", "start": 0.2,
        "end": 0.3}, {"text": "t", "start": 0.3, "end": 0.33}, {"text": "h", "start": 0.33,
        "end": 0.36}, {"text": "e", "start": 0.36, "end": 0.4}],
       "words": [{"text": "did", "start": 0.0, "end": 0.2, "loss": 0.4},
                 {"text": "the", "start": 0.3, "end": 0.4, "loss": 0.1}],
       "loss": 0.25}
      """
    let transcript = try Transcript(data: Data(json.utf8))
    #expect(transcript.inputShape == .forcedAlignment)
    let items = transcript.channels[0].words
    #expect(items.map(\.text).joined() == "did the")
    #expect(items.filter(\.isTimed).map(\.loss) == [0.4, 0.1])
    let srt = String(decoding: try transcript.export(.srt)[0].content, as: UTF8.self)
    #expect(srt.contains("did the"))
  }

  @Test func forcedAlignmentWithoutCharactersSpacesLatinWordsButNotJapanese() throws {
    func alignment(_ first: String, _ second: String) -> Data {
      Data(
        (#"{"words": [{"text": "\#(first)", "start": 0, "end": 0.1, "loss": 0.1}, "#
          + #"{"text": "\#(second)", "start": 0.2, "end": 0.3, "loss": 0.1}], "loss": 0.1}"#)
          .utf8)
    }
    let latin = alignment("a", "b")
    #expect(try Transcript(data: latin).channels[0].words.map(\.text).joined() == "a b")
    let japanese = alignment("今日", "は")
    #expect(try Transcript(data: japanese).channels[0].words.map(\.text).joined() == "今日は")
  }

  @Test func anElevenLabsResponseWithoutEveryOptionalMemberStillReads() throws {
    let json = #"{"words": [{"text": "Hi", "start": 0, "end": 0.5}]}"#
    let transcript = try Transcript(data: Data(json.utf8))
    #expect(transcript.inputShape == .speechToText)
  }

  /// Engines ScribeKit does not read are named, never read as ElevenLabs' seconds.
  @Test func enginesNotReadYetAreNamed() throws {
    let watson = #"""
      {"result_index": 0, "results": [{"final": true, "alternatives": [
        {"transcript": "hello there", "timestamps": [["hello", 0.1, 0.5], ["there", 0.6, 0.9]]}]}]}
      """#
    guard case .unreadInput(let what, _) = problem(watson) else {
      Issue.record("an IBM Watson result was not named")
      return
    }
    #expect(what.contains("IBM Watson"))
    let vosk =
      #"{"result": [{"conf": 1.0, "start": 0.1, "end": 0.5, "word": "hello"}], "text": "hello"}"#
    guard case .unreadInput(let named, _) = problem(vosk) else {
      Issue.record("a Vosk result was not named")
      return
    }
    #expect(named.contains("Vosk"))
  }

  @Test(.enabled(if: Files.sharedFixturesAvailable, Files.skipReason))
  func everyEngineFixtureOfAReadEngineIsReadAsItsShapeAndNoOther() throws {
    let expected: [String: InputShape] = [
      "assemblyai": .assemblyAI, "deepgram": .deepgram, "revai": .revAI,
      "speechmatics": .speechmatics, "aws-transcribe": .awsTranscribe,
      "google-stt": .googleSpeech, "azure-speech": .azureSpeech,
      "openai-whisper-api": .openAITranscription, "openai-whisper-cli": .whisperJSON,
      "faster-whisper": .whisperJSON, "whisperx": .whisperX,
    ]
    let engines = Files.sharedFixtures.appendingPathComponent("engines")
    // Every engine of the shared fixtures is read.
    let folders = try FileManager.default.contentsOfDirectory(atPath: engines.path)
      .filter { !$0.hasSuffix(".md") }
    #expect(Set(folders) == Set(expected.keys))
    for (folder, shape) in expected {
      let files = try FileManager.default.contentsOfDirectory(
        at: engines.appendingPathComponent(folder), includingPropertiesForKeys: nil)
      for file in files where file.pathExtension == "json" {
        let data = try Data(contentsOf: file)
        let read = try Transcript(data: data, source: file.lastPathComponent)
        #expect(read.inputShape == shape, "\(folder)/\(file.lastPathComponent)")
        let input = ParsedInput(values: try JSONParser.parseSequence([UInt8](data)))
        #expect(
          UnreadInputs.recognize(input).engines.isEmpty,
          "a recogniser claims \(folder)/\(file.lastPathComponent)")
        // Other engines' shapes and ElevenLabs' never claim it, except the shape it refines.
        let others = InputShapes.readers.filter {
          $0.shape != shape && $0.shape != InputShapes.reader(for: shape)?.refines
            && $0.detect(input) != nil
        }
        #expect(others.isEmpty, "\(others.map(\.shape)) on \(folder)/\(file.lastPathComponent)")
      }
    }
  }

  @Test(
    arguments: [
      ([0x52, 0x49, 0x46, 0x46, 0, 0, 0, 0, 0x57, 0x41, 0x56, 0x45], "WAV"),
      ([0x49, 0x44, 0x33, 3, 0, 0], "MP3"), ([0xFF, 0xFB, 0x90, 0x44], "MP3"),
      ([0x66, 0x4C, 0x61, 0x43, 0, 0], "FLAC"), ([0x4F, 0x67, 0x67, 0x53, 0, 2], "Ogg"),
      ([0, 0, 0, 0x20, 0x66, 0x74, 0x79, 0x70, 0x4D, 0x34, 0x41], "MP4"),
    ] as [([UInt8], String)])
  func audioIsNamedAsAudio(bytes: [UInt8], kind: String) {
    guard case .notTimingData(.audio(let found)) = problem(Data(bytes)) else {
      Issue.record("\(kind) was not recognised as audio")
      return
    }
    #expect(found.contains(kind))
  }

  @Test func subtitleFilesAreNamedAsSubtitles() {
    let srt = "1\n00:00:01,000 --> 00:00:02,000\nHello\n"
    guard case .notTimingData(.subtitles(let kind)) = problem(srt) else {
      Issue.record("an SRT file was not recognised")
      return
    }
    #expect(kind.contains("SRT"))
    guard
      case .notTimingData(.subtitles(let vtt)) = problem("WEBVTT\n\n00:01.000 --> 00:02.000\nHi")
    else {
      Issue.record("a WebVTT file was not recognised")
      return
    }
    #expect(vtt.contains("WebVTT"))
  }

  @Test func aUTF16ByteOrderMarkIsNotTakenForMP3() throws {
    let json = #"{"words": [{"text": "Hi", "start": 0, "end": 0.5, "type": "word"}]}"#
    var data = Data([0xFF, 0xFE])
    for unit in json.utf16 { data.append(contentsOf: [UInt8(unit & 0xFF), UInt8(unit >> 8)]) }
    #expect(try Transcript(data: data).inputShape == .speechToText)
  }

  @Test func twoShapesEquallyLikelyAreNotGuessedBetween() {
    // As much of a speech-to-text response (words, their type, a language) as of segmented
    // JSON (segments, their text and words).
    let json = """
      {"words": [{"text": "a", "start": 0, "end": 1, "type": "word"}], "language_code": "en",
       "segments": [{"text": "a", "words": [{"text": "a", "start": 0, "end": 1}]}]}
      """
    guard case .ambiguousShape(let matches) = problem(json) else {
      Issue.record("an ambiguous input was read")
      return
    }
    #expect(Set(matches.compactMap(\.shape?.name)) == ["stt", "segmented-json"])
    // Naming the shape settles it.
    let forced = try? Transcript(
      data: Data(json.utf8), options: ReadOptions(shape: .segmentedJSON))
    #expect(forced?.inputShape == .segmentedJSON)
  }

  @Test func insistingOnAShapeTheInputDoesNotHaveSaysWhatItIs() throws {
    let data = try Files.input("multichannel.json")
    #expect(throws: ReadError.self) {
      try Transcript(data: data, options: ReadOptions(shape: .textToSpeech))
    }
    do {
      _ = try Transcript(data: data, options: ReadOptions(shape: .textToSpeech))
    } catch {
      #expect(error.description.contains("it looks like a multichannel speech-to-text response"))
    }
  }

  @Test func anUnknownObjectListsEveryShapeFromTheRegistry() {
    guard case .unrecognizedShape(_, let keys) = problem(#"{"hello": 1}"#) else {
      Issue.record("an unknown object was read")
      return
    }
    #expect(keys == ["hello"])
    let description = ReadError(problem: .unrecognizedShape(path: "$", keys: keys)).description
    for shape in InputShape.all { #expect(description.contains("(\(shape.name))")) }
  }

  @Test func oneForeignMemberBesideAnElevenLabsResponseIsATieNotAVerdict() throws {
    // The API adds fields over time; one that another engine also uses is not enough to
    // refuse the response, nor to read it without asking.
    let json = """
      {"language_code": "en", "result_index": 0,
       "words": [{"text": "Hi", "start": 0, "end": 0.5, "type": "word"}]}
      """
    guard case .ambiguousShape(let matches) = problem(json) else {
      Issue.record("a response with one foreign member was decided without asking")
      return
    }
    #expect(matches.compactMap(\.shape) == [.speechToText])
    #expect(matches.contains { $0.shape == nil && $0.summary.contains("IBM Watson") })
    let forced = try Transcript(data: Data(json.utf8), options: ReadOptions(shape: .speechToText))
    #expect(forced.channels[0].words.map(\.text) == ["Hi"])
  }

  @Test func insistingOnAShapeNeverReadsAnotherEnginesJSON() {
    let json = """
      {"audio_url": "https://example.com/a.mp3",
       "words": [{"text": "Hello", "start": 80000, "end": 80400, "confidence": 0.98}]}
      """
    #expect {
      try Transcript(data: Data(json.utf8), options: ReadOptions(shape: .speechToText))
    } throws: { error in
      guard let error = error as? ReadError, case .shapeMismatch = error.problem else {
        return false
      }
      return error.description.contains("AssemblyAI")
    }
  }

  @Test func severalDocumentsAreReadOnlyAsAStream() throws {
    let two =
      #"{"words": [{"text": "one", "start": 0, "end": 1}]}"#
      + "\n" + #"{"words": [{"text": "two", "start": 1, "end": 2}]}"#
    for shape in [InputShape.speechToText, .segmentedJSON, .textToSpeech] {
      #expect(throws: ReadError.self, "\(shape) read one of two documents") {
        try Transcript(data: Data(two.utf8), options: ReadOptions(shape: shape))
      }
    }
    // A one-chunk stream is a with-timestamps response, and reads as a stream when asked.
    let chunk = try Files.input("tts-stream.ndjson").split(separator: UInt8(ascii: "\n"))[0]
    let asStream = try Transcript(
      data: Data(chunk), options: ReadOptions(shape: .textToSpeechStream))
    #expect(asStream.inputShape == .textToSpeechStream)
    #expect(try Transcript(data: Data(chunk)).inputShape == .textToSpeech)
  }

  @Test func subtitlesBehindAByteOrderMarkOrBlankLinesAreNamed() {
    var srt = Data([0xEF, 0xBB, 0xBF])
    srt.append(contentsOf: Array("1\n00:00:01,000 --> 00:00:02,000\nHi\n".utf8))
    guard case .notTimingData(.subtitles) = problem(srt) else {
      Issue.record("an SRT file with a byte order mark was not recognised")
      return
    }
    guard case .notTimingData(.subtitles) = problem(" \nWEBVTT\n\n00:01.000 --> 00:02.000\nHi")
    else {
      Issue.record("a WebVTT file after a blank line was not recognised")
      return
    }
  }

  @Test func aHistoryItemReadsLikeTheSpeechItAligns() throws {
    let history = try Transcript(data: Files.input("history-item.json"))
    #expect(history.inputShape == .historyItem)
    let speech = try Transcript(data: Files.sample("speech-with-timestamps.json"))
    #expect(history.channels == speech.channels)
    let normalized = try Transcript(
      data: Files.input("history-item.json"), options: ReadOptions(alignment: .normalized))
    let timed = normalized.channels[0].words.filter(\.isTimed)
    #expect(!timed.isEmpty)
  }

  @Test func theRealtimeDubbingAndMusicShapesClaimOnlyTheirOwnInputs() throws {
    let own: [String: InputShape] = [
      "realtime-session.ndjson": .realtimeSpeechToText,
      "dubbing-transcript.json": .dubbingTranscript,
      "music-detailed.json": .musicTimestamps,
    ]
    let inputs = try FileManager.default.contentsOfDirectory(
      at: Files.packageRoot.appendingPathComponent("Tests/ScribeKitTests/Inputs"),
      includingPropertiesForKeys: nil)
    let samples = ["interview.json", "interview.segmented.json", "speech-with-timestamps.json"]
      .map { Files.packageRoot.appendingPathComponent("Samples/\($0)") }
    for file in inputs + samples where ["json", "ndjson"].contains(file.pathExtension) {
      let values = try JSONParser.parseSequence([UInt8](Data(contentsOf: file)))
      guard !values.isEmpty else { continue }
      let input = ParsedInput(values: values)
      for shape in [InputShape.realtimeSpeechToText, .dubbingTranscript, .musicTimestamps] {
        let evidence = InputShapes.reader(for: shape)?.detect(input)
        let isOwn = own[file.lastPathComponent] == shape
        #expect((evidence != nil) == isOwn, "\(shape) on \(file.lastPathComponent)")
      }
    }
  }

  @Test func theEngineShapesClaimOnlyTheirOwnInputs() throws {
    let own: [String: InputShape] = [
      "deepgram-japanese.json": .deepgram, "deepgram-multichannel.json": .deepgram,
      "assemblyai-multichannel.json": .assemblyAI, "revai-two-speakers.json": .revAI,
      "speechmatics-diarized.json": .speechmatics,
      "speechmatics-channels-japanese.json": .speechmatics,
    ]
    let inputs = try FileManager.default.contentsOfDirectory(
      at: Files.packageRoot.appendingPathComponent("Tests/ScribeKitTests/Inputs"),
      includingPropertiesForKeys: nil)
    let samples = ["interview.json", "interview.segmented.json", "speech-with-timestamps.json"]
      .map { Files.packageRoot.appendingPathComponent("Samples/\($0)") }
    let engines: [InputShape] = [.deepgram, .assemblyAI, .revAI, .speechmatics]
    for file in inputs + samples where ["json", "ndjson"].contains(file.pathExtension) {
      let values = try JSONParser.parseSequence([UInt8](Data(contentsOf: file)))
      guard !values.isEmpty else { continue }
      let input = ParsedInput(values: values)
      for shape in engines {
        let evidence = InputShapes.reader(for: shape)?.detect(input)
        let isOwn = own[file.lastPathComponent] == shape
        #expect((evidence != nil) == isOwn, "\(shape) on \(file.lastPathComponent)")
      }
      if let shape = own[file.lastPathComponent] {
        #expect(try InputShapes.detect(input).shape == shape, "\(file.lastPathComponent)")
        #expect(UnreadInputs.recognize(input).engines.isEmpty, "\(file.lastPathComponent)")
      }
    }
  }
}
