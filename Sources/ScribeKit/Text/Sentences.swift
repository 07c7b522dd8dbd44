/// Where sentences and clauses end, from the punctuation a word ends with: what caption
/// styles and document paragraphs break at.
enum Sentences {
  private static let sentenceEnds: Set<Character> = [".", "?", "!", "…", "。", "？", "！", "‼"]
  private static let clauseEnds: Set<Character> = [",", ";", ":", "—", "、", "，", "；", "："]

  /// The last byte of ASCII `text` that is not a closing quote or bracket (`0` when there is
  /// none), or `nil` when the text is not ASCII. In ASCII every character is one byte (but
  /// CR LF, which no set here contains either way), so this is ``lastMark(_:)`` without
  /// walking grapheme clusters.
  private static func asciiLastMark(_ text: String) -> UInt8? {
    var mark: UInt8 = 0
    for byte in text.utf8 {
      guard byte < 0x80 else { return nil }
      if !asciiClosers.contains(byte) { mark = byte }
    }
    return mark
  }

  /// The ASCII characters ``lastMark(_:)`` looks past.
  private static let asciiClosers = ASCIISet("\"')]")

  static func lastMark(_ text: String) -> Character? {
    text.last { !"\"'”’)]」』）".contains($0) }
  }

  private static let abbreviations: Set<String> = [
    "mr.", "mrs.", "ms.", "dr.", "prof.", "st.", "jr.", "sr.", "vs.", "etc.", "e.g.", "i.e.",
    "mt.", "no.", "fig.", "approx.", "inc.", "ltd.", "co.",
  ]

  static func endsSentence(_ text: String) -> Bool {
    // Most words end in an ASCII letter or digit: no sentence ends there, and the last byte
    // says so without walking grapheme clusters.
    if let last = text.utf8.last, last < 0x80, !asciiMarks.contains(last) { return false }
    if let mark = asciiLastMark(text) {
      // ASCII text, as nearly every word is: the same decisions as below, from bytes.
      switch mark {
      case UInt8(ascii: "?"), UInt8(ascii: "!"): return true
      case UInt8(ascii: "."): return !isASCIIAbbreviationOrInitial(text)
      default: return false
      }
    }
    guard let mark = lastMark(text), sentenceEnds.contains(mark) else { return false }
    if mark == "." {
      let lowered = text.lowercased()
      if abbreviations.contains(lowered) { return false }
      // An initial such as "J." ends a name, not a sentence.
      if text.count == 2, text.first?.isUppercase ?? false { return false }
    }
    return true
  }

  /// For ASCII `text` ending in a period: whether it is one of ``abbreviations`` or an initial
  /// ("J."), as `endsSentence` asks of any text.
  private static func isASCIIAbbreviationOrInitial(_ text: String) -> Bool {
    let bytes = text.utf8
    if bytes.count == 2, let first = bytes.first, first >= UInt8(ascii: "A"),
      first <= UInt8(ascii: "Z")
    {
      return true
    }
    // The longest abbreviation is seven characters ("approx."): nothing longer is looked up.
    return bytes.count <= 7 && abbreviations.contains(text.lowercased())
  }

  /// The ASCII bytes that can end a sentence or a clause, or sit after its mark.
  private static let asciiMarks = ASCIISet(".?!,;:\"')]")

  static func endsClause(_ text: String) -> Bool {
    if let last = text.utf8.last, last < 0x80, !asciiMarks.contains(last) { return false }
    if let mark = asciiLastMark(text) {
      return mark == UInt8(ascii: ",") || mark == UInt8(ascii: ";") || mark == UInt8(ascii: ":")
    }
    return lastMark(text).map { clauseEnds.contains($0) } ?? false
  }
}

/// A set of ASCII bytes as a bit mask: asked about every word of a transcript, where hashing a
/// byte for a `Set` costs more than the rest of the question.
struct ASCIISet: Sendable {
  private var low: UInt64 = 0
  private var high: UInt64 = 0

  /// The set of `characters`' bytes below 128.
  init(_ characters: String) {
    for byte in characters.utf8 where byte < 0x80 {
      if byte < 64 { low |= 1 << UInt64(byte) } else { high |= 1 << UInt64(byte - 64) }
    }
  }

  /// Whether `byte` is in the set; never for bytes of 128 and above.
  @inline(__always)
  func contains(_ byte: UInt8) -> Bool {
    if byte < 64 { return low & (1 << UInt64(byte)) != 0 }
    if byte < 128 { return high & (1 << UInt64(byte - 64)) != 0 }
    return false
  }
}
