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
  private var countStarted = Date()
  private var showsElapsed = true
  private var countingBytes = false
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

  /// Shows `done` of `total` items with the rate so far and the time left at that rate.
  func count(_ done: Int, of total: Int, what: String, verb: String = "converting") {
    guard enabled else { return }
    lock.lock()
    if done == 0 { countStarted = Date() }
    let elapsed = Date().timeIntervalSince(countStarted)
    var text = "\(verb) \(done) of \(total) \(what)"
    if done > 0, elapsed > 0 {
      let rate = Double(done) / elapsed
      let left = Double(total - done) / rate
      text += String(format: ", %.1f/s, about %.0f s left", rate, left.rounded(.up))
    }
    message = text
    lock.unlock()
    draw(elapsed: false)
  }

  /// Shows an upload's bytes sent with the rate so far and the time left at that rate; once
  /// all are sent, that the server is working on `awaited` (what the upload is for).
  func bytes(
    _ sent: Int64, of total: Int64, name: String, awaited: String = "the transcript"
  ) {
    guard enabled else { return }
    lock.lock()
    if sent == 0 || !countingBytes { countStarted = Date() }
    countingBytes = true
    let elapsed = Date().timeIntervalSince(countStarted)
    let megabytes = { (bytes: Int64) in String(format: "%.1f", Double(bytes) / 1_000_000) }
    if total > 0, sent >= total {
      message = "uploaded \(name) (\(megabytes(total)) MB); waiting for \(awaited)"
      started = Date()
      showsElapsed = true
    } else {
      var text = "uploading \(name): \(megabytes(sent)) of \(megabytes(total)) MB"
      if sent > 0, elapsed > 0 {
        let rate = Double(sent) / elapsed
        text += String(
          format: ", %.1f MB/s, about %.0f s left", rate / 1_000_000,
          (Double(total - sent) / rate).rounded(.up))
      }
      message = text
      showsElapsed = false
    }
    lock.unlock()
    draw()
  }

  /// Erases the line, so that a message can be written in its place.
  func clear() {
    guard enabled else { return }
    Diagnostics.write("\r\u{1B}[K")
  }

  func finish() {
    ticker?.cancel()
    guard enabled else { return }
    Diagnostics.write("\r\u{1B}[K")
  }

  private func draw(elapsed: Bool? = nil) {
    guard enabled else { return }
    lock.lock()
    if let elapsed { showsElapsed = elapsed }
    let seconds = showsElapsed ? " (\(Int(Date().timeIntervalSince(started))) s)" : ""
    let line = "\r\u{1B}[K\(message)\(seconds)"
    lock.unlock()
    Diagnostics.write(line)
  }
}
