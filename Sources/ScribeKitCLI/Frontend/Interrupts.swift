import Dispatch
import Foundation
import ScribeKit

/// SIGINT and SIGTERM remove the files being written (see ``InterruptCleanup``) and exit with
/// 128 + the signal number, as shells expect.
enum Interrupts {
  /// Installs the handlers; they work for as long as the returned sources are kept.
  ///
  /// Not on the main actor: the handlers run on a Dispatch queue, and a closure formed in a
  /// main-actor function would trap there when the runtime checks its isolation.
  static func install() -> [any DispatchSourceSignal] {
    [SIGINT, SIGTERM].map { number in
      signal(number, SIG_IGN)
      let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
      source.setEventHandler(handler: handler(for: number))
      source.resume()
      return source
    }
  }

  private static func handler(for number: Int32) -> @Sendable () -> Void {
    {
      InterruptCleanup.removeAll()
      Foundation.exit(128 + number)
    }
  }
}
