import Foundation
import Testing

@testable import ScribeKit

/// Real ElevenLabs responses have artifacts that the caption styles must absorb (issue 12):
/// standalone punctuation, punctuation glued to the next word, items far longer than speech,
/// collapsed runs (many items at one instant) and 1 ms items. These tests state what every
/// caption style must make of them, over generated transcripts with every artifact
/// (``TranscriptGenerator/itemsWithArtifacts(count:text:rates:)``) and over hand-built cases
/// from real responses.
///
/// The hard limits may be broken only where a single word forces it: a word wider than a line
/// stands on a line of its own. Nothing else excuses a broken limit.
@Suite("Captioning: caption styles absorb speech-to-text artifacts")
struct CaptionArtifactTests {
  // MARK: Transcripts and cues

  static let seeds = Array(UInt64(1)...UInt64(200))
  static let presets = Preset.captionStyles.map(\.name)

  /// One generated transcript.
  struct Sample: Sendable {
    var seed: UInt64
    var text: GeneratedText
    var items: [Word]

    var label: String { "seed \(seed) \(text.rawValue)" }
    var languageCode: String? {
      switch text {
      case .english: return "eng"
      case .japanese: return "jpn"
      case .mixed: return nil
      }
    }
  }

  /// 200 seeds, 150 words (characters) each with dense artifacts, English, Japanese and mixed
  /// text in turn.
  static let samples: [Sample] = seeds.map { seed in
    let text = GeneratedText.allCases[Int(seed) % GeneratedText.allCases.count]
    var generator = TranscriptGenerator(seed: seed)
    return Sample(
      seed: seed, text: text, items: generator.itemsWithArtifacts(count: 150, text: text))
  }

  /// The cues a caption preset makes of `items`, through the public export path.
  static func cues(_ items: [Word], _ preset: Preset, languageCode: String? = nil) throws -> [Cue] {
    let transcript = Transcript(
      languageCode: languageCode, channels: [Channel(index: nil, words: items)])
    return try #require(try transcript.cues(for: ExportRequest(.srt, preset: preset)).first).cues
  }

  /// The SRT text of `cues`, rendered as the export renders a caption preset's cues.
  static func srt(_ cues: [Cue], _ preset: Preset) throws -> String {
    let request = ExportRequest(.srt, preset: preset)
    return String(
      decoding: try SRTFormat().render(RenderInput(cues: cues, options: request.options)),
      as: UTF8.self)
  }

  static func preset(_ name: String) throws -> (Preset, CaptionStyle) {
    let preset = try #require(Preset.named(name))
    return (preset, try #require(preset.captionStyle))
  }

  /// A sample's cues and SRT under one preset.
  struct Outcome: Sendable {
    var sample: Sample
    var cues: [Cue]
    var srt: String
  }

  /// Every sample's outcome under a preset, made once per preset for all the tests that read it.
  actor Outcomes {
    private var made: [String: Task<[Outcome], any Error>] = [:]

    func of(_ presetName: String) -> Task<[Outcome], any Error> {
      if let task = made[presetName] { return task }
      let task = Task.detached {
        let (preset, _) = try CaptionArtifactTests.preset(presetName)
        return try CaptionArtifactTests.samples.map { sample in
          let cues = try CaptionArtifactTests.cues(
            sample.items, preset, languageCode: sample.languageCode)
          return Outcome(
            sample: sample, cues: cues, srt: try CaptionArtifactTests.srt(cues, preset))
        }
      }
      made[presetName] = task
      return task
    }
  }

  static let outcomes = Outcomes()

  /// Runs `check` on every sample's outcome under `presetName`, and expects no sample to fail;
  /// a failure names the property, says how many samples failed and shows the first three.
  static func expectOnEverySample(
    _ presetName: String, _ property: String,
    sourceLocation: SourceLocation = #_sourceLocation,
    _ check: (Outcome, CaptionStyle) throws -> String?
  ) async throws {
    let (_, style) = try preset(presetName)
    var failures: [String] = []
    for outcome in try await outcomes.of(presetName).value {
      if let problem = try check(outcome, style) {
        failures.append("\(outcome.sample.label): \(problem)")
      }
    }
    let failed = failures.count
    #expect(
      failed == 0,
      "\(property), \(presetName): \(failed) of \(samples.count) transcripts fail; \(failures.prefix(3).joined(separator: " | "))",
      sourceLocation: sourceLocation)
  }

  // MARK: What a cue may be

