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
    /// A line starting with a character other than punctuation that Japanese line breaking
    /// forbids there (small kana, the prolonged sound mark `ー`, iteration marks such as `々`,
    /// and `%` in a CJK style), or ending with an opening bracket. Punctuation at the start of
    /// a line is ``lineStartsWithPunctuation``.
    case lineBreak = "line-break"
    /// A line ending with an article, preposition or a first name whose surname starts the next.
    case badBreak = "bad-break"
    /// A cue, or one line of it, whose visible text is nothing but punctuation: `.`, `。`, `…`,
    /// `?!`, `-`. Speech-to-text output has such items of their own (a 20 ms "." word, a 62 s
    /// "！"), and a cue made of one shows the viewer a mark with nothing to read. Symbols are
    /// not punctuation here, so a music cue (`♪`) is text.
    ///
    /// Hard: no style guide allows it, the mark always belongs to the text beside it, and the
    /// caption styles join such items to a neighbouring cue, so nothing forces it.
    case punctuationOnly = "punctuation-only"
    /// A line starting with punctuation that closes or ends what comes before it, in any
    /// script: `. , ; : ! ?`, closing brackets and quotes (`) ] } » ” ’`), an ellipsis, the
    /// CJK full-width forms (`。 、 ， ． ！ ？ ： ； ） ］ 」 』 】 〉 》`), the middle dot `・`,
    /// and every character Unicode calls terminal punctuation (`، ؟ । ။ ።` and the like).
    ///
    /// Three starts are allowed, because guides use them:
    /// - an ellipsis touching the word it leads into, `…and then` or `...and then`: the Netflix
    ///   English guide marks a subtitle that starts mid-sentence so ("Use an ellipsis without a
    ///   space to indicate that a subtitle is starting mid-sentence"), and Japanese subtitles
    ///   open with `……` the same way. An ellipsis followed by a space, or alone, is a pause
    ///   that belongs to the text before it and is reported;
    /// - a closing quote or apostrophe touching a letter or digit that is not Chinese, Japanese
    ///   or Korean:
    ///   `’Cause`, `’em`, and the quotes that open in other languages (German and Danish
    ///   `»Hallo«`, Swedish and Finnish `”Hej”`);
    /// - a full stop before a digit, `.45`.
    ///
    /// Hard: every guide breaks lines after punctuation, never before it (Netflix's general
    /// requirements: "the line should be broken after punctuation marks"; the Japanese line
    /// breaking rules of JIS X 4051 and the Chinese punctuation standard GB/T 15834 forbid
    /// these marks at the start of a line). Unlike reading speed or minimum duration it is not
    /// a trade-off: moving the mark to the end of the line or cue before it always mends it,
    /// which the caption styles do, so only a file's very first mark can force it.
    case lineStartsWithPunctuation = "line-starts-with-punctuation"
    /// A cue with no visible text, or ending before it starts or when it starts, or starting
    /// before the previous one.
    case malformed = "malformed"

    /// Whether a style guide treats the rule as a hard limit.
    public var isHard: Bool {
      switch self {
      case .tooManyLines, .lineTooLong, .tooLong, .gap, .punctuationOnly,
        .lineStartsWithPunctuation, .malformed:
        return true
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
    let s = Self.seconds
    for (index, cue) in file.cues.enumerated() {
      let duration = cue.end - cue.start
      // What a viewer sees: bidi marks, word joiners and other invisible format characters take
      // no room on screen and are neither text nor punctuation.
      let lines = cue.lines.map(CuePunctuation.visible)
      let text = lines.joined(separator: " ")
      if lines.allSatisfy({ $0.allSatisfy(\.isWhitespace) }) {
        add(cue.number, .malformed, "the cue has no text", 0, 0)
        continue
      }
      if duration <= 0 {
        let detail =
          duration == 0
          ? "it ends when it starts (\(s(cue.start)) s), so it is never shown"
          : "it ends (\(s(cue.end)) s) before it starts (\(s(cue.start)) s)"
        add(cue.number, .malformed, detail, duration, 0)
        continue
      }
      if cue.lines.count > style.maxLines {
        add(
          cue.number, .tooManyLines, "\(cue.lines.count) lines (limit \(style.maxLines))",
          Double(cue.lines.count), Double(style.maxLines))
      }
      let onlyPunctuation = lines.allSatisfy(CuePunctuation.hasNoText)
      if onlyPunctuation {
        add(
          cue.number, .punctuationOnly,
          "the cue's only text is \"\(CuePunctuation.trimmed(text))\"", 0, 0)
      }
      for (number, line) in lines.enumerated() {
        let width = style.width(of: line)
        if width > style.maxCharactersPerLine {
          add(
            cue.number, .lineTooLong,
            "line \(number + 1) has \(f(width)) characters (limit \(f(style.maxCharactersPerLine)))",
            width, style.maxCharactersPerLine)
        }
        // A cue of nothing but punctuation is reported once, above, not once per line.
        if onlyPunctuation { continue }
        if CuePunctuation.hasNoText(line), !line.allSatisfy(\.isWhitespace) {
          add(
            cue.number, .punctuationOnly,
            "line \(number + 1) is only punctuation (\"\(CuePunctuation.trimmed(line))\")", 0, 0)
        } else if let start = CuePunctuation.closingStart(of: line) {
          let detail =
            start.isEllipsis
            ? "line \(number + 1) starts with \"\(start.marks)\" not joined to a word"
            : "line \(number + 1) starts with \"\(start.marks)\""
          add(cue.number, .lineStartsWithPunctuation, detail, 0, 0)
        } else if let first = line.first(where: { !$0.isWhitespace }), TextBreaks.isClosing(first),
          !CuePunctuation.isClosing(first),
          TextBreaks.isUnitCharacter(first) || style.counting == .eastAsianWidth
        {
          add(cue.number, .lineBreak, "line \(number + 1) starts with \"\(first)\"", 0, 0)
        }
        if let last = line.last, TextBreaks.isOpening(last) {
          add(cue.number, .lineBreak, "line \(number + 1) ends with \"\(last)\"", 0, 0)
        }
        if number + 1 < lines.count, let lastWord = line.split(separator: " ").last {
          let key = BreakWords.key(String(lastWord))
          let nextWord = lines[number + 1].split(separator: " ").first.map(String.init) ?? ""
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
          cue.number, .tooShort, "\(s(duration)) s on screen (minimum \(s(style.minDuration)) s)",
          duration, style.minDuration)
      }
      if duration > style.maxDuration + 1e-9 {
        add(
          cue.number, .tooLong, "\(s(duration)) s on screen (maximum \(s(style.maxDuration)) s)",
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
            ? "overlaps the next cue by \(s(-gap)) s" : "\(f(gap * 1000)) ms before the next cue"
          add(cue.number, .gap, "\(what) (minimum \(f(style.minGap * 1000)) ms)", gap, style.minGap)
        }
      }
    }
    return found
  }

  /// Seconds to the millisecond, all that SRT and WebVTT timings hold: `0.001`, `0.833`, `62.6`.
  /// (Two decimals would call a 1 ms cue "0 s" and a 0.83 s one as long as the 0.833 s minimum.)
  static func seconds(_ value: Double) -> String {
    guard value.isFinite, abs(value) < 1e12 else { return String(value) }
    let rounded = (value * 1000).rounded() / 1000
    return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
  }
}

