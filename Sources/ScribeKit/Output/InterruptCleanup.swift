import Foundation

/// Files to remove if the process is interrupted (Ctrl-C, `kill`) before it finishes them.
///
/// ``AtomicFile`` registers each temporary file here while it writes it, and a command that
/// publishes files it may still take back (a stream's captions) registers those. The library
/// installs no signal handler, since what an interrupt means is the host's decision; the
/// `scribekit` tool calls ``removeAll()`` from its SIGINT and SIGTERM handlers, so an
/// interrupted run leaves neither a partial file nor a hidden temporary one. (SIGKILL cannot be
/// caught: after one, a hidden `.NAME.….scribekit-tmp` file may remain, never a partial NAME.)
package enum InterruptCleanup {
  private final class Registry: @unchecked Sendable {
    // Guarded by `lock`: signal handlers run on their own queue, writers on any thread.
    let lock = NSLock()
    var paths: Set<String> = []
  }

  private static let registry = Registry()

  /// Removes `path` if the process is interrupted before ``unregister(_:)``.
  package static func register(_ path: String) {
    registry.lock.withLock { _ = registry.paths.insert(path) }
  }

  /// Keeps `path` from now on.
  package static func unregister(_ path: String) {
    registry.lock.withLock { _ = registry.paths.remove(path) }
  }

  /// Removes every registered file and forgets them; returns how many were registered.
  @discardableResult
  package static func removeAll() -> Int {
    registry.lock.withLock {
      for path in registry.paths { unlink(path) }
      defer { registry.paths.removeAll() }
      return registry.paths.count
    }
  }
}
