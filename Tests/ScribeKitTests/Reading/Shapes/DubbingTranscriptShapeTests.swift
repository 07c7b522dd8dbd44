import Foundation
import Testing

@testable import ScribeKit

/// A dubbing transcript in the JSON format, in its envelope or bare.
@Suite("Reading: dubbing transcripts")
struct DubbingTranscriptShapeTests {
  /// A bare transcript of `utterances`.
  private func transcript(_ utterances: String, language: String = "en") -> String {
    #"{"language": "\#(language)", "utterances": [\#(utterances)]}"#
  }

  /// One item of an utterance's `words`.
  private func word(_ text: String, _ start: Double, _ end: Double, type: String = "word")
    -> String
  {
    #"{"text": "\#(text)", "word_type": "\#(type)", "start_s": \#(start), "end_s": \#(end)}"#
  }

  /// An utterance of `words`, timed 0 to 9 s.
  private func utterance(_ text: String, speaker: String = "speaker_0", _ words: [String])
    -> String
  {
    #"{"text": "\#(text)", "speaker_id": "\#(speaker)", "start_s": 0, "end_s": 9, "words": ["#
      + words.joined(separator: ", ") + "]}"
  }

  @Test func theUtterancesWordsAreReadWithSpacesFromTheirText() throws {
    let data = try Files.input("dubbing-transcript.json")
    let dubbing = try ShapeTesting.read(data)
    #expect(dubbing.inputShape == .dubbingTranscript)
    #expect(dubbing.languageCode == "es")
    #expect(
      ShapeTesting.text(dubbing)
        == "Hola a todos, bienvenidos al programa. Gracias por invitarme. Hoy hablamos de música "
        + "y tecnología.")
    let timed = dubbing.channels[0].words.filter(\.isTimed)
    #expect(timed.count == 15)
    #expect(timed.map(\.speakerID).filter { $0 == "speaker_1" }.count == 3)
    let first = try #require(timed.first)
    #expect(first.text == "Hola" && first.start == 0.31 && first.end == 0.58)
    #expect(first.characters?.map(\.text) == ["H", "o", "l", "a"])
    #expect(first.characters?.first?.start == 0.31)
    // Between two speakers: one space, timed across the pause.
    let between = try #require(
      dubbing.channels[0].words.first { $0.kind == .spacing && $0.start == 2.78 })
    #expect(between.end == 3.4)
    #expect(dubbing.warnings.isEmpty, "\(dubbing.warnings)")
    ShapeTesting.expectOnlyReadAs(.dubbingTranscript, data)
  }

  @Test func theBareTranscriptReadsAsItsEnvelopeDoes() throws {
    let envelope = try ShapeTesting.read(Files.input("dubbing-transcript.json"))
    let root = try JSONParser.parse([UInt8](Files.input("dubbing-transcript.json")))
    let bare = try #require(root.objectValue?["json"]?.objectValue)
    let read = try ShapeTesting.read(JSONValue.object(bare).jsonText)
    #expect(read.inputShape == .dubbingTranscript)
    #expect(read.channels == envelope.channels)
    #expect(read.languageCode == "es")
  }

  @Test func aTranscriptRequestedAsSubtitlesSaysItHasNoWordTimings() {
    let srt =
      #"{"transcript_format": "srt", "srt": "1\n00:00:00,310 --> 00:00:02,780\nHola\n", "#
      + #""webvtt": null, "json": null}"#
    let error = ShapeTesting.error(srt)
    guard case .notATranscript(let reason)? = error?.problem else {
      Issue.record("an SRT dubbing transcript: \(String(describing: error))")
      return
    }
    #expect(reason.contains("requested in srt format (it holds srt text)"))
    #expect(reason.contains("no word timings"))
    #expect(reason.contains("format/json"))
  }

  @Test func spacingItemsAmongTheWordsAreKeptAsTheyAre() throws {
    let words = [
      word("Good", 0.1, 0.4), word(" ", 0.4, 0.5, type: "spacing"), word("night.", 0.5, 0.9),
    ]
    let read = try ShapeTesting.read(transcript(utterance("Good night.", words)))
    #expect(read.channels[0].words.map(\.text) == ["Good", " ", "night."])
    #expect(read.warnings.isEmpty)
  }

  @Test func chineseAndJapaneseWordsAreNotSpacedApart() throws {
    let first = utterance("今日は晴れです。", [word("今日は", 0.1, 0.5), word("晴れです。", 0.5, 1.2)])
    let second = utterance("散歩しましょう。", speaker: "speaker_1", [word("散歩しましょう。", 1.5, 2.4)])
    let read = try ShapeTesting.read(transcript(first + ", " + second, language: "ja"))
    #expect(ShapeTesting.text(read) == "今日は晴れです。散歩しましょう。")
    // Words the text does not show: a space between Latin words, none between Japanese ones.
    let latin = utterance("", [word("a", 0, 0.1), word("b", 0.2, 0.3)])
    #expect(ShapeTesting.text(try ShapeTesting.read(transcript(latin))) == "a b")
  }

  @Test func anUtteranceWithoutWordsIsReadWholeWithAWarning() throws {
    let bare =
      #"{"text": "Buenas noches.", "speaker_id": "speaker_2", "start_s": 1.5, "#
      + #""end_s": 2.5, "words": []}"#
    let before = utterance("Hola.", [word("Hola.", 0.2, 0.8)])
    let read = try ShapeTesting.read(transcript(before + ", " + bare, language: "es"))
    #expect(ShapeTesting.text(read) == "Hola. Buenas noches.")
    let whole = try #require(read.channels[0].words.last)
    #expect(whole.start == 1.5 && whole.end == 2.5 && whole.speakerID == "speaker_2")
    #expect(
      read.warnings.map(\.path) == ["$.utterances[1].words"],
      "\(read.warnings)")
  }

  @Test func anUnknownWordTypeIsReadAsAWordWithOneWarning() throws {
    let words = [word("uh", 0.1, 0.2, type: "filler"), word("um", 0.3, 0.4, type: "filler")]
    let read = try ShapeTesting.read(transcript(utterance("uh um", words)))
    #expect(ShapeTesting.texts(read) == ["uh", "um"])
    #expect(
      read.warnings.map(\.description) == [
        "$.utterances[0].words[0].word_type: unknown word_type \"filler\"; read as a word (here "
          + "and wherever it recurs)"
      ])
  }

  @Test func assemblyAIUtterancesAreStillAssemblyAIs() throws {
    // AssemblyAI's utterances have `start` in milliseconds; a dubbing transcript's, `start_s`.
    let assembly =
      #"{"language_code": "en", "utterances": [{"speaker": "A", "start": 250, "#
      + #""end": 900, "text": "Hi", "confidence": 0.9}]}"#
    let read = try ShapeTesting.read(assembly)
    #expect(read.inputShape == .assemblyAI)
    #expect(read.channels[0].words.map(\.end) == [0.9])
  }

  @Test func aBrokenWordIsNamedByItsPath() {
    let broken = utterance("Hi", [#"{"word_type": "word", "start_s": 0.1, "end_s": 0.4}"#])
    #expect(
      ShapeTesting.error(transcript(broken))?.description
        == "input: at $.utterances[0].words[0].text: missing; expected a string")
  }
}
