/// Something a reader repaired or skipped in the input, reported so that nothing changes silently.
public struct ReadWarning: Sendable, Equatable, CustomStringConvertible {
  /// The JSON path of the item concerned, such as `$.words[7]`.
  public var path: String
  /// What was wrong and what was done about it.
  public var message: String

  /// Creates a warning.
  public init(path: String, message: String) {
    self.path = path
    self.message = message
  }

  /// `path: message`.
  public var description: String { "\(path): \(message)" }
}
