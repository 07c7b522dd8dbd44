/// Where pieces of a text (a transcript's items) lie in the whole text, counted in Unicode
/// scalars, as the API counts `start_char` and `end_char`: Python's string indices.
enum TextPositions {
  /// How far past the expected position a piece is looked for when the text and the pieces
  /// disagree (a spacing item the text lacks, a space the items lack).
  static let searchWindow = 64

  /// The scalar range of each of `pieces` in `text`, in order, or `nil` for a piece that is not
  /// where the pieces before it say it should be (within ``searchWindow`` scalars).
  ///
  /// The pieces are matched one after another, so a word that occurs twice is found at the
  /// right occurrence; a piece that is not found leaves the position where it was.
  static func locate(_ pieces: [String], in text: String) -> [Range<Int>?] {
    let scalars = Array(text.unicodeScalars)
    var cursor = 0
    var ranges: [Range<Int>?] = []
    ranges.reserveCapacity(pieces.count)
    for piece in pieces {
      let needle = Array(piece.unicodeScalars)
      guard !needle.isEmpty else {
        ranges.append(cursor..<cursor)
        continue
      }
      var found: Int?
      var start = cursor
      let last = min(cursor + searchWindow, scalars.count - needle.count)
      while start <= last {
        if scalars[start] == needle[0], scalars[start..<start + needle.count].elementsEqual(needle)
        {
          found = start
          break
        }
        start += 1
      }
      if let found {
        ranges.append(found..<found + needle.count)
        cursor = found + needle.count
      } else {
        ranges.append(nil)
      }
    }
    return ranges
  }

  /// The scalars `range` of `text` covers, or `nil` when it reaches outside the text.
  static func substring(_ text: String, scalars range: Range<Int>) -> String? {
    let scalars = text.unicodeScalars
    guard range.lowerBound >= 0, range.upperBound <= scalars.count else { return nil }
    let start = scalars.index(scalars.startIndex, offsetBy: range.lowerBound)
    let end = scalars.index(start, offsetBy: range.count)
    return String(scalars[start..<end])
  }
}