/// How the linter judges punctuation in cue text, per grapheme cluster (user-perceived
/// character) and in any script. Text reaches it with markup already removed and character
/// references decoded by ``SubtitleFile/parse(_:)``, which also drops the zero-width spaces the
/// SRT writer puts into text that looks like markup.
enum CuePunctuation {
  /// `line` without the characters that show nothing: format controls (Unicode category Cf:
  /// left-to-right and right-to-left marks, bidi embeddings and isolates, word joiner, byte
  /// order mark, soft hyphen). A joiner inside an emoji sequence is part of that emoji's
  /// grapheme cluster and stays.
  static func visible(_ line: String) -> String {
    // No ASCII character is a format control: most lines are settled by their bytes.
    if line.utf8.allSatisfy({ $0 < 0x80 }) { return line }
    guard line.unicodeScalars.contains(where: isFormat) else { return line }
    return String(line.filter { !$0.unicodeScalars.allSatisfy(isFormat) })
  }

  private static func isFormat(_ scalar: Unicode.Scalar) -> Bool {
    scalar.properties.generalCategory == .format
  }

  /// `true` when `line` has no letter, digit or symbol: only punctuation and whitespace (or
  /// nothing).
  static func hasNoText(_ line: String) -> Bool {
    line.allSatisfy { $0.isWhitespace || isPunctuation($0) }
  }

