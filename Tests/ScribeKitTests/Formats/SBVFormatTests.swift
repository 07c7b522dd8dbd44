import Foundation
import Testing

@testable import ScribeKit

@Suite("Formats: SBV")
struct SBVFormatTests {
  static func render(_ cues: [Cue], speakers: Bool = false, lineLength: Int? = 42) throws
    -> String
  {
    let options = APIExportOptions(maxCharactersPerLine: lineLength, includeSpeakers: speakers)
    return String(
      decoding: try SBVFormat().render(RenderInput(cues: cues, options: options)), as: UTF8.self)
  }

  /// The cues of an SBV file: start and end in milliseconds and the text lines. `nil` when a
  /// block does not start with a timing line.
  static func read(_ text: String) -> [(start: Int, end: Int, lines: [String])]? {
    guard !text.isEmpty else { return [] }
    guard text.hasSuffix("\n") else { return nil }
    var cues: [(Int, Int, [String])] = []
    for block in text.dropLast().components(separatedBy: "\n\n") {
      let lines = block.components(separatedBy: "\n")
      let timing = #/^(\d+):(\d\d):(\d\d)\.(\d{3}),(\d+):(\d\d):(\d\d)\.(\d{3})$/#
      guard let match = try? timing.wholeMatch(in: lines[0]), lines.count > 1 else { return nil }
      func millis(_ h: Substring, _ m: Substring, _ s: Substring, _ f: Substring) -> Int {
        (((Int(h) ?? 0) * 60 + (Int(m) ?? 0)) * 60 + (Int(s) ?? 0)) * 1000 + (Int(f) ?? 0)
      }
      cues.append(
        (
          millis(match.1, match.2, match.3, match.4), millis(match.5, match.6, match.7, match.8),
          Array(lines.dropFirst())
        ))
    }
    return cues
  }

  /// The text of every cue for the conformance suite, without `>> name: ` labels when
  /// speakers are included, and without the zero-width spaces before time-like lines.
  static func text(of file: String, speakers: Bool) -> String? {
    guard let cues = read(file) else { return nil }
    return cues.map { cue in
      var text = cue.lines.joined(separator: "\n").replacingOccurrences(of: "\u{200B}", with: "")
      if speakers {
        text = text.replacingOccurrences(
          of: #"^>> [^\n]*?: "#, with: "", options: .regularExpression)
      }
      return text
    }.joined(separator: "\n")
  }

  @Test func writesTimesCommaSeparatedAndBlankLinesBetweenCues() throws {
    let sbv = try Self.render(
      [
        ASSFormatTests.cue([("Hello,", 0.599, 1), ("world.", 1.2, 4.16)]),
        ASSFormatTests.cue([("Second", 4.16, 5), ("cue", 5.1, 6.77)]),
      ], lineLength: 6)
    #expect(
      sbv == """
        0:00:00.599,0:00:04.160
        Hello,
        world.

        0:00:04.160,0:00:06.770
        Second
        cue

        """)
    #expect(try Self.render([]) == "")
  }

  @Test(arguments: [
    (15.199, "0:00:15.199"), (0.0005, "0:00:00.001"), (3_599.9996, "1:00:00.000"),
    (36_000, "10:00:00.000"), (360_000.5, "100:00:00.500"), (-1, "0:00:00.000"),
  ])
  func timesAreWholeMillisecondsWithUnpaddedHours(seconds: Double, expected: String) {
    #expect(SBVFormat.timestamp(seconds) == expected)
  }

  @Test func speakersAndTimeLikeTextCannotBreakTheFile() throws {
    let sbv = try Self.render(
      [
        ASSFormatTests.cue(
          [("0:00:01.000,0:00:02.000", 1, 2), ("a\n\nb", 2, 3)], speaker: "Amara"),
        ASSFormatTests.cue([("12:30", 3, 4), ("<b>{\\an8}", 4, 5)], speaker: "a\nb"),
        ASSFormatTests.cue([("   ", 5, 6)]),
      ], speakers: true, lineLength: nil)
    #expect(
      sbv == """
        0:00:01.000,0:00:03.000
        >> Amara: 0:00:01.000,0:00:02.000 a b

        0:00:03.000,0:00:05.000
        >> a b: 12:30 <b>{\\an8}

        """)
    let plain = try Self.render([ASSFormatTests.cue([("12:30", 3, 4), ("then", 4, 5)])])
    #expect(plain.hasSuffix("\n\u{200B}12:30 then\n"))
    let read = try #require(Self.read(plain))
    #expect(read.count == 1 && read[0].start == 3000 && read[0].end == 5000)
  }

  @Test func keepsEveryScriptAndIsDeterministic() throws {
    let transcript = try Files.readInput("multilingual.json")
    var options = SBVFormat().defaultOptions(.current)
    options.includeSpeakers = true
    let first = try transcript.export([ExportRequest(.sbv, options: options)])
    #expect(first == (try transcript.export([ExportRequest(.sbv, options: options)])))
    let text = String(decoding: first[0].content, as: UTF8.self)
    #expect(text.contains("مرحبا") && text.contains("今日は") && text.contains("👩‍👩‍👧"))
    #expect(Self.read(text) != nil)
  }
}
