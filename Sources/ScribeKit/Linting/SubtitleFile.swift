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
    let lines = body.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(
      of: "\r", with: "\n"
    )
    .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let isVTT = lines.first?.hasPrefix("WEBVTT") ?? false
    var cues: [Cue] = []
    var index = isVTT ? 1 : 0
    while index < lines.count {
      // Skip blank lines and, in WebVTT, NOTE / STYLE / REGION blocks.
      if lines[index].trimmingCharacters(in: .whitespaces).isEmpty {
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
        if !isVTT && Int(lines[index].trimmingCharacters(in: .whitespaces)) == nil {
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
      while cursor < lines.count && !lines[cursor].trimmingCharacters(in: .whitespaces).isEmpty {
        text.append(clean(lines[cursor], vtt: isVTT))
        cursor += 1
      }
      cues.append(
        Cue(number: cues.count + 1, line: timingIndex + 1, start: start, end: end, lines: text))
      index = cursor
    }
    return SubtitleFile(cues: cues)
  }

  private static func timing(_ line: String, vtt: Bool) -> (Double, Double)? {
    let parts = line.components(separatedBy: "-->")
    guard parts.count == 2 else { return nil }
    let endField =
      parts[1].trimmingCharacters(in: .whitespaces).split(separator: " ").first.map(String.init)
      ?? ""
    guard let start = seconds(parts[0].trimmingCharacters(in: .whitespaces)),
      let end = seconds(endField)
    else { return nil }
    return (start, end)
  }

  /// `HH:MM:SS,mmm`, `HH:MM:SS.mmm` or `MM:SS.mmm` in seconds.
  static func seconds(_ text: String) -> Double? {
    let normalized = text.replacingOccurrences(of: ",", with: ".")
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
