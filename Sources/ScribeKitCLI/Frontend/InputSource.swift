import Foundation
import ScribeKit

/// Where the input comes from: a file or standard input.
struct InputSource {
  /// The file, or `nil` for standard input or data from the API.
  var url: URL?
  private var fixedLabel: String?

  init(argument: String) {
    url = argument == "-" ? nil : URL(fileURLWithPath: argument)
  }

  /// Data that did not come from a file, named `label` in messages.
  init(label: String) {
    url = nil
    fixedLabel = label
  }

  /// The input file's name without its extension, which output files are named after; `nil`
  /// for standard input and data from the API.
  var stem: String? {
    guard let url, fixedLabel == nil else { return nil }
    let stem = url.deletingPathExtension().lastPathComponent
    return stem.isEmpty ? nil : stem
  }

  /// The name used in messages.
  var label: String { fixedLabel ?? url?.relativePath ?? "<stdin>" }

  /// The input's bytes.
  func read() throws -> Data {
    guard let url else {
      return FileHandle.standardInput.readDataToEndOfFile()
    }
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
      throw CommandFailure("\(label): no such file")
    }
    if isDirectory.boolValue {
      throw CommandFailure("\(label): is a folder; expected a JSON file")
    }
    do {
      return try InputFile.read(url)
    } catch {
      throw CommandFailure("\(label): cannot read: \(error.localizedDescription)")
    }
  }
}
