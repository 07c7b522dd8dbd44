import Foundation
import ScribeKit
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Other people's tools opening our files: webvtt-py, html5lib, python-docx, LibreOffice and a
/// real headless Chromium. `.ci/run` installs them; elsewhere the tests report themselves
/// skipped, unless `SCRIBEKIT_REQUIRE_EXTERNAL=1` makes a missing tool a failure.
enum ExternalTools {
  static func succeeds(_ arguments: [String]) -> Bool {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return false }
    process.waitUntilExit()
    return process.terminationStatus == 0
  }

  static let required = ProcessInfo.processInfo.environment["SCRIBEKIT_REQUIRE_EXTERNAL"] == "1"

  static let pythonCheckers =
    succeeds(["python3", "-c", "import docx, html5lib, webvtt, srt, pysubs2"])
    && (succeeds(["which", "soffice"]) || succeeds(["which", "libreoffice"]))
    && succeeds(["which", "qpdf"]) && succeeds(["which", "pdftotext"])
  static let browser =
    succeeds(["python3", "-c", "import playwright"]) && succeeds(["which", "chromium"])

  static let skipReason: Comment =
    "python3 with python-docx, html5lib, webvtt-py, srt, pysubs2 and playwright, LibreOffice, qpdf, poppler-utils and chromium are needed (.ci/run installs them)"

  static let script = CLI.packageRoot.appendingPathComponent("Tests/External")

  /// Runs a checker script; its output becomes part of the test's record.
  static func run(_ script: String, _ arguments: [String]) throws -> (status: Int32, output: String)
  {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", Self.script.appendingPathComponent(script).path] + arguments
    let log = FileManager.default.temporaryDirectory.appendingPathComponent(
      "scribekit-\(UUID().uuidString).log")
    _ = FileManager.default.createFile(atPath: log.path, contents: nil)
    defer { try? FileManager.default.removeItem(at: log) }
    let handle = try FileHandle(forWritingTo: log)
    process.standardOutput = handle
    process.standardError = handle
    try process.run()
    let deadline = Date().addingTimeInterval(300)
    while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
    if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    process.waitUntilExit()
    return (process.terminationStatus, (try? String(contentsOf: log, encoding: .utf8)) ?? "")
  }
}

@Suite("Outputs open in other tools")
struct ExternalValidationTests {
  @Test func toolsArePresentWhereRequired() {
    if ExternalTools.required {
      #expect(ExternalTools.pythonCheckers, "the Python checkers or LibreOffice are missing")
      #expect(ExternalTools.browser, "playwright or chromium is missing")
    }
  }

  /// Our inputs, and every shared fixture when `../shared/fixtures` is present (as in CI).
  static let inputs: [String] = {
    var inputs = [
      "Samples/interview.json", "Tests/ScribeKitTests/Inputs/multilingual.json",
      "Tests/ScribeKitTests/Inputs/webhook.json", "Tests/ScribeKitTests/Inputs/scripts.json",
    ]
    let fixtures = CLI.packageRoot.deletingLastPathComponent().appendingPathComponent(
      "shared/fixtures")
    for folder in ["stt", "tts"] {
      let names =
        (try? FileManager.default.contentsOfDirectory(
          atPath: fixtures.appendingPathComponent(folder).path)) ?? []
      for name in names.sorted() where name.hasSuffix(".json") {
        inputs.append("../shared/fixtures/\(folder)/\(name)")
      }
    }
    return inputs
  }()

  @Test(
    .enabled(if: ExternalTools.pythonCheckers, ExternalTools.skipReason),
    arguments: inputs)
  func everyFormatParsesAndKeepsEveryWord(input: String) throws {
    let folder = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = CLI.packageRoot.appendingPathComponent(input).standardizedFileURL
    let result = try CLI.run([
      "convert", path.path, "--format", "srt,vtt,html,docx,pdf", "-o", folder.path + "/out/",
    ])
    #expect(result.status == 0, "\(result.standardError)")
    let transcript = try Transcript(contentsOf: path)
    let words = transcript.channels[0].words.filter(\.isTimed).map(\.text)
    let wordsFile = folder.appendingPathComponent("words.txt")
    try Data(words.joined(separator: "\n").utf8).write(to: wordsFile)
    let check = try ExternalTools.run("check_outputs.py", [folder.path + "/out", wordsFile.path])
    #expect(check.status == 0, "\(check.output)")
  }

  /// Two thousand generated transcripts full of hostile text (`-->`, blank lines in a word,
  /// `<b>`, `</script>`, `&amp;`, `{\an8}`, timing lines, markup in speaker IDs), converted by
  /// the CLI and opened with srt, pysubs2, webvtt-py, html5lib and python-docx: every file must
  /// parse and hold every spoken word in order (see Tests/External/check_generated.py).
  @Test(.enabled(if: ExternalTools.pythonCheckers, ExternalTools.skipReason))
  func generatedTranscriptsOpenInEveryParser() throws {
    let folder = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let check = try ExternalTools.run(
      "check_generated.py", [CLI.executable.path, folder.path, "2000", "1"])
    #expect(check.status == 0, "\(check.output)")
    #expect(check.output.contains("ok: 2000 generated transcripts"), "\(check.output)")
  }

  /// The interactive page as a user makes and opens it: a real WAV named `take #1 what?.wav`
  /// in `sub/`, `--audio sub/take #1 what?.wav -o sub/` from the folder above, then headless
  /// Chromium loads the audio, plays from words reached with Tab and the arrow keys, clicks
  /// words and times, and reads times left to right in a right-to-left page (see
  /// Tests/External/check_html_player.py). Its screenshots are left in the temporary
  /// folder as `scribekit-player-ltr.png` and `-rtl.png`.
  @Test(.enabled(if: ExternalTools.browser, ExternalTools.skipReason))
  func interactiveHTMLPlaysFromTheKeyboardAndMouseInARealBrowser() throws {
    let folder = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let screenshots = FileManager.default.temporaryDirectory.appendingPathComponent(
      "scribekit-player")
    for side in ["ltr", "rtl"] {
      try? FileManager.default.removeItem(atPath: screenshots.path + "-\(side).png")
    }
    let check = try ExternalTools.run(
      "check_html_player.py",
      [
        CLI.executable.path, folder.path, screenshots.path, CLI.sample("interview.json"),
        CLI.packageRoot.appendingPathComponent("Tests/ScribeKitTests/Inputs/multilingual.json")
          .path,
      ])
    #expect(check.status == 0, "\(check.output)")
    #expect(check.output.contains("ok the audio beside the page loads"), "\(check.output)")
    for side in ["ltr", "rtl"] {
      #expect(FileManager.default.fileExists(atPath: screenshots.path + "-\(side).png"))
    }
  }
}
