import Foundation
import ScribeKit
import Testing

/// EBU-TT-D opened by ttconv, pycaption and xmllint, and checked against the constraints of
/// EBU Tech 3380 (see Tests/External/check_ebu_tt_d.py).
@Suite("EBU-TT-D opens in ttconv, pycaption and xmllint")
struct EBUTTDExternalTests {
  @Test func toolsArePresentWhereRequired() {
    if ExternalTools.required {
      #expect(TimedTextChecks.xmlTools, "ttconv, pycaption, srt or xmllint is missing")
    }
  }

  /// The shared fixtures and 300 hostile transcripts, two ways (the API's rule with this
  /// format's line length, a caption style with speakers): every file is read with exactly
  /// the cues of our SRT and keeps to Tech 3380's structure.
  @Test(.enabled(if: TimedTextChecks.xmlTools, TimedTextChecks.xmlSkipReason))
  func fixturesAndHostileTranscriptsKeepTheirCues() throws {
    let check = try TimedTextChecks.check("check_ebu_tt_d.py")
    #expect(check.status == 0, "\(check.output)")
    let count = TimedTextChecks.inputs.count + TimedTextChecks.generated
    #expect(check.output.contains("ok: \(count) transcripts"), "\(check.output)")
  }
}
