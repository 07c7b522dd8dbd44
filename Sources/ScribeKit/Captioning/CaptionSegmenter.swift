import Foundation

/// One caption cue chosen by ``CaptionSegmenter``: its segment, its lines and why it ends.
public struct Cue: Sendable, Equatable {
  /// The cue's words, text, times (adjusted for reading speed, minimum duration and gaps) and
  /// speaker; ``Segment/lines`` holds the chosen line breaks.
  public var segment: Segment
  /// Why the cue ends where it does, in words, for `--explain`.
  public var reason: String
}

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
public struct CaptionSegmenter: Sendable {
  /// The rules.
  public var style: CaptionStyle
  private let words: BreakWords

  /// Creates a segmenter.
  public init(style: CaptionStyle) {
    self.style = style
    words = BreakWords.forLanguage(style.language)
  }

  /// A displayed word: its item, its text, and whether a space separated it from the previous.
  struct Token {
    var item: Word
    var text: String
    var spaceBefore: Bool
    var itemIndex: Int
  }

  /// The cues of a channel.
  public func cues(_ channel: Channel) -> [Cue] {
    cues(channel.words)
  }

  /// The cues of items in timeline order.
  public func cues(_ items: [Word]) -> [Cue] {
    let tokens = Self.tokens(items)
    guard !tokens.isEmpty else { return [] }
    let count = tokens.count
    var best = [Double](repeating: .infinity, count: count + 1)
    var previous = [Int](repeating: -1, count: count + 1)
    var layouts = [[Int]: [String]]()
    best[0] = 0
    for start in 0..<count where best[start].isFinite {
      var end = start + 1
      while end <= count {
        guard let (cost, lines) = cueCost(tokens, start, end) else { break }
        let total = best[start] + cost
        if total < best[end] {
          best[end] = total
          previous[end] = start
          layouts[[start, end]] = lines
        }
        end += 1
      }
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
        makeCue(tokens, items, start, end, lines: layouts[[start, end]] ?? [])
      }, tokens: tokens, bounds: bounds)
  }

  static func tokens(_ items: [Word]) -> [Token] {
    var tokens: [Token] = []
    var sawSpace = false
    for (index, item) in items.enumerated() {
      if item.kind == .spacing || item.text.allSatisfy(\.isWhitespace) {
        sawSpace = true
        continue
      }
      let text = item.text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
      let leading = item.text.first?.isWhitespace ?? false
      tokens.append(
        Token(
          item: item, text: text, spaceBefore: !tokens.isEmpty && (sawSpace || leading),
          itemIndex: index))
      sawSpace = item.text.last?.isWhitespace ?? false
    }
    return tokens
  }

  // MARK: Costs

  private static let sentenceEnds: Set<Character> = [".", "?", "!", "…", "。", "？", "！", "‼"]
  private static let clauseEnds: Set<Character> = [",", ";", ":", "—", "、", "，", "；", "："]

  static func lastMark(_ text: String) -> Character? {
    text.last { !"\"'”’)]」』）".contains($0) }
  }

  private static let abbreviations: Set<String> = [
    "mr.", "mrs.", "ms.", "dr.", "prof.", "st.", "jr.", "sr.", "vs.", "etc.", "e.g.", "i.e.",
    "mt.", "no.", "fig.", "approx.", "inc.", "ltd.", "co.",
  ]

  static func endsSentence(_ text: String) -> Bool {
    guard let mark = lastMark(text), sentenceEnds.contains(mark) else { return false }
    if mark == "." {
      let lowered = text.lowercased()
      if abbreviations.contains(lowered) { return false }
      // An initial such as "J." ends a name, not a sentence.
      if text.count == 2, text.first?.isUppercase ?? false { return false }
    }
    return true
  }

  static func endsClause(_ text: String) -> Bool {
    lastMark(text).map { clauseEnds.contains($0) } ?? false
  }

  /// The cost of one cue over `tokens[start..<end]` and its best lines, or `nil` when it breaks a
  /// hard limit (and so does every longer cue from the same start).
  func cueCost(_ tokens: [Token], _ start: Int, _ end: Int) -> (Double, [String])? {
    let single = end - start == 1
    let first = tokens[start]
    let last = tokens[end - 1]
    if !single {
      // Speakers and long pauses are hard boundaries.
      let newcomer = tokens[end - 1]
      if let speaker = newcomer.item.speakerID,
        let current = tokens[start..<(end - 1)].lazy.compactMap(\.item.speakerID).first,
        speaker != current
      {
        return nil
      }
      if newcomer.item.start - tokens[end - 2].item.end > style.pauseBreak { return nil }
      if last.item.end - first.item.start > style.maxDuration { return nil }
    }
    guard let (layoutCost, lines) = layout(tokens, start, end) else {
      return single ? (1_000, [tokens[start].text]) : nil
    }
    // Every cue costs something, so that cues are no more than the rules and breaks justify.
    var cost = 3.0 + layoutCost
    let width = style.width(of: lines.joined(separator: " "))
    // The time the cue can have: up to the next word (less the gap), within the maximum.
    let nextStart = end < tokens.count ? tokens[end].item.start - style.minGap : .infinity
    let available = max(
      last.item.end - first.item.start,
      min(nextStart, first.item.start + style.maxDuration) - first.item.start)
    let speed = width / max(available, 0.001)
    if speed > style.maxCharactersPerSecond {
      cost += 20 * (speed / style.maxCharactersPerSecond - 1) + 4
    }
    if available < style.minDuration { cost += 6 }
    if end < tokens.count {
      let next = tokens[end]
      if Self.endsSentence(last.text) {
        cost += 0
      } else if Self.endsClause(last.text) {
        cost += 1.5
      } else {
        cost += 4
        cost += max(0, breakCost(after: last, before: next))
        // Never leave a sentence's last word alone at the start of the next cue.
        if Self.endsSentence(next.text) { cost += 8 }
      }
    }
    return (cost, lines)
  }

  /// The cost of breaking a line or cue between `before` and `after`.
  func breakCost(after before: Token, before after: Token) -> Double {
    if Self.endsSentence(before.text) { return -2 }
    if Self.endsClause(before.text) { return -1 }
    var cost = 0.0
    let beforeKey = BreakWords.key(before.text)
    let afterKey = BreakWords.key(after.text)
    if words.noBreakAfter.contains(beforeKey) { cost += 4 }
    if words.breakBefore.contains(afterKey) { cost -= 0.5 }
    if words.firstNames.contains(beforeKey), after.text.first?.isUppercase ?? false { cost += 4 }
    if !after.spaceBefore, let last = before.text.last, let first = after.text.first,
      !TextBreaks.canBreak(between: last, and: first)
    {
      cost += 50
    }
    return cost
  }

  /// The best way to put `tokens[start..<end]` on at most ``CaptionStyle/maxLines`` lines, with
  /// its cost, or `nil` if no way fits the line limit.
  func layout(_ tokens: [Token], _ start: Int, _ end: Int) -> (Double, [String])? {
    func text(_ from: Int, _ to: Int) -> String {
      var result = ""
      for index in from..<to {
        if index > from && tokens[index].spaceBefore { result += " " }
        result += tokens[index].text
      }
      return result
    }
    let limit = style.maxCharactersPerLine
    let whole = text(start, end)
    if style.width(of: whole) <= limit { return (0, [whole]) }
    guard style.maxLines >= 2 else { return nil }
    var best: (Double, [String])?
    // Two lines; more lines than two are built by splitting the bottom part again.
    for split in (start + 1)..<end {
      let top = text(start, split)
      let topWidth = style.width(of: top)
      if topWidth > limit { break }
      let bottom: (Double, [String])?
      let bottomText = text(split, end)
      if style.width(of: bottomText) <= limit {
        bottom = (0, [bottomText])
      } else if style.maxLines > 2 {
        var fewer = self
        fewer.style.maxLines -= 1
        bottom = fewer.layout(tokens, split, end)
      } else {
        bottom = nil
      }
      guard let bottom else { continue }
      let bottomWidth = style.width(of: bottom.1[0])
      // Balanced lines, a bottom-heavy pyramid preferred to a top-heavy one.
      var cost = 3 * pow(abs(topWidth - bottomWidth) / limit, 2)
      if topWidth > bottomWidth { cost += 0.5 * (topWidth - bottomWidth) / limit }
      cost += breakCost(after: tokens[split - 1], before: tokens[split]) + bottom.0
      if best == nil || cost < best?.0 ?? .infinity { best = (cost, [top] + bottom.1) }
    }
    return best
  }

  // MARK: Cues and times

  private func makeCue(
    _ tokens: [Token], _ items: [Word], _ start: Int, _ end: Int, lines: [String]
  ) -> Cue {
    let firstItem = start == 0 ? 0 : tokens[start].itemIndex
    let lastItem = end < tokens.count ? tokens[end].itemIndex : items.count
    let cueItems = Array(items[firstItem..<lastItem])
    let speaker = tokens[start..<end].lazy.compactMap(\.item.speakerID).first
    var segment = Segment(
      items: cueItems, text: lines.joined(separator: " "), start: tokens[start].item.start,
      end: max(tokens[start].item.start, tokens[start..<end].map(\.item.end).max() ?? 0),
      speakerID: speaker)
    segment.lines = lines
    return Cue(segment: segment, reason: reason(tokens, start, end))
  }

  private func reason(_ tokens: [Token], _ start: Int, _ end: Int) -> String {
    guard end < tokens.count else { return "the transcript ends" }
    let last = tokens[end - 1]
    let next = tokens[end]
    if let a = tokens[start..<end].lazy.compactMap(\.item.speakerID).first,
      let b = next.item.speakerID,
      a != b
    {
      return "the speaker changes (\(a) to \(b))"
    }
    let pause = next.item.start - last.item.end
    if pause > style.pauseBreak {
      return "a pause of \(Self.format(pause)) s (longer than \(Self.format(style.pauseBreak)) s)"
    }
    if cueCost(tokens, start, end + 1) == nil {
      if next.item.end - tokens[start].item.start > style.maxDuration {
        return "the next word would make it last longer than \(Self.format(style.maxDuration)) s"
      }
      return
        "the next word would not fit on \(style.maxLines) line(s) of \(Self.format(style.maxCharactersPerLine)) characters"
    }
    if Self.endsSentence(last.text) { return "a sentence ends" }
    if Self.endsClause(last.text) { return "a clause ends" }
    return "the best balance of reading speed, line breaks and cue length"
  }

  static func format(_ value: Double) -> String {
    let rounded = (value * 100).rounded() / 100
    return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
  }

  /// Extends cues into silence for minimum duration and reading speed, keeps the minimum gap,
  /// and closes short gaps.
  private func timed(_ cues: [Cue], tokens: [Token], bounds: [(Int, Int)]) -> [Cue] {
    var cues = cues
    for index in cues.indices {
      let start = cues[index].segment.start
      let naturalEnd = cues[index].segment.end
      let width = style.width(of: cues[index].segment.text)
      let wanted = max(
        naturalEnd, start + style.minDuration, start + width / style.maxCharactersPerSecond)
      var end = min(wanted, max(naturalEnd, start + style.maxDuration))
      if index + 1 < cues.count {
        let nextStart = cues[index + 1].segment.start
        end = min(end, nextStart - style.minGap)
        if nextStart - end < style.chainingThreshold,
          nextStart - style.minGap - start <= style.maxDuration
        {
          end = max(end, nextStart - style.minGap)
        }
      }
      cues[index].segment.end = max(end, start + 0.001)
    }
    return cues
  }
}
