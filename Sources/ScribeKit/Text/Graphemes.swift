/// Grapheme-cluster questions about item text, answered from the bytes for ASCII text (nearly
/// every English word) and by the standard library's Unicode rules for the rest.
enum Graphemes {
  /// The number of user-perceived characters in `text`.
  static func count(_ text: String) -> Int {
    // Without a carriage return (CR LF is one cluster), each ASCII byte is one character.
    let simple = ByteScan.withBytes(of: text) { bytes -> Bool in
      let index = ByteScan.skip(bytes, from: 0) { chunk in
        chunk & 0x8080_8080_8080_8080 == 0 && !ByteScan.has(0x0D, in: chunk)
      }
      return bytes[index...].allSatisfy { $0 < 0x80 && $0 != 0x0D }
    }
    return simple == true ? text.utf8.count : text.count
  }

  /// `true` when the last character of `text` and the first of `next` form one grapheme
  /// cluster when the two are joined, as a combining mark or a zero-width joiner does with what
  /// precedes it.
  static func joinAtSeam(_ text: String, _ next: String) -> Bool {
    guard let before = text.utf8.last, let after = next.utf8.first else { return false }
    // Between two ASCII scalars Unicode breaks, except inside CR LF.
    if before < 0x80 && after < 0x80 { return before == 0x0D && after == 0x0A }
    guard let last = text.last, let first = next.first else { return false }
    return (String(last) + String(first)).count == 1
  }
}
