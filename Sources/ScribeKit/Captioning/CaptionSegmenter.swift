import Foundation

/// Chooses cue and line boundaries together, by dynamic programming over break candidates.
///
/// Hard limits of the ``CaptionStyle`` (lines per cue, characters per line, maximum duration,
/// speaker changes, long pauses) are constraints; reading speed, minimum duration, balanced
/// lines, breaking at sentence and clause ends, before conjunctions and prepositions rather than
/// after articles, and never leaving the last word of a sentence at the start of the next cue
/// are costs. The search considers every cue start and every end that fits the limits, so it is
/// linear in the number of words times the most words a cue can hold.
///
/// Afterwards, cue times are adjusted: a cue may extend past its last word into silence to meet
/// the minimum duration and reading speed, never into the next cue (a ``CaptionStyle/minGap``
/// stays between them), and gaps shorter than ``CaptionStyle/chainingThreshold`` are closed.
struct CaptionSegmenter: Sendable {
  /// The rules.
  var style: CaptionStyle
  /// The language whose break rules apply: the transcript's, else the style's.
  let language: String?
  let words: BreakWords
  /// ``words``' lists by key (``BreakWords/listsByKey()``).
  let lists: [String: BreakWords.Lists]
  /// The threads the search uses, when not chosen by the transcript's length.
  var threadsOverride: Int?
  /// Starts whose cue costs are worked out together, between two passes of the totals: enough
  /// to keep the threads busy, few enough that their costs take a few megabytes.
  var blockTokens = 32_768

  /// Creates a segmenter; `language` (an API `language_code` or a BCP 47 tag) chooses the
  /// break rules, and `nil` leaves them to the style.
  init(style: CaptionStyle, language: String? = nil) {
    self.style = style
    self.language = language ?? style.language
    words = BreakWords.forLanguage(self.language)
    lists = words.listsByKey()
  }

  /// A displayed word: its text, whether a space separated it from the previous, the first
  /// item it shows, and the times and speaker of its speech.
  ///
  /// A token is usually one item. Punctuation that stands alone joins the token it belongs to
  /// (see ``tokens(_:)``), so a token can show several items; its times are its word's.
  struct Token: Sendable {
    var text: String
    var spaceBefore: Bool
    var itemIndex: Int
    var start: Double
    var end: Double
    var speakerID: String?
  }

  /// The cues of a channel.
  func cues(_ channel: Channel) -> [Cue] {
    cues(channel.words)
  }

  /// The cues of items in timeline order.
  func cues(_ items: [Word]) -> [Cue] {
    var tokens = Self.tokens(items)
    spreadCollapsedRuns(&tokens)
    guard !tokens.isEmpty else { return [] }
    let count = tokens.count
    let measure = Measure(tokens: tokens, segmenter: self)
    var best = [Double](repeating: .infinity, count: count + 1)
    var previous = [Int](repeating: -1, count: count + 1)
    best[0] = 0
    // The search weighs costs only; the lines of the cues it keeps are laid out afterwards,
    // once each, by the same rule (``layout(_:_:_:maxLines:)``), rather than an array of line
    // starts made for every cue tried.
    // The costs of the cues from each start do not depend on the search's running totals, so
    // a long transcript has them worked out a block of starts at a time on every core, and then
    // taken into the totals in order: the same arithmetic in the same order as one core does.
    let workers = threads(forTokens: count)
    var blockStart = 0
    while blockStart < count {
      let blockEnd = workers == 1 ? count : min(count, blockStart + blockTokens)
      let blocks = cueCosts(measure, starts: blockStart..<blockEnd, workers: workers)
      for block in blocks {
        var next = 0
        for (offset, costCount) in block.counts.enumerated() {
          let start = block.starts.lowerBound + offset
          defer { next += costCount }
          guard best[start].isFinite else { continue }
          for index in 0..<costCount {
            let end = start + 1 + index
            let total = best[start] + block.costs[next + index]
            if total < best[end] {
              best[end] = total
              previous[end] = start
            }
          }
        }
      }
      blockStart = blockEnd
    }
    var bounds: [(Int, Int)] = []
    var end = count
    while end > 0 {
      let start = previous[end]
      guard start >= 0 else { break }
      bounds.append((start, end))
      end = start
    }
    bounds.reverse()
    return timed(
      bounds.map { start, end in
        makeCue(
          measure, items, start, end,
          lines: measure.lines(
            start, end, splits: layout(measure, start, end, maxLines: style.maxLines)?.1 ?? []))
      }, tokens: tokens, bounds: bounds)
  }

