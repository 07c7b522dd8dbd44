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
