/// Where sentences and clauses end, from the punctuation a word ends with: what caption
/// styles and document paragraphs break at.
enum Sentences {
  private static let sentenceEnds: Set<Character> = [".", "?", "!", "…", "。", "？", "！", "‼"]
  private static let clauseEnds: Set<Character> = [",", ";", ":", "—", "、", "，", "；", "："]

  static func lastMark(_ text: String) -> Character? {
    text.last { !"\"'”’)]」』）".contains($0) }
  }

  private static let abbreviations: Set<String> = [
    "mr.", "mrs.", "ms.", "dr.", "prof.", "st.", "jr.", "sr.", "vs.", "etc.", "e.g.", "i.e.",
    "mt.", "no.", "fig.", "approx.", "inc.", "ltd.", "co.",
  ]

  static func endsSentence(_ text: String) -> Bool {
    guard let mark = lastMark(text), sentenceEnds.contains(mark) else { return false }
    if mark == "." {
      let lowered = text.lowercased()
      if abbreviations.contains(lowered) { return false }
      // An initial such as "J." ends a name, not a sentence.
      if text.count == 2, text.first?.isUppercase ?? false { return false }
    }
    return true
  }

  static func endsClause(_ text: String) -> Bool {
    lastMark(text).map { clauseEnds.contains($0) } ?? false
  }
}
