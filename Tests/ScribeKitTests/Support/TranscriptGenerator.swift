@testable import ScribeKit

/// A small, seedable random number generator (SplitMix64), so generated tests repeat exactly.
struct SeededGenerator: RandomNumberGenerator {
  private var state: UInt64

  init(seed: UInt64) {
    state = seed
  }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

/// Generates transcripts with the quirks of real responses: several speakers, spacing that
/// overlaps words, zero-length words, standalone punctuation, audio events, CJK runs without
/// spacing, emoji and combining marks, long pauses and very long words.
struct TranscriptGenerator {
  var generator: SeededGenerator

  init(seed: UInt64) {
    generator = SeededGenerator(seed: seed)
  }

  private static let latin = [
    "the", "a", "park", "morning", "microphones", "listen", "birds", "we", "recorded", "traffic",
    "Honestly?", "quiet,", "noon.", "extraordinarily", "café", "naïve", "e\u{301}te\u{301}",
    "👩‍👩‍👧", "don't", "it's", "I", "supercalifragilisticexpialidocious", "—", ".",
  ]
  private static let cjk = Array("我觉得非常的新奇这是第一次参与项目今日は晴れです。、「」")
    .map(String.init)
  private static let events = ["(laughter)", "(applause)", "[music]", "(coughs)"]

  mutating func items(count: Int) -> [Word] {
    var items: [Word] = []
    var time = Double(Int.random(in: 0...3, using: &generator))
    var speaker = "speaker_0"
    var cjkRun = 0
    for _ in 0..<count {
      if Int.random(in: 0..<25, using: &generator) == 0 {
        speaker = "speaker_\(Int.random(in: 0..<3, using: &generator))"
      }
      let roll = Int.random(in: 0..<100, using: &generator)
      if cjkRun == 0 && roll < 3 { cjkRun = Int.random(in: 3..<30, using: &generator) }
      let kind: Word.Kind
      let text: String
      if cjkRun > 0 {
        cjkRun -= 1
        kind = .word
        text = Self.cjk.randomElement(using: &generator) ?? "的"
      } else if roll < 6 {
        kind = .audioEvent
        text = Self.events.randomElement(using: &generator) ?? "(laughter)"
      } else {
        kind = .word
        text = Self.latin.randomElement(using: &generator) ?? "word"
      }
      let pause: Double
      switch Int.random(in: 0..<20, using: &generator) {
      case 0: pause = Double.random(in: 0.8...6, using: &generator)
      case 1: pause = 0
      default: pause = Double.random(in: 0.02...0.4, using: &generator)
      }
      let length =
        Int.random(in: 0..<15, using: &generator) == 0
        ? 0 : Double.random(in: 0.05...0.9, using: &generator)
      if cjkRun == 0, let last = items.last, last.kind != .spacing {
        // Real spacing items often start before the previous word ends.
        let overlap = Bool.random(using: &generator) ? 0.02 : 0
        items.append(
          Word(
            text: " ", start: max(0, last.end - overlap), end: time + pause, kind: .spacing,
            speakerID: speaker))
      }
      time += pause
      let word = Word(
        text: text, start: time, end: time + length, kind: kind,
        speakerID: kind == .audioEvent && Bool.random(using: &generator) ? nil : speaker)
      items.append(word)
      time += length
    }
    return items
  }

  mutating func options() -> APIExportOptions {
    func maybe<T>(_ value: T) -> T? {
      Int.random(in: 0..<4, using: &generator) == 0 ? nil : value
    }
    return APIExportOptions(
      segmentOnSilenceLongerThan: maybe(Double.random(in: 0.1...2, using: &generator)),
      maxSegmentDuration: maybe(Double.random(in: 0.5...8, using: &generator)),
      maxSegmentChars: maybe(Int.random(in: 5...120, using: &generator)),
      maxCharactersPerLine: maybe(Int.random(in: 4...60, using: &generator)),
      includeSpeakers: Bool.random(using: &generator),
      includeTimestamps: true)
  }
}
