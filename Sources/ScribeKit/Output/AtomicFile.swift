import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Why an output file could not be written.
public enum OutputError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The file exists and the caller did not allow replacing it.
  case fileExists(path: String)
  /// The operating system refused; `reason` is its message.
  case cannotWrite(path: String, reason: String)

  /// One line for a person.
  public var description: String {
    switch self {
    case .fileExists(let path):
      return "\(path): already exists; not replaced"
    case .cannotWrite(let path, let reason):
      return "\(path): cannot write: \(reason)"
    }
  }
}

/// Writes files so that a reader never sees half of one.
///
/// The bytes go to a hidden temporary file in the destination's folder, which then takes the
/// destination's name in one step (`link(2)` when an existing file must be kept, `rename(2)`
/// otherwise). If anything fails, the temporary file is removed and the destination is as it was.
package enum AtomicFile {
  /// Writes `data` to `url`.
  ///
  /// - Parameter replacing: allow replacing an existing file. When `false`, an existing file is
  ///   left alone and ``OutputError/fileExists(path:)`` is thrown, even if another process creates
  ///   the file between the check and the write.
  /// - Parameter durable: flush the content to the disk before the file takes its name (the
  ///   default). Without, a file that is replaced again moments later (captions rewritten while
  ///   a stream arrives) does not wait for the disk, which takes a millisecond and, when the disk
  ///   is busy, a hundred; readers still never see half a file, but a crash may lose it.
  package static func write(
    _ data: Data, to url: URL, replacing: Bool, durable: Bool = true
  ) throws(OutputError) {
    let temporary = temporaryURL(for: url)
    InterruptCleanup.register(temporary.path)
    defer { InterruptCleanup.unregister(temporary.path) }
    if durable {
      try writeTemporary(data, to: temporary, for: url)
    } else {
      try writeWithoutFlushing(data, to: temporary, for: url)
    }
    try publish(temporary, as: url, replacing: replacing)
  }

  /// Writes `data` to `temporary` (from ``temporaryURL(for:)``), the first half of
  /// ``write(_:to:replacing:)``, for callers that write several files ahead and name them
  /// later; errors name `url`, the file the user asked for.
  ///
  /// This is the slow half: Foundation flushes the file to the disk (`fsync`), about a
  /// millisecond each here, which a caller writing many files overlaps by writing them on
  /// several threads. The caller registers `temporary` with ``InterruptCleanup`` and removes it
  /// if it is never published.
  package static func writeTemporary(
    _ data: Data, to temporary: URL, for url: URL
  ) throws(OutputError) {
    do {
      try data.write(to: temporary, options: .withoutOverwriting)
    } catch {
      throw OutputError.cannotWrite(path: url.path, reason: reason(of: error))
    }
  }

  /// ``writeTemporary(_:to:for:)`` without the flush to the disk: a new file (never an existing
  /// one) created with the same permissions Foundation gives one, written and closed.
  private static func writeWithoutFlushing(
    _ data: Data, to temporary: URL, for url: URL
  ) throws(OutputError) {
    let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
    guard descriptor >= 0 else {
      throw OutputError.cannotWrite(path: url.path, reason: String(cString: strerror(errno)))
    }
    let failure: Int32 = data.withUnsafeBytes { raw in
      guard let base = raw.baseAddress else { return 0 }
      var offset = 0
      while offset < raw.count {
        let count = systemWrite(descriptor, base + offset, raw.count - offset)
        if count < 0 {
          if errno == EINTR { continue }
          return errno
        }
        offset += count
      }
      return 0
    }
    let closed = close(descriptor) == 0 ? 0 : errno
    if failure != 0 || closed != 0 {
      unlink(temporary.path)
      throw OutputError.cannotWrite(
        path: url.path, reason: String(cString: strerror(failure != 0 ? failure : closed)))
    }
  }

  /// A hidden file beside `url` to write its content into before ``publish(_:as:replacing:)``,
  /// for content that arrives in pieces (a stream) rather than all at once.
  package static func temporaryURL(for url: URL) -> URL {
    url.deletingLastPathComponent().appendingPathComponent(
      ".\(url.lastPathComponent).\(UUID().uuidString.prefix(8)).scribekit-tmp")
  }

  /// Gives the complete file `temporary` the name `url` in one step, then removes `temporary`
  /// (whether or not that worked), with the same replacing rule as ``write(_:to:replacing:)``.
  package static func publish(_ temporary: URL, as url: URL, replacing: Bool) throws(OutputError) {
    let path = url.path
    defer { _ = unlink(temporary.path) }
    if replacing {
      if rename(temporary.path, path) != 0 {
        throw OutputError.cannotWrite(path: path, reason: String(cString: strerror(errno)))
      }
    } else if link(temporary.path, path) != 0 {
      let code = errno
      if code == EEXIST { throw OutputError.fileExists(path: path) }
      throw OutputError.cannotWrite(path: path, reason: String(cString: strerror(code)))
    }
  }

  private static func reason(of error: any Error) -> String {
    let nsError = error as NSError
    if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError,
      underlying.domain == NSPOSIXErrorDomain,
      let code = POSIXErrorCode(rawValue: Int32(underlying.code))
    {
      return String(cString: strerror(code.rawValue))
    }
    if nsError.domain == NSPOSIXErrorDomain,
      let code = POSIXErrorCode(rawValue: Int32(nsError.code))
    {
      return String(cString: strerror(code.rawValue))
    }
    return nsError.localizedDescription
  }
}

/// `write(2)`, which ``AtomicFile``'s own `write` hides inside it.
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
  write(descriptor, bytes, count)
}
