extension BreakWords {
  /// The Italian words that bind to the next as an article to its noun: articles, contractions
  /// with an article, determiners (see ``BreakWords/bindsToNext``).
  static let italianDeterminers: Set<String> = [
    // Articles, plain and elided.
    "il", "lo", "la", "i", "gli", "le", "un", "uno", "una", "l'", "un'",
    // Articulated prepositions, plain and elided.
    "del", "dello", "della", "dei", "degli", "delle", "al", "allo", "alla", "ai", "agli",
    "alle", "dal", "dallo", "dalla", "dai", "dagli", "dalle", "nel", "nello", "nella", "nei",
    "negli", "nelle", "sul", "sullo", "sulla", "sui", "sugli", "sulle", "col", "coi", "dell'",
    "all'", "dall'", "nell'", "sull'",
    // Demonstratives, possessives and quantifiers before a noun.
    "questo", "questa", "questi", "queste", "quello", "quella", "quelli", "quelle", "quel",
    "quei", "quegli", "quest'", "quell'", "mio", "mia", "miei", "mie", "tuo", "tua", "tuoi",
    "tue", "suo", "sua", "suoi", "sue", "nostro", "nostra", "nostri", "nostre", "vostro",
    "vostra", "vostri", "vostre", "ogni", "qualche", "ciascun", "nessun", "alcun", "bell'",
    "sant'",
  ]

  /// Italian.
  ///
  /// Sources: the line-treatment rules of Netflix's style guides (see ``BreakWords``), applied
  /// to Italian by Netflix's Italian timed text style guide,
  /// https://partnerhelp.netflixstudios.com/hc/en-us/articles/215349898. Elision: the articles
  /// lo, la, una, the articulated prepositions made with them (dell', all', dall', nell',
  /// sull'), quello, questo, di, and the clitics mi, ti, si, ci, vi, ne lose their vowel to an
  /// apostrophe before a vowel and lean on the next word (R. Fornaciari, "Grammatica italiana",
  /// §§ 3–4 on elision,
  /// https://it.wikisource.org/wiki/Pagina:Grammatica_italiana,_Fornaciari.djvu/103; and
  /// "L'elisione: apostrofo sì", https://profmassimogallo.it/2024/11/26/lelisione-apostrofo-si);
  /// a break after an elided word is (nearly) forbidden wherever it arrives as its own item.
  static let italian = BreakWords(
    breakBefore: [
      // Conjunctions and relative words.
      "e", "ed", "o", "oppure", "ma", "però", "perché", "poiché", "quando", "mentre", "se",
      "che", "chi", "cui", "dove", "come",
      // Prepositions.
      "di", "da", "in", "con", "su", "per", "tra", "fra", "senza", "verso", "dopo", "prima",
      "durante", "contro", "fino", "sopra", "sotto",
    ],
    noBreakAfter: italianDeterminers.union([
      // Prepositions.
      "di", "d'", "a", "ad", "da", "in", "con", "su", "per", "tra", "fra",
      // Conjunctions.
      "e", "ed", "o", "od", "ma", "che", "se", "perché", "quando", "come", "né", "anch'",
      // Clitic and subject pronouns, negation: they stay with their verb.
      "mi", "m'", "ti", "t'", "si", "s'", "ci", "c'", "vi", "v'", "ne", "n'", "io", "non",
      // Auxiliaries (avere, essere, stare + gerund).
      "ho", "hai", "ha", "abbiamo", "avete", "hanno", "avevo", "avevi", "aveva", "avevamo",
      "avevate", "avevano", "sono", "sei", "è", "siamo", "siete", "ero", "eri", "era",
      "eravamo", "eravate", "erano", "sto", "stai", "sta", "stiamo", "state", "stanno",
    ]),
    bindsToNext: italianDeterminers,
    elision: true)
}
