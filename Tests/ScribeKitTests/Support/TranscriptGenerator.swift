import Foundation

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

/// What a generated transcript says.
enum GeneratedText: String, Sendable, CaseIterable {
  /// ``TranscriptGenerator/items(count:)``'s word list: Latin words, CJK runs, emoji, events.
  case mixed
  /// English sentences, one word per item with spacing between, as the API returns English.
  case english
  /// Japanese sentences, one character per item without spacing, as the API returns Japanese.
  case japanese
}

/// How often each artifact of real ElevenLabs responses (issue 12) appears, per candidate item.
/// `scripts/generate_transcript.py --artifacts` makes the same artifacts at ``realistic``.
struct ArtifactRates: Sendable {
  /// Per transcript: a "." (Japanese "。") item of 20 ms, then 2–3 s of silence, then the speech.
  var leadingMark: Double
  /// Per Latin word ending in . , ? !: the mark becomes an item of its own, 20 ms long.
  var detachedMark: Double
  /// Per Latin sentence end: then a pause of 2–25 s, a "." item of 20 ms, and 2–6 s more.
  var orphanMark: Double
  /// Per Latin word ending in ".": the "." glued to the front of the next word (".So").
  var gluedMark: Double
  /// Per Japanese "。": "？" instead.
  var questionMark: Double
  /// Per Japanese "。": "！" instead.
  var exclamationMark: Double
  /// Per Japanese punctuation item: 20 ms long.
  var shortMark: Double
  /// Per Japanese "。、？！" before a kana or kanji: glued to it in one item ("。あ").
  var gluedMarkJapanese: Double
  /// Per sentence end: a "!" (Japanese "！") lasting 20–65 s.
  var overlongMark: Double
  /// Per Latin word: it lasts 9–35 s longer.
  var overlongWord: Double
  /// Per hiragana: it lasts 9–10 s.
  var overlongKana: Double
  /// Per word: 1 ms long.
  var oneMillisecond: Double
  /// Per word: it and the items up to the 8th–40th word from it share one instant.
  var collapsedRun: Double
  /// Per transcript: its last 8–40 words share one instant.
  var collapsedTail: Double

  /// The rates of `scripts/generate_transcript.py --artifacts`, for transcripts of thousands of
  /// words (higher than in real responses, so that 3,000 words hold several of each).
  static let realistic = ArtifactRates(
    leadingMark: 0.3, detachedMark: 0.05, orphanMark: 0.015, gluedMark: 0.01, questionMark: 0.12,
    exclamationMark: 0.05, shortMark: 0.5, gluedMarkJapanese: 0.2, overlongMark: 0.006,
    overlongWord: 0.004, overlongKana: 0.003, oneMillisecond: 0.01, collapsedRun: 0.002,
    collapsedTail: 0.25)

  /// Rates for property tests over transcripts of a few hundred items: most transcripts hold
  /// several artifacts, and every kind appears in a few dozen seeds.
  static let dense = ArtifactRates(
    leadingMark: 0.3, detachedMark: 0.12, orphanMark: 0.05, gluedMark: 0.06, questionMark: 0.15,
    exclamationMark: 0.1, shortMark: 0.5, gluedMarkJapanese: 0.3, overlongMark: 0.04,
    overlongWord: 0.01, overlongKana: 0.01, oneMillisecond: 0.02, collapsedRun: 0.006,
    collapsedTail: 0.3)
}

extension TranscriptGenerator {
  private static let englishSentences = [
    "So what brought you to the city in the first place?",
    "Honestly, I came for a job and stayed for the people.",
    "We recorded the whole thing on a single microphone in the kitchen.",
    "The archive has more than forty thousand hours of interviews.",
    "Nobody expected the river to flood that early in the spring.",
    "I remember my grandmother singing while she cooked.",
    "Dr. Amara Osei says the birds start before the traffic does.",
    "And then, of course, the power went out for three days.",
    "It is not about the money, it is about the time you spend.",
    "Can you say that again, a bit slower this time?",
    "Mr. Jensen kept every letter in a box under the stairs.",
    "The results were clear: more sleep, fewer mistakes.",
    "We should talk about what happens after the election.",
    "That is exactly why the museum opened a second wing.",
  ]
  private static let japaneseSentences = [
    "今日はとても良い天気ですね。", "私は東京で生まれました。", "この町には古いお寺がたくさんあります。",
    "「ありがとう」と彼は言った。", "明日の会議は午後三時からです。", "子供のころ、よく川で遊びました。",
    "音楽を聞きながら勉強するのが好きです。", "それは本当に面白い話ですね。", "コーヒーを一杯ください。",
  ]

