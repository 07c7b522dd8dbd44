extension BreakWords {
  /// The Spanish words that bind to the next as an article to its noun: articles, contractions
  /// with an article, determiners (see ``BreakWords/bindsToNext``).
  static let spanishDeterminers: Set<String> = [
    // Articles and article contractions.
    "el", "la", "los", "las", "lo", "un", "una", "unos", "unas", "al", "del",
    // Demonstratives, possessives and quantifiers before a noun.
    "este", "esta", "estos", "estas", "ese", "esa", "esos", "esas", "aquel", "aquella",
    "aquellos", "aquellas", "mi", "mis", "tu", "tus", "su", "sus", "nuestro", "nuestra",
    "nuestros", "nuestras", "vuestro", "vuestra", "vuestros", "vuestras", "cada", "algún",
    "ningún", "cualquier", "muy", "tan",
  ]

  /// Spanish (Latin America and Spain).
  ///
  /// Sources: the line-treatment rules of Netflix's style guides (see ``BreakWords``), applied
  /// to Spanish by Netflix's Spanish (Latin America & Spain) timed text style guide,
  /// https://partnerhelp.netflixstudios.com/hc/en-us/articles/217349997; the TED Translators
  /// guide for Spanish, "Cómo insertar saltos de línea" (break after linguistic units, never
  /// between an article or adjective and its noun),
  /// https://translations.ted.com/C%C3%B3mo_insertar_saltos_de_l%C3%ADnea; Pixelogic's Spanish
  /// (Latin American) subtitle guide ("single-letter mono-syllabic prepositions, conjunctions
  /// and pronouns must never be at the end of a line"),
  /// https://support.pixelogicmedia.com/hc/en-us/articles/115003234232. The prepositions are the
  /// closed class as Spanish grammar lists it (a, ante, bajo, con, contra, de, desde, durante,
  /// en, entre, hacia, hasta, mediante, para, por, según, sin, sobre, tras),
  /// https://en.wikipedia.org/wiki/Spanish_prepositions.
  static let spanish = BreakWords(
    breakBefore: [
      // Conjunctions and relative words.
      "y", "e", "o", "u", "ni", "pero", "sino", "porque", "aunque", "cuando", "mientras", "que",
      "quien", "quienes", "cual", "cuales", "cuyo", "cuya", "cuyos", "cuyas", "donde", "como",
      "si", "pues",
      // Prepositions.
      "ante", "bajo", "con", "contra", "de", "desde", "durante", "en", "entre", "hacia", "hasta",
      "mediante", "para", "por", "según", "sin", "sobre", "tras",
    ],
    noBreakAfter: spanishDeterminers.union([
      // Prepositions.
      "a", "ante", "bajo", "con", "contra", "de", "desde", "durante", "en", "entre", "hacia",
      "hasta", "mediante", "para", "pa", "por", "según", "sin", "sobre", "tras",
      // Conjunctions.
      "y", "e", "ni", "o", "u", "pero", "que", "si", "porque", "aunque",
      // Clitic and subject pronouns, negation: they stay with their verb.
      "me", "te", "se", "nos", "os", "le", "les", "yo", "no",
      // Forms of "haber" as an auxiliary (he comido).
      "he", "has", "ha", "hemos", "habéis", "han", "había", "habías", "habíamos", "habíais",
      "habían", "habría", "habrían",
    ]),
    bindsToNext: spanishDeterminers)
}
