import Foundation
import Testing

@testable import ScribeKit

@Suite("Segmentation: readable paragraphs for documents")
struct ParagrapherTests {
  /// `count` sentences of `words` words each, one word every `step` seconds, a `pause` after
  /// every sentence.
  private func speech(
    sentences count: Int, words: Int = 8, step: Double = 0.4, pause: Double = 0.6,
    speaker: String? = "speaker_0", punctuated: Bool = true
  ) -> [Word] {
    var items: [Word] = []
    var time = 0.0
    for sentence in 0..<count {
      for index in 0..<words {
        let last = index == words - 1
        let text = "w\(sentence)x\(index)" + (last && punctuated ? "." : "")
        items.append(Word(text: text, start: time, end: time + step * 0.8, speakerID: speaker))
        time += step
        items.append(Word(text: " ", start: time - step * 0.2, end: time, kind: .spacing))
      }
      time += pause
    }
    return items
  }

  @Test func everyItemOnceAndParagraphsOfAFewSentences() {
    let items = speech(sentences: 40)
    let cues = Paragrapher().cues(items)
    #expect(cues.flatMap(\.items) == items)
    #expect(cues.count > 5)
    for cue in cues {
      #expect(cue.end - cue.start <= 45 + 4, "a paragraph ran \(cue.end - cue.start) s")
      #expect(Sentences.endsSentence(cue.words.last?.text ?? "") || cue.endReason == .transcriptEnd)
    }
  }

  @Test func aSpeakerChangeOrALongPauseStartsANewParagraph() {
    let first = speech(sentences: 2)
    let second = speech(sentences: 2, speaker: "speaker_1").map { word in
      var word = word
      word.start += 20
      word.end += 20
      return word
    }
    let cues = Paragrapher().cues(first + second)
    #expect(cues.count == 2)
    #expect(cues[0].endReason == .speakerChange(from: "speaker_0", to: "speaker_1"))
    let paused =
      speech(sentences: 1)
      + speech(sentences: 1).map { word in
        var word = word
        word.start += 10
        word.end += 10
        return word
      }
    #expect(Paragrapher().cues(paused).count == 2)
  }

  @Test func speechWithoutPunctuationStillBreaksWithinTheHardLimit() {
    let items = speech(sentences: 60, punctuated: false)
    let cues = Paragrapher().cues(items)
    #expect(cues.flatMap(\.items) == items)
    #expect(cues.count > 1)
    for cue in cues { #expect(cue.end - cue.start <= 90) }
  }

  @Test(.enabled(if: Files.sharedFixturesAvailable, Files.skipReason))
  func aMonologueBecomesParagraphsWithTheirTimes() throws {
    let transcript = try Files.readShared("stt/english-monologue.json")
    let turns = try transcript.export(.html, preset: .elevenlabs)
    let readable = try transcript.export(.html, preset: .netflixEnglish)
    let cues = try transcript.cues(for: ExportRequest(.html, preset: .netflixEnglish))[0].cues
    #expect(try transcript.cues(for: ExportRequest(.html))[0].cues.count == 1)
    #expect(cues.count >= 8)
    let durations = cues.map { $0.end - $0.start }.sorted()
    #expect(durations[durations.count / 2] <= 45 && (durations.last ?? 0) <= 90)
    #expect(turns[0].content != readable[0].content)
    // Each paragraph shows its own start time.
    let html = String(decoding: readable[0].content, as: UTF8.self)
    #expect(html.components(separatedBy: "class=\"time\"").count - 1 >= cues.count)
  }

  @Test func explicitSegmentationOptionsUseTheAPIsRule() throws {
    let transcript = Transcript(channels: [Channel(index: nil, words: speech(sentences: 40))])
    var options = HTMLFormat().defaultOptions(.current)
    options.maxSegmentDuration = 10
    let request = ExportRequest(.html, preset: .netflixEnglish, options: options)
    #expect(request.paragraphs == nil)
    let cues = try transcript.cues(for: request)[0].cues
    #expect(cues.allSatisfy { $0.end - $0.start <= 10 })
    let (parsed, _) = try ExportRequest.additionalFormats(
      #"[{"format": "html"}, {"format": "docx", "max_segment_chars": 200}]"#,
      preset: .netflixEnglish)
    #expect(parsed.map(\.paragraphs) == [.readable, nil])
  }
}