  /// `count` words (for Japanese, characters) of `text`, without artifacts. `.mixed` is
  /// ``items(count:)``.
  mutating func items(count: Int, text: GeneratedText) -> [Word] {
    switch text {
    case .mixed: return items(count: count)
    case .english, .japanese: return sentences(count: count, japanese: text == .japanese)
    }
  }

  /// `count` words (for Japanese, characters) of `text` with the artifacts of real responses
  /// added at `rates` (see ``addArtifacts(to:rates:)``).
  mutating func itemsWithArtifacts(
    count: Int, text: GeneratedText, rates: ArtifactRates = .dense
  ) -> [Word] {
    addArtifacts(to: items(count: count, text: text), rates: rates)
  }

  /// Sentences of several speakers taking turns, as `scripts/generate_transcript.py` makes them.
  private mutating func sentences(count: Int, japanese: Bool) -> [Word] {
    var items: [Word] = []
    var time = Double.random(in: 0.1...2, using: &generator)
    var speaker = 0
    var made = 0
    while made < count {
      if Double.random(in: 0..<1, using: &generator) < 0.3 {
        speaker = Int.random(in: 0..<3, using: &generator)
      }
      let id = "speaker_\(speaker)"
      for _ in 0..<Int.random(in: 1...4, using: &generator) where made < count {
        let sentence =
          (japanese ? Self.japaneseSentences : Self.englishSentences).randomElement(
            using: &generator) ?? ""
        let tokens =
          japanese ? sentence.map(String.init) : sentence.split(separator: " ").map(String.init)
        for token in tokens {
          if !japanese, let last = items.last {
            let overlap = Double.random(in: 0..<1, using: &generator) < 0.7 ? 0.02 : 0
            let gap = Double.random(in: 0.03...0.2, using: &generator)
            items.append(
              Word(
                text: " ", start: max(0, last.end - overlap), end: time + gap, kind: .spacing,
                speakerID: id))
            time += gap
          }
          let length =
            Double.random(in: 0..<1, using: &generator) < 0.05
            ? 0 : Double.random(in: 0.08...0.12, using: &generator) * pow(Double(token.count), 0.8)
          items.append(Word(text: token, start: time, end: time + length, speakerID: id))
          time += length + (japanese ? Double.random(in: 0...0.05, using: &generator) : 0)
          made += 1
        }
        time +=
          ([0.1, 0.2, 0.3, 0.5, 0.9, 1.6, 3.0].randomElement(using: &generator) ?? 0)
          * Double.random(in: 0..<1, using: &generator)
      }
    }
    return items
  }

