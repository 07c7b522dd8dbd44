import Foundation
import ScribeKit

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

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
  /// Temporary files already holding entries' content (by entry index), written by ``stage()``.
  private(set) var staged: [Int: URL] = [:]

  /// The folder the files go to, or `nil` when the output is stdout.
  var folder: URL? {
    for case (.file(let url), _) in entries { return url.deletingLastPathComponent() }
    return nil
  }

  /// Plans where `files` go, under the names the library gave them.
  init(files outputs: [ExportedFile], input: InputSource, output: String?) throws {
    inputURL = input.url
    let names = outputs.map(\.fileName)
    let listed = names.joined(separator: ", ")

    func toStandardOutput(_ reason: String) throws -> [(Target, Data)] {
      guard outputs.count == 1, let only = outputs.first else {
        throw CommandFailure(
          "\(outputs.count) outputs (\(listed)) cannot all go to stdout\(reason); give a folder "
            + "with -o")
      }
      // A terminal shows a binary file as garbage and may act on its bytes; a pipe is fine.
      if only.isBase64Encoded, isatty(STDOUT_FILENO) == 1 {
        throw CommandFailure(
          "\(only.format.name) is a binary format; refusing to write it to a terminal: redirect "
            + "standard output to a file or a pipe, or give a file or folder with -o")
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
      if Self.namesFolder(path) {
        let folder = URL(fileURLWithPath: path, isDirectory: true)
        if !FileManager.default.fileExists(atPath: path) {
          do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
          } catch {
            // A folder's inputs are planned on several threads: another may have made it first.
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory),
              isDirectory.boolValue
            else {
              throw CommandFailure(
                "\(path): cannot create the folder: \(error.localizedDescription)")
            }
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

  /// Writes every file entry's content to a temporary file beside its destination, without
  /// naming it yet: see ``AtomicFile/writeTemporary(_:to:for:)``.
  ///
  /// Why: writing a file is mostly waiting for the disk, so a folder's inputs stage their files
  /// on several threads at once, and ``write(replacing:)`` (run in input order, for the checks
  /// and for which input wins a name) only gives the staged files their names. On failure,
  /// what was staged is removed.
  mutating func stage() throws {
    do {
      for (index, entry) in entries.enumerated() {
        guard case .file(let url) = entry.target else { continue }
        let temporary = AtomicFile.temporaryURL(for: url)
        InterruptCleanup.register(temporary.path)
        staged[index] = temporary
        try AtomicFile.writeTemporary(entry.content, to: temporary, for: url)
      }
    } catch {
      discardStaged()
      throw error
    }
  }

  /// Removes the temporary files of ``stage()`` that were not published.
  mutating func discardStaged() {
    for temporary in staged.values {
      unlink(temporary.path)
      InterruptCleanup.unregister(temporary.path)
    }
    staged = [:]
  }

  /// Writes every entry, each atomically; refuses before writing anything if a check fails.
  ///
  /// - Parameter durable: see ``AtomicFile/write(_:to:replacing:durable:)``; staged entries were
  ///   flushed already.
  func write(replacing: Bool, durable: Bool = true) throws {
    var unpublished = self
    defer { unpublished.discardStaged() }
    for case (.file(let url), _) in entries {
      // A file that does not exist cannot be the input; checked first because it costs one
      // `stat`, where comparing paths resolves every folder of both (many a file, in a
      // folder of thousands).
      let exists = FileManager.default.fileExists(atPath: url.path)
      if exists, let inputURL, Self.isSameFile(url, inputURL) {
        throw CommandFailure(
          "\(url.relativePath): is the input file; refusing to overwrite it (choose another "
            + "name or folder with -o)")
      }
      if !replacing && exists {
        throw OutputError.fileExists(path: url.relativePath)
      }
    }
    for (index, (target, content)) in entries.enumerated() {
      switch target {
      case .standardOutput:
        FileHandle.standardOutput.write(content)
      case .file(let url):
        if let temporary = unpublished.staged.removeValue(forKey: index) {
          defer { InterruptCleanup.unregister(temporary.path) }
          try AtomicFile.publish(temporary, as: url, replacing: replacing)
        } else {
          try AtomicFile.write(content, to: url, replacing: replacing, durable: durable)
        }
      }
    }
  }

  /// `true` when `-o path` means a folder: it ends in `/` or is an existing folder.
  static func namesFolder(_ path: String) -> Bool {
    var isDirectory: ObjCBool = false
    return path.hasSuffix("/")
      || (FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
        && isDirectory.boolValue)
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
