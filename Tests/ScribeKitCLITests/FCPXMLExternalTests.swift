import Foundation
import Testing

/// SCC files opened by the readers broadcast and web people use: pycaption's SCCReader,
/// ttconv's SCC reader and ffmpeg's scc demuxer with its EIA-608 decoder (see
/// Tests/External/check_fcpxml.py). Skipped where they are missing, unless
/// `SCRIBEKIT_REQUIRE_EXTERNAL=1` makes that a failure.
@Suite("FCPXML opens in xmllint and OpenTimelineIO")
struct FCPXMLExternalTests {
  static let available =
    ExternalTools.succeeds(["python3", "-c", "import opentimelineio, otio_fcpx_xml_adapter"])
    && ExternalTools.succeeds(["which", "xmllint"])

  static let skipReason: Comment =
    "python3 with opentimelineio and otio-fcpx-xml-adapter, and xmllint, are needed (.ci/run installs them)"

  @Test func toolsArePresentWhereRequired() {
    if ExternalTools.required { #expect(Self.available, "\(Self.skipReason)") }
  }

  /// The shared inputs and 300 hostile transcripts, at 23.976 fps with the defaults and at
  /// 25 fps with netflix-en and speakers: well-formed, read by OpenTimelineIO, every caption on
  /// whole frames without overlaps in its lane, every word in order.
  @Test(.enabled(if: available, skipReason))
  func everyFileIsWellFormedAndReadable() throws {
    let folder = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let inputs = ExternalValidationTests.inputs.map {
      CLI.packageRoot.appendingPathComponent($0).standardizedFileURL.path
    }
    let check = try ExternalTools.run(
      "check_fcpxml.py", [CLI.executable.path, folder.path, "300", "1"] + inputs)
    #expect(check.status == 0, "\(check.output)")
    #expect(check.output.contains("ok: 300 generated transcripts"), "\(check.output)")
  }
}
