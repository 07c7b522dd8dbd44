extension BreakWords {
  /// Korean determiners (관형사), written apart from the noun they modify: no line ends on one.
  static let koreanDeterminers: Set<String> = [
    "이", "그", "저", "이런", "그런", "저런", "어떤", "무슨", "모든", "각", "몇", "새", "한", "두", "세",
  ]

  /// Japanese: no word lists; where phrases end is read from the characters
  /// (``CaptionSegmenter/japaneseBreakCost(_:_:)``).
  ///
  /// Sources: line-start and line-end prohibitions after the W3C's Requirements for Japanese
  /// Text Layout (JIS X 4051), https://www.w3.org/TR/jlreq/, as ``TextBreaks`` applies them;
  /// Netflix's Japanese timed text style guide,
  /// https://partnerhelp.netflixstudios.com/hc/en-us/articles/215767517.
  static let japanese = BreakWords(breakBefore: [], noBreakAfter: [], script: .japanese)

  /// Chinese (Simplified and Traditional; Cantonese): no word lists; any character boundary
  /// may break except inside a Latin word or a number and where punctuation forbids it
  /// (``CaptionSegmenter/chineseBreakCost(_:_:)``).
  ///
  /// Sources: the W3C's Requirements for Chinese Text Layout (no closing punctuation at a line
  /// start, no opening punctuation at a line end, Western words and numbers kept whole),
  /// https://www.w3.org/TR/clreq/; Netflix's Simplified and Traditional Chinese timed text
  /// style guides, https://partnerhelp.netflixstudios.com/hc/en-us/articles/215986007 and
  /// https://partnerhelp.netflixstudios.com/hc/en-us/articles/215994807.
  static let chinese = BreakWords(breakBefore: [], noBreakAfter: [], script: .chinese)

  /// Korean: breaks only at spaces, never inside an eojeol; particles and endings are attached
  /// to their word, so they need no list. Two short lists keep phrases the spacing rules split:
  /// determiners (관형사) that must not end a line, and bound and unit nouns (의존 명사, 단위
  /// 명사: 할 수, 아는 것, 한 개) that must not start one.
  ///
  /// Sources: the W3C's Requirements for Hangul Text Layout and Typography (line breaking by
  /// eojeol), https://www.w3.org/TR/klreq/; Korean orthography (한글 맞춤법, notice 2017-12 of
  /// the Ministry of Culture, Sports and Tourism, published by the National Institute of Korean
  /// Language), § 41 (particles are written attached), § 42 (bound nouns such as 것, 수, 만큼,
  /// 지 are written apart) and § 43 (unit nouns such as 개, 대, 마리 are written apart); Netflix's
  /// Korean timed text style guide,
  /// https://partnerhelp.netflixstudios.com/hc/en-us/articles/216001127.
  static let korean = BreakWords(
    breakBefore: [],
    noBreakAfter: koreanDeterminers, bindsToNext: koreanDeterminers,
    noBreakBefore: [
      // Bound nouns, bare and with the particles they most often carry.
      "것", "것이", "것은", "것을", "것도", "것이다", "거", "거야", "거예요", "건", "걸", "게", "수", "수가", "수도",
      "수는", "만큼", "바", "지", "줄", "데", "적", "적이", "뿐", "듯", "대로", "때문에",
      // Unit nouns.
      "개", "명", "번", "살", "대", "마리", "권", "벌", "채", "켤레", "자루",
    ],
    script: .korean)
}
