import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A one-line progress display on stderr, shown only when stderr is a terminal, so logs and
/// pipelines stay quiet.
final class Progress: @unchecked Sendable {
  // Touched from the ticking task and the command; the lock keeps the line whole.
  private let lock = NSLock()
  private var message: String
  private var started = Date()
  private var ticker: Task<Void, Never>?
  private let enabled: Bool

  init(_ message: String, quiet: Bool) {
    self.message = message
    enabled = !quiet && isatty(STDERR_FILENO) == 1
    guard enabled else { return }
    ticker = Task { [weak self] in
      while !Task.isCancelled {
        self?.draw()
        try? await Task.sleep(nanoseconds: 250_000_000)
      }
    }
  }

  func update(_ message: String) {
    lock.lock()
    self.message = message
    started = Date()
    lock.unlock()
    draw()
  }

  func finish() {
    ticker?.cancel()
    guard enabled else { return }
    Diagnostics.write("\r\u{1B}[K")
  }

  private func draw() {
    guard enabled else { return }
    lock.lock()
    let line = "\r\u{1B}[K\(message) (\(Int(Date().timeIntervalSince(started))) s)"
    lock.unlock()
    Diagnostics.write(line)
  }
}
