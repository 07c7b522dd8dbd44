import Foundation
import Testing

/// SCC files opened by the readers broadcast and web people use: pycaption's SCCReader,
/// ttconv's SCC reader and ffmpeg's scc demuxer with its EIA-608 decoder (see
/// Tests/External/check_scc.py). Skipped where they are missing, unless
/// `SCRIBEKIT_REQUIRE_EXTERNAL=1` makes that a failure.
@Suite("SCC opens in pycaption, ttconv and ffmpeg")
struct SCCExternalTests {
  static let available =
    ExternalTools.succeeds(["python3", "-c", "import pycaption, ttconv, srt, webvtt, regex"])
    && ExternalTools.succeeds(["which", "ffmpeg"])

  static let skipReason: Comment =
    "python3 with pycaption, ttconv, srt, webvtt-py and regex, and ffmpeg, are needed (.ci/run installs them)"

  @Test func toolsArePresentWhereRequired() {
    if ExternalTools.required { #expect(Self.available, "\(Self.skipReason)") }
  }

  /// The shared inputs and 300 hostile transcripts, each converted with the format's defaults
  /// and with netflix-en and speakers: every reader gives back every word (as 608 shows it) in
  /// order, and every caption on the frames the file gives it.
  @Test(.enabled(if: available, skipReason))
  func everyReaderGetsEveryWordOnItsFrames() throws {
    let folder = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let inputs = ExternalValidationTests.inputs.map {
      CLI.packageRoot.appendingPathComponent($0).standardizedFileURL.path
    }
    let check = try ExternalTools.run(
      "check_scc.py", [CLI.executable.path, folder.path, "300", "1"] + inputs)
    #expect(check.status == 0, "\(check.output)")
    #expect(check.output.contains("ok: 300 generated transcripts"), "\(check.output)")
  }
}
