import Foundation
import Testing

@testable import ScribeKit

@Suite("Formats: SCC (CEA-608)")
struct SCCFormatTests {
  /// A cue of words spoken one after another from `start`, `step` seconds each.
  static func cue(
    _ text: String, start: Double, end: Double, step: Double = 0.3, speaker: String? = nil,
    lines: [String]? = nil
  ) -> Cue {
    var items: [Word] = []
    var time = start
    for word in text.split(separator: " ") {
      if !items.isEmpty { items.append(Word(text: " ", start: time, end: time, kind: .spacing)) }
      items.append(Word(text: String(word), start: time, end: time + step))
      time += step
    }
    return Cue(items: items, text: text, start: start, end: end, speakerID: speaker, lines: lines)
  }

  static func render(_ cues: [Cue], options: APIExportOptions? = nil, frameRate: FrameRate? = nil)
    throws -> Rendering
  {
    let input = RenderInput(
      cues: cues, options: options ?? SCCFormat().defaultOptions(.current), frameRate: frameRate)
    return try SCCFormat().rendering(input)
  }

  static func text(_ rendering: Rendering) -> String {
    String(decoding: rendering.content, as: UTF8.self)
  }

  @Test func writesOnePopOnCaptionExactly() throws {
    let rendering = try Self.render([Self.cue("Hi there", start: 2, end: 4)])
    // Load 10 frames before 2 s (frame 60): RCL, ENM, a row-15 preamble at indent 12 (no tab
    // offset), "Hi there" in four pairs; EOC at frame 60; EDM at 4 s (frame 120).
    #expect(
      Self.text(rendering) == """
        Scenarist_SCC V1.0

        00:00:01;20\t9420 9420 94ae 94ae 9476 9476 c8e9 20f4 68e5 f2e5

        00:00:02;00\t942f 942f

        00:00:04;00\t942c 942c

        """)
    #expect(rendering.warnings.isEmpty)
  }

  @Test(arguments: [
    (0, "00:00:00;00"), (29, "00:00:00;29"), (1799, "00:00:59;29"), (1800, "00:01:00;02"),
    (17982, "00:10:00;00"), (107_892, "01:00:00;00"), (1_078_920, "10:00:00;00"),
    (10_789_200, "100:00:00;00"),
  ])
  func dropFrameTimecodes(frame: Int, expected: String) {
    #expect(SCCEncoder.timecode(frame) == expected)
  }

  @Test func parityAndControlCodes() {
    #expect(SCCEncoder.resumeCaptionLoading == "9420")
    #expect(SCCEncoder.endOfCaption == "942f")
    #expect(SCCEncoder.eraseDisplayed == "942c")
    #expect(SCCEncoder.eraseNonDisplayed == "94ae")
    #expect(SCCEncoder.preamble(row: 15, indent: 0) == "9470")
    #expect(SCCEncoder.preamble(row: 14, indent: 0) == "94d0")
    #expect(SCCEncoder.preamble(row: 12, indent: 0) == "13d0")
  }

  @Test func extendedCharactersFollowTheirFallbackAndSpecialOnesAreDoubled() throws {
    let rendering = try Self.render([Self.cue("Él ♪ café — ok", start: 10, end: 12)])
    let text = Self.text(rendering)
    // "E" then É (0x12 0x21) twice; ♪ (0x11 0x37) twice; é is basic (0x5C); — is a hyphen,
    // since readers disagree on 608's long dash (0x12 0x2A).
    #expect(text.contains("4580 92a1 92a1 ec20 9137 9137 20e3 61e6 dc20 ad20 ef6b"))
    #expect(Self.decodedText(text) == "Él ♪ café - ok")
    #expect(rendering.warnings.count == 1)
  }

  @Test func replacesWhat608CannotShowAndCountsIt() throws {
    let rendering = try Self.render([
      Self.cue("naïve ōkini 今日 👩‍👩‍👧 – end… zero\u{200B}width", start: 5, end: 9)
    ])
    #expect(Self.decodedText(Self.text(rendering)) == "naïve okini ?? ? - end...\nzerowidth")
    #expect(
      rendering.warnings == [
        "6 characters CEA-608 cannot show were replaced (letters by their base letter, dashes, quotes and ellipses by ASCII, anything else by ?), such as \"ō\", \"今\", \"日\", \"👩‍👩‍👧\", \"–\"."
      ])
  }

  @Test func arabicHebrewAndJapaneseBecomeQuestionMarksWithoutLosingWords() throws {
    let transcript = try Files.readInput("multilingual.json")
    let file = try transcript.export([ExportRequest(.scc)])[0]
    let text = String(decoding: file.content, as: UTF8.self)
    #expect(Self.decodedText(text).contains("café"))
    #expect(Self.decodedText(text).contains("?????"))
    #expect(file.warnings.contains { $0.contains("CEA-608 cannot show") })
  }

  @Test func wrapsAt32ColumnsAndSplitsCuesOfMoreThanFourRowsInTime() throws {
    let words = (1...40).map { "word\($0)" }.joined(separator: " ")
    let rendering = try Self.render(
      [Self.cue(words, start: 10, end: 22, step: 0.3)],
      options: APIExportOptions(maxCharactersPerLine: 60))
    let captions = Self.captions(Self.text(rendering))
    // 40 words of 5–6 characters are 10 rows of 32: three captions of 4, 3 and 3 rows.
    #expect(captions.map(\.rows.count) == [4, 3, 3])
    #expect(captions.allSatisfy { $0.rows.allSatisfy { $0.count <= 32 } })
    #expect(
      captions.flatMap(\.rows).joined(separator: " ") == words, "every word once, in order")
    #expect(captions[0].start == SCCEncoder.frame(10))
    // The second part starts with the first word of its fifth row.
    #expect(captions[1].start > captions[0].start && captions[2].start > captions[1].start)
    #expect(rendering.warnings.contains { $0.contains("more than CEA-608's 4 rows") })
    #expect(rendering.warnings.contains { $0.contains("wrapped at 32, not at the line length 60") })
  }

  @Test func speakersAreMarkedWhereTheyChange() throws {
    var options = SCCFormat().defaultOptions(.current)
    options.includeSpeakers = true
    let rendering = try Self.render(
      [
        Self.cue("One.", start: 5, end: 6, speaker: "<b>Ann</b>"),
        Self.cue("Two.", start: 8, end: 9, speaker: "<b>Ann</b>"),
        Self.cue("Three.", start: 11, end: 12, speaker: "Bo"),
      ], options: options)
    #expect(Self.decodedText(Self.text(rendering)) == ">> One.\nTwo.\n>> Three.")
  }

  @Test func cuesTooCloseAppearWhenLoadedAndSaySo() throws {
    let rendering = try Self.render([
      Self.cue("First caption here", start: 5, end: 5.2),
      Self.cue("A second caption right after", start: 5.2, end: 7),
    ])
    let captions = Self.captions(Self.text(rendering))
    #expect(captions.count == 2)
    #expect(captions[0].start == SCCEncoder.frame(5))
    #expect(captions[1].start > SCCEncoder.frame(5.2))
    #expect(rendering.warnings.contains { $0.contains("appears up to") })
  }

  @Test func adjacentCuesAreReplacedWithoutAClear() throws {
    let text = Self.text(
      try Self.render([
        Self.cue("One two", start: 5, end: 7), Self.cue("Three four", start: 7, end: 9),
      ]))
    #expect(text.components(separatedBy: "942c 942c").count == 2, "one clear, at the very end")
    #expect(text.hasSuffix("00:00:09;00\t942c 942c\n"))
  }

  /// Drop-frame timecode keeps to the clock at every tenth minute only to 3.6 ms an hour, so
  /// 100 h 0 min 1 s of audio is timecode 100:00:01;11.
  @Test func timesPast100HoursAndOtherFrameRatesAreReported() throws {
    let rendering = try Self.render(
      [Self.cue("Late", start: 360_001, end: 360_003)], frameRate: .pal)
    #expect(Self.text(rendering).contains("100:00:01;11\t942f 942f"))
    #expect(rendering.warnings.contains { $0.contains("beyond SMPTE timecode") })
    #expect(rendering.warnings.contains { $0.contains("the frame rate 25 was not used") })
  }

  @Test func emptyCuesAndNoCuesGiveJustTheHeader() throws {
    let rendering = try Self.render([Self.cue("   ", start: 1, end: 2)])
    #expect(Self.text(rendering) == "Scenarist_SCC V1.0\n")
  }

  @Test func isDeterministicAndTakesTheNetflixPreset() throws {
    let transcript = try TranscriptReader().read(Files.sample("interview.json"))
    let request = ExportRequest(.scc, preset: .netflixEnglish)
    let first = try transcript.export([request])
    #expect(first == (try transcript.export([request])))
    #expect(Self.captions(String(decoding: first[0].content, as: UTF8.self)).count > 5)
  }

  // MARK: Reading back

  /// A caption read back: its rows and the frame of its End Of Caption.
  struct Caption {
    var rows: [String]
    var start: Int
  }

  /// Frame number of a drop-frame timecode.
  static func frame(_ timecode: Substring) -> Int {
    let parts = timecode.split(whereSeparator: { $0 == ":" || $0 == ";" }).map { Int($0) ?? 0 }
    guard parts.count == 4 else { return 0 }
    let minutes = parts[0] * 60 + parts[1]
    return (minutes * 60 + parts[2]) * 30 + parts[3] - 2 * (minutes - minutes / 10)
  }

  /// Decodes channel 1 pop-on captions as a 608 decoder would: identical control pairs in a row
  /// count once, a preamble starts a row, an extended character replaces the one before it,
  /// End Of Caption shows what was loaded.
  static func captions(_ scc: String) -> [Caption] {
    var characters: [UInt8: Character] = [:]
    var special: [UInt16: Character] = [:]
    for (character, glyph) in SCCEncoder.table {
      switch glyph {
      case .basic(let byte): characters[byte] = character
      case .special(let code): special[0x1100 | UInt16(code)] = character
      case .extended(let first, let code, _): special[UInt16(first) << 8 | UInt16(code)] = character
      }
    }
    var captions: [Caption] = []
    var rows: [String] = []
    var last: UInt16?
    for line in scc.split(separator: "\n") where line.contains("\t") {
      let fields = line.split(separator: "\t")
      var frame = Self.frame(fields[0])
      for hex in fields[1].split(separator: " ") {
        defer { frame += 1 }
        guard let raw = UInt16(hex, radix: 16) else { continue }
        let word = raw & 0x7F7F
        let first = UInt8(word >> 8)
        let second = UInt8(word & 0xFF)
        if first >= 0x10, first < 0x20 {
          if last == word {
            last = nil
            continue
          }
          last = word
          if let character = special[word] {
            if first != 0x11, var row = rows.popLast() {
              row = String(row.dropLast())
              rows.append(row)
            }
            if rows.isEmpty { rows.append("") }
            rows[rows.count - 1].append(character)
          } else if second >= 0x40 {
            rows.append("")
          } else if word == 0x142F {
            captions.append(Caption(rows: rows, start: frame))
            rows = []
          }
          continue
        }
        last = nil
        for byte in [first, second] where byte >= 0x20 {
          if rows.isEmpty { rows.append("") }
          rows[rows.count - 1].append(characters[byte] ?? "�")
        }
      }
    }
    return captions
  }

  /// The text of every caption, rows trimmed and joined by line breaks.
  static func decodedText(_ scc: String) -> String {
    captions(scc).flatMap(\.rows).map { $0.trimmingCharacters(in: .whitespaces) }
      .joined(separator: "\n")
  }

  /// `text` as 608 shows it (what ``SCCEncoder/glyphs(for:)`` gives for each character).
  static func shown(_ text: String) -> String {
    var result = ""
    for character in text {
      if character.isWhitespace {
        result.append(character)
        continue
      }
      for glyph in SCCEncoder.glyphs(for: character).glyphs {
        result.append(Self.character(glyph))
      }
    }
    return result
  }

  static func character(_ glyph: SCCGlyph) -> Character {
    SCCEncoder.table.first { $0.value == glyph }?.key ?? "?"
  }
}
