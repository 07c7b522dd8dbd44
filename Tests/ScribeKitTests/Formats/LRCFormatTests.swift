import Foundation
import Testing

@testable import ScribeKit

@Suite("Formats: LRC and enhanced LRC")
struct LRCFormatTests {
  /// One timed line of an LRC file: its time in hundredths of a second and its text, word
  /// tags left in.
  struct Line: Equatable {
    var time: Int
    var text: String
  }

  /// The timed lines of an LRC file, read as ffmpeg's demuxer reads them: a line starting with
  /// `[mm:ss.xx]` (any number of minutes) is timed; `[ti:…]`-style header lines are not.
  static func lines(_ lrc: String) -> [Line] {
    lrc.split(separator: "\n").compactMap { line in
      guard let match = line.prefixMatch(of: #/\[(\d+):(\d\d)\.(\d\d)\]/#) else { return nil }
      let time = ((Int(match.1) ?? 0) * 60 + (Int(match.2) ?? 0)) * 100 + (Int(match.3) ?? 0)
      return Line(time: time, text: String(line[match.range.upperBound...]))
    }
  }

  /// The spoken text of an LRC file: its timed lines without word tags, the zero-width spaces
  /// that keep tag-like text plain, and `Name: ` labels when speakers are included (speaker
  /// IDs and roles, which are lowercase, so that a sentence starting `Listen: ` keeps its word).
  static func spokenText(_ lrc: String, speakers: Bool) -> String {
    lines(lrc).map { line in
      var text = line.text.replacingOccurrences(
        of: #"<\d+:\d\d\.\d\d>"#, with: "", options: .regularExpression
      )
      .replacingOccurrences(of: "\u{200B}", with: "")
      if speakers {
        text = text.replacingOccurrences(
          // Speaker IDs of every engine (`speaker_0`, `SPEAKER_00`, `A`, `S1`, `2`, `agent`),
          // and not a word that starts a line ("Listen: birds").
          of: #"^([a-z]+_\d+|[A-Z]+_\d+|[A-Z]{1,2}\d*|\d+|agent|customer): "#, with: "",
          options: .regularExpression)
      }
      return text
    }
    .joined(separator: "\n")
  }

  private func render(
    _ cues: [Cue], speakers: Bool = false, words: Bool = false, title: String = "Talk"
  ) -> String {
    var options = LRCFormat().defaultOptions(.current)
    options.includeSpeakers = speakers
    return LRCFormat.render(
      RenderInput(
        cues: cues, options: options, document: DocumentInfo(title: title),
        wordTimestamps: words))
  }

  @Test(arguments: [
    (0.0, "00:00.00"), (0.004, "00:00.00"), (0.005, "00:00.01"), (15.199, "00:15.20"),
    (59.995, "01:00.00"), (3_599.99, "59:59.99"), (3_600, "60:00.00"), (36_000.5, "600:00.50"),
    (360_000, "6000:00.00"), (-1, "00:00.00"), (Double.nan, "00:00.00"),
  ])
  func timesAreHundredthsAndMinutesGrow(seconds: Double, expected: String) {
    #expect(LRCFormat.tag(LRCFormat.centiseconds(seconds)) == expected)
  }

  @Test func exactFileWithPausesCleared() {
    let cues = [
      Cue(items: [], text: "Hello there.", start: 0.5, end: 1.25, speakerID: "speaker_0"),
      Cue(
        items: [], text: "General Kenobi,", start: 1.25, end: 3, speakerID: "speaker_1",
        lines: ["General", "Kenobi,"]),
      Cue(items: [], text: "you are a bold one.", start: 4, end: 61.199, speakerID: nil),
    ]
    #expect(
      render(cues)
        == "[ti:Talk]\n[length:01:02]\n[re:ScribeKit]\n\n"
        + "[00:00.50]Hello there.\n[00:01.25]General Kenobi,\n[00:03.00]\n"
        + "[00:04.00]you are a bold one.\n[01:01.20]\n")
    #expect(
      render(cues, speakers: true).contains(
        "[00:00.50]speaker_0: Hello there.\n[00:01.25]speaker_1: General Kenobi,\n"))
    #expect(render(cues, speakers: true).contains("[00:04.00]you are a bold one."))
    #expect(render([]) == "[ti:Talk]\n[re:ScribeKit]\n\n")
  }

  @Test func enhancedLRCTimesEveryWordAndEndsWithTheLastWord() {
    let items = [
      word("Welcome", 10.0, 10.4), space(10.4, 10.5), word("back", 10.5, 10.9),
      space(10.9, 11.0), word("今日は", 11.0, 11.3), word("晴れ。", 11.3, 11.6),
    ]
    let cue = Cue(
      items: items, text: "Welcome back 今日は晴れ。", start: 10, end: 11.8, speakerID: "Amara")
    #expect(
      render([cue], speakers: true, words: true).hasSuffix(
        "[00:10.00]Amara: <00:10.00>Welcome <00:10.50>back <00:11.00>今日は<00:11.30>晴れ。<00:11.60>\n"
          + "[00:11.80]\n"))
  }

  @Test func wordTimesNeverDecreaseAndStayInsideTheCue() {
    let items = [
      word("a", 5, 5.5), space(5.5, 5.6), word("b", 4, 4.5), space(4.5, 5), word("c", 9, 9.5),
    ]
    let cue = Cue(items: items, text: "a b c", start: 5, end: 6, speakerID: nil)
    #expect(
      render([cue], words: true).contains(
        "[00:05.00]<00:05.00>a <00:05.00>b <00:06.00>c<00:06.00>\n"))
  }

  /// Text a reader would take for a time tag, a word tag or a header keeps a zero-width space.
  @Test(arguments: [
    ("[00:01.00]x", "\u{200B}[\u{200B}00:01.00]x"),
    ("a [01:02.03] b", "a [\u{200B}01:02.03] b"),
    ("<00:01.00>word", "<\u{200B}00:01.00>word"),
    ("[music]", "\u{200B}[music]"),
    ("[ti:Not a title]", "\u{200B}[ti:Not a title]"),
    ("1 < 2 and [x]", "1 < 2 and [x]"),
    ("a\u{1C}b\u{0}c", "abc"),
  ])
  func tagLikeTextStaysText(text: String, expected: String) {
    #expect(LRCFormat.lineContent(label: "", text: text, tags: [:]) == expected)
  }

  @Test func textCannotStartALineOfItsOwn() {
    let cue = Cue(
      items: [], text: "a\n[00:09.00]b\r\nc\u{2028}d\u{85}e", start: 0, end: 1, speakerID: "x]\ny")
    let lrc = render([cue], speakers: true, title: "A [b]\nc")
    #expect(lrc.hasPrefix("[ti:A (b) c]\n"))
    #expect(lrc.contains("[00:00.00]x] y: a [\u{200B}00:09.00]b c d e\n[00:01.00]\n"))
    #expect(Self.lines(lrc).count == 2)
    // A cue of control characters alone would read as the empty line that clears the last.
    let controls = Cue(items: [], text: "\u{1}\u{1C}", start: 0, end: 1, speakerID: nil)
    #expect(render([controls]) == "[ti:Talk]\n[re:ScribeKit]\n\n")
  }

  @Test func scriptsAndReadBack() throws {
    let transcript = try Files.readInput("multilingual.json")
    let lrc = String(decoding: try transcript.export(.lrc)[0].content, as: UTF8.self)
    let text = Self.spokenText(lrc, speakers: false)
    for phrase in ["مرحبا", "שלום", "今日は", "👩‍👩‍👧", "<script>alert(1)</script>"] {
      #expect(text.contains(phrase), "lost \(phrase)")
    }
    #expect(lrc == String(decoding: try transcript.export(.lrc)[0].content, as: UTF8.self))
  }
}
