import Foundation
import Testing

@testable import ScribeKit

/// Loads the inputs every format test runs on: the shared fixtures (when present), the samples
/// and the hand-built multilingual, webhook and multichannel inputs. An input that fails to
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
    for input in ["multilingual", "webhook", "multichannel"] {
      inputs.append((input, try Files.readInput("\(input).json")))
    }
    return inputs
  }
}
