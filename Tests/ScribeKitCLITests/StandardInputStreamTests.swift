import Foundation
import ScribeKit
import Testing

/// Every input shape read from a stream on standard input, as a pipeline feeds it: the same
/// captions as from the file.
@Suite("scribekit convert: every input shape streamed on standard input")
struct StandardInputStreamTests {
  /// One committed input of each shape, found by reading every test input and sample: a shape
  /// added to the registry with a fixture is streamed here without a line of this file changing.
  static let samples: [(shape: String, path: String)] = {
    let folders = ["Tests/ScribeKitTests/Inputs", "Samples"].map {
      CLI.packageRoot.appendingPathComponent($0)
    }
    var found: [String: String] = [:]
    for folder in folders {
      let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
      for name in names.sorted() where name.hasSuffix(".json") || name.hasSuffix(".ndjson") {
        let url = folder.appendingPathComponent(name)
        guard let data = try? Data(contentsOf: url),
          let transcript = try? Transcript(data: data, source: name),
          let shape = transcript.inputShape, found[shape.name] == nil
        else { continue }
        found[shape.name] = url.path
      }
    }
    return found.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
  }()

  @Test func everyShapeHasAnInputToStream() {
    let streamed = Set(Self.samples.map(\.shape))
    for shape in InputShape.all {
      #expect(streamed.contains(shape.name), "no test input of \(shape.name) to stream")
    }
  }

  /// Multichannel input is merged into one timeline, so that one file goes to standard output.
  @Test(arguments: samples.map(\.path))
  func readsTheShapeFromAStreamAsFromItsFile(path: String) throws {
    let data = try Data(contentsOf: URL(fileURLWithPath: path))
    let fromFile = try CLI.run([
      "convert", path, "--format", "vtt", "--channel", "merged", "-o", "-",
    ])
    #expect(fromFile.status == 0, "\(fromFile.standardError)")
    let streamed = try CLI.run(
      ["convert", "-", "--format", "vtt", "--channel", "merged", "-o", "-"], stdin: data,
      streamsStdin: true)
    #expect(streamed.status == 0, "\(streamed.standardError)")
    #expect(streamed.standardOutput.hasPrefix("WEBVTT"))
    #expect(streamed.standardOutput == fromFile.standardOutput)
  }
}
