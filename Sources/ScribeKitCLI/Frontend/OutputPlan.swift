import Foundation
import ScribeKit

/// Where each rendered output goes, decided and checked before anything is written.
///
/// Every check that can fail (stdout asked to take several files, a name that is the input, a
/// file that exists) runs before the first byte is written, so a refused run writes nothing.
struct OutputPlan {
  enum Target: Equatable {
    case standardOutput
    case file(URL)
  }

  var entries: [(target: Target, content: Data)]
  var inputURL: URL?

  /// The folder the files go to, or `nil` when the output is stdout.
  var folder: URL? {
    for case (.file(let url), _) in entries { return url.deletingLastPathComponent() }
    return nil
  }

  /// Plans where `outputs` go; files are named `stem...` (see ``stem(input:transcriptID:)``).
  init(outputs: [RenderedOutput], input: InputSource, output: String?, stem: String) throws {
    inputURL = input.url
    let names = Self.fileNames(for: outputs, stem: stem)
    let listed = names.joined(separator: ", ")

    func toStandardOutput(_ reason: String) throws -> [(Target, Data)] {
      guard outputs.count == 1, let only = outputs.first else {
        throw CommandFailure(
          "\(outputs.count) outputs (\(listed)) cannot all go to stdout\(reason); give a folder "
            + "with -o")
      }
      return [(.standardOutput, only.content)]
    }

    func toFolder(_ folder: URL) -> [(Target, Data)] {
      zip(outputs, names).map { output, name in
        (.file(folder.appendingPathComponent(name)), output.content)
      }
    }

    switch output {
    case "-":
      entries = try toStandardOutput("")
    case nil:
      if let url = input.url {
        entries = toFolder(url.deletingLastPathComponent())
      } else {
        entries = try toStandardOutput(" (the input is stdin and no -o was given)")
      }
    case let path?:
      var isDirectory: ObjCBool = false
      let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
      if path.hasSuffix("/") || (exists && isDirectory.boolValue) {
        let folder = URL(fileURLWithPath: path, isDirectory: true)
        if !exists {
          do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
          } catch {
            throw CommandFailure("\(path): cannot create the folder: \(error.localizedDescription)")
          }
        }
        entries = toFolder(folder)
      } else if outputs.count == 1, let only = outputs.first {
        entries = [(.file(URL(fileURLWithPath: path)), only.content)]
      } else {
        throw CommandFailure(
          "-o \(path): \(outputs.count) outputs (\(listed)) cannot go to one file; give a folder "
            + "(an existing one, or a path ending in /)")
      }
    }
  }

  /// Writes every entry, each atomically; refuses before writing anything if a check fails.
  func write(replacing: Bool) throws {
    for case (.file(let url), _) in entries {
      if let inputURL, Self.isSameFile(url, inputURL) {
        throw CommandFailure(
          "\(url.relativePath): is the input file; refusing to overwrite it (choose another "
            + "name or folder with -o)")
      }
      if !replacing && FileManager.default.fileExists(atPath: url.path) {
        throw OutputError.fileExists(path: url.relativePath)
      }
    }
    for (target, content) in entries {
      switch target {
      case .standardOutput:
        FileHandle.standardOutput.write(content)
      case .file(let url):
        try AtomicFile.write(content, to: url, replacing: replacing)
      }
    }
  }

  /// The input's file name without its extension, else a safe form of the transcript ID.
  static func stem(input: URL?, transcriptID: String?) -> String {
    if let input {
      let stem = input.deletingPathExtension().lastPathComponent
      if !stem.isEmpty { return stem }
    }
    // An ID comes from data, not from the user: keep it to characters that cannot name
    // another folder or hide the file.
    let safe = String(
      (transcriptID ?? "").unicodeScalars.map { scalar -> Character in
        let allowed = CharacterSet.alphanumerics.contains(scalar) || scalar == "-" || scalar == "_"
        return allowed && scalar.isASCII ? Character(scalar) : "_"
      }
    ).prefix(100)
    return safe.isEmpty ? "transcript" : String(safe)
  }

  /// `stem[.channel-N].ext`, with `-2`, `-3`, ... added to names that would repeat.
  ///
  /// segmented_json files end in `.segmented.json` rather than the API's bare `.json`, so that
  /// they are never mistaken for (or written over) the transcript they came from.
  static func fileNames(for outputs: [RenderedOutput], stem: String) -> [String] {
    fileNames(for: outputs.map { ($0.requestedFormat, $0.channelIndex) }, stem: stem)
  }

  /// The names ``fileNames(for:stem:)`` gives outputs of these formats and channels.
  static func fileNames(
    for outputs: [(format: ExportFormat, channelIndex: Int?)], stem: String
  ) -> [String] {
    var seen: [String: Int] = [:]
    return outputs.map { format, channelIndex in
      let channel = channelIndex.map { ".channel-\($0)" } ?? ""
      let base = stem + channel
      let fileExtension = format == .segmentedJSON ? "segmented.json" : format.fileExtension
      let key = base + "." + fileExtension
      let count = (seen[key] ?? 0) + 1
      seen[key] = count
      return (count == 1 ? base : "\(base)-\(count)") + "." + fileExtension
    }
  }

  static func isSameFile(_ lhs: URL, _ rhs: URL) -> Bool {
    let left = lhs.standardizedFileURL.resolvingSymlinksInPath().path
    let right = rhs.standardizedFileURL.resolvingSymlinksInPath().path
    if left == right { return true }
    // Hard links and case-insensitive file systems: compare the files themselves.
    let manager = FileManager.default
    guard let a = try? manager.attributesOfItem(atPath: left),
      let b = try? manager.attributesOfItem(atPath: right),
      let inodeA = a[.systemFileNumber] as? UInt64, let inodeB = b[.systemFileNumber] as? UInt64,
      let deviceA = a[.systemNumber] as? UInt64, let deviceB = b[.systemNumber] as? UInt64
    else { return false }
    return inodeA == inodeB && deviceA == deviceB
  }
}
