import Foundation

/// One broken rule in a subtitle file.
public struct Violation: Sendable, Equatable, CustomStringConvertible {
  /// The rules, with the names `lint` prints.
  public enum Rule: String, Sendable, CaseIterable {
    /// More lines than ``CaptionStyle/maxLines``.
    case tooManyLines = "max-lines"
    /// A line wider than ``CaptionStyle/maxCharactersPerLine``.
    case lineTooLong = "max-characters-per-line"
    /// Faster than ``CaptionStyle/maxCharactersPerSecond``.
    case readingSpeed = "reading-speed"
    /// Shorter than ``CaptionStyle/minDuration``.
    case tooShort = "min-duration"
    /// Longer than ``CaptionStyle/maxDuration``.
    case tooLong = "max-duration"
    /// Closer to the next cue than ``CaptionStyle/minGap``, or overlapping it.
    case gap = "min-gap"
    /// A line starting with a character Japanese line breaking forbids there (`。`, `、`, small
    /// kana, closing brackets) or ending with an opening bracket.
    case lineBreak = "line-break"
    /// A line ending with an article, preposition or a first name whose surname starts the next.
    case badBreak = "bad-break"
    /// A cue with no text, or ending before it starts, or starting before the previous one.
    case malformed = "malformed"

    /// Whether a style guide treats the rule as a hard limit.
    public var isHard: Bool {
      switch self {
      case .tooManyLines, .lineTooLong, .tooLong, .gap, .malformed: return true
      case .readingSpeed, .tooShort, .lineBreak, .badBreak: return false
      }
    }
  }

  /// The cue's number.
  public var cue: Int
  /// The rule.
  public var rule: Rule
  /// What was measured, in words with the limit.
  public var detail: String
  /// The measured value.
  public var measured: Double
  /// The limit.
  public var limit: Double

  /// `cue N: rule: detail`.
  public var description: String { "cue \(cue): \(rule.rawValue): \(detail)" }
}

/// Checks subtitle files (ours or anyone's) against a ``CaptionStyle``.
struct CaptionLinter: Sendable {
  /// The rules to check.
  var style: CaptionStyle

  /// Creates a linter.
  init(style: CaptionStyle) {
    self.style = style
  }

  /// Every violation in `file`, in cue order.
  func lint(_ file: SubtitleFile) -> [Violation] {
    let words = BreakWords.forLanguage(style.language)
    var found: [Violation] = []
    func add(
      _ cue: Int, _ rule: Violation.Rule, _ detail: String, _ measured: Double, _ limit: Double
    ) {
      found.append(
        Violation(cue: cue, rule: rule, detail: detail, measured: measured, limit: limit))
    }
    let f = Cue.EndReason.format
    for (index, cue) in file.cues.enumerated() {
      let duration = cue.end - cue.start
      let text = cue.lines.joined(separator: " ")
      if cue.lines.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
        add(cue.number, .malformed, "the cue has no text", 0, 0)
        continue
      }
      if duration <= 0 {
        add(
          cue.number, .malformed, "it ends (\(f(cue.end)) s) before it starts (\(f(cue.start)) s)",
          duration, 0)
        continue
      }
      if cue.lines.count > style.maxLines {
        add(
          cue.number, .tooManyLines, "\(cue.lines.count) lines (limit \(style.maxLines))",
          Double(cue.lines.count), Double(style.maxLines))
      }
      for (number, line) in cue.lines.enumerated() {
        let width = style.width(of: line)
        if width > style.maxCharactersPerLine {
          add(
            cue.number, .lineTooLong,
            "line \(number + 1) has \(f(width)) characters (limit \(f(style.maxCharactersPerLine)))",
            width, style.maxCharactersPerLine)
        }
        if let first = line.first, TextBreaks.isClosing(first),
          TextBreaks.isUnitCharacter(first) || style.counting == .eastAsianWidth
        {
          add(cue.number, .lineBreak, "line \(number + 1) starts with \"\(first)\"", 0, 0)
        }
        if let last = line.last, TextBreaks.isOpening(last) {
          add(cue.number, .lineBreak, "line \(number + 1) ends with \"\(last)\"", 0, 0)
        }
        if number + 1 < cue.lines.count, let lastWord = line.split(separator: " ").last {
          let key = BreakWords.key(String(lastWord))
          let nextWord = cue.lines[number + 1].split(separator: " ").first.map(String.init) ?? ""
          if words.noBreakAfter.contains(key)
            || (words.firstNames.contains(key) && (nextWord.first?.isUppercase ?? false))
          {
            add(cue.number, .badBreak, "line \(number + 1) ends with \"\(lastWord)\"", 0, 0)
          }
        }
      }
      let width = style.width(of: text)
      let speed = width / duration
      if speed > style.maxCharactersPerSecond + 1e-9 {
        add(
          cue.number, .readingSpeed,
          "\(f(speed)) characters per second (limit \(f(style.maxCharactersPerSecond)))", speed,
          style.maxCharactersPerSecond)
      }
      if duration < style.minDuration - 1e-9 {
        add(
          cue.number, .tooShort, "\(f(duration)) s on screen (minimum \(f(style.minDuration)) s)",
          duration, style.minDuration)
      }
      if duration > style.maxDuration + 1e-9 {
        add(
          cue.number, .tooLong, "\(f(duration)) s on screen (maximum \(f(style.maxDuration)) s)",
          duration, style.maxDuration)
      }
      if index + 1 < file.cues.count {
        let next = file.cues[index + 1]
        let gap = next.start - cue.end
        if next.start < cue.start {
          add(next.number, .malformed, "it starts before the cue before it", next.start, cue.start)
        } else if gap < style.minGap - 0.0005 {
          let what =
            gap < 0
            ? "overlaps the next cue by \(f(-gap)) s" : "\(f(gap * 1000)) ms before the next cue"
          add(cue.number, .gap, "\(what) (minimum \(f(style.minGap * 1000)) ms)", gap, style.minGap)
        }
      }
    }
    return found
  }
}

extension SubtitleFile {
  /// Every cue's violations of `style`, in cue order: lines, characters per line, reading
  /// speed, duration, gaps and overlaps, each with what was measured and the limit.
  public func violations(of style: CaptionStyle) -> [Violation] {
    CaptionLinter(style: style).lint(self)
  }
}
