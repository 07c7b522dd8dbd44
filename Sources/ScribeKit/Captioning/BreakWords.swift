import Foundation

/// Word lists that decide where a line or cue may be broken, per language, as data.
///
/// A break is good after sentence or clause punctuation and before a conjunction or a
/// preposition; it is bad after an article, a determiner, a possessive or a preposition (which
/// would leave it hanging at a line end), and between a first name and a surname. These are the
/// line-treatment rules every Netflix timed text style guide shares ("The line should be broken
/// after punctuation marks, before conjunctions, before prepositions; the line break should not
/// separate a noun from an article, a noun from an adjective, a first name from a last name, a
/// verb from a subject pronoun, a prepositional verb from its preposition, a verb from an
/// auxiliary, reflexive pronoun or negation"):
/// https://partnerhelp.netflixstudios.com/hc/en-us/articles/215758617 (section "Line
/// Treatment"). Each language's lists name their own sources.
///
/// Languages written without spaces have no lists; their rules are in ``script``.
struct BreakWords: Sendable, Equatable {
  /// How a language's text may be divided where no space separates two displayed words.
  enum Script: Sendable, Equatable {
    /// Words are separated by spaces. Where a Han or kana character meets another without a
    /// space, the kana-and-kanji heuristic of ``CaptionSegmenter/scriptBreakCost(_:_:)``
    /// applies, as it always has.
    case spaced
    /// Japanese: phrases (bunsetsu) end after particles and auxiliary endings; kanji and
    /// katakana runs and a kanji with its okurigana stay together
    /// (``CaptionSegmenter/japaneseBreakCost(_:_:)``).
    case japanese
    /// Chinese: any character boundary is allowed except inside a Latin word or a number and
    /// where punctuation forbids it (``CaptionSegmenter/chineseBreakCost(_:_:)``).
    case chinese
    /// Korean: breaks only at spaces, never inside an eojeol (a space-delimited unit, to which
    /// particles and endings are attached).
    case korean
  }

  /// Words a break should come before (conjunctions, prepositions, relative words).
  var breakBefore: Set<String>
  /// Words a break should not come after (articles, determiners, possessives, prepositions,
  /// conjunctions, clitic pronouns, auxiliaries, negation).
  var noBreakAfter: Set<String>
  /// The words of ``noBreakAfter`` that bind to the next word as an article binds to its noun
  /// (articles, contractions of a preposition with an article, demonstrative and possessive
  /// determiners): a break after one costs 20 rather than 4. Netflix's guides put "a noun from
  /// an article" first among what a line break must not separate.
  var bindsToNext: Set<String>
  /// Words a break should not come before: Korean bound nouns and unit nouns, which are
  /// written apart from the word that governs them but read with it.
  var noBreakBefore: Set<String>
  /// Common first names: no break between one of these and the capitalized word after it.
  var firstNames: Set<String>
  /// Words that lean on what follows less than ``noBreakAfter``'s but still end a line or cue
  /// badly: subject pronouns parted from their verb, wh-words parted from their clause
  /// (a break after one costs 2).
  var weakNoBreakAfter: Set<String> = []
  /// Fixed phrases not to break inside, as "first second" keys: "going to", "kind of".
  var fixedPhrases: Set<String> = []
  /// `true` where a word ending in an apostrophe is elided ("l'", "d'", "dell'") and belongs to
  /// the next word, so that a break after it is (nearly) forbidden (French, Italian).
  var elision: Bool
  /// How text without spaces is divided.
  var script: Script

  /// Creates word lists; words are compared lowercased without surrounding punctuation.
  init(
    breakBefore: Set<String>, noBreakAfter: Set<String>, bindsToNext: Set<String> = [],
    noBreakBefore: Set<String> = [],
    firstNames: Set<String> = [], elision: Bool = false, script: Script = .spaced
  ) {
    self.breakBefore = breakBefore
    self.noBreakAfter = noBreakAfter
    self.bindsToNext = bindsToNext
    self.noBreakBefore = noBreakBefore
    self.firstNames = firstNames
    self.elision = elision
    self.script = script
  }

  /// The lists a word's key can be in, as one value: one lookup a word rather than one a list.
  struct Lists: OptionSet, Sendable {
    let rawValue: UInt8
    static let breakBefore = Lists(rawValue: 1 << 0)
    static let noBreakAfter = Lists(rawValue: 1 << 1)
    static let bindsToNext = Lists(rawValue: 1 << 2)
    static let noBreakBefore = Lists(rawValue: 1 << 3)
    static let firstName = Lists(rawValue: 1 << 4)
    static let weakNoBreakAfter = Lists(rawValue: 1 << 5)
    /// The key is the first word of one of ``BreakWords/fixedPhrases``.
    static let startsFixedPhrase = Lists(rawValue: 1 << 6)
  }