  /// `true` when `text` has nothing but punctuation and whitespace (or nothing at all).
  static func isOnlyPunctuation(_ text: String) -> Bool {
    text.allSatisfy { $0.isPunctuation || $0.isWhitespace }
  }

  /// `true` for closing punctuation, Latin or CJK: sentence and clause marks, closing brackets
  /// and quotes (the punctuation of ``TextBreaks/isClosing(_:)``; not small kana or "ー").
  static func isClosingPunctuation(_ character: Character) -> Bool {
    TextBreaks.isClosing(character) && character.isPunctuation
  }

  /// The letters of `text`: without punctuation and whitespace.
  static func letters(_ text: String) -> String {
    String(text.filter { !$0.isPunctuation && !$0.isWhitespace })
  }

  /// `true` when `line` shows a single word of `cue` (with punctuation at most), so a line limit
  /// it breaks is forced by that word.
  static func showsOneWord(_ line: String, of cue: Cue) -> Bool {
    let core = letters(line)
    return !core.isEmpty && cue.words.contains { letters($0.text) == core }
  }

  static func lines(_ cue: Cue) -> [String] { cue.lines ?? [cue.text] }

  static func describe(_ index: Int, _ cue: Cue) -> String {
    "cue \(index + 1) at \(Cue.EndReason.format(cue.start)) s \(lines(cue))"
  }

  // Each check gives the first problem in a channel's cues, or nil.

  static func wordsOnceInOrder(_ items: [Word], _ cues: [Cue]) -> String? {
    let expected = items.filter(\.isTimed)
    let shown = cues.flatMap(\.words)
    guard shown != expected else { return nil }
    let index =
      shown.indices.first { $0 >= expected.count || shown[$0] != expected[$0] }
      ?? min(shown.count, expected.count)
    let got = index < shown.count ? "\"\(shown[index].text)\"" : "nothing"
    let wanted = index < expected.count ? "\"\(expected[index].text)\"" : "nothing"
    return "\(shown.count) words for \(expected.count); word \(index + 1) is \(got), not \(wanted)"
  }

  static func punctuationOnly(_ cues: [Cue]) -> String? {
    for (index, cue) in cues.enumerated()
    where isOnlyPunctuation(cue.text) || lines(cue).contains(where: isOnlyPunctuation) {
      return "\(describe(index, cue)) is only punctuation"
    }
    return nil
  }

  static func closingPunctuationFirst(_ cues: [Cue]) -> String? {
    for (index, cue) in cues.enumerated() {
      for line in lines(cue) {
        if let first = line.first, isClosingPunctuation(first) {
          return "\(describe(index, cue)): a line starts with \"\(first)\""
        }
      }
    }
    return nil
  }

  static func timeOnScreen(_ cues: [Cue], _ style: CaptionStyle) -> String? {
    for (index, cue) in cues.enumerated() {
      let duration = cue.end - cue.start
      if duration > style.maxDuration + 0.001 {
        return
          "\(describe(index, cue)) is on screen \(Cue.EndReason.format(duration)) s (maximum \(Cue.EndReason.format(style.maxDuration)) s)"
      }
      if duration < 0.001 - 1e-9 {
        return "\(describe(index, cue)) is on screen \(duration * 1000) ms (minimum 1 ms)"
      }
    }
    return nil
  }

  static func lineLimits(_ cues: [Cue], _ style: CaptionStyle) -> String? {
    for (index, cue) in cues.enumerated() {
      let cueLines = lines(cue)
      if cueLines.count > style.maxLines {
        return "\(describe(index, cue)) has \(cueLines.count) lines (limit \(style.maxLines))"
      }
      for line in cueLines
      where style.width(of: line) > style.maxCharactersPerLine && !showsOneWord(line, of: cue) {
        return
          "\(describe(index, cue)): \"\(line)\" is \(Cue.EndReason.format(style.width(of: line))) wide (limit \(Cue.EndReason.format(style.maxCharactersPerLine))) without being one word"
      }
    }
    return nil
  }

  static func speakersApart(_ cues: [Cue]) -> String? {
    for (index, cue) in cues.enumerated() {
      let speakers = Set(
        cue.words.filter { !isOnlyPunctuation($0.text) }.compactMap(\.speakerID))
      if speakers.count > 1 { return "\(describe(index, cue)) mixes speakers \(speakers.sorted())" }
    }
    return nil
  }

