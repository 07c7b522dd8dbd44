import Foundation

/// An ElevenLabs API key. It prints as `<redacted>` everywhere, so it cannot leak into a log,
/// an error message or a crash report by accident; only the request builder reads its value.
public struct APIKey: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible,
  CustomReflectable
{
  let value: String

  /// Wraps a key; surrounding whitespace (a trailing newline in a key file) is removed.
  public init(_ value: String) {
    self.value = value.trimmingCharacters(in: .whitespacesAndNewlines)
  }

  /// `<redacted>`.
  public var description: String { "<redacted>" }
  /// `<redacted>`.
  public var debugDescription: String { "<redacted>" }
  /// No children: `dump(_:)` and other reflection would otherwise show the stored value.
  public var customMirror: Mirror { Mirror(self, children: []) }
}
