import Foundation
import Testing

@testable import ScribeKit

/// Loads the inputs every format test runs on: the shared fixtures (when present), the samples
/// the hand-built multilingual, webhook, multichannel and entity inputs, and a sample of every
/// input shape (``InputShapeConformanceTests/samples``). An input that fails to
/// read fails the test that asked for it.
enum FormatInputs {
  static func all() throws -> [(name: String, transcript: Transcript)] {
    var inputs: [(String, Transcript)] = []
    if Files.sharedFixturesAvailable {
      for name in Files.speechToTextFixtures + Files.textToSpeechFixtures {
        let stem = URL(fileURLWithPath: name).deletingPathExtension().lastPathComponent
        inputs.append((stem, try Files.readShared(name)))
      }
    }
    for sample in ["interview", "speech-with-timestamps"] {
      inputs.append((sample, try TranscriptReader().read(Files.sample("\(sample).json"))))
    }
    for input in ["multilingual", "webhook", "multichannel", "stt-entities", "scripts"] {
      inputs.append((input, try Files.readInput("\(input).json")))
    }
    // A sample of every input shape, so that every format renders every shape.
    let taken = Set(["Samples/interview.json", "Samples/speech-with-timestamps.json"])
    for (shape, path) in InputShapeConformanceTests.samples.sorted(by: { $0.key < $1.key })
    where !taken.contains(path) && !path.hasSuffix("/webhook.json")
      && !path.hasSuffix("/multichannel.json")
    {
      let data = try Data(contentsOf: Files.packageRoot.appendingPathComponent(path))
      inputs.append((shape, try Transcript(data: data, source: path)))
    }
    return inputs
  }
}