  static func gaps(_ cues: [Cue], _ style: CaptionStyle) -> String? {
    for (index, (cue, next)) in zip(cues, cues.dropFirst()).enumerated() {
      let gap = next.start - cue.end
      if gap < style.minGap - 1e-6 {
        let what =
          gap < 0
          ? "overlaps the next by \(Cue.EndReason.format(-gap * 1000)) ms"
          : "is \(Cue.EndReason.format(gap * 1000)) ms before the next"
        return
          "\(describe(index, cue)) \(what) (minimum gap \(Cue.EndReason.format(style.minGap * 1000)) ms)"
      }
    }
    return nil
  }

  /// The hard violations `lint` finds in the SRT, except a line widened by one word and the
  /// rounding of SRT's milliseconds (each of two times may move 0.5 ms).
  static func lintHard(_ srt: String, _ cues: [Cue], _ style: CaptionStyle) throws -> String? {
    let file = try SubtitleFile.parse(srt)
    if file.cues.count != cues.count {
      return "the SRT has \(file.cues.count) cues for \(cues.count)"
    }
    for violation in file.violations(of: style) where violation.rule.isHard {
      switch violation.rule {
      case .lineTooLong:
        let number = violation.cue - 1
        if number >= 0, number < cues.count,
          file.cues[number].lines.allSatisfy({
            style.width(of: $0) <= style.maxCharactersPerLine || showsOneWord($0, of: cues[number])
          })
        {
          continue
        }
      case .tooLong where violation.measured <= style.maxDuration + 0.0011:
        continue
      case .gap where violation.measured >= style.minGap - 0.0011:
        continue
      default:
        break
      }
      return "lint: \(violation)"
    }
    return nil
  }

  /// Every check at once, for the hand-built cases.
  static func allProblems(_ items: [Word], _ preset: Preset, languageCode: String? = nil) throws
    -> [String]
  {
    let style = try #require(preset.captionStyle)
    let cues = try cues(items, preset, languageCode: languageCode)
    return [
      wordsOnceInOrder(items, cues), punctuationOnly(cues), closingPunctuationFirst(cues),
      timeOnScreen(cues, style), lineLimits(cues, style), speakersApart(cues),
      gaps(cues, style), try lintHard(srt(cues, preset), cues, style),
    ].compactMap { $0 }
  }

  // MARK: Properties over generated transcripts

  @Test(arguments: presets)
  func everyWordOnceInOrder(preset: String) async throws {
    try await Self.expectOnEverySample(preset, "every word once, in order") { outcome, _ in
      Self.wordsOnceInOrder(outcome.sample.items, outcome.cues)
    }
  }

  @Test(arguments: presets)
  func noCueOrLineIsOnlyPunctuation(preset: String) async throws {
    try await Self.expectOnEverySample(preset, "no cue or line of punctuation alone") {
      outcome, _ in Self.punctuationOnly(outcome.cues)
    }
  }

  @Test(arguments: presets)
  func noLineStartsWithClosingPunctuation(preset: String) async throws {
    try await Self.expectOnEverySample(preset, "no line starting with closing punctuation") {
      outcome, _ in Self.closingPunctuationFirst(outcome.cues)
    }
  }

  @Test(arguments: presets)
  func timeOnScreenIsWithinTheMaximumAndAtLeastOneMillisecond(preset: String) async throws {
    try await Self.expectOnEverySample(preset, "on screen at most the maximum, at least 1 ms") {
      outcome, style in Self.timeOnScreen(outcome.cues, style)
    }
  }

  @Test(arguments: presets)
  func linesKeepTheLimitsUnlessOneWordForcesIt(preset: String) async throws {
    try await Self.expectOnEverySample(preset, "lines within the limits") { outcome, style in
      Self.lineLimits(outcome.cues, style)
    }
  }

  @Test(arguments: presets)
  func speakersNeverShareACue(preset: String) async throws {
    try await Self.expectOnEverySample(preset, "one speaker per cue") { outcome, _ in
      Self.speakersApart(outcome.cues)
    }
  }

  @Test(arguments: presets)
  func cuesNeverOverlapAndKeepTheMinimumGap(preset: String) async throws {
    try await Self.expectOnEverySample(preset, "the minimum gap kept") { outcome, style in
      Self.gaps(outcome.cues, style)
    }
  }

  @Test(arguments: presets)
  func lintFindsNoHardViolationUnlessOneWordForcesIt(preset: String) async throws {
    try await Self.expectOnEverySample(preset, "no hard violation in lint") { outcome, style in
      try Self.lintHard(outcome.srt, outcome.cues, style)
    }
  }