  /// `items` with the artifacts of real ElevenLabs responses (issue 12) added at `rates`:
  /// standalone punctuation, punctuation glued to the next word, items far longer than speech,
  /// collapsed runs (items sharing one instant, start = end) and 1 ms items. Times after an
  /// inserted pause or an overlong item move later; the order of the items is kept.
  mutating func addArtifacts(to input: [Word], rates: ArtifactRates) -> [Word] {
    var words = input
    var out: [Word] = []
    var shift = 0.0
    func chance(_ rate: Double) -> Bool { Double.random(in: 0..<1, using: &generator) < rate }
    func uniform(_ range: ClosedRange<Double>) -> Double {
      Double.random(in: range, using: &generator)
    }

    if let first = words.first(where: \.isTimed), chance(rates.leadingMark) {
      let japanese = first.text.unicodeScalars.first.map { $0.value >= 0x3000 } ?? false
      let time = words[0].start
      let pause = uniform(2...3)
      out.append(
        Word(text: japanese ? "。" : ".", start: time, end: time + 0.02, speakerID: first.speakerID))
      if !japanese {
        out.append(
          Word(
            text: " ", start: time + 0.02, end: time + 0.02 + pause, kind: .spacing,
            speakerID: first.speakerID))
      }
      shift += 0.02 + pause
    }

    var index = 0
    var glue = ""
    while index < words.count {
      var word = words[index]
      word.start += shift
      word.end += shift
      index += 1
      guard word.kind == .word else {
        out.append(word)
        continue
      }
      let speaker = word.speakerID
      if !glue.isEmpty {
        word.text = glue + word.text
        glue = ""
      }
      var text = word.text
      if let mark = Self.latinMark(text) {
        let sentenceEnd = mark != ","
        if chance(rates.detachedMark) {
          word.text.removeLast()
          out.append(word)
          var time = word.end
          if chance(0.5) {
            out.append(
              Word(text: " ", start: time, end: time + 0.02, kind: .spacing, speakerID: speaker))
            time += 0.02
          }
          out.append(Word(text: String(mark), start: time, end: time + 0.02, speakerID: speaker))
          shift += time + 0.02 - word.end
          continue
        }
        if sentenceEnd && chance(rates.orphanMark) {
          out.append(word)
          let before = uniform(2...25)
          let after = uniform(2...6)
          let time = word.end
          out.append(
            Word(text: " ", start: time, end: time + before, kind: .spacing, speakerID: speaker))
          out.append(
            Word(text: ".", start: time + before, end: time + before + 0.02, speakerID: speaker))
          out.append(
            Word(
              text: " ", start: time + before + 0.02, end: time + before + 0.02 + after,
              kind: .spacing, speakerID: speaker))
          shift += before + 0.02 + after
          continue
        }
        let following = words[index...].first { $0.kind != .spacing }
        if mark == ".", following?.kind == .word, chance(rates.gluedMark) {
          word.text.removeLast()
          glue = "."
          out.append(word)
          continue
        }
        if mark == ".", chance(rates.overlongMark) {
          word.text.removeLast()
          out.append(word)
          let length = uniform(20...65)
          out.append(
            Word(text: "!", start: word.end, end: word.end + length, speakerID: speaker))
          shift += length
          continue
        }
      }
      if text == "。" {
        if chance(rates.questionMark) {
          text = "？"
        } else if chance(rates.exclamationMark) {
          text = "！"
        } else if chance(rates.overlongMark) {
          text = "！"
          let extra = uniform(20...65)
          word.end = word.start + extra
          shift += extra
        }
        word.text = text
      }
      if Self.japaneseMarks.contains(text) {
        if word.end - word.start < 1, chance(rates.shortMark) { word.end = word.start + 0.02 }
        if index < words.count, words[index].kind == .word, Self.isCJKLetter(words[index].text),
          word.end - word.start < 1, chance(rates.gluedMarkJapanese)
        {
          // One item with the character's times, or from the mark's start to the character's end.
          glue = text
          if chance(0.5) { words[index].start = word.start - shift }
          continue
        }
      } else if Self.isHiragana(text), chance(rates.overlongKana) {
        let extra = uniform(9...10) - (word.end - word.start)
        word.end += extra
        shift += extra
      } else if Self.isLatinWord(text), chance(rates.overlongWord) {
        let extra = uniform(9...35)
        word.end += extra
        shift += extra
      }
      if word.end - word.start > 0.001, word.end - word.start < 2, chance(rates.oneMillisecond) {
        word.end = word.start + 0.001
      }
      out.append(word)
    }

    // Collapsed runs: from a word to its 8th-40th word after, all at one instant (the run's
    // first start or its last end), while the time the words took passes all the same.
    func collapse(_ first: Int, words wanted: Int) -> Int {
      var last = first
      var seen = 0
      while last < out.count {
        if out[last].kind != .spacing {
          seen += 1
          if seen == wanted { break }
        }
        last += 1
      }
      last = min(last, out.count - 1)
      let instant = chance(0.5) ? out[first].start : out[last].end
      for position in first...last {
        out[position].start = instant
        out[position].end = instant
      }
      return last + 1
    }
    var position = 0
    while position < out.count {
      if out[position].kind == .word, chance(rates.collapsedRun) {
        position = collapse(position, words: Int.random(in: 8...40, using: &generator))
      } else {
        position += 1
      }
    }
    if !out.isEmpty, chance(rates.collapsedTail) {
      let wanted = Int.random(in: 8...40, using: &generator)
      var first = out.count
      var seen = 0
      while first > 0 && seen < wanted {
        first -= 1
        if out[first].kind != .spacing { seen += 1 }
      }
      _ = collapse(first, words: wanted)
    }
    return out
  }

  private static let japaneseMarks: Set<String> = ["。", "、", "？", "！"]

  /// The mark at the end of a Latin word (`.`, `,`, `?`, `!`), when the word has letters before it
  /// and is not a title such as "Dr.".
  private static func latinMark(_ text: String) -> Character? {
    guard text.count > 1, let mark = text.last, ".,?!".contains(mark), isLatinWord(text),
      !["Dr.", "Mr."].contains(text)
    else { return nil }
    return mark
  }

  private static func isLatinWord(_ text: String) -> Bool {
    text.unicodeScalars.contains { $0.properties.isAlphabetic && $0.value < 0x3000 }
  }

  private static func isHiragana(_ text: String) -> Bool {
    text.unicodeScalars.count == 1
      && (0x3041...0x309F).contains(text.unicodeScalars.first?.value ?? 0)
  }

  /// One kana or kanji (not punctuation, not the prolonged sound mark).
  private static func isCJKLetter(_ text: String) -> Bool {
    guard text.unicodeScalars.count == 1, let value = text.unicodeScalars.first?.value else {
      return false
    }
    return (0x3041...0x30FA).contains(value) || (0x3400...0x9FFF).contains(value)
  }
}
