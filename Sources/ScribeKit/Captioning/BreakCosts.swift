/// Where a line or cue may break, by language: the costs ``CaptionSegmenter`` adds for a break
/// between two displayed words.
extension CaptionSegmenter {
  /// The cost of breaking a line or cue between `before` and `after`.
  ///
  /// A cost of 50 or more means (nearly) forbidden: inside a word written without spaces,
  /// after an elided word, before closing or after opening punctuation, inside a Korean
  /// eojeol, inside a Latin word or a number. (Punctuation that arrives as an item of its own
  /// has already joined its word: see ``tokens(_:)``.)
  func breakCost(after before: Token, before after: Token) -> Double {
    breakCost(
      after: before, BreakFacts(before.text, segmenter: self), before: after,
      BreakFacts(after.text, segmenter: self))
  }

  /// What ``breakCost(after:_:before:_:)`` asks of a displayed word, worked out once a word:
  /// the segmenter asks it of each word twice (each side of a break), over a transcript of
  /// hundreds of thousands of words, and the lookups in the word lists were most of that.
  struct BreakFacts: Sendable {
    /// The word's ``BreakWords/key(_:)``.
    var key: String
    /// The lists the key is in.
    var lists: BreakWords.Lists
    var endsSentence: Bool
    var endsClause: Bool
    /// Whether the first character is uppercase.
    var startsUppercase: Bool
    /// Whether the word is more than one character.
    var isLongerThanOneCharacter: Bool

    init(_ text: String, segmenter: borrowing CaptionSegmenter) {
      key = BreakWords.key(text)
      lists = segmenter.lists[key] ?? []
      endsSentence = Sentences.endsSentence(text)
      endsClause = Sentences.endsClause(text)
      if let byte = text.utf8.first, byte < 0x80 {
        // ASCII: only A to Z are uppercase, and Unicode need not be asked.
        startsUppercase = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")
      } else {
        startsUppercase = text.first?.isUppercase ?? false
      }
      var characters = text.makeIterator()
      isLongerThanOneCharacter = characters.next() != nil && characters.next() != nil
    }
  }

  /// ``breakCost(after:before:)`` with each word's ``BreakFacts`` already known.
  func breakCost(
    after before: Token, _ beforeFacts: BreakFacts, before after: Token, _ afterFacts: BreakFacts
  ) -> Double {
    if beforeFacts.endsSentence { return -2 }
    if beforeFacts.endsClause { return -1 }
    let beforeLists = beforeFacts.lists
    let afterLists = afterFacts.lists
    var cost = 0.0
    if beforeLists.contains(.noBreakAfter) { cost += 4 }
    if beforeLists.contains(.bindsToNext) { cost += 16 }
    if afterLists.contains(.breakBefore) { cost -= 0.5 }
    if afterLists.contains(.noBreakBefore) { cost += 4 }
    if beforeLists.contains(.firstName), afterFacts.startsUppercase { cost += 4 }
    if beforeLists.contains(.weakNoBreakAfter) { cost += 2 }
    if beforeLists.contains(.startsFixedPhrase),
      words.fixedPhrases.contains(beforeFacts.key + " " + afterFacts.key)
    {
      cost += 4
    }
    // A run of capitalised words is a name or a title: "Lehman | Brothers".
    if words.script == .spaced, beforeFacts.isLongerThanOneCharacter, beforeFacts.key != "i'm",
      beforeFacts.startsUppercase, afterFacts.startsUppercase, afterFacts.isLongerThanOneCharacter
    {
      cost += 3
    }
    if words.elision, BreakWords.isElided(before.text) { return cost + 50 }
    if !after.spaceBefore, let last = before.text.last, let first = after.text.first {
      if words.script == .korean { return cost + 50 }
      if !TextBreaks.canBreak(between: last, and: first) { return cost + 50 }
      switch words.script {
      case .spaced, .korean: cost += Self.scriptBreakCost(last, first)
      case .japanese: cost += Self.japaneseBreakCost(before.text, after.text)
      case .chinese: cost += Self.chineseBreakCost(last, first)
      }
    }
    return cost
  }

  /// Without a dictionary, where Japanese and Chinese words likely end: a change from kana to
  /// kanji or katakana is a good break (after a particle, before a new word); breaking inside a
  /// run of kanji (a compound), between kanji and the kana that inflect it (晴|れ), or inside a
  /// katakana word is bad.
  ///
  /// The rule for languages written with spaces (and for transcripts whose language is not
  /// known) when CJK text meets other text without one. Japanese uses
  /// ``japaneseBreakCost(_:_:)``, Chinese ``chineseBreakCost(_:_:)``.
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

