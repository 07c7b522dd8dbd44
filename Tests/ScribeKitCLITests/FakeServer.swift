import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// The stand-in ElevenLabs server (`Tests/Server/fake_elevenlabs.py`), started on 127.0.0.1 for
/// one test and stopped when the test is done. Every wait on it is bounded.
final class FakeServer {
  static let key = "sk_test_3f9c2b7e_do_not_print"
  let process = Process()
  let port: Int
  private let log: URL

  var baseURL: String { "http://127.0.0.1:\(port)" }

  init() throws {
    log = FileManager.default.temporaryDirectory.appendingPathComponent(
      "fake-el-\(UUID().uuidString).log")
    _ = FileManager.default.createFile(atPath: log.path, contents: nil)
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [
      "python3", CLI.packageRoot.appendingPathComponent("Tests/Server/fake_elevenlabs.py").path,
      "--key", Self.key, "--root", CLI.packageRoot.path,
    ]
    let handle = try FileHandle(forWritingTo: log)
    process.standardOutput = handle
    process.standardError = handle
    try process.run()
    let deadline = Date().addingTimeInterval(20)
    var found: Int?
    while found == nil && Date() < deadline && process.isRunning {
      let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
      if let line = text.split(separator: "\n").first(where: { $0.hasPrefix("PORT ") }) {
        found = Int(line.dropFirst(5))
      } else {
        Thread.sleep(forTimeInterval: 0.05)
      }
    }
    guard let found else {
      kill(process.processIdentifier, SIGKILL)
      throw ServerFailure(
        reason:
          "the fake server did not start: \((try? String(contentsOf: log, encoding: .utf8)) ?? "")")
    }
    port = found
  }

  deinit {
    // SIGKILL, not terminate(): children of the test runner inherit its blocked SIGTERM.
    if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    process.waitUntilExit()
    try? FileManager.default.removeItem(at: log)
  }

  struct ServerFailure: Error, CustomStringConvertible {
    var reason: String
    var description: String { reason }
  }

  /// Queues faults for the next requests (see the server's documentation).
  func queue(_ faultsJSON: String) throws {
    _ = try control("POST", "/_control/faults", body: faultsJSON)
  }

  /// Sets how every later `/stream/with-timestamps` response is made (see the server's
  /// `/_control/stream`): `{"paced": true, "interval": 0.01}` streams a generated three-minute
  /// script in chunks of a second's audio, 10 ms apart.
  func streamSettings(_ settingsJSON: String) throws {
    _ = try control("POST", "/_control/stream", body: settingsJSON)
  }

  /// The body of the last stream the server sent, as it sent it.
  func lastStreamBody() throws -> Data {
    try control("GET", "/_control/stream-body", body: nil)
  }

  /// Every request the server has seen.
  func requests() throws -> [[String: Any]] {
    let data = try control("GET", "/_control/requests", body: nil)
    return (try JSONSerialization.jsonObject(with: data) as? [[String: Any]]) ?? []
  }

  private func control(_ method: String, _ path: String, body: String?) throws -> Data {
    // Python is already needed for the server; its urllib keeps this call synchronous.
    let script = """
      import sys, urllib.request
      data = sys.argv[3].encode() if len(sys.argv) > 3 else None
      request = urllib.request.Request(sys.argv[2], data=data, method=sys.argv[1])
      sys.stdout.buffer.write(urllib.request.urlopen(request, timeout=10).read())
      """
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments =
      ["python3", "-c", script, method, baseURL + path] + (body.map { [$0] } ?? [])
    let output = FileManager.default.temporaryDirectory.appendingPathComponent(
      "curl-\(UUID().uuidString)")
    _ = FileManager.default.createFile(atPath: output.path, contents: nil)
    defer { try? FileManager.default.removeItem(at: output) }
    process.standardOutput = try FileHandle(forWritingTo: output)
    try process.run()
    process.waitUntilExit()
    return try Data(contentsOf: output)
  }
}
