import Foundation

/// A subtitle file read back for checking: its cues as a player would show them.
public struct SubtitleFile: Sendable, Equatable {
  /// One cue.
  public struct Cue: Sendable, Equatable {
    /// The cue's number in the file, counting from 1.
    public var number: Int
    /// The line of the file its timing line is on.
    public var line: Int
    /// Start, in seconds.
    public var start: Double
    /// End, in seconds.
    public var end: Double
    /// The text lines, with markup removed (`<i>`, `<v Name>`, timestamp tags, and in SRT the
    /// ASS overrides such as `{\an8}`), character references decoded (`&amp;`, `&hellip;`,
    /// `&#8230;`, `&lrm;`), and the zero-width spaces our SRT writer puts into text that looks
    /// like markup dropped.
    public var lines: [String]
  }

  /// The cues, in file order.
  public var cues: [Cue]

  /// Why a subtitle file could not be read.
  public struct ParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The 1-based line of the problem.
    public var line: Int
    /// What was expected.
    public var reason: String
    /// `line N: reason`.
    public var description: String { "line \(line): \(reason)" }
  }

  /// Reads SRT or WebVTT text (WebVTT when it starts with `WEBVTT`).
  public static func parse(_ text: String) throws(ParseError) -> SubtitleFile {
    var body = text
    if body.hasPrefix("\u{FEFF}") { body.removeFirst() }
    let lines = splitLines(body)
    let isVTT = lines.first?.hasPrefix("WEBVTT") ?? false
    var cues: [Cue] = []
    var index = isVTT ? 1 : 0
    while index < lines.count {
      // Skip blank lines and, in WebVTT, NOTE / STYLE / REGION blocks.
      if isBlank(lines[index]) {
        index += 1
        continue
      }
      if isVTT, ["NOTE", "STYLE", "REGION"].contains(where: { lines[index].hasPrefix($0) }) {
        while index < lines.count && !lines[index].isEmpty { index += 1 }
        continue
      }
      var timingIndex = index
      if !lines[index].contains("-->") {
        timingIndex = index + 1
        if !isVTT && Int(trimmingWhitespaces(lines[index][...])) == nil {
          throw ParseError(
            line: index + 1, reason: "expected a cue number, found \"\(lines[index].prefix(40))\"")
        }
      }
      guard timingIndex < lines.count, let (start, end) = timing(lines[timingIndex], vtt: isVTT)
      else {
        throw ParseError(
          line: min(timingIndex, lines.count - 1) + 1,
          reason: "expected a timing line such as 00:00:01,000 --> 00:00:02,500")
      }
      var text: [String] = []
      var cursor = timingIndex + 1
      while cursor < lines.count && !isBlank(lines[cursor]) {
        text.append(clean(lines[cursor], vtt: isVTT))
        cursor += 1
      }
      cues.append(
        Cue(number: cues.count + 1, line: timingIndex + 1, start: start, end: end, lines: text))
      index = cursor
    }
    return SubtitleFile(cues: cues)
  }

  /// The lines of `text`, split at CR LF, CR and LF, as a player reads them: from the bytes,
  /// since Foundation's replacing on a whole file copies it twice and walks it as UTF-16.
  /// CR and LF are single bytes that occur in no other character's UTF-8, and LF always ends
  /// a grapheme cluster, so this splits exactly where replacing CR LF and CR by LF and
  /// splitting at LF did.
  static func splitLines(_ text: String) -> [String] {
    var lines: [String] = []
    let utf8 = text.utf8
    var lineStart = utf8.startIndex
    var index = utf8.startIndex
    while index < utf8.endIndex {
      let byte = utf8[index]
      guard byte == 0x0A || byte == 0x0D else {
        utf8.formIndex(after: &index)
        continue
      }
      lines.append(String(text[lineStart..<index]))
      utf8.formIndex(after: &index)
      if byte == 0x0D, index < utf8.endIndex, utf8[index] == 0x0A { utf8.formIndex(after: &index) }
      lineStart = index
    }
    lines.append(String(text[lineStart..<utf8.endIndex]))
    return lines
  }

  /// `true` for a line that `trimmingCharacters(in: .whitespaces)` leaves empty; a line that
  /// starts with a visible ASCII character is not, which settles nearly every line without
  /// Foundation.
  static func isBlank(_ line: String) -> Bool {
    if let first = line.utf8.first, first < 0x80, first != 0x20, first != 0x09 { return false }
    return line.trimmingCharacters(in: .whitespaces).isEmpty
  }

  /// `text.trimmingCharacters(in: .whitespaces)`, without Foundation when, past the ASCII
  /// spaces and tabs at its ends (the only ASCII characters of that set), the text starts and
  /// ends with other ASCII, where the trimming stops (as for timing lines).
  static func trimmingWhitespaces(_ text: Substring) -> String {
    let utf8 = text.utf8
    var start = utf8.startIndex
    var end = utf8.endIndex
    while start < end, utf8[start] == 0x20 || utf8[start] == 0x09 { utf8.formIndex(after: &start) }
    while start < end {
      let before = utf8.index(before: end)
      guard utf8[before] == 0x20 || utf8[before] == 0x09 else { break }
      end = before
    }
    if start == end { return "" }
    if utf8[start] < 0x80, utf8[utf8.index(before: end)] < 0x80 {
      return String(text[start..<end])
    }
    return text.trimmingCharacters(in: .whitespaces)
  }

  /// `line.components(separatedBy: "-->")` for ASCII lines (one byte, one character), from
  /// the bytes; `nil` for other lines, which Foundation splits.
  private static func asciiTimingParts(_ line: String) -> [Substring]? {
    let bytes = Array(line.utf8)
    guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
    var parts: [Substring] = []
    var partStart = 0
    var index = 0
    while index + 2 < bytes.count {
      if bytes[index] == 0x2D, bytes[index + 1] == 0x2D, bytes[index + 2] == 0x3E {
        parts.append(line.utf8Slice(partStart, index))
        index += 3
        partStart = index
      } else {
        index += 1
      }
    }
    parts.append(line.utf8Slice(partStart, bytes.count))
    return parts
  }

  private static func timing(_ line: String, vtt: Bool) -> (Double, Double)? {
    let parts = asciiTimingParts(line) ?? line.components(separatedBy: "-->").map { $0[...] }
    guard parts.count == 2 else { return nil }
    let endField =
      trimmingWhitespaces(parts[1]).split(separator: " ").first.map(String.init)
      ?? ""
    guard let start = seconds(trimmingWhitespaces(parts[0])),
      let end = seconds(endField)
    else { return nil }
    return (start, end)
  }

  /// `HH:MM:SS,mmm`, `HH:MM:SS.mmm` or `MM:SS.mmm` in seconds.
  static func seconds(_ text: String) -> Double? {
    // The comma's byte occurs in no other character's UTF-8: replacing it byte by byte is
    // what Foundation's replacing did.
    let normalized =
      text.utf8.contains(0x2C)
      ? String(decoding: text.utf8.map { $0 == 0x2C ? 0x2E : $0 }, as: UTF8.self) : text
    let fields = normalized.split(separator: ":")
    guard fields.count == 2 || fields.count == 3 else { return nil }
    var total = 0.0
    for field in fields {
      guard let value = Double(field), value >= 0 else { return nil }
      total = total * 60 + value
    }
    return total
  }

  /// `line` as a player shows it: tags and (in SRT) ASS override blocks removed, character
  /// references decoded.
  private static func clean(_ line: String, vtt: Bool) -> String {
    // A line without `<`, `>`, `{`, `&` or any character whose UTF-8 starts with E2 (which the
    // zero-width space's does) has nothing to remove or decode: the loop below would copy it
    // as it is.
    if !line.utf8.contains(where: {
      $0 == 0x3C || $0 == 0x3E || $0 == 0x7B || $0 == 0x26 || $0 == 0xE2
    }) {
      return line
    }
    var result = ""
    var inTag = false
    var inOverride = false
    let characters = Array(line)
    for (index, character) in characters.enumerated() {
      // A zero-width space is invisible, and after `<` or `{` it marks text that only looks
      // like markup (see SRTRenderer.neutralized(_:)).
      if character == "\u{200B}" { continue }
      let next = index + 1 < characters.count ? characters[index + 1] : nil
      if inOverride {
        if character == "}" { inOverride = false }
      } else if character == "<" && !inTag {
        if next == "\u{200B}" {
          result.append(character)
        } else {
          inTag = true
        }
      } else if character == ">" && inTag {
        inTag = false
      } else if !inTag && !vtt && character == "{" && next == "\\" {
        // SRT players read `{\an8}`, `{\i1}` and the like as formatting; WebVTT shows braces.
        inOverride = true
      } else if !inTag {
        result.append(character)
      }
    }
    return result.contains("&") ? decodingReferences(result) : result
  }

  /// `text` with character references decoded in one pass (so `&amp;lt;` is `&lt;`): the
  /// named ones subtitle files use and numeric ones (`&#8230;`, `&#x2026;`). Anything else
  /// after a `&` stays as written.
  static func decodingReferences(_ text: String) -> String {
    var result = ""
    var rest = Substring(text)
    while let ampersand = rest.firstIndex(of: "&") {
      result += rest[..<ampersand]
      rest = rest[ampersand...]
      let body = rest.dropFirst().prefix(while: { $0 != ";" && $0 != "&" && !$0.isWhitespace })
      let end = rest.index(ampersand, offsetBy: body.count + 1)
      if body.count <= 10, end < rest.endIndex, rest[end] == ";",
        let decoded = reference(String(body))
      {
        result.append(decoded)
        rest = rest[rest.index(after: end)...]
      } else {
        result.append("&")
        rest = rest.dropFirst()
      }
    }
    result += rest
    return result
  }

  private static func reference(_ name: String) -> Character? {
    if name.hasPrefix("#") {
      let digits = name.dropFirst()
      let value =
        digits.first == "x" || digits.first == "X"
        ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
      guard let value, value != 0, let scalar = Unicode.Scalar(value) else { return nil }
      return Character(scalar)
    }
    return namedReferences[name]
  }

  private static let namedReferences: [String: Character] = [
    "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}",
    "lrm": "\u{200E}", "rlm": "\u{200F}", "hellip": "…", "mdash": "—", "ndash": "–",
    "lsquo": "‘", "rsquo": "’", "ldquo": "“", "rdquo": "”", "laquo": "«", "raquo": "»",
  ]
}

extension String {
  /// The text between two UTF-8 offsets, both on character boundaries.
  fileprivate func utf8Slice(_ start: Int, _ end: Int) -> Substring {
    let from = utf8.index(utf8.startIndex, offsetBy: start)
    let to = utf8.index(from, offsetBy: end - start)
    return self[from..<to]
  }
}
