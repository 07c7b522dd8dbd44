import Foundation
import Testing

/// The library's folders follow the pipeline, and none reaches into one drawn after it: input
/// shapes read into the model, segmentation and caption styles make cues, formats render them,
/// output writes files, and `API/` is the front door over all of them.
@Suite("Layering: no folder uses a type of a folder after it")
struct LayeringTests {
  static let order = [
    "Text", "JSON", "Model", "Reading", "Segmentation", "Captioning", "Typesetting", "Formats",
    "Linting",
    "Output", "API",
  ]
  static let sources = Files.packageRoot.appendingPathComponent("Sources/ScribeKit")

  private func swiftFiles(in folder: String) throws -> [URL] {
    let root = Self.sources.appendingPathComponent(folder)
    guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
    else { return [] }
    return walker.compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }
  }

  /// The file's code without comments and string literals.
  private func code(of file: URL) throws -> String {
    let text = try String(contentsOf: file, encoding: .utf8)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
      line.range(of: "//").map { String(line[..<$0.lowerBound]) } ?? String(line)
    }
    return lines.joined(separator: "\n").replacingOccurrences(
      of: #""(?:[^"\\\n]|\\.)*""#, with: "\"\"", options: .regularExpression)
  }

  @Test func everyFolderIsInTheOrder() throws {
    let folders = try FileManager.default.contentsOfDirectory(atPath: Self.sources.path)
      .filter { !$0.hasSuffix(".docc") && !$0.hasPrefix(".") }
    #expect(Set(folders) == Set(Self.order), "add the new folder to LayeringTests.order")
  }

  @Test func noFolderUsesALaterOne() throws {
    // Top-level types, by the folder that declares them.
    var declaredIn: [String: Int] = [:]
    let declaration = try Regex(
      #"(?m)^(?:@\w+(?:\([^)]*\))?\s+)*(?:public |package |)(?:final )?(?:struct|enum|class|protocol|actor|typealias) (\w+)"#
    )
    for (position, folder) in Self.order.enumerated() {
      for file in try swiftFiles(in: folder) {
        for match in try code(of: file).matches(of: declaration) {
          if let name = match.output[1].substring { declaredIn[String(name)] = position }
        }
      }
    }
    #expect(declaredIn["Transcript"] != nil && declaredIn["OutputFormat"] != nil)
    let identifier = try Regex(#"\b[A-Z]\w*\b"#)
    for (position, folder) in Self.order.enumerated() {
      for file in try swiftFiles(in: folder) {
        let used = Set(
          try code(of: file).matches(of: identifier).map { String($0.output[0].substring ?? "") })
        for name in used.sorted() {
          guard let owner = declaredIn[name], owner > position else { continue }
          Issue.record(
            "\(folder)/\(file.lastPathComponent) uses \(name), declared in the later folder \(Self.order[owner])/"
          )
        }
      }
    }
  }
}
