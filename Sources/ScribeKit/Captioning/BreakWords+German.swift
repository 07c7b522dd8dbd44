extension BreakWords {
  /// The German words that bind to the next as an article to its noun: articles, contractions
  /// with an article, determiners (see ``BreakWords/bindsToNext``).
  static let germanDeterminers: Set<String> = [
    // Articles.
    "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer",
    "eines",
    // Demonstratives, quantifiers and possessives before a noun.
    "dieser", "diese", "dieses", "diesen", "diesem", "jener", "jene", "jenes", "jenen",
    "jenem", "jeder", "jede", "jedes", "jeden", "jedem", "kein", "keine", "keinen", "keinem",
    "keiner", "keines", "mein", "meine", "meinen", "meinem", "meiner", "meines", "dein",
    "deine", "deinen", "deinem", "deiner", "deines", "sein", "seine", "seinen", "seinem",
    "seiner", "seines", "ihr", "ihre", "ihren", "ihrem", "ihrer", "ihres", "unser", "unsere",
    "unseren", "unserem", "unserer", "unseres", "euer", "eure", "euren", "eurem", "eurer",
    "eures", "sehr",
    // Contractions of a preposition with the article.
    "am", "ans", "aufs", "beim", "im", "ins", "vom", "zum", "zur",
  ]

  /// German.
  ///
  /// Sources: the line-treatment rules of Netflix's style guides (see ``BreakWords``), applied
  /// to German by Netflix's German timed text style guide,
  /// https://partnerhelp.netflixstudios.com/hc/en-us/articles/217351587; the common subtitle
  /// guidelines for the German-speaking broadcasters ("Zeilen nach Sinneinheiten aufteilen",
  /// split lines by units of meaning), http://untertitelrichtlinien.de/index.html. The words
  /// are German's articles (der, die, das, ein, …), possessive and demonstrative determiners,
  /// prepositions and their contractions with the article (am, im, zum, zur, …), and
  /// conjunctions.
  static let german = BreakWords(
    breakBefore: [
      // Conjunctions and relative/interrogative adverbs.
      "und", "oder", "aber", "denn", "sondern", "doch", "dass", "weil", "wenn", "ob", "als",
      "obwohl", "während", "bevor", "nachdem", "damit", "sodass", "falls", "wie", "wo",
      // Prepositions and their contractions.
      "an", "auf", "aus", "bei", "bis", "durch", "für", "gegen", "hinter", "in", "mit", "nach",
      "neben", "ohne", "seit", "über", "um", "unter", "von", "vor", "wegen", "zu", "zwischen",
      "trotz", "am", "ans", "aufs", "beim", "im", "ins", "vom", "zum", "zur",
    ],
    noBreakAfter: germanDeterminers.union([
      // Prepositions and their contractions.
      "an", "auf", "aus", "bei", "bis", "durch", "für", "gegen", "hinter", "in", "mit", "nach",
      "neben", "ohne", "seit", "über", "um", "unter", "von", "vor", "während", "wegen", "zu",
      "zwischen", "trotz", "am", "ans", "aufs", "beim", "im", "ins", "vom", "zum", "zur",
      // Conjunctions.
      "und", "oder", "aber", "denn", "sondern", "dass", "weil", "wenn", "ob", "als", "obwohl",
      "damit",
      // Subject pronouns and negation.
      "ich", "du", "er", "wir", "nicht",
    ]),
    bindsToNext: germanDeterminers)
}
