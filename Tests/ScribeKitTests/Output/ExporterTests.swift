import Foundation
import Testing

@testable import ScribeKit

@Suite("Output: exporter")
struct ExporterTests {
  @Test func rendersOneOutputPerChannelByDefault() throws {
    let transcript = try Files.readInput("multichannel.json")
    let outputs = try transcript.export(.srt)
    #expect(outputs.map(\.channelIndex) == [0, 1])
    #expect(outputs.map(\.fileExtension) == ["srt", "srt"])
    #expect(outputs.map(\.contentType) == ["text/srt", "text/srt"])
    #expect(outputs.allSatisfy { !$0.isBase64Encoded })
    let first = String(decoding: outputs[0].content, as: UTF8.self)
    #expect(first.contains("Good morning, caller.") && !first.contains("Thanks"))
  }

  @Test func picksOneChannelOrSaysWhichExist() throws {
    let transcript = try Files.readInput("multichannel.json")
    let one = try transcript.export(.srt, settings: ExportSettings(channels: .channel(1)))
    #expect(one.map(\.channelIndex) == [1])
    #expect(String(decoding: one[0].content, as: UTF8.self).contains("Thanks for taking my call."))
    #expect(throws: ExportError.channelNotFound(requested: 4, available: [0, 1])) {
      try transcript.export(.srt, settings: ExportSettings(channels: .channel(4)))
    }
  }

  @Test func mergedChannelsSplitAtEveryChannelChange() throws {
    let transcript = try Files.readInput("multichannel.json")
    let outputs = try transcript.export(.srt, settings: ExportSettings(channels: .merged))
    #expect(outputs.count == 1 && outputs[0].channelIndex == nil)
    let srt = String(decoding: outputs[0].content, as: UTF8.self)
    #expect(srt.contains("\nGood morning, caller.\n\n2\n"))
    #expect(srt.contains("\nHi! Thanks for taking my call.\n\n3\n"))
  }

  @Test func refusesFormatsItDoesNotRenderYet() throws {
    let transcript = try Files.readInput("webhook.json")
    let renderable = OutputFormats.all.filter { $0.name != "pdf" }.map(\.name)
    for format in OutputFormats.all where !renderable.contains(format.name) {
      let reason =
        "is not rendered by this version of ScribeKit; it renders "
        + renderable.joined(separator: ", ")
      #expect(throws: ExportError.formatUnavailable(format: format.name, reason: reason)) {
        try transcript.export([ExportRequest(format)])
      }
    }
  }
}

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
