import Foundation
import Testing

@testable import ScribeKit

@Suite("Segmentation: the API's rule")
struct SegmenterTests {
  private let unlimited = APIExportOptions()

  private func texts(_ segments: [Cue]) -> [String] { segments.map(\.text) }

  /// Words one after another, `gap` seconds apart, each `length` seconds long.
  private func words(
    _ texts: [String], gap: Double = 0.1, length: Double = 0.3, speaker: String? = nil
  )
    -> [Word]
  {
    var result: [Word] = []
    var time = 0.0
    for (index, text) in texts.enumerated() {
      if index > 0 {
        result.append(space(time, time + gap, speaker: speaker))
        time += gap
      }
      result.append(word(text, time, time + length, speaker: speaker))
      time += length
    }
    return result
  }

  @Test func splitsAtSilenceLongerThanTheLimitButNotEqualToIt() {
    let items = [
      word("a", 0, 1), space(1, 1.5), word("b", 1.5, 2), space(2, 3), word("c", 3.0001, 4),
    ]
    var options = unlimited
    options.segmentOnSilenceLongerThan = 0.5
    #expect(texts(Segmenter(options: options).cues(items)) == ["a b", "c"])
  }

  @Test func measuresSilenceFromThePreviousWordsEndNotTheSpacing() {
    // The spacing item overlaps the words, as real responses do; only word ends count.
    let items = [word("a", 0, 1), space(0.9, 2.5), word("b", 2.6, 3)]
    var options = unlimited
    options.segmentOnSilenceLongerThan = 1.5
    #expect(texts(Segmenter(options: options).cues(items)) == ["a", "b"])
  }

  @Test func splitsWhenTheDurationIncludingTheNextWordWouldExceedTheLimit() {
    let items = [word("a", 0, 1), space(1, 1), word("b", 1, 4), space(4, 4), word("c", 4, 4.001)]
    var options = unlimited
    options.maxSegmentDuration = 4
    #expect(texts(Segmenter(options: options).cues(items)) == ["a b", "c"])
  }

  @Test func countsCharactersAsGraphemesIncludingSpaces() {
    var options = unlimited
    options.maxSegmentChars = 7
    #expect(
      texts(Segmenter(options: options).cues(words(["abc", "def", "g"]))) == ["abc def", "g"])
    // "é" written as e + combining accent is one character; so is a family emoji.
    options.maxSegmentChars = 3
    #expect(
      texts(Segmenter(options: options).cues(words(["e\u{301}", "👩‍👩‍👧"]))) == ["e\u{301} 👩‍👩‍👧"])
  }

  @Test func aWordLongerThanTheLimitStandsAlone() {
    var options = unlimited
    options.maxSegmentChars = 4
    #expect(
      texts(Segmenter(options: options).cues(words(["a", "extraordinary", "b"])))
        == ["a", "extraordinary", "b"])
  }

  @Test func aSpeakerChangeAlwaysStartsASegment() {
    let items =
      words(["Hi", "there."], speaker: "speaker_0")
      + [space(0.8, 0.8)]
      + [word("Hello.", 0.8, 1.0, speaker: "speaker_1")]
    let segments = Segmenter(options: unlimited).cues(items)
    #expect(texts(segments) == ["Hi there.", "Hello."])
    #expect(segments.map(\.speakerID) == ["speaker_0", "speaker_1"])
  }

  @Test func itemsWithoutASpeakerNeverCauseAChange() {
    let items = [
      word("Hi.", 0, 1, speaker: "speaker_0"), space(1, 1),
      word("(laughs)", 1, 2, kind: .audioEvent), space(2, 2),
      word("Yes.", 2, 3, speaker: "speaker_0"),
    ]
    let segments = Segmenter(options: unlimited).cues(items)
    #expect(texts(segments) == ["Hi. (laughs) Yes."])
  }

  @Test func audioEventsStayInline() {
    var options = unlimited
    options.segmentOnSilenceLongerThan = 0.8
    let items = [
      word("So", 0, 0.3), space(0.3, 0.4), word("(laughter)", 0.4, 1.5, kind: .audioEvent),
    ]
    #expect(texts(Segmenter(options: options).cues(items)) == ["So (laughter)"])
  }

  @Test func segmentTimesComeFromTheFirstAndLastWords() {
    let items = [space(0, 0.5), word("a", 0.5, 1), space(1, 2), word("b", 2, 2.5), space(2.5, 9)]
    let segments = Segmenter(options: unlimited).cues(items)
    #expect(segments.count == 1)
    #expect(segments[0].start == 0.5 && segments[0].end == 2.5)
    #expect(segments[0].items.count == items.count, "leading and trailing spacing are kept")
    #expect(segments[0].text == "a b")
  }

  @Test func joinsCJKWithoutSpaces() {
    let items = "你好世界".map { word(String($0), 0, 0.2) }
    var options = unlimited
    options.maxSegmentChars = 3
    #expect(texts(Segmenter(options: options).cues(items)) == ["你好世", "界"])
  }

  @Test func noWordsGiveNoSegments() {
    #expect(Segmenter(options: unlimited).cues([Word]()).isEmpty)
    #expect(Segmenter(options: unlimited).cues([space(0, 1)]).isEmpty)
  }
}

