import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Reads whole input files into memory the way a long transcript is best read.
///
/// A 100 MB transcript read into ordinary heap memory costs one page fault per 4 KiB touched,
/// about a fifth of the whole conversion's time. Large files are read into an anonymous mapping
/// that asks the kernel for huge pages instead. The file is read (copied), not mapped, so a file
/// truncated by another process while it is read cannot bring the process down.
package enum InputFile {
  /// Files below this size gain nothing from a mapping of their own.
  static let mappingThreshold = 2 << 20

  /// The bytes of the file at `url`.
  ///
  /// - Throws: Foundation's error when the file cannot be opened or read.
  package static func read(_ url: URL) throws -> Data {
    #if canImport(Glibc)
      if let data = readIntoHugePages(url.path) { return data }
    #endif
    return try Data(contentsOf: url)
  }

  #if canImport(Glibc)
    /// `nil` when the file is small, not a regular file, or anything fails: the caller then
    /// reads it the ordinary way, which also words any error.
    private static func readIntoHugePages(_ path: String) -> Data? {
      let descriptor = open(path, O_RDONLY | O_CLOEXEC)
      guard descriptor >= 0 else { return nil }
      defer { close(descriptor) }
      var status = stat()
      guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG,
        status.st_size >= mappingThreshold, let size = Int(exactly: status.st_size)
      else { return nil }
      guard
        let base = mmap(nil, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0),
        base != MAP_FAILED
      else { return nil }
      MemoryAdvice.preferHugePages(UnsafeMutableRawBufferPointer(start: base, count: size))
      var filled = 0
      while filled < size {
        let count = Glibc.read(descriptor, base + filled, size - filled)
        if count < 0 && errno == EINTR { continue }
        guard count >= 0 else {
          munmap(base, size)
          return nil
        }
        if count == 0 { break }  // the file shrank while it was read: take what is there
        filled += count
      }
      return Data(
        bytesNoCopy: base, count: filled,
        deallocator: .custom { pointer, _ in munmap(pointer, size) })
    }
  #endif
}

/// Hints to the kernel about large buffers.
enum MemoryAdvice {
  /// Asks for transparent huge pages for the whole 2 MiB pages inside `buffer`, so that filling
  /// it costs a fault per 2 MiB rather than per 4 KiB. A hint only: ignored where unsupported.
  static func preferHugePages(_ buffer: UnsafeMutableRawBufferPointer) {
    #if canImport(Glibc)
      guard let base = buffer.baseAddress else { return }
      let hugePage = 2 << 20
      let start = (Int(bitPattern: base) + hugePage - 1) & ~(hugePage - 1)
      let end = (Int(bitPattern: base) + buffer.count) & ~(hugePage - 1)
      guard end > start, let aligned = UnsafeMutableRawPointer(bitPattern: start) else { return }
      _ = madvise(aligned, end - start, Int32(MADV_HUGEPAGE))
    #endif
  }
}