  /// Punctuation in any script: every Unicode punctuation category (`.`, `。`, `…`, `！`, `-`,
  /// `「`), and the wave dashes and midline ellipsis Unicode files as mathematical symbols but
  /// Japanese and Chinese write as punctuation (`~`, `～`, `⋯`). Other symbols (`♪`, `$`,
  /// emoji) are text, so a music cue of `♪` alone is not punctuation.
  static func isPunctuation(_ character: Character) -> Bool {
    character.isPunctuation || character == "~" || character == "～" || character == "⋯"
  }

  /// Punctuation that closes or ends what comes before it, and so may not start a line: closing
  /// brackets (Unicode category Pe: `)`, `]`, `」`, `】`, `》`, ...), closing quotes (Pf: `”`,
  /// `’`, `»`, `›`), Unicode's terminal punctuation in every script (`.`, `,`, `;`, `:`, `!`,
  /// `?`, `。`, `、`, `，`, `！`, `？`, `：`, `；`, `‼`, `،`, `؟`, `।`, `።`, ...), ellipses (`…`,
  /// `‥`, `⋯`) and the CJK middle dots (`・`, `･`) that Japanese line breaking keeps off a
  /// line's start. Opening brackets and quotes, dashes (a dialogue dash starts a line), `¿`,
  /// `¡`, and the ambiguous ASCII quotes `"` and `'` are not.
  static func isClosing(_ character: Character) -> Bool {
    guard let scalar = character.unicodeScalars.first else { return false }
    switch scalar.properties.generalCategory {
    case .closePunctuation, .finalPunctuation: return true
    default:
      return scalar.properties.isTerminalPunctuation || ellipses.contains(character)
        || character == "・" || character == "･"
    }
  }

  /// Characters that are an ellipsis on their own.
  private static let ellipses: Set<Character> = ["…", "‥", "⋯"]

  /// Closing punctuation at the start of a line.
  struct Start: Equatable {
    /// The marks, from the line's first visible character to the last closing one after it.
    var marks: String
    /// Whether the marks are an ellipsis (reported when not joined to a word).
    var isEllipsis: Bool
  }

  /// The closing punctuation `line` starts with, or `nil` when it starts with anything else
  /// or with one of the starts guides allow (see ``Violation/Rule/lineStartsWithPunctuation``):
  /// an ellipsis touching the word after it, a closing quote or apostrophe touching a letter
  /// or digit that is not full-width (Chinese, Japanese, Korean), a full stop before a digit.
  static func closingStart(of line: String) -> Start? {
    let rest = line.drop(while: \.isWhitespace)
    guard let first = rest.first, isClosing(first) else { return nil }
    let marks = String(rest.prefix(while: isClosing).prefix(8))
    let afterFirst = rest.dropFirst().first
    // An ellipsis: one or more ellipsis characters, or three or more full stops.
    let ellipsis: Substring
    if ellipses.contains(first) {
      ellipsis = rest.prefix(while: ellipses.contains)
    } else if first == ".", rest.prefix(3) == "..." {
      ellipsis = rest.prefix { $0 == "." }
    } else {
      ellipsis = ""
    }
    if !ellipsis.isEmpty {
      let after = rest.dropFirst(ellipsis.count).first
      if let after, !after.isWhitespace, !isClosing(after) { return nil }
      return Start(marks: String(ellipsis), isEllipsis: true)
    }
    if let afterFirst {
      if first == ".", afterFirst.isASCII, afterFirst.isNumber { return nil }
      let isQuote = first.unicodeScalars.first?.properties.generalCategory == .finalPunctuation
      if isQuote, afterFirst.isLetter || afterFirst.isNumber, !CharacterWidth.isWide(afterFirst) {
        return nil
      }
    }
    return Start(marks: marks, isEllipsis: false)
  }

  /// `text` without whitespace at either end, for quoting in a report.
  static func trimmed(_ text: String) -> String {
    String(text.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
  }
}

extension SubtitleFile {
  /// Every cue's violations of `style`, in cue order: lines, characters per line, reading
  /// speed, duration, gaps and overlaps, each with what was measured and the limit.
  public func violations(of style: CaptionStyle) -> [Violation] {
    CaptionLinter(style: style).lint(self)
  }
}
