import Foundation
import Testing

@testable import ScribeKit

/// Every shape in the registry: a sample of it is detected as it, reads the same when forced,
/// and is named and described for people. A shape added to the registry fails here until it has
/// a sample in ``samples``.
@Suite("Reading: conformance of every registered input shape")
struct InputShapeConformanceTests {
  /// A committed input of each shape, by its path from the package's root.
  static let samples: [String: String] = [
    "stt": "Samples/interview.json",
    "stt-multichannel": "Tests/ScribeKitTests/Inputs/multichannel.json",
    "webhook": "Tests/ScribeKitTests/Inputs/webhook.json",
    "tts": "Samples/speech-with-timestamps.json",
    "alignment": "Tests/ScribeKitTests/Inputs/alignment.json",
    "tts-stream": "Tests/ScribeKitTests/Inputs/tts-stream.ndjson",
    "segmented-json": "Samples/interview.segmented.json",
    "forced-alignment": "Tests/ScribeKitTests/Inputs/forced-alignment.json",
    "history": "Tests/ScribeKitTests/Inputs/history-item.json",
    "stt-realtime": "Tests/ScribeKitTests/Inputs/realtime-session.ndjson",
    "dubbing": "Tests/ScribeKitTests/Inputs/dubbing-transcript.json",
    "music": "Tests/ScribeKitTests/Inputs/music-detailed.json",
    "dialogue": "Tests/ScribeKitTests/Inputs/dialogue.json",
    "dialogue-stream": "Tests/ScribeKitTests/Inputs/dialogue-stream.ndjson",
    "tts-websocket": "Tests/ScribeKitTests/Inputs/tts-websocket.ndjson",
    "aws-transcribe": "Tests/ScribeKitTests/Inputs/aws-transcribe.json",
    "google-stt": "Tests/ScribeKitTests/Inputs/google-stt.json",
    "azure-speech": "Tests/ScribeKitTests/Inputs/azure-speech.json",
    "deepgram": "Tests/ScribeKitTests/Inputs/deepgram-multichannel.json",
    "assemblyai": "Tests/ScribeKitTests/Inputs/assemblyai-multichannel.json",
    "revai": "Tests/ScribeKitTests/Inputs/revai-two-speakers.json",
    "speechmatics": "Tests/ScribeKitTests/Inputs/speechmatics-diarized.json",
    "openai-verbose-json": "Tests/ScribeKitTests/Inputs/openai-verbose.json",
    "whisper-json": "Tests/ScribeKitTests/Inputs/whisper-json.json",
    "whisper-cpp": "Tests/ScribeKitTests/Inputs/whisper-cpp.json",
    "whisperx": "Tests/ScribeKitTests/Inputs/whisperx-diarized.json",
  ]

  @Test(arguments: InputShape.all.map(\.name))
  func aSampleIsDetectedAsItsShapeAndReadsTheSameWhenForced(name: String) throws {
    let shape = try #require(InputShape.named(name))
    let path = try #require(Self.samples[name], "add a sample input of \(name) to this suite")
    let data = try Data(contentsOf: Files.packageRoot.appendingPathComponent(path))
    let detected = try Transcript(data: data, source: name)
    #expect(detected.inputShape == shape)
    #expect(detected.channels.contains { channel in channel.words.contains(where: \.isTimed) })
    let forced = try Transcript(data: data, source: name, options: ReadOptions(shape: shape))
    #expect(forced == detected)
    // The general path reads it the same as the fast one.
    var general = TranscriptReader(options: ReadOptions())
    general.usesFastPath = false
    #expect(try general.read(data, source: name) == detected)
  }

  /// The shapes that read a sample of another shape when a caller insists, and why: a stream of
  /// one chunk is a with-timestamps response, and a dialogue is a text-to-speech response with
  /// voices (read without them).
  static let alsoReadAs: [String: Set<String>] = [
    "tts": ["tts-stream"], "dialogue": ["tts", "tts-stream", "dialogue-stream"],
  ]

  /// No other shape reads a shape's sample when insisted on, except those ``alsoReadAs`` names
  /// and the shape it refines.
  @Test(arguments: InputShape.all.map(\.name))
  func everyOtherShapeRefusesTheSample(name: String) throws {
    let shape = try #require(InputShape.named(name))
    let path = try #require(Self.samples[name])
    let data = try Data(contentsOf: Files.packageRoot.appendingPathComponent(path))
    let refined = InputShapes.reader(for: shape)?.refines
    let allowed = Self.alsoReadAs[name] ?? []
    for other in InputShape.all
    where other != shape && other != refined && !allowed.contains(other.name) {
      do {
        let read = try Transcript(data: data, source: name, options: ReadOptions(shape: other))
        Issue.record(
          "\(other.name) read the \(name) sample (as \(String(describing: read.inputShape)))")
      } catch {
        guard case .shapeMismatch(let forced, _) = error.problem, forced == other else {
          Issue.record("\(other.name) on the \(name) sample: \(error)")
          continue
        }
      }
    }
  }

  @Test(arguments: InputShape.all.map(\.name))
  func isNamedAndDescribedOnce(name: String) throws {
    let shape = try #require(InputShape.named(name))
    #expect(InputShape.all.filter { $0.name == name }.count == 1)
    #expect(!shape.summary.isEmpty && !shape.signature.isEmpty)
    #expect(InputShapes.reader(for: shape)?.shape == shape)
    // The message for an unknown object lists every shape.
    let error = ReadError(problem: .unrecognizedShape(path: "$", keys: ["x"]))
    #expect(error.description.contains(shape.summary))
  }

  @Test func theREADMEsTableIsTheRegistry() throws {
    let readme = try String(
      contentsOf: Files.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
    let table = ReadmeTables.shapes
    #expect(
      readme.contains(table),
      "README.md's table of input shapes differs from the registry; put this there:\n\(table)")
  }
}

/// The README's tables, made from the registries.
enum ReadmeTables {
  static var shapes: String {
    var lines = [
      "<!-- shapes:begin (made from InputShape.all by the tests) -->",
      "| shape | what it is | `--input-shape` |", "|---|---|---|",
    ]
    for shape in InputShape.all {
      // "a Deepgram response", "an AssemblyAI transcript": the table's rows go without them.
      let what = shape.summary.replacingOccurrences(
        of: "^an? ", with: "", options: .regularExpression)
      lines.append("| \(what) | \(shape.signature) | `\(shape.name)` |")
    }
    lines.append("<!-- shapes:end -->")
    return lines.joined(separator: "\n")
  }
}
