import Foundation
import ScribeKit
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// What the timed-text checks (TTML, EBU-TT-D, LRC) share: their tools, their inputs, and a
/// runner with a deadline long enough for hundreds of files opened one by one.
enum TimedTextChecks {
  /// ttconv and pycaption (Python) and xmllint, which the TTML and EBU-TT-D checks open files
  /// with.
  static let xmlTools =
    ExternalTools.succeeds(["python3", "-c", "import ttconv, pycaption, srt"])
    && ExternalTools.succeeds(["which", "xmllint"])

  static let xmlSkipReason: Comment =
    "python3 with ttconv, pycaption and srt, and xmllint (libxml2-utils) are needed"

  /// The shared inputs (our samples and every shared fixture), as absolute paths.
  static var inputs: [String] {
    ExternalValidationTests.inputs.map {
      CLI.packageRoot.appendingPathComponent($0).standardizedFileURL.path
    }
  }

  /// How many hostile transcripts each check generates.
  static let generated = 300

  /// Runs `script` on the CLI, the shared inputs and ``generated`` hostile transcripts, with a
  /// deadline of 15 minutes; its output becomes part of the test's record.
  static func check(_ script: String) throws -> (status: Int32, output: String) {
    let folder = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments =
      ["python3", ExternalTools.script.appendingPathComponent(script).path]
      + [CLI.executable.path, folder.path, String(generated), "1"] + inputs
    let log = folder.appendingPathComponent("check.log")
    _ = FileManager.default.createFile(atPath: log.path, contents: nil)
    let handle = try FileHandle(forWritingTo: log)
    process.standardOutput = handle
    process.standardError = handle
    try process.run()
    let deadline = Date().addingTimeInterval(900)
    while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
    if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    process.waitUntilExit()
    return (process.terminationStatus, (try? String(contentsOf: log, encoding: .utf8)) ?? "")
  }
}

/// TTML (IMSC 1.1) opened by ttconv, the IMSC reference implementation's converter, by
/// pycaption and by xmllint (see Tests/External/check_ttml.py).
@Suite("TTML opens in ttconv, pycaption and xmllint")
struct TTMLExternalTests {
  @Test func toolsArePresentWhereRequired() {
    if ExternalTools.required {
      #expect(TimedTextChecks.xmlTools, "ttconv, pycaption, srt or xmllint is missing")
    }
  }

  /// The shared fixtures and 300 hostile transcripts, three ways (the API's rule, a caption
  /// style with speakers, word timestamps): ttconv converts every file to SRT with exactly
  /// the cues of our SRT, pycaption reads every word in order, and word spans start inside
  /// their cues, in order.
  @Test(.enabled(if: TimedTextChecks.xmlTools, TimedTextChecks.xmlSkipReason))
  func fixturesAndHostileTranscriptsKeepTheirCues() throws {
    let check = try TimedTextChecks.check("check_ttml.py")
    #expect(check.status == 0, "\(check.output)")
    let count = TimedTextChecks.inputs.count + TimedTextChecks.generated
    #expect(check.output.contains("ok: \(count) transcripts"), "\(check.output)")
  }
}
