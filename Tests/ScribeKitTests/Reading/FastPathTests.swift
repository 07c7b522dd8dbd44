import Foundation
import Testing

@testable import ScribeKit

/// The fast path for speech-to-text input must read exactly what the general path reads, and
/// fail exactly as it fails.
@Suite("Reading: the fast path equals the general path")
struct FastPathTests {
  private func outcome(_ data: Data, fast: Bool) -> Result<Transcript, ReadError> {
    var reader = TranscriptReader()
    reader.usesFastPath = fast
    do {
      return .success(try reader.read(data, source: "x"))
    } catch {
      return .failure(error)
    }
  }

  private func inputs() throws -> [(String, Data)] {
    var list: [(String, Data)] = [("interview", try Files.sample("interview.json"))]
    for name in [
      "webhook.json", "repairs.json", "multilingual.json", "combined.json",
      "character-timestamps.json",
    ] {
      list.append((name, try Files.input(name)))
    }
    if Files.sharedFixturesAvailable {
      for name in Files.speechToTextFixtures { list.append((name, try Files.shared(name))) }
    }
    return list
  }

  @Test func givesTheSameTranscriptOnEveryInput() throws {
    for (name, data) in try inputs() {
      let fast = outcome(data, fast: true)
      let general = outcome(data, fast: false)
      #expect(fast == general, "\(name)")
    }
    // And it is taken for the plain ones.
    let plain = try Files.sample("interview.json")
    let taken = [UInt8](plain).withUnsafeBufferPointer { FastSpeechToTextReader.read($0) != nil }
    #expect(taken)
  }

  /// Seeded mutations of a real-shaped input (bytes changed, deleted, truncated, values swapped
  /// for other types): whatever the general path says, the fast path says the same.
  @Test(arguments: Array(UInt64(1)...UInt64(400)))
  func mutatedInputsGiveTheSameOutcome(seed: UInt64) throws {
    var generator = SeededGenerator(seed: seed)
    var bytes = [UInt8](try Files.input("repairs.json"))
    let replacements: [[UInt8]] = [
      Array("null".utf8), Array("\"x\"".utf8), Array("-1".utf8), Array("[]".utf8), Array("{}".utf8),
      Array("1e3".utf8), Array("\"type\": \"spacing\"".utf8), Array(",".utf8),
      Array("\\u00e9".utf8),
    ]
    for _ in 0..<Int.random(in: 1...3, using: &generator) {
      let position = Int.random(in: 0..<bytes.count, using: &generator)
      switch Int.random(in: 0..<4, using: &generator) {
      case 0: bytes[position] = UInt8.random(in: 0x20...0x7E, using: &generator)
      case 1: bytes.remove(at: position)
      case 2: bytes = Array(bytes.prefix(position))
      default:
        let replacement = replacements.randomElement(using: &generator) ?? []
        let length = min(Int.random(in: 1...6, using: &generator), bytes.count - position)
        bytes.replaceSubrange(position..<(position + length), with: replacement)
      }
      if bytes.isEmpty { break }
    }
    let data = Data(bytes)
    #expect(outcome(data, fast: true) == outcome(data, fast: false), "seed \(seed)")
  }
}
