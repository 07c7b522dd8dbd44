import Foundation

/// Word lists that decide where a line or cue may be broken, per language, as data.
///
/// A break is good after sentence or clause punctuation and before a conjunction or a
/// preposition; it is bad after an article, a determiner, a possessive or a preposition (which
/// would leave it hanging at a line end), and between a first name and a surname.
struct BreakWords: Sendable, Equatable {
  /// Words a break should come before (conjunctions, prepositions).
  var breakBefore: Set<String>
  /// Words a break should not come after (articles, determiners, possessives, prepositions).
  var noBreakAfter: Set<String>
  /// Common first names: no break between one of these and the capitalized word after it.
  var firstNames: Set<String>

  /// Creates word lists; words are compared lowercased without surrounding punctuation.
  init(breakBefore: Set<String>, noBreakAfter: Set<String>, firstNames: Set<String> = []) {
    self.breakBefore = breakBefore
    self.noBreakAfter = noBreakAfter
    self.firstNames = firstNames
  }

  /// The lists for a language tag, or empty lists when there are none.
  static func forLanguage(_ tag: String?) -> BreakWords {
    switch tag?.split(separator: "-").first.map(String.init) {
    case "en": return english
    default: return BreakWords(breakBefore: [], noBreakAfter: [])
    }
  }

  /// English, after the BBC and Netflix guidance on line breaks.
  static let english = BreakWords(
    breakBefore: [
      "and", "but", "or", "nor", "so", "yet", "because", "although", "though", "while", "when",
      "where", "which", "who", "whom", "whose", "that", "if", "unless", "until", "since", "after",
      "before", "as", "than", "whether", "in", "on", "at", "to", "for", "from", "with", "about",
      "into", "through", "over", "under", "between", "without", "during", "of", "by",
    ],
    noBreakAfter: [
      "a", "an", "the", "this", "that", "these", "those", "my", "your", "his", "her", "its", "our",
      "their", "some", "any", "no", "every", "each", "to", "of", "in", "on", "at", "for", "with",
      "from", "by", "mr.", "mrs.", "ms.", "dr.", "prof.", "st.", "i", "i'm", "very", "not",
    ],
    firstNames: [
      "james", "john", "robert", "michael", "william", "david", "richard", "joseph", "thomas",
      "mary", "patricia", "jennifer", "linda", "elizabeth", "barbara", "susan", "jessica", "sarah",
      "karen", "anna", "maria", "emma", "olivia", "amara", "peter", "paul", "george", "jane",
    ])

  /// `word` lowercased, without the punctuation around it.
  static func key(_ word: String) -> String {
    word.lowercased().trimmingCharacters(in: .punctuationCharacters.subtracting(["'", "."]))
      .trimmingCharacters(in: CharacterSet(charactersIn: ",;:!?\"()[]"))
  }
}
