import Foundation
import Testing

@testable import ScribeKit

/// openai-whisper's and faster-whisper's JSON: words with their own leading spaces, or none.
@Suite("Reading: openai-whisper and faster-whisper JSON")
struct WhisperJSONShapeTests {
  @Test(.enabled(if: Files.sharedFixturesAvailable, Files.skipReason))
  func fasterWhispersCatalanWordsKeepTheirContinuations() throws {
    let data = try Files.shared("engines/faster-whisper/catalan-word-timestamps.json")
    let read = try ShapeTesting.read(data)
    #expect(read.inputShape == .whisperJSON)
    let timed = read.channels[0].words.filter(\.isTimed)
    // 65 word items, three of them continuing the word before without a space (" L" +
    // "'esquelet"): each keeps its own time.
    #expect(timed.count == 65)
    #expect(timed.contains { $0.text == "'esquelet" })
    #expect(ShapeTesting.text(read).contains(" L'esquelet ancestral"))
    #expect(ShapeTesting.text(read).contains(" s'han "))
    #expect(ShapeTesting.text(read).contains(" impulsar-los "))
    #expect(timed.first?.text == "Igual" && timed.first?.start == 1.1799999999999993)
    #expect(timed.last?.text == "preses.")
    #expect(read.languageCode == "ca")
    #expect(timed.allSatisfy { $0.logprob != nil })
    #expect(read.warnings.isEmpty, "\(read.warnings)")
    ShapeTesting.expectOnlyReadAs(.whisperJSON, data)
  }

  @Test(.enabled(if: Files.sharedFixturesAvailable, Files.skipReason))
  func segmentsWithoutWordsAreOneItemEachWithTheirSpeakers() throws {
    let data = try Files.shared(
      "engines/faster-whisper/catalan-diarized-two-speakers-words-null.json")
    let read = try ShapeTesting.read(data)
    #expect(read.inputShape == .whisperJSON)
    let timed = read.channels[0].words.filter(\.isTimed)
    #expect(timed.count == 14)
    #expect(timed.first?.text == "Hola, bon dia, com et dius?" && timed.first?.end == 2)
    #expect(Set(timed.compactMap(\.speakerID)) == ["SPEAKER_00", "SPEAKER_01"])
    #expect(read.warnings.map(\.path) == ["$.segments"])
    ShapeTesting.expectOnlyReadAs(.whisperJSON, data)

    let cli = try Files.shared("engines/openai-whisper-cli/jfk-segments-only.json")
    let jfk = try ShapeTesting.read(cli)
    #expect(jfk.inputShape == .whisperJSON)
    #expect(ShapeTesting.texts(jfk).count == 1)
    #expect(jfk.channels[0].words.last?.end == 11)
    #expect(jfk.languageCode == "en")
    ShapeTesting.expectOnlyReadAs(.whisperJSON, cli)
  }

  @Test func speakersAndContinuationsOfTheHandBuiltFile() throws {
    let data = try Files.input("whisper-json.json")
    let read = try ShapeTesting.read(data)
    #expect(ShapeTesting.text(read) == "Bon dia. L'esquelet és fort.")
    let timed = read.channels[0].words.filter(\.isTimed)
    #expect(
      timed.map(\.speakerID) == ["SPEAKER_00", "SPEAKER_00"]
        + Array(repeating: "SPEAKER_01", count: 4))
    #expect(timed.map(\.text) == ["Bon", "dia.", "L", "'esquelet", "és", "fort."])
    #expect(timed[3].start == 2.1 && timed[3].end == 2.7)
    #expect(timed.last?.logprob == 0)
    #expect(read.warnings.isEmpty)
  }

  @Test func chineseWordsGainNoSpaces() throws {
    let json =
      #"{"segments": [{"id": 0, "seek": 0, "start": 0, "end": 1, "text": "你好世界", "#
      + #""tokens": [1], "words": [{"word": " 你好", "start": 0, "end": 0.5, "probability": 0.9}, "#
      + #"{"word": " 世界", "start": 0.5, "end": 1, "probability": 0.9}]}], "language": "zh"}"#
    #expect(ShapeTesting.text(try ShapeTesting.read(json)) == "你好世界")
  }

  @Test func segmentedJSONIsStillElevenLabs() throws {
    let data = try Files.sample("interview.segmented.json")
    #expect(try ShapeTesting.read(data).inputShape == .segmentedJSON)
  }

  /// The Whisper family's files: real and hand-built, each with the shape it must be read as.
  private static let family: [(file: String, shared: Bool, shape: InputShape)] = [
    (
      "engines/openai-whisper-api/whisper-1-verbose-json-words-and-segments.session-record.json",
      true, .openAITranscription
    ),
    ("engines/openai-whisper-cli/jfk-segments-only.json", true, .whisperJSON),
    ("engines/faster-whisper/catalan-word-timestamps.json", true, .whisperJSON),
    ("engines/faster-whisper/catalan-diarized-two-speakers-words-null.json", true, .whisperJSON),
    ("engines/whisperx/french-call-diarized-three-speakers.json", true, .whisperX),
    ("engines/whisperx/english-untimed-number-words.json", true, .whisperX),
    ("openai-verbose.json", false, .openAITranscription),
    ("openai-diarized.json", false, .openAITranscription),
    ("whisper-json.json", false, .whisperJSON), ("whisperx-diarized.json", false, .whisperX),
    ("whisper-cpp.json", false, .whisperCpp), ("whisper-cpp-segments.json", false, .whisperCpp),
  ]

  @Test(.enabled(if: Files.sharedFixturesAvailable, Files.skipReason))
  func exactlyOneShapeAndNoRecogniserMatchesEachOfTheFamilysFiles() throws {
    for (file, shared, shape) in Self.family {
      let data = try shared ? Files.shared(file) : Files.input(file)
      let input = ParsedInput(values: [(try JSONParser.parse([UInt8](data)), 1)])
      let matching = InputShapes.readers.filter { $0.detect(input) != nil }.map(\.shape)
      #expect(matching == [shape], "\(file): \(matching.map(\.name))")
      let engines = UnreadInputs.recognize(input).engines.map(\.what)
      #expect(engines.isEmpty, "\(file) is recognised as \(engines)")
      #expect(try ShapeTesting.read(data).inputShape == shape, "\(file)")
    }
  }

  @Test(.enabled(if: Files.sharedFixturesAvailable, Files.skipReason))
  func noWhisperShapeTakesAnotherEnginesFiles() throws {
    let family: [InputShape] = [.openAITranscription, .whisperJSON, .whisperCpp, .whisperX]
    let engines = Files.sharedFixtures.appendingPathComponent("engines")
    let folders = try FileManager.default.contentsOfDirectory(
      at: engines, includingPropertiesForKeys: nil)
    for folder in folders
    where !["openai-whisper-api", "openai-whisper-cli", "faster-whisper", "whisperx"]
      .contains(folder.lastPathComponent) && folder.hasDirectoryPath
    {
      let files = try FileManager.default.contentsOfDirectory(
        at: folder, includingPropertiesForKeys: nil)
      for file in files where file.pathExtension == "json" {
        let input = ParsedInput(
          values: [(try JSONParser.parse([UInt8](try Data(contentsOf: file))), 1)])
        for reader in InputShapes.readers where family.contains(reader.shape) {
          #expect(
            reader.detect(input) == nil, "\(reader.shape.name) takes \(file.lastPathComponent)")
        }
      }
    }
  }
}
