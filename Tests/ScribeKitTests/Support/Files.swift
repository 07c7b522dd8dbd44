import Foundation
import Testing

@testable import ScribeKit

/// Where the test data lives, and the golden-file check.
enum Files {
  /// The package's root folder, found from this file's path so tests run from any directory.
  static let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()  // Support
    .deletingLastPathComponent()  // ScribeKitTests
    .deletingLastPathComponent()  // Tests
    .deletingLastPathComponent()

  /// The third-party fixtures, kept outside the repository: `SCRIBEKIT_FIXTURES`, else
  /// `../shared/fixtures` beside the package.
  static let sharedFixtures: URL = {
    if let override = ProcessInfo.processInfo.environment["SCRIBEKIT_FIXTURES"], !override.isEmpty {
      return URL(fileURLWithPath: override, isDirectory: true)
    }
    return packageRoot.deletingLastPathComponent().appendingPathComponent("shared/fixtures")
  }()

  /// `true` when the shared fixtures are present; tests that need them are skipped otherwise.
  static let sharedFixturesAvailable = FileManager.default.fileExists(
    atPath: sharedFixtures.appendingPathComponent("SOURCES.md").path)

  /// Why fixture tests are skipped, shown in the test report.
  static let skipReason: Comment =
    "the shared fixtures (../shared/fixtures or $SCRIBEKIT_FIXTURES) are not present"

  /// The speech-to-text fixtures, relative to ``sharedFixtures``.
  static let speechToTextFixtures = [
    "stt/english-monologue.json", "stt/mandarin-mixed-script.json",
    "stt/docs-example-scribe-v1.json",
  ]
  /// The text-to-speech fixtures, relative to ``sharedFixtures``.
  static let textToSpeechFixtures = ["tts/english-alignment-leading-whitespace.json"]

  /// A shared fixture's bytes.
  static func shared(_ name: String) throws -> Data {
    try Data(contentsOf: sharedFixtures.appendingPathComponent(name))
  }

  /// A hand-built input committed under `Tests/ScribeKitTests/Inputs`.
  static func input(_ name: String) throws -> Data {
    try Data(contentsOf: packageRoot.appendingPathComponent("Tests/ScribeKitTests/Inputs/\(name)"))
  }

  /// A file of `Samples/`.
  static func sample(_ name: String) throws -> Data {
    try Data(contentsOf: packageRoot.appendingPathComponent("Samples/\(name)"))
  }

  /// Reads a shared fixture.
  static func readShared(_ name: String) throws -> Transcript {
    try TranscriptReader().read(shared(name), source: name)
  }

  /// Reads a committed hand-built input.
  static func readInput(_ name: String, reader: TranscriptReader = TranscriptReader()) throws
    -> Transcript
  {
    try reader.read(input(name), source: name)
  }

  /// Compares `actual` with the golden file `name` under `Tests/ScribeKitTests/Golden`.
  ///
  /// Set `SCRIBEKIT_UPDATE_GOLDEN=1` to write the golden files instead; review the diff before
  /// committing it.
  static func expectGolden(
    _ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let url = packageRoot.appendingPathComponent("Tests/ScribeKitTests/Golden/\(name)")
    if ProcessInfo.processInfo.environment["SCRIBEKIT_UPDATE_GOLDEN"] == "1" {
      try FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(actual.utf8).write(to: url)
      return
    }
    guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
      Issue.record(
        "missing golden file \(name); run with SCRIBEKIT_UPDATE_GOLDEN=1 to create it",
        sourceLocation: sourceLocation)
      return
    }
    if expected != actual {
      let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
      let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
      let firstDifference =
        zip(expectedLines, actualLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
        ?? min(expectedLines.count, actualLines.count)
      let expectedLine =
        firstDifference < expectedLines.count ? String(expectedLines[firstDifference]) : "<end>"
      let actualLine =
        firstDifference < actualLines.count ? String(actualLines[firstDifference]) : "<end>"
      Issue.record(
        "\(name) differs at line \(firstDifference + 1): expected \"\(expectedLine)\", got \"\(actualLine)\"",
        sourceLocation: sourceLocation)
    }
  }
}

/// Builds words for tests without the noise of every field.
func word(
  _ text: String, _ start: Double, _ end: Double, speaker: String? = nil,
  kind: Word.Kind = .word
) -> Word {
  Word(text: text, start: start, end: end, kind: kind, speakerID: speaker)
}

/// A spacing item.
func space(_ start: Double, _ end: Double, speaker: String? = nil) -> Word {
  Word(text: " ", start: start, end: end, kind: .spacing, speakerID: speaker)
}