@Suite("Segmentation: line wrapping")
struct LineWrapperTests {
  @Test func fillsLinesGreedilyBetweenWords() {
    let wrapper = LineWrapper(maxCharactersPerLine: 10)
    #expect(wrapper.wrap("the quick brown fox jumps") == ["the quick", "brown fox", "jumps"])
    #expect(wrapper.wrap("exactly10c next") == ["exactly10c", "next"])
  }

  @Test func exceedsTheLimitOnlyForOneUnbreakableWord() {
    let wrapper = LineWrapper(maxCharactersPerLine: 5)
    #expect(wrapper.wrap("a incomprehensibilities b") == ["a", "incomprehensibilities", "b"])
  }

  @Test func breaksCJKBetweenCharactersButNotBeforeClosingPunctuation() {
    let wrapper = LineWrapper(maxCharactersPerLine: 4)
    #expect(wrapper.wrap("我觉得非常的新奇") == ["我觉得非", "常的新奇"])
    #expect(wrapper.wrap("今日は晴れ。明日") == ["今日は晴", "れ。明日"])
    #expect(wrapper.wrap("あ「晴れ」です") == ["あ「晴", "れ」です"])
    #expect(LineWrapper(maxCharactersPerLine: 2).wrap("晴れ。「雨」") == ["晴", "れ。", "「雨」"])
  }

  @Test func mixesLatinWordsInsideCJK() {
    let wrapper = LineWrapper(maxCharactersPerLine: 6)
    #expect(wrapper.wrap("我的happy时光") == ["我的", "happy时", "光"])
  }

  @Test func neverSplitsAGraphemeCluster() {
    let wrapper = LineWrapper(maxCharactersPerLine: 2)
    let lines = wrapper.wrap("👩‍👩‍👧👨‍👩‍👦 e\u{301}e\u{301}")
    #expect(lines.joined(separator: " ") == "👩‍👩‍👧👨‍👩‍👦 e\u{301}e\u{301}")
    #expect(lines.allSatisfy { $0.count <= 2 })
  }

  /// ASCII text is wrapped from its bytes; the same text with "a" spelled "á" (one character
  /// too, but not ASCII) takes the Unicode path. Both must give the same lines.
  @Test(arguments: Array(UInt64(1)...UInt64(60)))
  func asciiPathMatchesTheUnicodePath(seed: UInt64) {
    var generator = SeededGenerator(seed: seed)
    let pieces = [
      "a", "banana", "cat", "at", "antidisestablishmentarianism", ",", "I'm", "--", "a.",
    ]
    let gaps = [" ", " ", " ", "  ", "\t", "\n", " \r\n "]
    var text = Bool.random(using: &generator) ? " " : ""
    for _ in 0..<Int.random(in: 0...40, using: &generator) {
      text += pieces.randomElement(using: &generator) ?? ""
      text += gaps.randomElement(using: &generator) ?? " "
    }
    for limit in [nil, 1, 5, 12, 42] {
      let wrapper = LineWrapper(maxCharactersPerLine: limit)
      let accented = wrapper.wrap(text.replacingOccurrences(of: "a", with: "á"))
      #expect(
        wrapper.wrap(text) == accented.map { $0.replacingOccurrences(of: "á", with: "a") },
        "limit \(String(describing: limit)): \(text.debugDescription)")
    }
  }

  @Test func collapsesWhitespaceAndLeavesShortTextAlone() {
    #expect(LineWrapper(maxCharactersPerLine: 42).wrap("  a \n\t b  ") == ["a b"])
    #expect(LineWrapper(maxCharactersPerLine: nil).wrap("a   b") == ["a b"])
    #expect(LineWrapper(maxCharactersPerLine: 3).wrap("   ").isEmpty)
  }
}