  /// The generator makes every artifact, so that the properties above are tested on them.
  @Test func theGeneratedTranscriptsHoldEveryArtifact() {
    let all = Self.samples.flatMap(\.items).filter(\.isTimed)
    let standalone = all.filter { Self.isOnlyPunctuation($0.text) && $0.end - $0.start <= 0.021 }
    let glued = all.filter {
      $0.text.count > 1 && ($0.text.first.map(Self.isClosingPunctuation) ?? false)
    }
    let overlong = all.filter { $0.end - $0.start > 9 }
    let overlongMarks = overlong.filter { Self.isOnlyPunctuation($0.text) }
    let oneMillisecond = all.filter { abs($0.end - $0.start - 0.001) < 1e-9 }
    var collapsedRuns = 0
    for sample in Self.samples {
      let timed = sample.items.filter(\.isTimed)
      var run = 1
      for (a, b) in zip(timed, timed.dropFirst()) {
        if a.start == a.end && b.start == a.start && b.end == b.start {
          run += 1
          if run == 8 { collapsedRuns += 1 }
        } else {
          run = 1
        }
      }
    }
    #expect(standalone.count > 500, "standalone punctuation: \(standalone.count)")
    #expect(glued.contains { $0.text.hasPrefix("。") } && glued.contains { $0.text.hasPrefix(".") })
    #expect(overlong.count > 20 && overlongMarks.count > 5, "overlong: \(overlong.count)")
    #expect(oneMillisecond.count > 100, "1 ms: \(oneMillisecond.count)")
    #expect(collapsedRuns > 100, "collapsed runs: \(collapsedRuns)")
    // The generated times are those of a valid response.
    for sample in Self.samples {
      #expect(sample.items.allSatisfy { 0 <= $0.start && $0.start <= $0.end }, "\(sample.label)")
    }
  }

  // MARK: Hand-built cases from real responses

  /// Words one after another from `start`, each `length` s long with 50 ms of spacing between.
  private static func words(
    _ text: String, start: Double, length: Double = 0.3, speaker: String? = "speaker_0"
  ) -> [Word] {
    var items: [Word] = []
    var time = start
    for (index, token) in text.split(separator: " ").enumerated() {
      if index > 0 {
        items.append(
          Word(text: " ", start: time, end: time + 0.05, kind: .spacing, speakerID: speaker))
        time += 0.05
      }
      items.append(Word(text: String(token), start: time, end: time + length, speakerID: speaker))
      time += length
    }
    return items
  }

  /// Japanese characters one after another from `start`, each `length` s long, no spacing.
  private static func characters(
    _ text: String, start: Double, length: Double = 0.2, speaker: String? = "speaker_0"
  ) -> [Word] {
    text.enumerated().map { index, character in
      Word(
        text: String(character), start: start + Double(index) * length,
        end: start + Double(index + 1) * length, speakerID: speaker)
    }
  }

  private static func cue(containing item: Word, in cues: [Cue]) -> Cue? {
    cues.first { $0.words.contains(item) }
  }

