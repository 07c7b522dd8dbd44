extension BreakWords {
  /// The French words that bind to the next as an article to its noun: articles, contractions
  /// with an article, determiners (see ``BreakWords/bindsToNext``).
  static let frenchDeterminers: Set<String> = [
    // Articles, contractions and elided articles.
    "le", "la", "les", "l'", "un", "une", "des", "du", "au", "aux", "d'un", "d'une", "qu'un",
    "qu'une",
    // Demonstratives, possessives and quantifiers before a noun.
    "ce", "cet", "cette", "ces", "mon", "ton", "son", "ma", "ta", "sa", "mes", "tes", "ses",
    "notre", "votre", "leur", "nos", "vos", "leurs", "chaque", "quelques", "plusieurs",
    "aucun", "aucune", "très",
  ]

  /// French.
  ///
  /// Sources: the line-treatment rules of Netflix's style guides (see ``BreakWords``), applied
  /// to French by Netflix's French timed text style guide,
  /// https://partnerhelp.netflixstudios.com/hc/en-us/articles/217351577; the TED Translators
  /// guide for French, "Comment découper les phrases" (break after a linguistic unit: a
  /// preposition with its complement, an article with its noun),
  /// https://translations.ted.com/Comment_d%C3%A9couper_les_phrases; ATAA's "Un sous-titre – un
  /// tout" on where a subtitle may be cut, https://ataa.fr/revue/hors-s%c3%a9rie-n-1/un-sous-titre-un-tout.
  /// Elision: le, la, de, je, me, te, se, ne, que, jusque, and lorsque, puisque, quoique before
  /// il, elle, on, un, une, lose their vowel to an apostrophe and lean on the next word
  /// (Antidote, "Que, jusque, lorsque, puisque, quoique, presque, quelque… qu'élider ?",
  /// https://antidote.info/fr/blogue/enquetes/que-jusque-lorsque-puisque-quoique-presque-quelque-quelider);
  /// a break after an elided word is (nearly) forbidden wherever it arrives as its own item.
  static let french = BreakWords(
    breakBefore: [
      // Conjunctions and relative words.
      "et", "ou", "mais", "donc", "car", "ni", "que", "qu'il", "qu'elle", "qu'ils", "qu'elles",
      "qu'on", "qu'un", "qu'une", "qui", "dont", "où", "quand", "lorsque", "lorsqu'il",
      "lorsqu'elle", "lorsqu'on", "puisque", "puisqu'il", "puisqu'elle", "puisqu'on", "parce",
      "comme", "si", "s'il", "s'ils",
      // Prepositions and article contractions.
      "à", "au", "aux", "de", "du", "en", "dans", "par", "pour", "sur", "sous", "avec", "sans",
      "chez", "vers", "entre", "contre", "depuis", "pendant", "après", "avant", "jusqu'",
      "jusqu'à", "jusqu'au", "jusqu'aux",
    ],
    noBreakAfter: frenchDeterminers.union([
      // Prepositions.
      "à", "de", "d'", "en", "dans", "par", "pour", "sur", "sous", "avec", "sans", "chez",
      "vers", "entre", "contre", "depuis", "pendant", "jusqu'", "jusqu'à", "jusqu'au",
      // Conjunctions.
      "et", "ou", "mais", "donc", "car", "ni", "que", "qu'", "si", "quand", "lorsque",
      "lorsqu'", "puisque", "puisqu'", "quoique", "quoiqu'", "comme", "parce", "presqu'",
      // Subject, object and reflexive clitics and negation: they stay with their verb.
      "je", "j'", "tu", "il", "ils", "on", "me", "m'", "te", "t'", "se", "s'", "y", "ne", "n'",
      "c'", "ç'", "qu'il", "qu'elle", "qu'ils", "qu'elles", "qu'on", "s'il", "s'ils", "lorsqu'il",
      "lorsqu'elle", "lorsqu'on", "puisqu'il", "puisqu'elle", "puisqu'on",
      // Auxiliaries (avoir, être, aller + infinitive), alone or with an elided clitic.
      "ai", "as", "a", "avons", "avez", "ont", "avais", "avait", "avions", "aviez", "avaient",
      "suis", "es", "est", "sommes", "êtes", "sont", "étais", "était", "étions", "étiez",
      "étaient", "vais", "vas", "va", "allons", "allez", "vont", "j'ai", "j'avais", "c'est",
      "c'était", "n'est", "n'a", "n'ai", "s'est", "m'a", "t'a", "l'a", "l'ai", "j'en", "j'y",
    ]),
    bindsToNext: frenchDeterminers,
    elision: true)
}
