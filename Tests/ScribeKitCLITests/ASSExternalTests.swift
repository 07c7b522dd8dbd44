import Foundation
import Testing

/// ASS and SBV files as the programs people use open them: pysubs2, the `ass` library and
/// libass itself (through ctypes) read every ASS file to the same events, times and text, which
/// holds every word in order, with karaoke that fills each event exactly; ffmpeg's `subtitles`
/// filter plays them; SBV reads back to the SRT's times to the millisecond (see
/// Tests/External/check_ass.py). Skipped when a validator is missing, unless
/// `SCRIBEKIT_REQUIRE_EXTERNAL=1` makes that a failure.
@Suite("ASS and SBV open in libass, pysubs2, ass and ffmpeg")
struct ASSExternalTests {
  static let validators =
    ExternalTools.succeeds([
      "python3", "-c", "import pysubs2, ass, srt, ctypes.util as u; assert u.find_library('ass')",
    ])
    && ExternalTools.succeeds(["which", "ffmpeg"])

  static let skipReason: Comment =
    "python3 with pysubs2, ass and srt, libass and ffmpeg are needed (pip install pysubs2 ass srt; apt install ffmpeg)"

  @Test func validatorsArePresentWhereRequired() {
    if ExternalTools.required {
      #expect(Self.validators, "\(Self.skipReason)")
    }
  }

  /// The samples, our inputs and every shared fixture, then 300 hostile transcripts.
  @Test(.enabled(if: validators, skipReason))
  func fixturesAndGeneratedTranscriptsReadBackEverywhere() throws {
    let folder = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let inputs = ExternalValidationTests.inputs.map {
      CLI.packageRoot.appendingPathComponent($0).standardizedFileURL.path
    }
    let check = try ExternalTools.run(
      "check_ass.py", [CLI.executable.path, folder.path, "300", "7"] + inputs)
    #expect(check.status == 0, "\(check.output)")
    #expect(
      check.output.contains("ok: \(inputs.count) inputs and 300 generated transcripts"),
      "\(check.output)")
  }
}
