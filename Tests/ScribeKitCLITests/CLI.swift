import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Runs the built `scribekit` executable, as a user would, and captures what it prints.
enum CLI {
  struct Result {
    var status: Int32
    var standardOutput: String
    var standardError: String
  }

  static let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// The executable: beside the test bundle, where `swift build` puts every product.
  static let executable: URL = {
    let besideTests = URL(fileURLWithPath: CommandLine.arguments[0])
      .deletingLastPathComponent().appendingPathComponent("scribekit")
    var candidates = [besideTests]
    // `swift test` on Linux runs `<bin>/ScribeKitPackageTests.xctest`; on macOS the bundle is a
    // folder whose executable sits deeper.
    var folder = URL(fileURLWithPath: CommandLine.arguments[0])
    for _ in 0..<4 {
      folder.deleteLastPathComponent()
      candidates.append(folder.appendingPathComponent("scribekit"))
    }
    candidates.append(packageRoot.appendingPathComponent(".build/debug/scribekit"))
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? besideTests
  }()

  /// Runs `scribekit arguments...` in `directory`, feeding `input` on stdin; gives up after
  /// `timeout` seconds so a hung process fails the test instead of the whole run.
  static func run(
    _ arguments: [String], stdin input: Data = Data(), in directory: URL? = nil,
    timeout: TimeInterval = 60, viaEnv: Bool = false, streamsStdin: Bool = false
  ) throws -> Result {
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent(
      "scribekit-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: scratch) }
    let inputURL = scratch.appendingPathComponent("stdin")
    let outputURL = scratch.appendingPathComponent("stdout")
    let errorURL = scratch.appendingPathComponent("stderr")
    try input.write(to: inputURL)
    _ = FileManager.default.createFile(atPath: outputURL.path, contents: nil)
    _ = FileManager.default.createFile(atPath: errorURL.path, contents: nil)

    let process = Process()
    // `viaEnv` runs `arguments` as a whole command line under /usr/bin/env, to set variables.
    process.executableURL = viaEnv ? URL(fileURLWithPath: "/usr/bin/env") : executable
    process.arguments = viaEnv ? Array(arguments.dropFirst()) : arguments
    if let directory { process.currentDirectoryURL = directory }
    // `streamsStdin` feeds the input through a pipe a little at a time, as another program
    // would, instead of from a file the command can read at once.
    let pipe = Pipe()
    process.standardInput = streamsStdin ? pipe : try FileHandle(forReadingFrom: inputURL)
    process.standardOutput = try FileHandle(forWritingTo: outputURL)
    process.standardError = try FileHandle(forWritingTo: errorURL)
    try process.run()
    if streamsStdin {
      var offset = 0
      while offset < input.count {
        let end = min(offset + 700, input.count)
        try pipe.fileHandleForWriting.write(contentsOf: input[offset..<end])
        offset = end
        Thread.sleep(forTimeInterval: 0.002)
      }
      try pipe.fileHandleForWriting.close()
    }
    let deadline = Date().addingTimeInterval(timeout)
    while process.isRunning && Date() < deadline {
      Thread.sleep(forTimeInterval: 0.01)
    }
    if process.isRunning {
      // SIGKILL: the test runner's children inherit its blocked SIGTERM.
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
      Issue.record("scribekit \(arguments.joined(separator: " ")) ran longer than \(timeout) s")
    }
    process.waitUntilExit()
    return Result(
      status: process.terminationStatus,
      standardOutput: try String(contentsOf: outputURL, encoding: .utf8),
      standardError: try String(contentsOf: errorURL, encoding: .utf8))
  }

  /// A new empty folder for a test's files.
  /// Runs `command` (a shell command line) under a pseudo-terminal, as a person's shell would,
  /// with `script`; gives its exit status and everything the terminal showed.
  static func runOnTerminal(_ command: String) throws -> (status: Int32, shown: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
    process.arguments = ["-q", "-e", "-c", command, "/dev/null"]
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let shown = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    return (process.terminationStatus, shown)
  }

  /// `true` when `script`, which ``runOnTerminal(_:)`` needs, is installed.
  static let hasTerminalRunner = FileManager.default.isExecutableFile(atPath: "/usr/bin/script")

  static func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "scribekit-cli-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  /// A sample's path.
  static func sample(_ name: String) -> String {
    packageRoot.appendingPathComponent("Samples/\(name)").path
  }
}