  /// Every key in a list, with the lists it is in.
  func listsByKey() -> [String: Lists] {
    var table: [String: Lists] = [:]
    for (list, keys) in [
      (Lists.breakBefore, breakBefore), (.noBreakAfter, noBreakAfter), (.bindsToNext, bindsToNext),
      (.noBreakBefore, noBreakBefore), (.firstName, firstNames),
      (.weakNoBreakAfter, weakNoBreakAfter),
    ] {
      for key in keys { table[key, default: []].insert(list) }
    }
    // A phrase is looked up as "before after", and a word's key can hold a space ("( so"): so
    // every part of a phrase before one of its spaces can start it.
    for phrase in fixedPhrases {
      for space in phrase.indices where phrase[space] == " " {
        table[String(phrase[..<space]), default: []].insert(.startsFixedPhrase)
      }
    }
    return table
  }

  /// No lists: words break anywhere a space allows.
  static let none = BreakWords(breakBefore: [], noBreakAfter: [])

  /// The lists for a language: an ISO 639-1 code (`es`), an ISO 639-2/3 code or the API's
  /// `language_code` (`spa`, `fra`, `deu`, `ger`, `cmn`), or a BCP 47 tag (`pt-BR`,
  /// `zh-Hant`); empty lists when there are none or the tag is `nil`.
  static func forLanguage(_ tag: String?) -> BreakWords {
    switch primaryLanguage(tag) {
    case "en": return english
    case "es": return spanish
    case "fr": return french
    case "de": return german
    case "pt": return portuguese
    case "it": return italian
    case "ja": return japanese
    case "zh", "yue": return chinese
    case "ko": return korean
    default: return none
    }
  }

  /// The two-letter (or, without one, three-letter) code of a tag's primary language subtag,
  /// lowercased: `pt-BR` → `pt`, `spa` → `es`, `zh_Hant` → `zh`, `cmn` → `zh`.
  static func primaryLanguage(_ tag: String?) -> String? {
    guard
      let first = tag?.split(whereSeparator: { $0 == "-" || $0 == "_" }).first?.lowercased(),
      !first.isEmpty
    else { return nil }
    if let bibliographic = bibliographicCodes[first] { return bibliographic }
    return Language.tag(forAPICode: first)
  }

  /// ISO 639-2/B codes, which differ from the ISO 639-3 codes the API gives.
  private static let bibliographicCodes: [String: String] = [
    "fre": "fr", "ger": "de", "chi": "zh", "dut": "nl", "gre": "el", "cze": "cs", "per": "fa",
  ]

  /// English, after the BBC and Netflix guidance on line breaks.
  static let english: BreakWords = {
    var words = BreakWords(
      breakBefore: [
        "and", "but", "or", "nor", "so", "yet", "because", "although", "though", "while", "when",
        "where", "which", "who", "whom", "whose", "that", "if", "unless", "until", "since", "after",
        "before", "as", "than", "whether", "in", "on", "at", "to", "for", "from", "with", "about",
        "into", "through", "over", "under", "between", "without", "during", "of", "by",
      ],
      noBreakAfter: [
        "a", "an", "the", "this", "that", "these", "those", "my", "your", "his", "her", "its",
        "our",
        "their", "some", "any", "no", "every", "each", "to", "of", "in", "on", "at", "for", "with",
        "from", "by", "mr.", "mrs.", "ms.", "dr.", "prof.", "st.", "i", "i'm", "very", "not",
        // Conjunctions and auxiliaries: a line or cue ending on one leaves its clause hanging
        // (Netflix: do not separate a verb from an auxiliary or a negation; break before a
        // conjunction, not after it).
        "and", "or", "but", "nor", "because", "if", "than", "whether", "is", "are", "was", "were",
        "am", "be", "been", "being", "can", "could", "will", "would", "shall", "should", "must",
        "may", "might", "do", "does", "did", "have", "has", "had", "don't", "doesn't", "didn't",
        "can't", "won't", "isn't", "aren't", "wasn't", "weren't", "haven't", "hasn't", "wouldn't",
        "couldn't", "shouldn't", "we", "they", "he", "she", "we're", "they're", "you're", "i've",
        "we've", "they've", "you've", "i'd", "we'd", "they'd", "i'll", "we'll", "they'll",
        "you'll", "it's", "that's", "there's", "what's",
      ],
      firstNames: [
        "james", "john", "robert", "michael", "william", "david", "richard", "joseph", "thomas",
        "mary", "patricia", "jennifer", "linda", "elizabeth", "barbara", "susan", "jessica",
        "sarah",
        "karen", "anna", "maria", "emma", "olivia", "amara", "peter", "paul", "george", "jane",
      ])
    // Seen in human subtitles of talks, which never break these (a measure against them is in
    // scripts/break-agreement.py).
    words.weakNoBreakAfter = [
      "you", "it", "how", "what", "why", "where", "when", "who", "which", "whose", "so", "that",
    ]
    words.fixedPhrases = [
      "going to", "used to", "have to", "has to", "had to", "want to", "got to", "ought to",
      "able to", "how many", "how much", "kind of", "sort of", "a lot", "lot of", "lots of",
      "each other", "one another", "as well", "such as", "in order", "order to", "rather than",
      "at least", "at all", "of course", "so that", "even though", "even if", "as if",
      "as though", "more than", "less than", "a few", "a little", "no one", "at first",
      "right now", "first time", "last year", "next year", "this year", "every day",
    ]
    return words
  }()

