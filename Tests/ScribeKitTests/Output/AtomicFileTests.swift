import Foundation
import Testing

@testable import ScribeKit

@Suite("Output: atomic files")
struct AtomicFileTests {
  private func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "scribekit-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  @Test func writesAndLeavesNoTemporaryFileBehind() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let target = folder.appendingPathComponent("out.srt")
    try AtomicFile.write(Data("one".utf8), to: target, replacing: false)
    #expect(try String(contentsOf: target, encoding: .utf8) == "one")
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["out.srt"])
  }

  @Test func keepsAnExistingFileUnlessAllowedToReplaceIt() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let target = folder.appendingPathComponent("out.srt")
    try AtomicFile.write(Data("one".utf8), to: target, replacing: false)
    #expect(throws: OutputError.fileExists(path: target.path)) {
      try AtomicFile.write(Data("two".utf8), to: target, replacing: false)
    }
    #expect(try String(contentsOf: target, encoding: .utf8) == "one")
    try AtomicFile.write(Data("two".utf8), to: target, replacing: true)
    #expect(try String(contentsOf: target, encoding: .utf8) == "two")
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["out.srt"])
  }

  @Test func writesWithoutFlushingUnderTheSameRules() throws {
    // Captions rewritten while a stream arrives skip the flush to the disk, nothing else.
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let target = folder.appendingPathComponent("out.srt")
    try AtomicFile.write(Data("one".utf8), to: target, replacing: false, durable: false)
    #expect(try String(contentsOf: target, encoding: .utf8) == "one")
    #expect(throws: OutputError.fileExists(path: target.path)) {
      try AtomicFile.write(Data("two".utf8), to: target, replacing: false, durable: false)
    }
    try AtomicFile.write(Data(), to: target, replacing: true, durable: false)
    #expect(try Data(contentsOf: target).isEmpty)
    let large = Data((0..<300_000).map { UInt8(truncatingIfNeeded: $0 &* 31) })
    try AtomicFile.write(large, to: target, replacing: true, durable: false)
    #expect(try Data(contentsOf: target) == large)
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["out.srt"])
    // The same permissions as a flushed file: what the umask allows of rw-rw-rw-.
    let flushed = folder.appendingPathComponent("flushed.srt")
    try AtomicFile.write(Data("x".utf8), to: flushed, replacing: false)
    let mode = { (url: URL) in
      try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int
    }
    #expect(try mode(target) == mode(flushed))
    let missing = URL(fileURLWithPath: "/nonexistent-\(UUID().uuidString)/out.srt")
    #expect(throws: OutputError.self) {
      try AtomicFile.write(Data("x".utf8), to: missing, replacing: true, durable: false)
    }
  }

  @Test func reportsAFolderThatCannotBeWritten() throws {
    let target = URL(fileURLWithPath: "/nonexistent-\(UUID().uuidString)/out.srt")
    do {
      try AtomicFile.write(Data("x".utf8), to: target, replacing: true)
      Issue.record("writing into a missing folder succeeded")
    } catch {
      #expect(error.description.hasPrefix(target.path + ": cannot write: "))
    }
  }
}