  /// english-monologue at 146.08 s: a "." item of 20 ms after a word, then a 2 s pause. It
  /// joins the word before it: "little." in that word's cue, never a cue of its own.
  @Test(arguments: presets)
  func standaloneFullStopJoinsTheWordBefore(preset name: String) throws {
    let (preset, _) = try Self.preset(name)
    var items = Self.words("I think it was a little", start: 10)
    let end = items[items.count - 1].end
    let stop = Word(text: ".", start: end + 0.02, end: end + 0.04, speakerID: "speaker_0")
    items += [
      Word(text: " ", start: end, end: end + 0.02, kind: .spacing, speakerID: "speaker_0"), stop,
      Word(text: " ", start: end + 0.04, end: end + 2.04, kind: .spacing, speakerID: "speaker_0"),
    ]
    items += Self.words("Then it rained all day.", start: end + 2.04)
    let problems = try Self.allProblems(items, preset)
    #expect(problems.count == 0, "\(name): \(problems.joined(separator: " | "))")
    let cues = try Self.cues(items, preset)
    let withStop = try #require(Self.cue(containing: stop, in: cues), "\(name): the \".\" is lost")
    #expect(
      withStop.words.contains { $0.text == "little" } && withStop.text.hasSuffix("little."),
      "\(name): \(cues.map(\.text))")
  }

  /// english-monologue at 16.34 s: the transcript opens with a "." item of 20 ms and 2.3 s of
  /// silence. No cue and no line may be that "." alone, nor start with it.
  @Test(arguments: presets)
  func fullStopOpeningTheTranscriptIsNeverShownAlone(preset name: String) throws {
    let (preset, _) = try Self.preset(name)
    let items =
      [
        Word(text: ".", start: 16.34, end: 16.36, speakerID: "speaker_0"),
        Word(text: " ", start: 16.36, end: 18.639, kind: .spacing, speakerID: "speaker_0"),
      ] + Self.words("Oh, I see what you mean.", start: 18.639)
    let problems = try Self.allProblems(items, preset)
    #expect(problems.count == 0, "\(name): \(problems.joined(separator: " | "))")
  }

  /// A Japanese "。" glued to the next character ("。あ", with the character's times) after a
  /// pause that ends the cue: the "。" ends the cue before; the text is shown whole and in order.
  @Test(arguments: presets)
  func gluedSentenceEndGoesToTheCueBefore(preset name: String) throws {
    let (preset, _) = try Self.preset(name)
    var items = Self.characters("今日はとても良い天気ですね", start: 3)
    let glued = Word(
      text: "。あ", start: items[items.count - 1].end + 2, end: items[items.count - 1].end + 2.2,
      speakerID: "speaker_0")
    items.append(glued)
    items += Self.characters("したも晴れるといいですね。", start: glued.end)
    let problems = try Self.allProblems(items, preset, languageCode: "jpn")
    #expect(problems.count == 0, "\(name): \(problems.joined(separator: " | "))")
    let cues = try Self.cues(items, preset, languageCode: "jpn")
    let shown = cues.flatMap(Self.lines).joined().filter { !$0.isWhitespace }
    #expect(shown == "今日はとても良い天気ですね。あしたも晴れるといいですね。", "\(name): \(cues.map(Self.lines))")
    for lines in cues.map(Self.lines) {
      #expect(lines.allSatisfy { !$0.hasPrefix("。") }, "\(name): \(lines)")
    }
  }

  /// A "！" lasting 62.6 s: it joins the word before it, and the cue starts with the speech and
  /// is cut at the style's maximum.
  @Test(arguments: presets)
  func overlongExclamationIsCutAtTheMaximum(preset name: String) throws {
    let (preset, style) = try Self.preset(name)
    var items = Self.characters("すごい", start: 10)
    let mark = Word(text: "！", start: 10.6, end: 73.2, speakerID: "speaker_0")
    items.append(mark)
    items += Self.characters("また会いましょう。", start: 73.3)
    let problems = try Self.allProblems(items, preset, languageCode: "jpn")
    #expect(problems.count == 0, "\(name): \(problems.joined(separator: " | "))")
    let cues = try Self.cues(items, preset, languageCode: "jpn")
    let cue = try #require(Self.cue(containing: mark, in: cues), "\(name): the \"！\" is lost")
    #expect(cue.start == 10 && cue.text.hasSuffix("すごい！"), "\(name): \(cues.map(\.text))")
    #expect(cue.end - cue.start <= style.maxDuration + 0.001, "\(name): \(cue.end - cue.start) s")
  }

  /// "There's" lasting 32 s in a song: its cue starts with the word and is cut at the maximum.
  @Test(arguments: presets)
  func overlongWordIsCutAtTheMaximum(preset name: String) throws {
    let (preset, style) = try Self.preset(name)
    let word = Word(text: "There's", start: 5, end: 37, speakerID: "speaker_0")
    let items =
      [word, Word(text: " ", start: 37, end: 37.1, kind: .spacing, speakerID: "speaker_0")]
      + Self.words("a light that never goes out.", start: 37.1)
    let problems = try Self.allProblems(items, preset)
    #expect(problems.count == 0, "\(name): \(problems.joined(separator: " | "))")
    let cues = try Self.cues(items, preset)
    let cue = try #require(Self.cue(containing: word, in: cues))
    #expect(cue.start == 5, "\(name)")
    #expect(cue.end - cue.start <= style.maxDuration + 0.001, "\(name): \(cue.end - cue.start) s")
  }

  /// 30 items all at 95.45 s (start = end), with silence from 85 s to 120 s around them: they
  /// are spread over the silence, so every cue of them can be read (minimum duration, reading
  /// speed) and keeps every limit.
  @Test(arguments: presets)
  func collapsedRunIsSpreadOverTheSilenceAroundIt(preset name: String) throws {
    let (preset, style) = try Self.preset(name)
    let before = Self.words("We sang it one more time.", start: 83)
    let lyric =
      "Oh the night is young and the music is loud so we dance until the morning comes and the city wakes up slowly around us all again and again tonight"
    let run = Self.words(lyric, start: 95.45, length: 0).map {
      var item = $0
      (item.start, item.end) = (95.45, 95.45)
      return item
    }
    #expect(run.filter(\.isTimed).count == 30)
    let after = Self.words("That was the last song.", start: 120)
    let items =
      before + [Word(text: " ", start: before.last!.end, end: 95.45, kind: .spacing)] + run
      + [Word(text: " ", start: 95.45, end: 120, kind: .spacing)] + after
    let problems = try Self.allProblems(items, preset)
    #expect(problems.count == 0, "\(name): \(problems.joined(separator: " | "))")
    // Every cue that shows words of the run can be read.
    let runWords = run.filter(\.isTimed)
    var unreadable: [String] = []
    for cue in try Self.cues(items, preset) where cue.words.contains(where: runWords.contains) {
      let duration = cue.end - cue.start
      let speed = style.width(of: cue.text) / max(duration, 1e-9)
      if duration < style.minDuration - 1e-6 || speed > style.maxCharactersPerSecond + 1e-6 {
        unreadable.append(
          "\(Self.lines(cue)) \(Cue.EndReason.format(duration)) s, \(Cue.EndReason.format(speed)) characters/s"
        )
      }
    }
    #expect(unreadable.count == 0, "\(name): \(unreadable.joined(separator: " | "))")
  }

  /// 30 items at 95.45 s between speech ending at 95.40 s and speech starting at 95.50 s: no
  /// room to spread them, and still every limit holds.
  @Test(arguments: presets)
  func collapsedRunWithoutRoomKeepsEveryLimit(preset name: String) throws {
    let (preset, _) = try Self.preset(name)
    let before = Self.words("and we kept on singing", start: 95.40 - 1.4)
    let lyric =
      "Oh the night is young and the music is loud so we dance until the morning comes and the city wakes up slowly around us all again and again tonight"
    let run = Self.words(lyric, start: 95.45, length: 0).map {
      var item = $0
      (item.start, item.end) = (95.45, 95.45)
      return item
    }
    let after = Self.words("until the very end of the song we sang together.", start: 95.5)
    let items =
      before + [Word(text: " ", start: before.last!.end, end: 95.45, kind: .spacing)] + run
      + [Word(text: " ", start: 95.45, end: 95.5, kind: .spacing)] + after
    let problems = try Self.allProblems(items, preset)
    #expect(problems.count == 0, "\(name): \(problems.joined(separator: " | "))")
  }

  /// A word lasting 1 ms with silence after it: its cue stays up for the minimum duration.
  @Test(arguments: presets)
  func oneMillisecondWordIsShownLongEnoughToRead(preset name: String) throws {
    let (preset, style) = try Self.preset(name)
    let yes = Word(text: "Yes.", start: 10, end: 10.001, speakerID: "speaker_0")
    let items =
      [yes, Word(text: " ", start: 10.001, end: 13, kind: .spacing, speakerID: "speaker_0")]
      + Self.words("Good.", start: 13)
    let problems = try Self.allProblems(items, preset)
    #expect(problems.count == 0, "\(name): \(problems.joined(separator: " | "))")
    let cue = try #require(Self.cue(containing: yes, in: try Self.cues(items, preset)))
    #expect(cue.end - cue.start >= style.minDuration - 1e-6, "\(name): \(cue.end - cue.start) s")
  }

  /// A word lasting 1 ms right before another speaker's: still at least 1 ms on screen, and the
  /// minimum gap kept.
  @Test(arguments: presets)
  func oneMillisecondWordBeforeAnotherSpeakerKeepsEveryLimit(preset name: String) throws {
    let (preset, _) = try Self.preset(name)
    let items =
      Self.words("Are you coming", start: 8)
      + [
        Word(text: " ", start: 9.05, end: 10, kind: .spacing, speakerID: "speaker_0"),
        Word(text: "Yes.", start: 10, end: 10.001, speakerID: "speaker_0"),
      ] + Self.words("No, wait for me.", start: 10.002, speaker: "speaker_1")
    let problems = try Self.allProblems(items, preset)
    #expect(problems.count == 0, "\(name): \(problems.joined(separator: " | "))")
  }
}
