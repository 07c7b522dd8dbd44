/// Grapheme-cluster questions about item text, answered from the bytes for ASCII text (nearly
/// every English word) and by the standard library's Unicode rules for the rest.
enum Graphemes {
  /// The number of user-perceived characters in `text`.
  static func count(_ text: String) -> Int {
    // Without a carriage return (CR LF is one cluster), each ASCII byte is one character.
    for byte in text.utf8 where byte >= 0x80 || byte == 0x0D {
      return text.count
    }
    return text.utf8.count
  }

  /// The character at the end of `text`, for asking whether what follows joins it.
  ///
  /// When the last byte is ASCII, that byte stands for the last cluster: whatever may precede
  /// it in the cluster (a prepended mark) plays no part in whether the next character joins.
  static func last(of text: String) -> Character? {
    if let byte = text.utf8.last, byte < 0x80 { return Character(Unicode.Scalar(byte)) }
    return text.last
  }
}
