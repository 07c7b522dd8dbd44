import Foundation
import Testing

@testable import ScribeKit

@Suite("Formats: SRT")
struct SRTRendererTests {
  @Test(arguments: [
    (15.199, "00:00:15,199"),
    (0.0005, "00:00:00,001"),
    (0.0004, "00:00:00,000"),
    (59.9996, "00:01:00,000"),
    (3_599.999, "00:59:59,999"),
    (3_600, "01:00:00,000"),
    (360_000.5, "100:00:00,500"),
    (-1, "00:00:00,000"),
    (Double.nan, "00:00:00,000"),
  ])
  func roundsMillisecondsCorrectly(seconds: Double, expected: String) {
    #expect(Timecode.srt(seconds) == expected)
  }

  /// Players apply `<b>`, `<i>`, `<font>` and `{\an8}` in SRT text, and `-->` starts a timing
  /// line; text that looks like them gets a zero-width space that keeps it plain text.
  @Test(arguments: [
    ("<b>bold</b>", "<\u{200B}b>bold<\u{200B}/b>"),
    ("<font color=red>x", "<\u{200B}font color=red>x"),
    ("{\\an8}top", "{\u{200B}\\an8}top"),
    ("a --> b", "a --\u{200B}> b"),
    ("-->>", "--\u{200B}>>"),
    ("</script>", "<\u{200B}/script>"),
    ("1 < 2 > 0", "1 < 2 > 0"),
    ("{curly}", "{curly}"),
    ("&amp; ->", "&amp; ->"),
    ("<3 you", "<3 you"),
    ("< i>not italic< / i >", "<\u{200B} i>not italic<\u{200B} / i >"),
    ("plain words", "plain words"),
    ("00:00:01,000 --> 00:00:02.500", "00:00:01\u{200B},000 --\u{200B}> 00:00:02\u{200B}.500"),
    ("at 1:02:03.5 sharp", "at 1:02:03\u{200B}.5 sharp"),
    ("10:30, then 3.5", "10:30, then 3.5"),
  ])
  func markupLikeTextStaysText(line: String, expected: String) {
    #expect(SRTRenderer.neutralized(line) == expected)
  }

  @Test func neutralizedCuesStillReadBackAsTheirText() throws {
    let segments = [
      Cue(items: [], text: "00:00:01,000 --> 00:00:02,000", start: 0, end: 1, speakerID: nil),
      Cue(items: [], text: "<i>not italic</i>", start: 1, end: 2, speakerID: nil),
    ]
    let srt = SRTRenderer(maxCharactersPerLine: nil).render(segments)
    let cues = try SubtitleFile.parse(srt).cues
    #expect(cues.count == 2)
    #expect(
      cues.first?.lines.joined().replacingOccurrences(of: "\u{200B}", with: "")
        == "00:00:01,000 --> 00:00:02,000")
    #expect(srt.hasSuffix("\n<\u{200B}i>not italic<\u{200B}/i>\n"))
    // The linter measures the text as shown: the tags that are text count, the spaces do not.
    #expect(cues.last?.lines == ["<i>not italic</i>"])
  }

  @Test func layoutIsTheServers() {
    let segments = [
      Cue(items: [], text: "Hello there.", start: 0.5, end: 1.25, speakerID: "speaker_0"),
      Cue(
        items: [], text: "General Kenobi, you are a bold one.", start: 2, end: 15.199,
        speakerID: "speaker_1"),
    ]
    let srt = SRTRenderer(maxCharactersPerLine: 20).render(segments)
    #expect(
      srt
        == "1\n00:00:00,500 --> 00:00:01,250\nHello there.\n\n"
        + "2\n00:00:02,000 --> 00:00:15,199\nGeneral Kenobi, you\nare a bold one.\n")
    #expect(SRTRenderer().render([]) == "")
  }

  @Test func speakerLabelsComeFirstWhenAskedFor() {
    let segments = [Cue(items: [], text: "Hi.", start: 0, end: 1, speakerID: "speaker_3")]
    #expect(
      SRTRenderer(includeSpeakers: true).render(segments)
        == "1\n00:00:00,000 --> 00:00:01,000\n[speaker_3] Hi.\n")
    let unlabelled = [Cue(items: [], text: "Hi.", start: 0, end: 1, speakerID: nil)]
    #expect(SRTRenderer(includeSpeakers: true).render(unlabelled).hasSuffix("\nHi.\n"))
  }

  @Test func textCannotBreakTheCueStructure() {
    // A blank line or a line of digits inside a word would start a new cue in a player.
    let segments = [Cue(items: [], text: "a\n\nb\r\n2", start: 0, end: 1, speakerID: nil)]
    let srt = SRTRenderer(maxCharactersPerLine: nil).render(segments)
    #expect(srt == "1\n00:00:00,000 --> 00:00:01,000\na b 2\n")
  }
}

/// SRT of every real fixture and sample, compared with committed golden files.
@Suite("Formats: SRT golden files")
struct SRTGoldenTests {
  static let sharedCases: [(fixture: String, preset: Preset, golden: String)] =
    Files.speechToTextFixtures.flatMap { name in
      let stem = URL(fileURLWithPath: name).deletingPathExtension().lastPathComponent
      return [
        (name, Preset.elevenlabs, "srt/\(stem).srt"),
        (name, Preset.elevenlabsLegacy, "srt/\(stem).legacy.srt"),
      ]
    }
    + Files.textToSpeechFixtures.map { name in
      (
        name, Preset.elevenlabs,
        "srt/\(URL(fileURLWithPath: name).deletingPathExtension().lastPathComponent).srt"
      )
    }

  @Test(.enabled(if: Files.sharedFixturesAvailable, Files.skipReason), arguments: sharedCases)
  func sharedFixture(fixture: String, preset: Preset, golden: String) throws {
    let transcript = try Files.readShared(fixture)
    let request = ExportRequest(.srt, preset: preset)
    let output = try transcript.export([request])
    #expect(output.count == 1)
    try Files.expectGolden(String(decoding: output[0].content, as: UTF8.self), golden)
  }

  @Test func samplesMatchTheirCommittedSRT() throws {
    for (input, reader) in [
      ("interview", TranscriptReader()), ("speech-with-timestamps", TranscriptReader()),
    ] {
      let transcript = try reader.read(Files.sample("\(input).json"))
      let output = try transcript.export(.srt)
      let expected = try String(decoding: Files.sample("\(input).srt"), as: UTF8.self)
      #expect(
        String(decoding: output[0].content, as: UTF8.self) == expected, "Samples/\(input).srt")
    }
  }

  @Test func handBuiltInputsWithSpeakersAndChannels() throws {
    var options = SRTFormat().defaultOptions(.current)
    options.includeSpeakers = true
    let request = ExportRequest(.srt, options: options)
    let webhook = try Files.readInput("webhook.json")
    try Files.expectGolden(
      String(decoding: try webhook.export([request])[0].content, as: UTF8.self),
      "srt/webhook.speakers.srt")
    let multichannel = try Files.readInput("multichannel.json")
    let merged = try multichannel.export([request], settings: ExportSettings(channels: .merged))
    try Files.expectGolden(
      String(decoding: merged[0].content, as: UTF8.self), "srt/multichannel.merged.srt")
    let japanese = try Files.readInput("tts-japanese.json")
    var narrow = SRTFormat().defaultOptions(.current)
    narrow.maxCharactersPerLine = 6
    let ja = try japanese.export([ExportRequest(.srt, options: narrow)])
    try Files.expectGolden(String(decoding: ja[0].content, as: UTF8.self), "srt/tts-japanese.srt")
  }
}
