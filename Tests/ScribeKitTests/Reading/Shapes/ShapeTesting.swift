import Foundation
import Testing

@testable import ScribeKit

/// What the shape tests ask of an input: its transcript, its error, and that no other shape
/// reads it.
enum ShapeTesting {
  /// The transcript of `data`, read as detection decides or as `shape` insists.
  static func read(_ data: Data, shape: InputShape? = nil) throws(ReadError) -> Transcript {
    try TranscriptReader(options: ReadOptions(shape: shape)).read(data, source: "input")
  }

  /// The transcript of `text`.
  static func read(_ text: String, shape: InputShape? = nil) throws(ReadError) -> Transcript {
    try read(Data(text.utf8), shape: shape)
  }

  /// The error that reading `text` ends with, or `nil` when it reads.
  static func error(_ text: String, shape: InputShape? = nil) -> ReadError? {
    error(Data(text.utf8), shape: shape)
  }

  /// The error that reading `data` ends with, or `nil` when it reads.
  static func error(_ data: Data, shape: InputShape? = nil) -> ReadError? {
    do {
      _ = try read(data, shape: shape)
      return nil
    } catch {
      return error
    }
  }

  /// The words and audio events of the first channel, without spacing.
  static func texts(_ transcript: Transcript) -> [String] {
    (transcript.channels.first?.words ?? []).filter(\.isTimed).map(\.text)
  }

  /// Every item's text joined: what captions show, spacing included.
  static func text(_ transcript: Transcript) -> String {
    (transcript.channels.first?.words ?? []).map(\.text).joined()
  }

  /// Records an issue unless insisting on `shape` for `data` fails as a shape mismatch whose
  /// message says what the input looks like (`saying`).
  static func expectRefused(
    _ data: Data, as shape: InputShape, saying: String,
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    guard let error = error(data, shape: shape) else {
      Issue.record("\(shape) read the input", sourceLocation: sourceLocation)
      return
    }
    guard case .shapeMismatch(let forced, _) = error.problem, forced == shape,
      error.description.contains(saying)
    else {
      Issue.record(
        "insisting on \(shape): \(error.description), not a mismatch saying \"\(saying)\"",
        sourceLocation: sourceLocation)
      return
    }
  }

  /// Records an issue for every shape other than `shape` that reads `data` when insisted on.
  static func expectOnlyReadAs(
    _ shape: InputShape, _ data: Data, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    for other in InputShape.all where other != shape {
      guard let error = error(data, shape: other) else {
        Issue.record("\(other) read a \(shape) input", sourceLocation: sourceLocation)
        continue
      }
      guard case .shapeMismatch(let forced, _) = error.problem, forced == other else {
        Issue.record(
          "\(other) on a \(shape) input: \(error.description)", sourceLocation: sourceLocation)
        continue
      }
    }
  }
}

extension ShapeTesting {
  /// Records an issue for every committed test input, and every other engine's shared fixture,
  /// that `shape` reads when insisted on or that detection takes for `shape`; the shape's own
  /// inputs (`ownInputs`, by name) and folder of shared fixtures (`ownFolder`) are skipped.
  static func expectNeverClaimed(
    by shape: InputShape, ownInputs: Set<String>, ownFolder: String,
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    var files: [URL] = []
    let inputs = Files.packageRoot.appendingPathComponent("Tests/ScribeKitTests/Inputs")
    files += try FileManager.default.contentsOfDirectory(
      at: inputs, includingPropertiesForKeys: nil)
    if Files.sharedFixturesAvailable {
      let engines = Files.sharedFixtures.appendingPathComponent("engines")
      for folder in try FileManager.default.contentsOfDirectory(atPath: engines.path)
      where folder != ownFolder && !folder.hasSuffix(".md") {
        files += try FileManager.default.contentsOfDirectory(
          at: engines.appendingPathComponent(folder), includingPropertiesForKeys: nil)
      }
    }
    for file in files
    where ["json", "ndjson"].contains(file.pathExtension)
      && !ownInputs.contains(file.lastPathComponent)
    {
      let data = try Data(contentsOf: file)
      if (try? read(data))?.inputShape == shape || error(data, shape: shape) == nil {
        Issue.record("\(shape) read \(file.lastPathComponent)", sourceLocation: sourceLocation)
      }
    }
  }
}
