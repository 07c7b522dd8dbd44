/// Where text written without spaces may be divided, for grouping characters into words and for
/// wrapping lines.
///
/// Chinese and Japanese put no spaces between words, so each Han or kana character is its own
/// unit, as the speech-to-text API itself returns them. Punctuation follows the Japanese
/// line-breaking rules (JIS X 4051 "kinsoku"): closing marks, small kana and the prolonged sound
/// mark stay with the character before them; opening brackets stay with the one after. Korean
/// uses spaces between words and is treated like Latin text. Thai, Lao, Khmer and Burmese need a
/// dictionary to find word boundaries; without one a run of them is kept whole.
enum TextBreaks {
  /// `true` when a line or unit may be divided between `before` and `after`, neither of which is
  /// whitespace.
  static func canBreak(between before: Character, and after: Character) -> Bool {
    guard isUnitCharacter(before) || isUnitCharacter(after) else { return false }
    if isClosing(after) || isOpening(before) { return false }
    // Keep a closing mark glued to what precedes it, but allow a break after it.
    return true
  }

  /// A character that forms a unit of its own: Han ideographs, kana, and CJK punctuation.
  static func isUnitCharacter(_ character: Character) -> Bool {
    guard let scalar = character.unicodeScalars.first else { return false }
    // Nothing below U+3000 is Han, kana or CJK punctuation (nor has the Ideographic property),
    // and asking the property table for every Latin letter is slow.
    if scalar.value < 0x3000 { return false }
    switch scalar.value {
    case 0x3000...0x303F,  // CJK symbols and punctuation
      0x3040...0x30FF,  // hiragana, katakana
      0x31F0...0x31FF,  // katakana phonetic extensions
      0x3400...0x4DBF,  // CJK extension A
      0x4E00...0x9FFF,  // CJK unified ideographs
      0xF900...0xFAFF,  // CJK compatibility ideographs
      0xFF01...0xFF60,  // full-width forms
      0xFF61...0xFF9F,  // half-width katakana and punctuation
      0x20000...0x3134F:  // CJK extensions B–G
      return true
    default:
      return scalar.properties.isIdeographic
    }
  }

  /// Characters that may not start a line: closing brackets and quotes, sentence punctuation,
  /// small kana, iteration and prolonged-sound marks.
  static func isClosing(_ character: Character) -> Bool {
    closing.contains(character)
  }

  /// Characters that may not end a line: opening brackets and quotes.
  static func isOpening(_ character: Character) -> Bool {
    opening.contains(character)
  }

  private static let closing: Set<Character> = Set(
    "、。，．・：；？！）」』】〕〉》〙〗｝］〟’”ゝゞヽヾ々〻ー…‥"
      + "ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ"
      + ",.!?;:)]}%" + "｡｣､･ｧｨｩｪｫｬｭｮｯｰ")
  private static let opening: Set<Character> = Set("（「『【〔〈《〘〖｛［〝‘“([{｢")
}

extension TextBreaks {
  /// A letter or digit of a word written with spaces (Latin, Greek, Cyrillic, Hangul), ASCII or
  /// full width: the characters of a word or a number, which a caption line never divides
  /// (iPhone15, 2024, ２０２４). Han, kana and CJK punctuation are not.
  static func isAlphanumeric(_ character: Character) -> Bool {
    guard let scalar = character.unicodeScalars.first else { return false }
    switch scalar.value {
    case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: return true
    case 0xFF10...0xFF19, 0xFF21...0xFF3A, 0xFF41...0xFF5A: return true
    default: break
    }
    if isUnitCharacter(character) { return false }
    return character.isLetter || character.isNumber
  }

  /// An ASCII or full-width decimal digit.
  static func isDigit(_ character: Character) -> Bool {
    guard let scalar = character.unicodeScalars.first else { return false }
    switch scalar.value {
    case 0x30...0x39, 0xFF10...0xFF19: return true
    default: return false
    }
  }
}
