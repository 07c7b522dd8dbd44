extension BreakWords {
  /// The Portuguese words that bind to the next as an article to its noun: articles, contractions
  /// with an article, determiners (see ``BreakWords/bindsToNext``).
  static let portugueseDeterminers: Set<String> = [
    // Articles.
    "o", "a", "os", "as", "um", "uma", "uns", "umas",
    // Contractions of a preposition with an article or demonstrative.
    "do", "da", "dos", "das", "no", "na", "nos", "nas", "ao", "à", "aos", "às", "pelo", "pela",
    "pelos", "pelas", "num", "numa", "nuns", "numas", "dum", "duma", "deste", "desta",
    "destes", "destas", "desse", "dessa", "desses", "dessas", "daquele", "daquela",
    "daqueles", "daquelas", "neste", "nesta", "nestes", "nestas", "nesse", "nessa", "nesses",
    "nessas", "naquele", "naquela", "naqueles", "naquelas", "àquele", "àquela",
    // Demonstratives, possessives and quantifiers before a noun.
    "este", "esta", "estes", "estas", "esse", "essa", "esses", "essas", "aquele", "aquela",
    "aqueles", "aquelas", "meu", "minha", "meus", "minhas", "teu", "tua", "teus", "tuas",
    "seu", "sua", "seus", "suas", "nosso", "nossa", "nossos", "nossas", "vosso", "vossa",
    "vossos", "vossas", "cada", "algum", "alguma", "nenhum", "nenhuma",
  ]

  /// Portuguese (Brazil and Portugal).
  ///
  /// Sources: the line-treatment rules of Netflix's style guides (see ``BreakWords``), applied
  /// to Portuguese by Netflix's Brazilian Portuguese timed text style guide,
  /// https://partnerhelp.netflixstudios.com/hc/en-us/articles/215600497, and its Portuguese
  /// (Portugal) guide, https://partnerhelp.netflixstudios.com/hc/en-us/articles/216787938; the
  /// TED Translators guide for Portuguese, "Como dividir linhas" (break only after a linguistic
  /// unit), https://translations.ted.com/Como_dividir_linhas. The words are Portuguese's
  /// articles, the contractions of a preposition with an article or demonstrative (do, na,
  /// pelo, àquele, …), determiners, prepositions (including the spoken "pra", "pro"),
  /// conjunctions, clitic pronouns and the auxiliaries of compound tenses (tenho feito, estou
  /// fazendo, vou fazer).
  static let portuguese = BreakWords(
    breakBefore: [
      // Conjunctions and relative words.
      "e", "ou", "mas", "porém", "contudo", "porque", "pois", "quando", "enquanto", "embora",
      "se", "que", "quem", "qual", "quais", "cujo", "cuja", "cujos", "cujas", "onde", "como",
      // Prepositions.
      "para", "pra", "por", "com", "sem", "sobre", "entre", "até", "desde", "durante", "contra",
      "em", "de", "após",
    ],
    noBreakAfter: portugueseDeterminers.union([
      // Prepositions.
      "ante", "após", "até", "com", "contra", "de", "desde", "em", "entre", "para", "perante",
      "por", "sem", "sob", "sobre", "trás", "pra", "pro", "pras", "pros",
      // Conjunctions.
      "e", "ou", "mas", "que", "se", "porque", "nem", "quando", "como",
      // Clitic and subject pronouns, negation: they stay with their verb.
      "me", "te", "lhe", "lhes", "vos", "eu", "não",
      // Auxiliaries of compound tenses.
      "tenho", "tens", "tem", "temos", "têm", "tinha", "tinham", "havia", "estou", "estás",
      "está", "estamos", "estão", "estava", "estavam", "vou", "vais", "vai", "vamos", "vão",
    ]),
    bindsToNext: portugueseDeterminers)
}
