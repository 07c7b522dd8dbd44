/// Where a line or cue may break, by language: the costs ``CaptionSegmenter`` adds for a break
/// between two displayed words.
extension CaptionSegmenter {
  /// The cost of breaking a line or cue between `before` and `after`.
  func breakCost(after before: Token, before after: Token) -> Double {
    if Self.endsSentence(before.text) { return -2 }
    if Self.endsClause(before.text) { return -1 }
    var cost = 0.0
    let beforeKey = BreakWords.key(before.text)
    let afterKey = BreakWords.key(after.text)
    if words.noBreakAfter.contains(beforeKey) { cost += 4 }
    if words.breakBefore.contains(afterKey) { cost -= 0.5 }
    if words.firstNames.contains(beforeKey), after.text.first?.isUppercase ?? false { cost += 4 }
    if !after.spaceBefore, let last = before.text.last, let first = after.text.first {
      if !TextBreaks.canBreak(between: last, and: first) { return cost + 50 }
      cost += Self.scriptBreakCost(last, first)
    }
    return cost
  }

  /// Without a dictionary, where Japanese and Chinese words likely end: a change from kana to
  /// kanji or katakana is a good break (after a particle, before a new word); breaking inside a
  /// run of kanji (a compound), between kanji and the kana that inflect it (晴|れ), or inside a
  /// katakana word is bad.
  static func scriptBreakCost(_ before: Character, _ after: Character) -> Double {
    enum Script { case kanji, hiragana, katakana, other }
    func script(_ character: Character) -> Script {
      guard let value = character.unicodeScalars.first?.value else { return .other }
      switch value {
      case 0x3041...0x309F: return .hiragana
      case 0x30A0...0x30FF, 0x31F0...0x31FF: return .katakana
      case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x3134F: return .kanji
      default: return .other
      }
    }
    switch (script(before), script(after)) {
    case (.hiragana, .kanji), (.hiragana, .katakana), (.katakana, .kanji), (.kanji, .katakana):
      return -0.5
    case (.kanji, .kanji), (.katakana, .katakana): return 1.5
    case (.kanji, .hiragana): return 1
    case (.hiragana, .hiragana): return 0.5
    default: return 0
    }
  }
}