  /// `word` lowercased, without the punctuation around it; a typographic apostrophe (’ or ʼ)
  /// is read as "'", so that "l’" and "l'" are one key.
  static func key(_ word: String) -> String {
    // The caption segmenter asks for two keys per word of a transcript: Foundation's trimming
    // builds and inverts character sets on every call (half of `--preset netflix-en`'s time
    // at 10 h), so ASCII words, nearly all of them, take a byte path with the same result.
    if let key = asciiKey(word) { return key }
    var lowered = word.lowercased()
    if lowered.contains(where: { $0 == "\u{2019}" || $0 == "\u{02BC}" }) {
      lowered = String(lowered.map { $0 == "\u{2019}" || $0 == "\u{02BC}" ? "'" : $0 })
    }
    return lowered.trimmingCharacters(in: .punctuationCharacters.subtracting(["'", "."]))
      .trimmingCharacters(in: CharacterSet(charactersIn: ",;:!?\"()[]"))
  }

  /// ``key(_:)`` for ASCII text, from its bytes, or `nil` when `word` is not ASCII.
  ///
  /// In ASCII, ``CharacterSet/punctuationCharacters`` (general category P) less `'` and `.` is
  /// exactly ``asciiTrimmed``; the second trimming set of ``key(_:)`` is inside it, so one
  /// pass trims both; lowercasing ASCII is `A`–`Z` to `a`–`z`, and no typographic apostrophe
  /// can occur.
  static func asciiKey(_ word: String) -> String? {
    var word = word
    return word.withUTF8 { bytes -> String? in
      var lower = 0
      var upper = bytes.count
      var hasUppercase = false
      for byte in bytes {
        if byte >= 0x80 { return nil }
        if byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") { hasUppercase = true }
      }
      while lower < upper, isASCIITrimmed(bytes[lower]) { lower += 1 }
      while upper > lower, isASCIITrimmed(bytes[upper - 1]) { upper -= 1 }
      let kept = UnsafeBufferPointer(rebasing: bytes[lower..<upper])
      guard hasUppercase else { return String(decoding: kept, as: UTF8.self) }
      return String(
        decoding: kept.lazy.map { byte in
          byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
        }, as: UTF8.self)
    }
  }

  /// The ASCII punctuation ``key(_:)`` trims: general category P but `'` and `.`.
  private static let asciiTrimmed: [Bool] = {
    var table = [Bool](repeating: false, count: 128)
    for byte in "!\"#%&()*,-/:;?@[\\]_{}".utf8 { table[Int(byte)] = true }
    return table
  }()

  private static func isASCIITrimmed(_ byte: UInt8) -> Bool {
    asciiTrimmed[Int(byte)]
  }

  /// `true` when `word` is an elided form that leans on the next word: letters followed by an
  /// apostrophe ("l'", "dell'", "qu’"), as French and Italian write them. Italian apocopes that
  /// end a phrase ("un po'", "mo'") are not.
  static func isElided(_ word: String) -> Bool {
    guard let last = word.last, "'\u{2019}\u{02BC}".contains(last) else { return false }
    guard word.dropLast().last?.isLetter ?? false else { return false }
    return !apocopes.contains(key(word))
  }

  /// Words written with a final apostrophe that are whole (Italian apocopes), not elided.
  private static let apocopes: Set<String> = ["po'", "mo'", "pie'", "be'", "ca'"]
}