  /// The writing systems Japanese mixes, as the phrase heuristic tells them apart.
  enum JapaneseScript: Equatable {
    /// Han ideographs (kanji), and the iteration mark 々.
    case kanji
    /// Hiragana: particles, okurigana, auxiliary endings, native words.
    case hiragana
    /// Katakana, full or half width, with the prolonged sound mark ー.
    case katakana
    /// Latin letters and digits, ASCII or full width: a word or a number.
    case alphanumeric
    /// Anything else: punctuation, symbols, Hangul.
    case other

    /// The script of `character`.
    init(_ character: Character) {
      guard let value = character.unicodeScalars.first?.value else {
        self = .other
        return
      }
      switch value {
      case 0x3041...0x309F: self = .hiragana
      case 0x30A1...0x30FA, 0x30FC...0x30FF, 0x31F0...0x31FF, 0xFF66...0xFF9F: self = .katakana
      case 0x3005, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x3134F:
        self = .kanji
      default:
        self = TextBreaks.isAlphanumeric(character) ? .alphanumeric : .other
      }
    }
  }

  /// Particles after which a Japanese phrase (bunsetsu) usually ends: case particles は が を
  /// に で と へ, the additive も, and の (weaker: it also links a modifier to its noun).
  private static let japaneseParticles: Set<Character> = [
    "は", "が", "を", "に", "で", "と", "の", "へ", "も",
  ]

  /// Endings that close a Japanese predicate: polite and past auxiliaries, negation, desire,
  /// and the sentence-final particles ね and よ.
  private static let japaneseEndings = ["ました", "でした", "ません", "です", "ます", "ない", "たい", "ね", "よ"]

  /// Where a Japanese phrase likely ends, without a dictionary, for a break between two pieces
  /// of text written without a space (the speech-to-text API gives Japanese one or a few
  /// characters an item).
  ///
  /// Good: after a particle (は が を に で と へ も; の weaker) or an auxiliary ending (です ます
  /// ました でした ません ない たい, ね よ) when a new phrase follows (kanji, katakana, a Latin word
  /// or number, an opening bracket). Bad: inside a kanji run (a compound), inside a katakana
  /// run (a loanword), between kanji and the okurigana or particle that follows it (晴|れ,
  /// 私|は), after the honorific prefixes お and ご, between a number and its counter (3|人),
  /// and (forbidden) inside a Latin word or a number.
  static func japaneseBreakCost(_ before: String, _ after: String) -> Double {
    guard let last = before.last, let first = after.first else { return 0 }
    if TextBreaks.isAlphanumeric(last), TextBreaks.isAlphanumeric(first) { return 50 }
    let left = JapaneseScript(last)
    let right = JapaneseScript(first)
    let newPhrase =
      right == .kanji || right == .katakana || right == .alphanumeric
      || TextBreaks.isOpening(first)
    if japaneseParticles.contains(last), left == .hiragana, newPhrase || last == "を" || last == "へ"
    {
      // この・その・あの・どの are determiners, not a noun and its particle.
      if last == "の", ["こ", "そ", "あ", "ど"].contains(before.dropLast().last) { return 2 }
      return last == "の" ? -0.5 : -1.5
    }
    if newPhrase, japaneseEndings.contains(where: { before.hasSuffix($0) }) { return -1 }
    // A single-character item "す" before a new phrase is most often the end of です or ます.
    if newPhrase, before == "す" { return -1 }
    switch (left, right) {
    case (.kanji, .kanji): return 3
    case (.katakana, .katakana): return 8
    case (.kanji, .hiragana): return 1.5
    case (.katakana, .hiragana), (.alphanumeric, .hiragana): return 1
    case (.alphanumeric, .kanji), (.alphanumeric, .katakana): return 2
    // A change of script may or may not be a word boundary (新しい|本, プログラミング|言語): a
    // little more than a phrase end, which a cue end should prefer.
    case (.hiragana, .kanji), (.hiragana, .katakana):
      return last == "お" || last == "ご" ? 2 : 0.5
    case (.katakana, .kanji), (.kanji, .katakana): return 0.5
    case (.hiragana, .hiragana): return 1
    default: return 0
    }
  }

  /// Chinese breaks anywhere between characters, except inside a Latin word or a number
  /// (iPhone15, ２０２４: forbidden) and between a number and the character after it (2024|年,
  /// 3|个: bad); a break between two Han characters costs a little (1.5, as it always has), so
  /// that clause punctuation wins when the lines allow. Punctuation is handled by
  /// ``TextBreaks/canBreak(between:and:)`` before this.
  static func chineseBreakCost(_ before: Character, _ after: Character) -> Double {
    if TextBreaks.isAlphanumeric(before), TextBreaks.isAlphanumeric(after) { return 50 }
    if TextBreaks.isDigit(before), TextBreaks.isUnitCharacter(after) { return 2 }
    // Allowed, but not free: without a dictionary a break between two characters may divide a
    // word (中|国), so punctuation, where breaks cost less, is preferred when the lines allow.
    if JapaneseScript(before) == .kanji, JapaneseScript(after) == .kanji { return 1.5 }
    return 0
  }
}
