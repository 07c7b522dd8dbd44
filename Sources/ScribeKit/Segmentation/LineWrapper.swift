/// Wraps a segment's text into lines of at most a given number of characters.
///
/// Lines break at spaces, and between characters of Chinese and Japanese text (never before a
/// closing mark or after an opening one; see ``TextBreaks``). Lengths count grapheme clusters,
/// so an emoji sequence or a letter with combining accents counts as one and is never split.
/// Lines are filled greedily, which is what the API's exports show; a line is longer than the
/// limit only when it holds a single unit that cannot be broken.
package struct LineWrapper: Sendable {
  /// The most characters on a line, or `nil` for no wrapping.
  package var maxCharactersPerLine: Int?

  /// Creates a wrapper.
  package init(maxCharactersPerLine: Int?) {
    self.maxCharactersPerLine = maxCharactersPerLine
  }

  /// The lines of `text`. Whitespace runs (including line breaks) become single spaces; an
  /// empty or all-whitespace text gives no lines.
  package func wrap(_ text: String) -> [String] {
    if let lines = Self.wrapASCII(text, limit: maxCharactersPerLine) { return lines }
    let units = Self.units(of: text)
    guard let limit = maxCharactersPerLine else {
      return units.isEmpty ? [] : [Self.join(units)]
    }
    var lines: [String] = []
    var line = ""
    var width = 0
    for unit in units {
      let unitWidth = unit.text.count
      if line.isEmpty {
        line = unit.text
        width = unitWidth
        continue
      }
      let separator = unit.spaceBefore ? 1 : 0
      if width + separator + unitWidth <= limit {
        line += (unit.spaceBefore ? " " : "") + unit.text
        width += separator + unitWidth
      } else {
        lines.append(line)
        line = unit.text
        width = unitWidth
      }
    }
    if !line.isEmpty { lines.append(line) }
    return lines
  }

  /// ``wrap(_:)`` for ASCII text, straight from its bytes: there every byte is one character
  /// and lines break only at whitespace. `nil` when the text is not ASCII.
  private static func wrapASCII(_ text: String, limit: Int?) -> [String]? {
    var text = text
    return text.withUTF8 { bytes -> [String]? in
      var lines: [String] = []
      var line: [UInt8] = []
      line.reserveCapacity(min(bytes.count, (limit ?? bytes.count) + 1))
      var index = 0
      while index < bytes.count {
        if Whitespace.isASCIIWhitespace(bytes[index]) {
          index += 1
          continue
        }
        let start = index
        while index < bytes.count, !Whitespace.isASCIIWhitespace(bytes[index]) {
          guard bytes[index] < 0x80 else { return nil }
          index += 1
          // Long words: skip eight bytes at a time while all are ASCII and above the space.
          index = ByteScan.skip(bytes, from: index) { chunk in
            chunk & 0x8080_8080_8080_8080 == 0 && !ByteScan.hasASCII(below: 0x21, in: chunk)
          }
        }
        let word = UnsafeBufferPointer(rebasing: bytes[start..<index])
        if !line.isEmpty {
          if let limit, line.count + 1 + word.count > limit {
            lines.append(String(decoding: line, as: UTF8.self))
            line.removeAll(keepingCapacity: true)
          } else {
            line.append(UInt8(ascii: " "))
          }
        }
        line.append(contentsOf: word)
      }
      if !line.isEmpty { lines.append(String(decoding: line, as: UTF8.self)) }
      return lines
    }
  }

  /// The lines a renderer shows for `segment`: the ones ``CaptionSegmenter`` chose, when it
  /// did, else its text wrapped by this wrapper.
  package func lines(for segment: Cue) -> [String] {
    segment.lines.map(Self.normalized) ?? wrap(segment.text)
  }

  /// Chosen lines with whitespace collapsed and empty ones left out, so that no text can add a
  /// line break of its own.
  static func normalized(_ lines: [String]) -> [String] {
    lines.flatMap { LineWrapper(maxCharactersPerLine: nil).wrap($0) }
  }

  /// A piece of text that is never broken, and whether a space separated it from the previous.
  struct Unit: Equatable {
    var text: String
    var spaceBefore: Bool
  }

  static func units(of text: String) -> [Unit] {
    var units: [Unit] = []
    var current = ""
    var currentSpaceBefore = false
    var sawSpace = false
    var previous: Character?
    for character in text {
      if character.isWhitespace {
        if !current.isEmpty {
          units.append(Unit(text: current, spaceBefore: currentSpaceBefore))
          current = ""
        }
        sawSpace = true
        previous = nil
        continue
      }
      if !current.isEmpty, let previous, TextBreaks.canBreak(between: previous, and: character) {
        units.append(Unit(text: current, spaceBefore: currentSpaceBefore))
        current = ""
      }
      if current.isEmpty {
        currentSpaceBefore = sawSpace && !units.isEmpty
        sawSpace = false
      }
      current.append(character)
      previous = character
    }
    if !current.isEmpty { units.append(Unit(text: current, spaceBefore: currentSpaceBefore)) }
    return units
  }

  private static func join(_ units: [Unit]) -> String {
    var result = ""
    for unit in units {
      if unit.spaceBefore { result += " " }
      result += unit.text
    }
    return result
  }
}