  /// Below this many tokens (about an hour of speech) the search runs on one core: a short
  /// transcript gains nothing from threads, and a folder of them is converted on every core
  /// already.
  static let parallelTokens = 20_000
  /// The threads a long transcript's search uses.
  static let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8))

  /// How many threads the search of `count` tokens uses: ``threadsOverride`` when set (tests
  /// run the threaded search on short inputs with it), else every core from
  /// ``parallelTokens`` on.
  func threads(forTokens count: Int) -> Int {
    threadsOverride ?? (count < Self.parallelTokens ? 1 : Self.workers)
  }

  /// `body` of consecutive parts of `indices`, on `workers` threads at once, joined in order.
  static func inParts<Value: Sendable>(
    _ all: Range<Int>, workers: Int, _ body: @escaping @Sendable (Range<Int>) -> [Value]
  ) -> [Value] {
    guard workers > 1, all.count >= workers else { return body(all) }
    let size = (all.count + workers - 1) / workers
    let parts = stride(from: all.lowerBound, to: all.upperBound, by: size).map {
      $0..<min($0 + size, all.upperBound)
    }
    let results = ResultSlots<[Value]>(count: parts.count)
    DispatchQueue.concurrentPerform(iterations: parts.count) { index in
      results.set(index, body(parts[index]))
    }
    return results.values.flatMap { $0 }
  }

  /// The costs of the cues from some consecutive starts: for each start, the costs of its cues
  /// ending one token later, two tokens later, ..., until the first that breaks a hard limit.
  struct CueCosts: Sendable {
    var starts: Range<Int>
    /// How many costs each start has, in order.
    var counts: [Int] = []
    /// Every start's costs, one after another.
    var costs: [Double] = []
  }

  /// ``cueCost(_:_:_:)`` of every cue from `starts`, split into `workers` consecutive parts
  /// worked out at once.
  func cueCosts(_ measure: Measure, starts: Range<Int>, workers: Int) -> [CueCosts] {
    let count = measure.starts.count
    @Sendable func costs(_ part: Range<Int>) -> CueCosts {
      var result = CueCosts(starts: part)
      result.counts.reserveCapacity(part.count)
      result.costs.reserveCapacity(part.count * 16)
      for start in part {
        var end = start + 1
        while end <= count, let cost = cueCost(measure, start, end) {
          result.costs.append(cost)
          end += 1
        }
        result.counts.append(end - start - 1)
      }
      return result
    }
    return Self.inParts(starts, workers: workers) { [costs($0)] }
  }

  /// The displayed words of `items`, with real data's punctuation artifacts absorbed.
  ///
  /// Speech-to-text output has punctuation as items of its own ("." 20 ms long, a Japanese
  /// "。" or "、") and sentence ends glued to the next word ("。あ"). Shown as they come, they
  /// make cues and lines of punctuation alone, or lines that start with it. So: an item of
  /// punctuation alone joins the word before it (an opening bracket or quote, the word after
  /// it), and closing punctuation at the front of an item is shown with the word before it,
  /// which lets a line or cue break right after it. Nothing is reordered, and the text is the
  /// same but for closing punctuation before the channel's first word, which closes nothing
  /// and is not shown (its item stays in the first cue).
  static func tokens(_ items: [Word]) -> [Token] {
    var tokens: [Token] = []
    tokens.reserveCapacity(items.count / 2 + 1)
    var sawSpace = false
    // Opening punctuation waiting for the word it opens: its text, first item, and space.
    var opening: (text: String, itemIndex: Int, spaceBefore: Bool)?
    for (index, item) in items.enumerated() {
      var text: String
      var spaceBefore: Bool
      if item.kind != .spacing, Self.isPlainASCIIWord(item.text) {
        // Nearly every item: a word of visible ASCII that does not start with closing
        // punctuation and is not punctuation alone. The general path below, which asks
        // Unicode about every character, keeps its text and adds nothing else to it.
        text = item.text
        spaceBefore = sawSpace
        sawSpace = false
      } else {
        if item.kind == .spacing || Whitespace.isBlank(item.text) {
          sawSpace = true
          continue
        }
        text = Self.collapsingWhitespace(item.text)
        spaceBefore = (sawSpace || (item.text.first?.isWhitespace ?? false))
        sawSpace = item.text.last?.isWhitespace ?? false
        if opening == nil, !tokens.isEmpty, let first = text.first, Self.isClosing(first) {
          let closing = text.prefix { Self.isClosing($0) }
          if closing.count == text.count {
            // Closing punctuation alone: it belongs to the word before it.
            tokens[tokens.count - 1].text += text
            continue
          }
          tokens[tokens.count - 1].text += closing
          text = String(text.dropFirst(closing.count))
          spaceBefore = false
        }
        if tokens.isEmpty, opening == nil, text.allSatisfy(Self.isClosing) {
          // Closing punctuation before the first word closes nothing: a subtitler deletes it.
          // The item stays in the first cue's items; only its mark is not shown.
          continue
        }
        if Self.isPunctuationOnly(text) {
          // Opening punctuation alone (or anything before the first word) waits for a word.
          if let waiting = opening {
            opening = (
              waiting.text + (spaceBefore ? " " : "") + text, waiting.itemIndex,
              waiting.spaceBefore
            )
          } else {
            opening = (text, index, spaceBefore)
          }
          continue
        }
      }
      var token = Token(
        text: text, spaceBefore: spaceBefore, itemIndex: index, start: item.start, end: item.end,
        speakerID: item.speakerID)
      if let waiting = opening {
        token.text = waiting.text + (spaceBefore ? " " : "") + text
        token.spaceBefore = waiting.spaceBefore
        token.itemIndex = waiting.itemIndex
        opening = nil
      }
      token.spaceBefore = token.spaceBefore && !tokens.isEmpty
      tokens.append(token)
    }
    if let waiting = opening {
      // Punctuation after the last word: it ends that word; with no word at all, it is shown.
      if tokens.isEmpty, let item = items.first(where: { !Whitespace.isBlank($0.text) }) {
        tokens.append(
          Token(
            text: waiting.text, spaceBefore: false, itemIndex: waiting.itemIndex,
            start: item.start, end: item.end, speakerID: item.speakerID))
      } else if !tokens.isEmpty {
        tokens[tokens.count - 1].text += waiting.text
      }
    }
    return tokens
  }

  /// `true` for text of visible ASCII characters (one byte, one character each) that does not
  /// start with closing punctuation and is not punctuation alone: text that ``tokens(_:)``
  /// shows as it is, decided from bytes.
  static func isPlainASCIIWord(_ text: String) -> Bool {
    var first = true
    var punctuationOnly = true
    for byte in text.utf8 {
      guard byte > 0x20, byte < 0x7F else { return false }
      if first {
        if asciiClosing[Int(byte)] { return false }
        first = false
      }
      if !asciiPunctuation[Int(byte)] { punctuationOnly = false }
    }
    return !first && !punctuationOnly
  }

  /// ``isClosing(_:)`` and `Character.isPunctuation` of each ASCII character, asked of them
  /// once.
  private static let asciiClosing: [Bool] = (0..<128).map { value in
    isClosing(Character(Unicode.Scalar(UInt8(value))))
  }
  private static let asciiPunctuation: [Bool] = (0..<128).map { value in
    Character(Unicode.Scalar(UInt8(value))).isPunctuation
  }

  private static func collapsingWhitespace(_ text: String) -> String {
    guard text.contains(where: \.isWhitespace) else { return text }
    return text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
  }

  /// `true` for text made only of punctuation: ".", "。", "?!", "—", "(".
  static func isPunctuationOnly(_ text: String) -> Bool {
    !text.isEmpty && text.allSatisfy { $0.isPunctuation || $0.isWhitespace }
  }

  /// `true` for punctuation that closes or ends what came before: `.` `,` `)` `」` `。` `！`.
  /// Opening brackets and quotes, Spanish `¿ ¡`, dashes and straight quotes (which open as
  /// often as they close) are not.
  static func isClosing(_ character: Character) -> Bool {
    guard character.isPunctuation, let scalar = character.unicodeScalars.first else {
      return false
    }
    switch scalar.properties.generalCategory {
    case .openPunctuation, .initialPunctuation, .dashPunctuation, .connectorPunctuation:
      return false
    default:
      return !"¿¡\"'#@&*\\/".contains(character)
    }
  }

  /// Spreads runs of tokens whose times collapsed onto one instant (real responses have
  /// dozens of items with start = end, elevenlabs-python issue 607) over the silence around
  /// them, so their cues can be read; a run with no silence around it is left for the cue
  /// costs to merge into its neighbours. Only the cues' times change: the words keep theirs,
  /// and the reader has warned about the run.
  func spreadCollapsedRuns(_ tokens: inout [Token]) {
    var index = 0
    while index < tokens.count {
      let instant = tokens[index].start
      var end = index
      while end < tokens.count, tokens[end].start == instant, tokens[end].end == instant {
        end += 1
      }
      guard end - index >= TimingRepair.collapsedRunLength else {
        index = max(end, index + 1)
        continue
      }
      let before = index > 0 ? tokens[index - 1].end : max(0, instant - 1)
      let after = end < tokens.count ? tokens[end].start : instant + Double(end - index)
      let widths = tokens[index..<end].map { max(1, style.width(of: $0.text)) }
      let total = widths.reduce(0, +)
      // As long as reading them takes (spaces, and the gaps between their cues, included),
      // within the silence, around the instant.
      let count = Double(end - index)
      let needed =
        (total + count * style.width(of: " ")) / style.maxCharactersPerSecond * 1.5
        + count * style.minGap
      let room = max(0, after - style.minGap - before)
      let span = min(room, needed)
      if span > 0 {
        var from = min(max(before, instant - span / 2), after - style.minGap - span)
        for (offset, width) in zip(index..<end, widths) {
          let length = span * width / total
          tokens[offset].start = from
          tokens[offset].end = from + length
          from += length
        }
      }
      index = end
    }
  }

  // MARK: Costs

  /// Widths and break costs computed once per transcript, so that trying a cue is arithmetic.
  struct Measure: Sendable {
    let tokens: [Token]
    let prefixWidth: [Double]
    let prefixSpaces: [Int]
    let spaceWidth: Double
    /// `breakCosts[k]`: breaking between token `k - 1` and token `k`.
    let breakCosts: [Double]
    let sentenceEnd: [Bool]
    let clauseEnd: [Bool]
    /// `sentenceEnds[k]`: how many of `tokens[..<k]` end a sentence.
    let sentenceEnds: [Int]
    /// The tokens' times, apart from the tokens: the search reads them for every cue it tries,
    /// and a token's strings need not be retained for that.
    let starts: [Double]
    let ends: [Double]
    /// Each token's speaker as a number (`-1` for none), and `firstSpeaker[k]`: the first
    /// token at or after `k` with a speaker (`tokens.count` for none), so that the search
    /// finds a cue's speaker without walking its tokens.
    let speakers: [Int]
    let firstSpeaker: [Int]

    init(tokens: [Token], segmenter: CaptionSegmenter) {
      self.tokens = tokens
      var widths = [0.0]
      var spaces = [0]
      var costs = [0.0]
      widths.reserveCapacity(tokens.count + 1)
      spaces.reserveCapacity(tokens.count + 1)
      costs.reserveCapacity(tokens.count)
      // What is asked of each token on its own (its width and facts), then of each pair (the
      // break between them), on every core for a long transcript; the sums stay in order.
      let workers = segmenter.threads(forTokens: tokens.count)
      let measured = CaptionSegmenter.inParts(tokens.indices, workers: workers) { part in
        part.map {
          (
            segmenter.style.width(of: tokens[$0].text),
            BreakFacts(tokens[$0].text, segmenter: segmenter)
          )
        }
      }
      let facts = measured.map(\.1)
      costs += CaptionSegmenter.inParts(tokens.indices.dropFirst(), workers: workers) { part in
        part.map { index in
          segmenter.breakCost(
            after: tokens[index - 1], facts[index - 1], before: tokens[index], facts[index])
        }
      }
      for (index, token) in tokens.enumerated() {
        widths.append(widths[index] + measured[index].0)
        spaces.append(spaces[index] + (token.spaceBefore ? 1 : 0))
      }
      let sentenceEnd = facts.map(\.endsSentence)
      let clauseEnd = facts.map(\.endsClause)
      prefixWidth = widths
      prefixSpaces = spaces
      breakCosts = costs
      spaceWidth = segmenter.style.width(of: " ")
      self.sentenceEnd = sentenceEnd
      self.clauseEnd = clauseEnd
      var counts = [0]
      counts.reserveCapacity(tokens.count + 1)
      for ends in sentenceEnd { counts.append((counts.last ?? 0) + (ends ? 1 : 0)) }
      sentenceEnds = counts
      starts = tokens.map(\.start)
      ends = tokens.map(\.end)
      var numbers: [String: Int] = [:]
      var last: (speaker: String, number: Int)?
      speakers = tokens.map { token in
        guard let speaker = token.speakerID else { return -1 }
        // A speaker's words come in runs: the last one's number, without hashing.
        if let last, last.speaker == speaker { return last.number }
        let number = numbers[speaker] ?? numbers.count
        numbers[speaker] = number
        last = (speaker, number)
        return number
      }
      var first = [Int](repeating: tokens.count, count: tokens.count + 1)
      for index in tokens.indices.reversed() {
        first[index] = speakers[index] >= 0 ? index : first[index + 1]
      }
      firstSpeaker = first
    }

    /// The width of `tokens[start..<end]` on one line.
    func width(_ start: Int, _ end: Int) -> Double {
      guard end > start else { return 0 }
      return prefixWidth[end] - prefixWidth[start]
        + spaceWidth * Double(prefixSpaces[end] - prefixSpaces[start + 1])
    }

    /// `tokens[start..<end]` as text.
    func text(_ start: Int, _ end: Int) -> String {
      var result = ""
      for index in start..<end {
        if index > start && tokens[index].spaceBefore { result += " " }
        result += tokens[index].text
      }
      return result
    }

    /// The lines of a cue, given the tokens that start its second and later lines.
    func lines(_ start: Int, _ end: Int, splits: [Int]) -> [String] {
      let bounds = [start] + splits + [end]
      return zip(bounds, bounds.dropFirst()).map { text($0, $1) }
    }
  }

  /// The cost of one cue over `tokens[start..<end]`, or `nil` when it breaks a hard limit (and
  /// so does every longer cue from the same start).
  func cueCost(_ measure: Measure, _ start: Int, _ end: Int) -> Double? {
    let count = measure.starts.count
    let single = end - start == 1
    let firstStart = measure.starts[start]
    let lastStart = measure.starts[end - 1]
    let lastEnd = measure.ends[end - 1]
    if !single {
      // Speakers and long pauses are hard boundaries.
      let speaker = measure.speakers[end - 1]
      let firstWithSpeaker = measure.firstSpeaker[start]
      if speaker >= 0, firstWithSpeaker < end - 1, measure.speakers[firstWithSpeaker] != speaker {
        return nil
      }
      if lastStart - measure.ends[end - 2] > style.pauseBreak { return nil }
      if lastEnd - firstStart > style.maxDuration { return nil }
    }
    guard let layout = layoutCost(measure, start, end, maxLines: style.maxLines) else {
      return single ? 1_000 : nil
    }
    // Every cue costs something, so that cues are no more than the rules and breaks justify.
    var cost = 3.0 + layout.cost
    let width = measure.width(start, end)
    // The time the cue can have: up to the next word (less the gap), within the maximum.
    let nextStart = end < count ? measure.starts[end] - style.minGap : .infinity
    let available = max(
      lastEnd - firstStart,
      min(nextStart, firstStart + style.maxDuration) - firstStart)
    let speed = width / max(available, 0.001)
    if speed > style.maxCharactersPerSecond {
      cost += 20 * (speed / style.maxCharactersPerSecond - 1) + 4
    }
    if available < style.minDuration { cost += 6 }
    // A next cue that starts (nearly) with this one leaves it no time on screen, or overlaps
    // it: words collapsed onto one instant belong together, within the limits.
    if end < count, measure.starts[end] - style.minGap < firstStart + 0.001 {
      cost += 500
    }
    // Human subtitlers end the cue at a sentence end (nine times in ten, in subtitles of talks)
    // and keep to one line when they can: a sentence ending inside a cue, and a second line,
    // cost something.
    cost +=
      Self.sentenceInsideCost * Double(measure.sentenceEnds[end - 1] - measure.sentenceEnds[start])
    cost += Self.extraLineCost * Double(layout.splits)
    if end < count {
      if measure.sentenceEnd[end - 1] {
        cost += 0
      } else if measure.clauseEnd[end - 1] {
        cost += 1.5
      } else {
        // Ending a cue mid-phrase is worse than making one more cue.
        cost += Self.midPhraseCost + max(0, measure.breakCosts[end])
        // Never leave a sentence's last word alone at the start of the next cue.
        if measure.sentenceEnd[end] { cost += 8 }
      }
    }
    return cost
  }

  /// The cost of a sentence that ends inside a cue rather than at its end.
  static let sentenceInsideCost = 5.0
  /// The cost of each line after a cue's first.
  static let extraLineCost = 2.0
  /// The cost of ending a cue where no punctuation ends a clause, before the break's own cost.
  static let midPhraseCost = 8.0

  /// What the search needs of a layout: its cost, the token that starts its second line
  /// (`end` for one line) and how many lines follow the first.
  struct LayoutCost {
    var cost: Double
    var firstSplit: Int
    var splits: Int
  }

  /// ``layout(_:_:_:maxLines:)``'s cost without the array of line starts: the same splits
  /// tried in the same order with the same arithmetic, so it picks the same layout, but the
  /// search tries every cue and an array for each was a third of its time.
  func layoutCost(_ measure: Measure, _ start: Int, _ end: Int, maxLines: Int) -> LayoutCost? {
    let limit = style.maxCharactersPerLine
    if measure.width(start, end) <= limit { return LayoutCost(cost: 0, firstSplit: end, splits: 0) }
    guard maxLines >= 2, end - start >= 2 else { return nil }
    var best: LayoutCost?
    for split in (start + 1)..<end {
      let topWidth = measure.width(start, split)
      if topWidth > limit { break }
      let bottom: LayoutCost
      if measure.width(split, end) <= limit {
        bottom = LayoutCost(cost: 0, firstSplit: end, splits: 0)
      } else if maxLines > 2, let lines = layoutCost(measure, split, end, maxLines: maxLines - 1) {
        bottom = lines
      } else {
        continue
      }
      let bottomWidth = measure.width(split, bottom.firstSplit)
      var cost = 3 * pow(abs(topWidth - bottomWidth) / limit, 2)
      if topWidth > bottomWidth { cost += 0.5 * (topWidth - bottomWidth) / limit }
      cost += measure.breakCosts[split] + bottom.cost
      if cost < best?.cost ?? .infinity {
        best = LayoutCost(cost: cost, firstSplit: split, splits: bottom.splits + 1)
      }
    }
    return best
  }

  /// The best way to put `tokens[start..<end]` on at most `maxLines` lines: its cost and the
  /// tokens that start the second and later lines, or `nil` if no way fits the line limit.
  func layout(_ measure: Measure, _ start: Int, _ end: Int, maxLines: Int) -> (Double, [Int])? {
    let limit = style.maxCharactersPerLine
    if measure.width(start, end) <= limit { return (0, []) }
    guard maxLines >= 2, end - start >= 2 else { return nil }
    var best: (Double, [Int])?
    // Two lines; more than two are built by splitting the bottom part again.
    for split in (start + 1)..<end {
      let topWidth = measure.width(start, split)
      if topWidth > limit { break }
      let bottom: (Double, [Int])?
      if measure.width(split, end) <= limit {
        bottom = (0, [])
      } else if maxLines > 2 {
        bottom = layout(measure, split, end, maxLines: maxLines - 1)
      } else {
        bottom = nil
      }
      guard let bottom else { continue }
      let bottomEnd = bottom.1.first ?? end
      let bottomWidth = measure.width(split, bottomEnd)
      // Balanced lines, a bottom-heavy pyramid preferred to a top-heavy one.
      var cost = 3 * pow(abs(topWidth - bottomWidth) / limit, 2)
      if topWidth > bottomWidth { cost += 0.5 * (topWidth - bottomWidth) / limit }
      cost += measure.breakCosts[split] + bottom.0
      if cost < best?.0 ?? .infinity { best = (cost, [split] + bottom.1) }
    }
    return best
  }

  // MARK: Cues and times

  private func makeCue(
    _ measure: Measure, _ items: [Word], _ start: Int, _ end: Int, lines: [String]
  ) -> Cue {
    let tokens = measure.tokens
    let firstItem = start == 0 ? 0 : tokens[start].itemIndex
    let lastItem = end < tokens.count ? tokens[end].itemIndex : items.count
    let speaker = tokens[start..<end].lazy.compactMap(\.speakerID).first
    var cue = Cue(
      itemSlice: items[firstItem..<lastItem], text: lines.joined(separator: " "),
      start: tokens[start].start,
      end: max(tokens[start].start, tokens[start..<end].map(\.end).max() ?? 0),
      speakerID: speaker, endReason: reason(measure, start, end))
    cue.lines = lines
    return cue
  }

  private func reason(_ measure: Measure, _ start: Int, _ end: Int) -> Cue.EndReason {
    let tokens = measure.tokens
    guard end < tokens.count else { return .transcriptEnd }
    let last = tokens[end - 1]
    let next = tokens[end]
    if let a = tokens[start..<end].lazy.compactMap(\.speakerID).first,
      let b = next.speakerID,
      a != b
    {
      return .speakerChange(from: a, to: b)
    }
    let pause = next.start - last.end
    if pause > style.pauseBreak {
      return .pause(seconds: pause, limit: style.pauseBreak)
    }
    if cueCost(measure, start, end + 1) == nil {
      if next.end - tokens[start].start > style.maxDuration {
        return .maxDuration(style.maxDuration)
      }
      return .lineFit(lines: style.maxLines, charactersPerLine: style.maxCharactersPerLine)
    }
    if Sentences.endsSentence(last.text) { return .sentenceEnd }
    if Sentences.endsClause(last.text) { return .clauseEnd }
    return .bestBalance
  }

  /// Extends cues into silence for minimum duration and reading speed, keeps the minimum gap,
  /// and closes short gaps.
  private func timed(_ cues: [Cue], tokens: [Token], bounds: [(Int, Int)]) -> [Cue] {
    var cues = cues
    // Cues whose words collapsed onto one instant, with no silence to spread them over, can
    // start together; each then starts just late enough to be shown (1 ms) before the next,
    // keeping the minimum gap, rather than overlap.
    for index in cues.indices.dropFirst() {
      cues[index].start = max(cues[index].start, cues[index - 1].start + style.minGap + 0.001)
      cues[index].end = max(cues[index].end, cues[index].start)
    }
    for index in cues.indices {
      let start = cues[index].start
      let naturalEnd = cues[index].end
      let width = style.width(of: cues[index].text)
      let wanted = max(
        naturalEnd, start + style.minDuration, start + width / style.maxCharactersPerSecond)
      // Never on screen longer than the maximum, even when one word lasts longer (a sung
      // note, a stretched item): the cue starts with the speech and is cut there.
      var end = min(wanted, start + style.maxDuration)
      cues[index].isCutAtMaximumDuration = naturalEnd > start + style.maxDuration
      if index + 1 < cues.count {
        let nextStart = cues[index + 1].start
        end = min(end, nextStart - style.minGap)
        if nextStart - end < style.chainingThreshold,
          nextStart - style.minGap - start <= style.maxDuration
        {
          end = max(end, nextStart - style.minGap)
        }
      }
      cues[index].end = max(end, start + 0.001)
    }
    return cues
  }
}

/// One slot a thread for the threads of `DispatchQueue.concurrentPerform` to leave their
/// results in.
///
/// `@unchecked Sendable`: each thread writes only its own slot, and the slots are read only
/// after `concurrentPerform` has returned, which orders every write before the reads.
private final class ResultSlots<Value>: @unchecked Sendable {
  private let slots: UnsafeMutableBufferPointer<Value?>

  init(count: Int) {
    slots = .allocate(capacity: count)
    slots.initialize(repeating: nil)
  }

  deinit {
    slots.deinitialize()
    slots.deallocate()
  }

  /// Leaves `value` in slot `index`; each slot is written by one thread only.
  func set(_ index: Int, _ value: Value) { slots[index] = value }

  /// The values left, in slot order.
  var values: [Value] { slots.compactMap { $0 } }
}
