import Foundation

/// A shared library of the system, opened at run time.
///
/// Typesetting uses libraries ScribeKit does not link: linking them would need their development
/// packages on every machine that builds ScribeKit, and would stop every format from working on a
/// machine without them. Opening them when a PDF is asked for keeps `swift build` free of them
/// and leaves their absence an error for PDF alone.
struct SystemLibrary: @unchecked Sendable {
  // `@unchecked`: the handle is never closed and `dlsym` may be called from any thread.
  private let handle: UnsafeMutableRawPointer
  /// The name the library was opened by.
  let name: String

  /// Opens the first of `names` that the system's loader finds.
  ///
  /// - Throws: ``Failure`` naming every name tried and the loader's last message.
  init(_ names: [String]) throws(Failure) {
    var messages: [String] = []
    for name in names {
      if let handle = dlopen(name, RTLD_NOW | RTLD_LOCAL) {
        self.handle = handle
        self.name = name
        return
      }
      messages.append(dlerror().map { String(cString: $0) } ?? "\(name): not found")
    }
    throw Failure(names: names, message: messages.last ?? "no library name to try")
  }

  /// The function `symbol`, as the C function type `type`.
  ///
  /// - Throws: ``Failure`` when the library has no such symbol (an older version).
  func function<Function>(_ symbol: String, as type: Function.Type) throws(Failure) -> Function {
    guard let address = dlsym(handle, symbol) else {
      throw Failure(names: [name], message: "\(name) has no \(symbol) (too old a version)")
    }
    return unsafeBitCast(address, to: type)
  }

  /// Why a library or one of its functions could not be loaded.
  struct Failure: Error, Sendable, Equatable {
    /// The names tried.
    var names: [String]
    /// The loader's message for the last of them.
    var message: String
  }
}
