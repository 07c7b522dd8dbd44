import Foundation
import Testing

@testable import ScribeKit

@Suite("Captioning: rules and the segmenter")
struct CaptionSegmenterTests {
  /// Words spoken one after another, each `length` s with `gap` s between.
  private func words(
    _ text: String, start: Double = 0, length: Double = 0.3, gap: Double = 0.05,
    speaker: String? = nil
  )
    -> [Word]
  {
    var items: [Word] = []
    var time = start
    for (index, token) in text.split(separator: " ").enumerated() {
      if index > 0 {
        items.append(space(time, time + gap, speaker: speaker))
        time += gap
      }
      items.append(word(String(token), time, time + length, speaker: speaker))
      time += length
    }
    return items
  }

  private func lines(_ cues: [Cue]) -> [[String]] { cues.map { $0.lines ?? [] } }

  @Test func countsEastAsianWidthAsNetflixDoes() {
    #expect(CharacterWidth.width(of: "今日は晴れ", counting: .eastAsianWidth) == 5)
    #expect(CharacterWidth.width(of: "OK!", counting: .eastAsianWidth) == 1.5)
    #expect(CharacterWidth.width(of: "ｶﾀｶﾅ", counting: .eastAsianWidth) == 2)
    #expect(CharacterWidth.width(of: "e\u{301}👩‍👩‍👧", counting: .graphemes) == 2)
  }

  @Test func neverBreaksAfterAnArticleOrBetweenFirstNameAndSurname() {
    let segmenter = CaptionSegmenter(style: .netflixEnglish)
    let cues = segmenter.cues(
      words("Yesterday I finally met the famous architect John Smith at the museum"))
    for cueLines in lines(cues) {
      for line in cueLines.dropLast() {
        #expect(!line.hasSuffix(" the") && !line.hasSuffix(" John"), "\(cueLines)")
      }
    }
    #expect(lines(cues).flatMap { $0 }.allSatisfy { $0.count <= 42 })
  }

