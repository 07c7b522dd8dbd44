/// Whitespace questions asked of every item's text, answered from the first or last byte when
/// that settles it (it does for nearly all real text), else by Unicode's rules.
///
/// The answers are those of `Character.isWhitespace` (the first scalar's `White_Space`
/// property); ``trimmingWhitespace(_:)`` trims scalars, exactly as Foundation's
/// `trimmingCharacters(in: .whitespacesAndNewlines)` does, which is the same set of characters.
enum Whitespace {
  static func isASCIIWhitespace(_ byte: UInt8) -> Bool {
    byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
  }

  /// `true` when `byte` is an ASCII character other than whitespace.
  private static func isASCIIVisible(_ byte: UInt8) -> Bool {
    byte < 0x80 && !isASCIIWhitespace(byte)
  }

  /// `true` for text made only of whitespace characters (and for empty text).
  static func isBlank(_ text: String) -> Bool {
    for byte in text.utf8 {
      // Past ASCII, Unicode's whitespace rules decide.
      guard byte < 0x80 else { return text.allSatisfy(\.isWhitespace) }
      if !isASCIIWhitespace(byte) { return false }
    }
    return true
  }

  /// How many whitespace characters the text starts with.
  static func leadingCount(_ text: String) -> Int {
    if let first = text.utf8.first, isASCIIVisible(first) { return 0 }
    return text.prefix(while: \.isWhitespace).count
  }

  /// How many whitespace characters the text ends with.
  static func trailingCount(_ text: String) -> Int {
    // No grapheme cluster that ends in a visible ASCII character starts with whitespace.
    if let last = text.utf8.last, isASCIIVisible(last) { return 0 }
    return text.reversed().prefix(while: \.isWhitespace).count
  }

  /// The text without whitespace at either end.
  static func trimmingWhitespace(_ text: String) -> String {
    if let first = text.utf8.first, let last = text.utf8.last, isASCIIVisible(first),
      isASCIIVisible(last)
    {
      return text
    }
    let scalars = text.unicodeScalars
    guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
      let end = scalars.lastIndex(where: { !$0.properties.isWhitespace })
    else { return "" }
    return String(scalars[start...end])
  }
}
