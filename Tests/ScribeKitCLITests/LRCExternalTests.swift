import Foundation
import ScribeKit
import Testing

/// LRC opened by pylrc and by ffmpeg's LRC demuxer (see Tests/External/check_lrc.py).
@Suite("LRC opens in pylrc and ffmpeg")
struct LRCExternalTests {
  static let tools =
    ExternalTools.succeeds(["python3", "-c", "import pylrc, srt"])
    && ExternalTools.succeeds(["which", "ffprobe"])

  @Test func toolsArePresentWhereRequired() {
    if ExternalTools.required {
      #expect(Self.tools, "pylrc, srt or ffmpeg (ffprobe) is missing")
    }
  }

  /// The shared fixtures and 300 hostile transcripts (a tenth of them past 100 hours), three
  /// ways (the API's rule, a caption style with speakers, enhanced LRC): pylrc and ffmpeg read
  /// every line at its cue's start within 10 ms with its text, ffmpeg finds each cue cleared
  /// at its end, and word tags lie inside their cues, in order.
  @Test(.enabled(if: Self.tools, "python3 with pylrc and srt, and ffmpeg are needed"))
  func fixturesAndHostileTranscriptsKeepTheirTimes() throws {
    let check = try TimedTextChecks.check("check_lrc.py")
    #expect(check.status == 0, "\(check.output)")
    let count = TimedTextChecks.inputs.count + TimedTextChecks.generated
    #expect(check.output.contains("ok: \(count) transcripts"), "\(check.output)")
  }
}
