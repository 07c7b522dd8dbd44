import Foundation
import Testing

@testable import ElevenLabsAPI

/// The body of `POST /v1/forced-alignment`, part by part, as elevenlabs-python's
/// `forced_alignment/raw_client.py` sends it: `text`, `file`, and `enabled_spooled_file` only
/// when asked for.
@Suite("API client: the forced-alignment request")
struct ForcedAlignmentRequestTests {
  /// The parts of a multipart body: name, file name (for a file part) and content.
  private func parts(
    of body: Data, boundary: String
  ) -> [(name: String, fileName: String?, content: Data)] {
    let delimiter = Data("--\(boundary)".utf8)
    var parts: [(String, String?, Data)] = []
    var rest = body[...]
    while let start = rest.range(of: delimiter) {
      rest = rest[start.upperBound...]
      guard let end = rest.range(of: Data("\r\n--\(boundary)".utf8)) else { break }
      let part = rest[rest.startIndex..<end.lowerBound]
      guard let blank = part.range(of: Data("\r\n\r\n".utf8)) else { continue }
      let head = String(decoding: part[part.startIndex..<blank.lowerBound], as: UTF8.self)
      func parameter(_ key: String) -> String? {
        guard let range = head.range(of: "\(key)=\"") else { return nil }
        return String(head[range.upperBound...].prefix { $0 != "\"" })
      }
      parts.append(
        (parameter(" name") ?? "", parameter("filename"), Data(part[blank.upperBound...])))
      rest = rest[end.lowerBound...]
    }
    return parts
  }

  private func audioFile(_ bytes: [UInt8]) throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "align-\(UUID().uuidString).wav")
    try Data(bytes).write(to: url)
    return url
  }

  @Test func sendsTheTextAsWrittenAndTheFileByName() throws {
    let audio = try audioFile([0, 1, 2, 0x0D, 0x0A, 255])
    defer { try? FileManager.default.removeItem(at: audio) }
    let script = "Hello, \"world\" —\r\nit's 9:30.\n\n今日は、晴れです。\n"
    let body = try ForcedAlignmentRequest(file: audio, text: script).multipartBody(boundary: "b0")
    let found = parts(of: body, boundary: "b0")
    #expect(found.map(\.name) == ["text", "file"], "no enabled_spooled_file unless asked for")
    #expect(String(decoding: found[0].content, as: UTF8.self) == script)
    #expect(found[0].fileName == nil)
    #expect(found[1].fileName == audio.lastPathComponent)
    #expect(found[1].content == Data([0, 1, 2, 0x0D, 0x0A, 255]))
    #expect(body.suffix(8) == Data("--b0--\r\n".utf8))
  }

  @Test func sendsEnabledSpooledFileWhenAskedFor() throws {
    let audio = try audioFile([7])
    defer { try? FileManager.default.removeItem(at: audio) }
    for (value, text) in [(true, "true"), (false, "false")] {
      let body = try ForcedAlignmentRequest(file: audio, text: "Hi.", enabledSpooledFile: value)
        .multipartBody(boundary: "b1")
      let spooled = parts(of: body, boundary: "b1").first { $0.name == "enabled_spooled_file" }
      #expect(spooled.map { String(decoding: $0.content, as: UTF8.self) } == text)
    }
  }

  @Test func anAudioFileThatCannotBeReadFailsBeforeAnyAttempt() {
    let missing = URL(fileURLWithPath: "/nonexistent/\(UUID().uuidString).wav")
    #expect(
      throws: APIError.transport(reason: "\(missing.path): cannot read the audio file", attempts: 0)
    ) {
      try ForcedAlignmentRequest(file: missing, text: "Hi.").multipartBody(boundary: "b2")
    }
  }

  @Test func theTranscriptionBodyIsUnchangedByTheSharedForm() throws {
    let audio = try audioFile([9, 9])
    defer { try? FileManager.default.removeItem(at: audio) }
    var request = TranscriptionRequest(file: audio)
    request.diarize = true
    request.additionalFormats = #"[{"format": "srt"}]"#
    let body = try request.multipartBody(boundary: "b3")
    let expected =
      "--b3\r\nContent-Disposition: form-data; name=\"model_id\"\r\n\r\nscribe_v1\r\n"
      + "--b3\r\nContent-Disposition: form-data; name=\"diarize\"\r\n\r\ntrue\r\n"
      + "--b3\r\nContent-Disposition: form-data; name=\"additional_formats\"\r\n"
      + "Content-Type: application/json\r\n\r\n[{\"format\": \"srt\"}]\r\n"
      + "--b3\r\nContent-Disposition: form-data; name=\"file\"; "
      + "filename=\"\(audio.lastPathComponent)\"\r\n"
      + "Content-Type: application/octet-stream\r\n\r\n"
    #expect(body.prefix(expected.utf8.count) == Data(expected.utf8))
    #expect(body.suffix(12) == Data([9, 9]) + Data("\r\n--b3--\r\n".utf8))
  }
}
