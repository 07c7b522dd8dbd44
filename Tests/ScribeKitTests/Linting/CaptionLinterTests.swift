import Foundation
import Testing

@testable import ScribeKit

@Suite("Captioning: lint")
struct CaptionLinterTests {
  @Test func readsSRTAndWebVTTAndFindsEveryKindOfViolation() throws {
    let srt = """
      1
      00:00:01,000 --> 00:00:01,300
      Too quick.

      2
      00:00:01,310 --> 00:00:09,000
      This line is far too long for any reasonable caption style at all
      and then a second line
      and a third line

      3
      00:00:09,000 --> 00:00:09,500
      I met the
      famous John

      """
    let file = try SubtitleFile.parse(srt)
    #expect(file.cues.count == 3)
    let rules = CaptionLinter(style: .netflixEnglish).lint(file).map {
      "\($0.cue) \($0.rule.rawValue)"
    }
    #expect(
      rules == [
        "1 reading-speed", "1 min-duration", "1 min-gap", "2 max-lines",
        "2 max-characters-per-line",
        "2 max-duration", "2 min-gap", "3 bad-break", "3 reading-speed", "3 min-duration",
      ])
    let vtt =
      "WEBVTT\n\nNOTE a comment\n\nintro\n00:01.000 --> 00:04.000 align:start\n<v Amy>Hello &amp; <i>welcome</i>.</v>\n"
    let parsed = try SubtitleFile.parse(vtt)
    #expect(parsed.cues.first?.lines == ["Hello & welcome."])
    #expect(parsed.cues.first?.start == 1 && parsed.cues.first?.end == 4)
    #expect(CaptionLinter(style: .netflixEnglish).lint(parsed).isEmpty)
  }

  /// Lines split from bytes are those of replacing CR LF and CR by LF and splitting there, and
  /// the byte trimming of timing fields is Foundation's, for ASCII and for other whitespace.
  @Test func splitsLinesAndTrimsAsFoundationDoes() {
    let text = "1\r\n00:00:01,000 --> 00:00:02,000\rA\u{301}\n\n\r\n\r\rend\r"
    let expected = text.replacingOccurrences(of: "\r\n", with: "\n")
      .replacingOccurrences(of: "\r", with: "\n")
      .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    #expect(SubtitleFile.splitLines(text) == expected)
    for field in [" 00:01,5 ", "\t1\t", "", "  ", "\u{A0}1 ", " 2\u{3000}", "é ", " \t x y "] {
      #expect(
        SubtitleFile.trimmingWhitespaces(field[...]) == field.trimmingCharacters(in: .whitespaces))
      #expect(SubtitleFile.isBlank(field) == field.trimmingCharacters(in: .whitespaces).isEmpty)
    }
  }

  @Test func reportsJapaneseLineBreakRules() throws {
    let file = try SubtitleFile.parse("1\n00:00:00,000 --> 00:00:03,000\n今日は「\n。晴れです\n")
    let rules = CaptionLinter(style: .netflixJapanese).lint(file).map(\.rule)
    // An opening bracket at a line's end is a line-break fault; "。" at a line's start is
    // punctuation, the hard rule of its own.
    #expect(rules.filter { $0 == .lineBreak }.count == 1)
    #expect(rules.filter { $0 == .lineStartsWithPunctuation }.count == 1)
    // Small kana and the prolonged sound mark are not punctuation: still line-break, soft.
    #expect(
      try Self.rules(["今日は\nょう", "スーパ\nーです"], .netflixJapanese) == [
        "1 line-break", "2 line-break",
      ])
  }

  // MARK: Punctuation-only cues

  /// An SRT file with one 5-second cue per entry (its lines separated by "\n"), a second apart.
  static func srt(_ cues: [String]) -> String {
    cues.enumerated().map { index, text in
      let start = 1 + 6 * index
      return "\(index + 1)\n\(timecode(start)) --> \(timecode(start + 5))\n\(text)\n"
    }.joined(separator: "\n")
  }

  static func timecode(_ seconds: Int, milliseconds: Int = 0) -> String {
    func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
    let ms =
      milliseconds < 10
      ? "00\(milliseconds)" : milliseconds < 100 ? "0\(milliseconds)" : "\(milliseconds)"
    return "\(two(seconds / 3600)):\(two(seconds / 60 % 60)):\(two(seconds % 60)),\(ms)"
  }

  /// The rules these tests are about; the word lists behind `bad-break` belong to other tests.
  static let punctuationRules: Set<Violation.Rule> = [
    .punctuationOnly, .lineStartsWithPunctuation, .lineBreak, .malformed,
  ]

  /// Each violation of `style` in an SRT file of `cues`, as "cue rule", among `only`.
  static func rules(
    _ cues: [String], _ style: CaptionStyle, only: Set<Violation.Rule> = punctuationRules
  ) throws -> [String] {
    try rules(in: srt(cues), style, only: only)
  }

  /// Each violation of `style` in `text` (SRT or WebVTT), as "cue rule", among `only`.
  static func rules(
    in text: String, _ style: CaptionStyle,
    only: Set<Violation.Rule> = Set(Violation.Rule.allCases)
  ) throws -> [String] {
    CaptionLinter(style: style).lint(try SubtitleFile.parse(text)).filter {
      only.contains($0.rule)
    }.map { "\($0.cue) \($0.rule.rawValue)" }
  }

  @Test func aCueOfOnlyPunctuationIsAHardViolation() throws {
    #expect(Violation.Rule.punctuationOnly.isHard)
    let latin = [".", "…", "?!", "...", "-", " . ", "--", "(…)", "\"!\"", "...\n?"]
    #expect(
      try Self.rules(latin, .netflixEnglish)
        == latin.indices.map { "\($0 + 1) punctuation-only" })
    let cjk = ["。", "、", "？", "……", "！？", "「」", "～", "⋯⋯", "・"]
    for style in [CaptionStyle.netflixJapanese, .netflixChinese, .netflixEnglish] {
      #expect(
        try Self.rules(cjk, style) == cjk.indices.map { "\($0 + 1) punctuation-only" },
        "\(style.name)")
    }
    let detail = CaptionLinter(style: .netflixEnglish).lint(
      try SubtitleFile.parse(Self.srt([" . "])))
    #expect(detail.map(\.description) == ["cue 1: punctuation-only: the cue's only text is \".\""])
  }

  @Test func aLineOfOnlyPunctuationIsReportedOnceForThatLine() throws {
    #expect(
      try Self.rules(
        ["Of course, the power went out.\n.", "。\nはい"], .netflixJapanese,
        only: [.punctuationOnly, .lineStartsWithPunctuation]) == [
          "1 punctuation-only", "2 punctuation-only",
        ])
    let violations = CaptionLinter(style: .netflixEnglish).lint(
      try SubtitleFile.parse(Self.srt(["Of course, the power went out\n."])))
    #expect(
      violations.map(\.description) == [
        "cue 1: punctuation-only: line 2 is only punctuation (\".\")"
      ])
  }

  @Test func textWithWordsDigitsOrSymbolsIsNotPunctuationOnly() throws {
    let fine = [
      "Hello.", "♪", "♪ ♪", "♪ …", "¿Qué?", "1.", "No!", "はい。", "…そうか", "👍", "$5", "A",
      "$", "10%",
    ]
    #expect(try Self.rules(fine, .netflixEnglish) == [])
    #expect(try Self.rules(["はい。", "♪〜", "１。"], .netflixJapanese) == [])
  }

  @Test func punctuationIsJudgedAfterMarkupAndInvisibleCharacters() throws {
    // SRT: tags, an ASS override, our writer's zero-width spaces, a right-to-left mark.
    let srt = Self.srt([
      "<i>.</i>", "{\\an8}.", "\u{200B}。\u{200B}", "\u{200F}؟", "<b></b>\u{2060}",
    ])
    #expect(
      try Self.rules(in: srt, .netflixEnglish) == [
        "1 punctuation-only", "2 punctuation-only", "3 punctuation-only", "4 punctuation-only",
        "5 malformed",
      ])
    // WebVTT: voice and class spans, timestamp tags, character references.
    let vtt = """
      WEBVTT

      00:01.000 --> 00:04.000
      <v Amy>.</v>

      00:05.000 --> 00:08.000
      <c.yellow>&hellip;</c>

      00:09.000 --> 00:12.000
      <00:09.500>&#12290;&#x3002;

      00:13.000 --> 00:16.000
      &lrm;?!&rlm;

      00:17.000 --> 00:20.000
      <v Amy>Hello &amp; <i>welcome</i>.</v>

      00:21.000 --> 00:24.000
      {\\an8}.

      """
    #expect(
      try Self.rules(in: vtt, .netflixEnglish) == [
        "1 punctuation-only", "2 punctuation-only", "3 punctuation-only", "4 punctuation-only",
      ])
    // In WebVTT braces are text: the last cue reads "{\an8}." and has letters.
    #expect(try SubtitleFile.parse(vtt).cues.last?.lines == ["{\\an8}."])
    // A neutralised SRT override stays visible text, without its zero-width space.
    let neutralised = try SubtitleFile.parse(Self.srt(["{\u{200B}\\an8} <\u{200B}i> text"]))
    #expect(neutralised.cues.first?.lines == ["{\\an8} <i> text"])
  }

  @Test func characterReferencesDecodeInOnePass() {
    #expect(
      SubtitleFile.decodingReferences("&amp;lt; &lt; &#8230; &#x2026; &hellip;") == "&lt; < … … …")
    #expect(
      SubtitleFile.decodingReferences("AT&T; a & b &bogus; &#0; &#xZZ; &")
        == "AT&T; a & b &bogus; &#0; &#xZZ; &")
  }

  // MARK: Lines that start with punctuation

  @Test func aLineStartingWithClosingPunctuationIsAHardViolationInAnyScript() throws {
    #expect(Violation.Rule.lineStartsWithPunctuation.isHard)
    let latin = [
      ", and then", ". Oh,", "; however", ": the end", "! Wow", "? No", ") and so", "] and so",
      "} and so", "» et puis", "” he said", "’ then", "… and then", "... and then",
      "!?Really", "Wait\n, what?", "We left\n. And then", "Wait\n… then", ",and then",
    ]
    #expect(
      try Self.rules(latin, .netflixEnglish)
        == latin.indices.map { "\($0 + 1) line-starts-with-punctuation" })
    let cjk = [
      "。あ", "、それで", "，然后", "）と言った", "」と彼は", "』だ", "】です", "〉です", "》です",
      "！いいえ", "？なに", "：はい", "；はい", "．はい", "・リンゴ", "”他说", "｡ｱ", "今日は\n。晴れ",
      "… そうか",
    ]
    for style in [CaptionStyle.netflixJapanese, .netflixChinese, .netflixEnglish] {
      #expect(
        try Self.rules(cjk, style) == cjk.indices.map { "\($0 + 1) line-starts-with-punctuation" },
        "\(style.name)")
    }
    let others = ["، ثم ذهب", "؟ لا", "। और फिर", "። ከዚያ", "”안녕", "\u{0387} και", "‼ No"]
    #expect(
      try Self.rules(others, .netflixEnglish)
        == others.indices.map { "\($0 + 1) line-starts-with-punctuation" })
  }

  @Test func reportsTheMarksAndAnEllipsisNotJoinedToAWord() throws {
    let violations = CaptionLinter(style: .netflixEnglish).lint(
      try SubtitleFile.parse(Self.srt(["!?Really", "Wait\n, what?", "... and then"])))
    #expect(
      violations.map(\.description) == [
        "cue 1: line-starts-with-punctuation: line 1 starts with \"!?\"",
        "cue 2: line-starts-with-punctuation: line 2 starts with \",\"",
        "cue 3: line-starts-with-punctuation: line 1 starts with \"...\" not joined to a word",
      ])
  }

  /// The Netflix English guide marks a subtitle that starts mid-sentence with an ellipsis
  /// without a space ("...have signed an agreement"), so that start is allowed; so are
  /// apostrophes and the closing quotes other languages open with, and a decimal point.
  @Test func guideConventionsAtALineStartAreAllowed() throws {
    let fine = [
      "...and then", "…and then", "I worked on this\n…for six months.", "’Cause I said so.",
      "’em all", "’90s music", "»Hallo«, sagte er.", "”Hej”, sa hon.", ".45 caliber",
      "-Are you coming?\n-In a minute.", "¿Qué?", "¡Hola!", "(laughs) Yes.", "\"Quoted\"",
      "'Tis the season", "[door slams]", "Hello.", "<i>...and then</i>", "  Indented",
    ]
    #expect(try Self.rules(fine, .netflixEnglish) == [])
    let cjk = ["……そうか", "…そうか", "「こんにちは」", "はい。", "（笑）", "“你好”", "『本』"]
    #expect(try Self.rules(cjk, .netflixJapanese) == [])
    let vtt = "WEBVTT\n\n00:01.000 --> 00:04.000\n<v Amy>&hellip;and then</v>\n"
    #expect(try Self.rules(in: vtt, .netflixEnglish) == [])
  }

  @Test func markupBeforeThePunctuationDoesNotHideIt() throws {
    let srt = Self.srt([
      "<i>, and then</i>", "{\\an8}, and then", "\u{200E}, and then", "\u{200B}。あ",
    ])
    #expect(
      try Self.rules(in: srt, .netflixEnglish)
        == (1...4).map { "\($0) line-starts-with-punctuation" })
    let vtt = """
      WEBVTT

      00:01.000 --> 00:04.000
      <v Amy>, and then</v>

      00:05.000 --> 00:08.000
      &#12290;あ

      00:09.000 --> 00:12.000
      <c.yellow>&hellip;and then</c>

      """
    #expect(
      try Self.rules(in: vtt, .netflixEnglish) == [
        "1 line-starts-with-punctuation", "2 line-starts-with-punctuation",
      ])
  }

  // MARK: Durations

  @Test func durationsAreCheckedToTheMillisecond() throws {
    let srt = """
      1
      00:00:16,340 --> 00:00:17,173
      At the minimum.

      2
      00:00:18,000 --> 00:00:18,001
      One millisecond.

      3
      00:00:20,000 --> 00:01:22,000
      Sixty-two seconds.

      4
      00:01:23,000 --> 00:01:30,000
      Exactly seven seconds.

      5
      00:01:31,000 --> 00:01:38,001
      Seven seconds and a millisecond.

      6
      00:01:39,000 --> 00:01:39,832
      A millisecond short.

      7
      00:01:41,000 --> 00:01:41,000
      Never shown.

      8
      00:01:43,000 --> 00:01:42,000
      Backwards.

      9
      10:00:00,000 --> 10:00:07,000
      Ten hours in, seven seconds.

      10
      10:00:08,000 --> 10:00:15,001
      Ten hours in, a millisecond over.

      """
    let violations = CaptionLinter(style: .netflixEnglish).lint(try SubtitleFile.parse(srt))
    #expect(
      violations.map(\.description) == [
        "cue 2: reading-speed: 16000 characters per second (limit 20)",
        "cue 2: min-duration: 0.001 s on screen (minimum 0.833 s)",
        "cue 3: max-duration: 62 s on screen (maximum 7 s)",
        "cue 5: max-duration: 7.001 s on screen (maximum 7 s)",
        "cue 6: reading-speed: 24.04 characters per second (limit 20)",
        "cue 6: min-duration: 0.832 s on screen (minimum 0.833 s)",
        "cue 7: malformed: it ends when it starts (101 s), so it is never shown",
        "cue 8: malformed: it ends (102 s) before it starts (103 s)",
        "cue 10: max-duration: 7.001 s on screen (maximum 7 s)",
      ])
    #expect(Violation.Rule.tooLong.isHard && !Violation.Rule.tooShort.isHard)
    let long = violations.first { $0.rule == .tooLong }
    #expect(long?.measured == 62 && long?.limit == 7)
  }

  @Test func aLongWebVTTCueAndAnotherStylesLimits() throws {
    let vtt = "WEBVTT\n\n00:00.000 --> 01:02.600\n！\n\n01:03.000 --> 01:05.600\nA line.\n"
    #expect(
      try Self.rules(in: vtt, .netflixJapanese) == [
        "1 punctuation-only", "1 max-duration",
      ])
    // Vertical video allows 2.5 s.
    #expect(
      try Self.rules(in: vtt, .vertical) == [
        "1 punctuation-only", "1 max-duration", "2 max-duration",
      ])
    #expect(Self.seconds(0.0005) == "0.001" && Self.seconds(62.6) == "62.6")
  }

  static func seconds(_ value: Double) -> String { CaptionLinter.seconds(value) }

  @Test func saysWhereAFileIsBroken() {
    #expect(
      throws: SubtitleFile.ParseError(
        line: 2, reason: "expected a timing line such as 00:00:01,000 --> 00:00:02,500")
    ) {
      try SubtitleFile.parse("1\n00:00:01 -> 00:00:02\nText\n")
    }
    #expect(throws: SubtitleFile.ParseError.self) {
      try SubtitleFile.parse("one\n00:00:01,000 --> 00:00:02,000\nx\n")
    }
  }

  @Test(.enabled(if: Files.sharedFixturesAvailable, Files.skipReason))
  func ourNetflixOutputBreaksNoHardRuleOnTheFixtures() throws {
    for name in Files.speechToTextFixtures + Files.textToSpeechFixtures {
      let transcript = try Files.readShared(name)
      let style: CaptionStyle = name.contains("mandarin") ? .netflixChinese : .netflixEnglish
      let srt = String(
        decoding: try transcript.export(.srt, preset: Preset(style))[0].content, as: UTF8.self)
      let violations = CaptionLinter(style: style).lint(try SubtitleFile.parse(srt))
      let hard = violations.filter(\.rule.isHard)
      #expect(hard.isEmpty, "\(name): \(hard.prefix(5))")
    }
  }
}
