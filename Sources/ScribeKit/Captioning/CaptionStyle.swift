/// How characters are counted against a line limit.
public enum CharacterCounting: String, Sendable, Equatable, Hashable {
  /// One per grapheme cluster (user-perceived character): Latin, Cyrillic, Arabic, ...
  case graphemes
  /// East Asian Width, as Netflix's Japanese, Chinese and Korean guides count: a full-width
  /// character is 1, a half-width one (Latin letters, digits, half-width kana) is 0.5.
  case eastAsianWidth = "east-asian-width"
}

/// The rules professional captions follow, with the limits a style guide sets.
///
/// Hard limits (lines per cue, characters per line, maximum duration, speaker changes) are never
/// broken unless a single word forces it; the rest (reading speed, minimum duration, balanced
/// lines, where to break) are costs that the caption segmenter weighs to choose the best cues.
public struct CaptionStyle: Sendable, Equatable, Hashable {
  /// The style's name, as presets and lint reports give it.
  public var name: String
  /// Most lines in one cue. Default: 2.
  public var maxLines: Int
  /// Most characters on one line, counted per ``counting``.
  public var maxCharactersPerLine: Double
  /// How characters are counted.
  public var counting: CharacterCounting
  /// Reading speed limit in characters per second (spaces included, as Netflix counts).
  public var maxCharactersPerSecond: Double
  /// Shortest time a cue stays on screen, in seconds.
  public var minDuration: Double
  /// Longest time a cue stays on screen, in seconds.
  public var maxDuration: Double
  /// Smallest gap between two cues, in seconds (two frames at 24 fps is 0.083 s).
  public var minGap: Double
  /// Gaps shorter than this are closed down to ``minGap`` ("chaining"), in seconds.
  public var chainingThreshold: Double
  /// A pause longer than this always ends a cue, in seconds.
  public var pauseBreak: Double
  /// Language of the word lists for line breaking (`en`), or `nil` for none.
  public var language: String?

  /// Creates a style.
  public init(
    name: String, maxLines: Int = 2, maxCharactersPerLine: Double = 42,
    counting: CharacterCounting = .graphemes, maxCharactersPerSecond: Double = 20,
    minDuration: Double = 0.833, maxDuration: Double = 7, minGap: Double = 0.083,
    chainingThreshold: Double = 0.5, pauseBreak: Double = 1.5, language: String? = "en"
  ) {
    self.name = name
    self.maxLines = maxLines
    self.maxCharactersPerLine = maxCharactersPerLine
    self.counting = counting
    self.maxCharactersPerSecond = maxCharactersPerSecond
    self.minDuration = minDuration
    self.maxDuration = maxDuration
    self.minGap = minGap
    self.chainingThreshold = chainingThreshold
    self.pauseBreak = pauseBreak
    self.language = language
  }

  /// Netflix English timed text style guide: 42 characters per line, 2 lines, 20 characters per
  /// second for adult programmes, 5/6 s (0.833 s) minimum and 7 s maximum duration, 2 frames
  /// minimum gap, gaps under 0.5 s closed (the "chaining" rule).
  /// Source: https://partnerhelp.netflixstudios.com/hc/en-us/articles/217350977
  public static let netflixEnglish = CaptionStyle(name: "netflix-en")

  /// Netflix Japanese timed text style guide: 13 full-width characters per line, 2 lines,
  /// 4 characters per second, half-width characters count 0.5.
  /// Source: https://partnerhelp.netflixstudios.com/hc/en-us/articles/215767517
  public static let netflixJapanese = CaptionStyle(
    name: "netflix-ja", maxCharactersPerLine: 13, counting: .eastAsianWidth,
    maxCharactersPerSecond: 4, language: "ja")

  /// Netflix Simplified Chinese timed text style guide: 16 full-width characters per line,
  /// 2 lines, 9 characters per second.
  /// Source: https://partnerhelp.netflixstudios.com/hc/en-us/articles/215994807
  public static let netflixChinese = CaptionStyle(
    name: "netflix-zh", maxCharactersPerLine: 16, counting: .eastAsianWidth,
    maxCharactersPerSecond: 9, language: "zh")

  /// Netflix Korean timed text style guide: 16 characters per line, 2 lines, 12 characters per
  /// second.
  /// Source: https://partnerhelp.netflixstudios.com/hc/en-us/articles/216001127
  public static let netflixKorean = CaptionStyle(
    name: "netflix-ko", maxCharactersPerLine: 16, counting: .eastAsianWidth,
    maxCharactersPerSecond: 12, language: "ko")

  /// Netflix Spanish (Latin America & Spain) timed text style guide: 42 characters per line,
  /// 2 lines; 17 characters per second for adult programmes; the general requirements' 5/6 s
  /// minimum and 7 s maximum duration and 2-frame gap.
  /// Source: https://partnerhelp.netflixstudios.com/hc/en-us/articles/217349997 (42 characters
  /// per line); general requirements,
  /// https://partnerhelp.netflixstudios.com/hc/en-us/articles/215758617. The reading speed is the
  /// 17 characters per second that Netflix sets for subtitles in languages other than English
  /// (its template guide, https://partnerhelp.netflixstudios.com/hc/en-us/articles/219375728, and
  /// Subtitle Edit's Netflix quality check, which applies it to every language without its own
  /// figure); Pixelogic's Spanish (Latin American) guide gives the same 17 and 42.
  public static let netflixSpanish = CaptionStyle(
    name: "netflix-es", maxCharactersPerSecond: 17, language: "es")