  @Test func prefersSentenceEndsAndNeverOrphansASentencesLastWord() {
    var style = CaptionStyle.netflixEnglish
    style.maxCharactersPerLine = 20
    let text =
      "We walked along the river for hours. Then the rain came down hard on everyone there."
    let cues = CaptionSegmenter(style: style).cues(words(text))
    let texts = cues.map(\.text)
    #expect(texts.contains { $0.hasSuffix("for hours.") }, "\(texts)")
    for cue in cues.dropFirst() {
      let first = cue.text.split(separator: " ").first.map(String.init) ?? ""
      #expect(
        !(first.hasSuffix(".") && cue.text.split(separator: " ").count > 0
          && first != cue.text && texts.firstIndex(of: cue.text) != 0
          && first == "hours."), "\(texts)")
    }
    #expect(!texts.contains { $0.hasPrefix("hours.") || $0.hasPrefix("there.") }, "\(texts)")
  }

  @Test func balancesLinesBottomHeavy() {
    let cues = CaptionSegmenter(style: .netflixEnglish).cues(
      words("I get to the park before sunrise and set up four microphones in the trees"))
    let first = try? #require(cues.first?.lines)
    if let first, first.count == 2 {
      #expect(abs(first[0].count - first[1].count) <= 12, "\(first)")
    }
  }

  @Test func speakersAndLongPausesAlwaysSplit() {
    let items =
      words("Are you ready?", speaker: "speaker_0") + [space(1.0, 1.1)]
      + words("Yes.", start: 1.1, speaker: "speaker_1")
      + words("Then go.", start: 5, speaker: "speaker_1")
    let cues = CaptionSegmenter(style: .netflixEnglish).cues(items)
    #expect(cues.map(\.text) == ["Are you ready?", "Yes.", "Then go."])
    #expect(cues[0].endReason.description == "the speaker changes (speaker_0 to speaker_1)")
    #expect(cues[1].endReason.description.hasPrefix("a pause of"))
    #expect(cues[2].endReason.description == "the transcript ends")
  }

  @Test func extendsIntoSilenceForMinimumDurationButNeverIntoTheNextCue() {
    let items = words("Hi.", length: 0.2) + words("Hello there.", start: 3, speaker: nil)
    let cues = CaptionSegmenter(style: .netflixEnglish).cues(items)
    #expect(cues.count == 2)
    #expect(abs((cues[0].end - cues[0].start) - 0.833) < 0.001, "extended to 5/6 s")
    let close = words("Hi.", length: 0.2) + words("Hello there.", start: 0.5)
    let chained = CaptionSegmenter(style: .netflixEnglish).cues(close)
    if chained.count == 2 {
      #expect(
        abs(chained[1].start - chained[0].end - 0.083) < 0.001,
        "gap kept at 2 frames")
    }
  }

  @Test func japaneseLinesNeverStartWithClosingPunctuation() throws {
    let transcript = try Files.readInput("tts-japanese.json")
    var style = CaptionStyle.netflixJapanese
    style.maxCharactersPerLine = 4
    for cue in CaptionSegmenter(style: style).cues(transcript.channels[0]) {
      for line in cue.lines ?? [] {
        if let first = line.first { #expect(!TextBreaks.isClosing(first), "\(line)") }
        if let last = line.last { #expect(!TextBreaks.isOpening(last), "\(line)") }
      }
    }
  }

  @Test(arguments: Array(UInt64(1)...UInt64(120)))
  func everyWordOnceInOrderAndNoHardLimitBroken(seed: UInt64) {
    var generator = TranscriptGenerator(seed: seed)
    let items = generator.items(count: 150)
    let styles = Preset.captionStyles.compactMap(\.captionStyle)
    let style = styles[Int(seed) % styles.count]
    let cues = CaptionSegmenter(style: style).cues(items)
    #expect(
      cues.flatMap(\.items) == items, "seed \(seed) \(style.name): items lost or reordered")
    for (a, b) in zip(cues, cues.dropFirst()) {
      #expect(a.start <= b.start, "seed \(seed)")
      if b.start - a.start > style.minGap {
        #expect(
          a.end <= b.start - style.minGap + 1e-6
            || a.end <= a.start + 0.001, "seed \(seed): cues overlap")
      }
    }
    for cue in cues {
      // On screen, no cue outlasts the maximum, whatever its words' times.
      #expect(cue.end - cue.start <= style.maxDuration + 1e-9, "seed \(seed): on screen too long")
      // Punctuation items join the words they belong to and do not count as words here.
      let tokens = cue.words.filter { !CaptionSegmenter.isPunctuationOnly($0.text) }
      let cueLines = cue.lines ?? []
      #expect(!cueLines.isEmpty)
      guard tokens.count > 1 else { continue }
      #expect(cueLines.count <= style.maxLines, "seed \(seed) \(style.name): \(cueLines)")
      for line in cueLines {
        #expect(
          style.width(of: line) <= style.maxCharactersPerLine, "seed \(seed) \(style.name): \(line)"
        )
      }
      #expect(Set(tokens.compactMap(\.speakerID)).count <= 1, "seed \(seed): speakers mixed")
      if let first = tokens.first, let last = tokens.last {
        #expect(last.end - first.start <= style.maxDuration + 1e-9, "seed \(seed): too long")
      }
    }
  }
}

/// The search on several threads, a block of starts at a time, gives the cues of one thread.
@Suite("Captioning: the threaded search")
struct ThreadedSearchTests {
  static let inputs = [
    "multilingual.json", "scripts.json", "combined.json", "repairs.json", "deepgram-japanese.json",
    "speechmatics-diarized.json", "tts-japanese.json", "multichannel.json",
  ]

  @Test(arguments: inputs)
  func threadsAndBlocksChangeNothing(input: String) throws {
    let transcript = try Files.readInput(input)
    for preset in Preset.all {
      guard let style = preset.captionStyle else { continue }
      for channel in transcript.channels {
        var one = CaptionSegmenter(style: style, language: transcript.languageCode)
        one.threadsOverride = 1
        var several = one
        several.threadsOverride = 3
        several.blockTokens = 7
        let expected = one.cues(channel)
        #expect(!expected.isEmpty || channel.words.allSatisfy { !$0.isTimed })
        #expect(several.cues(channel) == expected, "\(input), \(preset.name)")
      }
    }
  }
}
