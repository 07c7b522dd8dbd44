import Foundation
import Testing

@testable import ScribeKit

/// Loads the inputs every format test runs on: the shared fixtures (when present), the samples
/// and the hand-built multilingual input.
enum FormatInputs {
  static var all: [(name: String, transcript: Transcript)] {
    var inputs: [(String, Transcript)] = []
    if Files.sharedFixturesAvailable {
      for name in Files.speechToTextFixtures + Files.textToSpeechFixtures {
        if let result = try? Files.readShared(name) {
          inputs.append(
            (
              URL(fileURLWithPath: name).deletingPathExtension().lastPathComponent,
              result
            ))
        }
      }
    }
    for sample in ["interview", "speech-with-timestamps"] {
      if let result = try? TranscriptReader().read(Files.sample("\(sample).json")) {
        inputs.append((sample, result))
      }
    }
    for input in ["multilingual", "webhook"] {
      if let result = try? Files.readInput("\(input).json") {
        inputs.append((input, result))
      }
    }
    return inputs
  }
}