  /// Netflix French timed text style guide: 42 characters per line, 2 lines; 17 characters
  /// per second for adult programmes; 5/6 s minimum and 7 s maximum duration, 2-frame gap.
  /// Source: https://partnerhelp.netflixstudios.com/hc/en-us/articles/217351577 (42 characters
  /// per line); the general requirements and the 17 characters per second as for
  /// ``netflixSpanish``.
  public static let netflixFrench = CaptionStyle(
    name: "netflix-fr", maxCharactersPerSecond: 17, language: "fr")

  /// Netflix German timed text style guide: 42 characters per line, 2 lines; 17 characters
  /// per second for adult programmes; 5/6 s minimum and 7 s maximum duration, 2-frame gap.
  /// Source: https://partnerhelp.netflixstudios.com/hc/en-us/articles/217351587 (42 characters
  /// per line); the general requirements and the 17 characters per second as for
  /// ``netflixSpanish`` (Pixelogic's German guide gives the same 17 and 42).
  public static let netflixGerman = CaptionStyle(
    name: "netflix-de", maxCharactersPerSecond: 17, language: "de")

  /// Netflix Brazilian Portuguese timed text style guide: 42 characters per line, 2 lines;
  /// 17 characters per second for adult programmes; 5/6 s minimum and 7 s maximum duration,
  /// 2-frame gap.
  /// Source: https://partnerhelp.netflixstudios.com/hc/en-us/articles/215600497 (42 characters
  /// per line); the general requirements and the 17 characters per second as for
  /// ``netflixSpanish``.
  public static let netflixBrazilianPortuguese = CaptionStyle(
    name: "netflix-pt-br", maxCharactersPerSecond: 17, language: "pt-BR")

  /// Netflix Italian timed text style guide: 42 characters per line, 2 lines; 17 characters
  /// per second for adult programmes; 5/6 s minimum and 7 s maximum duration, 2-frame gap.
  /// Source: https://partnerhelp.netflixstudios.com/hc/en-us/articles/215349898 (42 characters
  /// per line); the general requirements and the 17 characters per second as for
  /// ``netflixSpanish``.
  public static let netflixItalian = CaptionStyle(
    name: "netflix-it", maxCharactersPerSecond: 17, language: "it")

  /// Netflix Traditional Chinese timed text style guide: 16 full-width characters per line,
  /// 2 lines, half-width characters count 0.5; 9 characters per second for adult programmes.
  /// Source: https://partnerhelp.netflixstudios.com/hc/en-us/articles/215994807 (16 characters
  /// per line); the reading speed is the 9 characters per second Subtitle Edit's Netflix
  /// quality check applies to Chinese, and Pixelogic's Traditional Chinese guide gives the same.
  public static let netflixTraditionalChinese = CaptionStyle(
    name: "netflix-zh-hant", maxCharactersPerLine: 16, counting: .eastAsianWidth,
    maxCharactersPerSecond: 9, language: "zh-Hant")

  /// BBC subtitle guidelines: 37 characters per line (the Teletext-derived limit of 68% of the
  /// screen width), 2 lines, 160–180 words per minute (about 15 characters per second), 0.3 s
  /// minimum for short words but 1 s as a working minimum, 7 s maximum.
  /// Source: https://www.bbc.co.uk/accessibility/forproducts/guides/subtitles/
  public static let bbc = CaptionStyle(
    name: "bbc", maxCharactersPerLine: 37, maxCharactersPerSecond: 15, minDuration: 1,
    maxDuration: 7, minGap: 0.08)

  /// Vertical short-form video (9:16 phones): one short line in the middle of the frame, as
  /// TikTok, Reels and Shorts captions are made: 1 line of at most 24 characters, up to
  /// 2.5 s, reading speed as Netflix's.
  /// Source: common practice of the platforms' caption tools; no published standard exists.
  public static let vertical = CaptionStyle(
    name: "vertical", maxLines: 1, maxCharactersPerLine: 24, maxCharactersPerSecond: 20,
    minDuration: 0.5, maxDuration: 2.5, minGap: 0, chainingThreshold: 0.3, pauseBreak: 1)

  /// The width of `text` under this style's counting.
  public func width(of text: String) -> Double {
    CharacterWidth.width(of: text, counting: counting)
  }
}

/// Character widths for line limits.
enum CharacterWidth {
  /// The width of `text`: grapheme clusters, or East Asian Width (full-width 1, others 0.5).
  static func width(of text: String, counting: CharacterCounting) -> Double {
    switch counting {
    case .graphemes:
      return Double(text.count)
    case .eastAsianWidth:
      var total = 0.0
      for character in text { total += isWide(character) ? 1 : 0.5 }
      return total
    }
  }

  /// `true` for characters East Asian Width calls Wide or Fullwidth: CJK ideographs, kana,
  /// Hangul, full-width forms and CJK punctuation, and emoji presentation.
  static func isWide(_ character: Character) -> Bool {
    guard let scalar = character.unicodeScalars.first else { return false }
    switch scalar.value {
    case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
      0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
      0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD:
      return true
    default:
      return false
    }
  }
}
