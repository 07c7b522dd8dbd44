/// An item as a reader found it, before its timings are checked.
struct RawItem {
  /// The JSON path of the array holding the item, such as `$.words`.
  var container: String
  /// The item's position in that array.
  var index: Int
  var text: String
  var start: Double?
  var end: Double?
  var kind: Word.Kind
  var speakerID: String? = nil
  var channelIndex: Int? = nil
  var logprob: Double? = nil
  /// A forced aligner's `loss` for the word.
  var loss: Double? = nil
  var characters: [RawCharacter]? = nil

  /// The item's JSON path, for messages; built only when one is needed.
  var path: String { "\(container)[\(index)]" }
}

/// A character timing as a reader found it.
struct RawCharacter {
  var text: String
  var start: Double?
  var end: Double?
}

/// The one place where imperfect timings become the guarantees of ``Word``.
///
/// What it does, case by case (each repair of a word or event is reported as a ``ReadWarning``;
/// spacing items are mended silently because their times decide nothing):
/// - a negative time is set to 0;
/// - an end before its start is set to the start (the item becomes zero-length);
/// - a word with only one of start and end gets a zero-length time at the one it has;
/// - a word with neither is placed between its neighbours: from the end of the last item before
///   it that has a time to the start of the next one, so it stays in order and is never dropped;
/// - if no word or event has any time at all (a transcript requested with
///   `timestamps_granularity=none`), reading fails with ``ReadError/Problem/noTimings(reason:)``,
///   because captions cannot be placed;
/// - a word that starts before the word before it is kept in input order, with a warning (the
///   text order is the reliable one; a cue may then end before the time it would otherwise);
/// - a time above ``maximumTime`` is rejected as corrupt;
/// - per-character times that are missing take their word's times; negative ones become 0 and an
///   end before its start becomes the start.
///
/// Overlapping items and zero-length items are normal in real responses and are kept as they are.
enum TimingRepair {
  /// Times beyond this (about 278 hours) are taken for corrupt data rather than long audio.
  static let maximumTime = 1_000_000.0

  /// How many timed items in a row at one instant (start = end, all equal) make a collapsed
  /// run. Two happen in ordinary speech (a word and its punctuation); a run this long is the
  /// timestamp collapse seen in songs and long diarized audio.
  static let collapsedRunLength = 3

  /// Warns once for every run of items whose times collapsed onto one instant: the words are
  /// kept as they are (their times are the input's), and caption styles spread their cues over
  /// the silence around them.
  static func warnAboutCollapsedRuns(_ items: [Word], path: String, warnings: inout [ReadWarning]) {
    var index = 0
    while index < items.count {
      guard items[index].isTimed, items[index].start == items[index].end else {
        index += 1
        continue
      }
      let instant = items[index].start
      var end = index
      var timed = 0
      // Spacing between the collapsed words does not end the run.
      while end < items.count,
        !items[end].isTimed || (items[end].start == instant && items[end].end == instant)
      {
        if items[end].isTimed { timed += 1 }
        end += 1
      }
      if timed >= collapsedRunLength {
        warnings.append(
          ReadWarning(
            path: "\(path)[\(index)]",
            message: "\(timed) items in a row all start and end at \(instant) s (collapsed "
              + "timestamps); kept as they are, and caption styles spread them over the silence "
              + "around them"))
      }
      index = max(end, index + 1)
    }
  }

  static func repair(
    _ items: [RawItem], warnings: inout [ReadWarning]
  ) throws(ReadError) -> [Word] {
    var found: [(item: Int, warning: ReadWarning)] = []
    let words = try repairUnordered(items, warnings: &found)
    // Repairs are found in two passes; report them in input order, as a reader of the file
    // would look for them (the sort is stable, so one item's warnings keep their order).
    if found.count > 1 {
      found = found.enumerated()
        .sorted { ($0.element.item, $0.offset) < ($1.element.item, $1.offset) }
        .map(\.element)
    }
    warnings += found.map(\.warning)
    return words
  }

  private typealias Found = [(item: Int, warning: ReadWarning)]

  private static func repairUnordered(
    _ items: [RawItem], warnings: inout Found
  ) throws(ReadError) -> [Word] {
    // First pass: what is wrong, in words; the items are not copied to mend them here, the
    // second pass applies the same mending as it builds the words.
    var previousStart: Double?
    var timedCount = 0
    var timedWithTime = false
    var needsPlacement = false
    for index in items.indices {
      let item = items[index]
      try checkRange(item.start, of: item)
      try checkRange(item.end, of: item)
      warnIfNegative(item, at: index, warnings: &warnings)
      let (start, end) = clamped(item)
      if item.kind != .spacing {
        timedCount += 1
        timedWithTime = timedWithTime || start != nil || end != nil
        if let start {
          if let previousStart, start < previousStart {
            warnings.append(
              (
                index,
                ReadWarning(
                  path: item.path,
                  message: "\(quoted(item.text)) starts (\(start) s) before the word before "
                    + "it (\(previousStart) s); kept in input order")
              ))
          }
          previousStart = start
        }
        if let start, let end = item.end.map({ max(0, $0) }), end < start {
          warnings.append(
            (
              index,
              ReadWarning(
                path: item.path,
                message: "\(quoted(item.text)) ends (\(end) s) before it starts "
                  + "(\(start) s); end set to the start")
            ))
        }
      }
      needsPlacement = needsPlacement || (start == nil && end == nil)
    }

    if timedCount > 0 && !timedWithTime {
      throw ReadError(
        problem: .noTimings(
          reason: "none of the \(timedCount) words has a start or end time (was the transcript "
            + "requested with timestamps_granularity=none?); captions need word timings"))
    }

    // The next known start after each position, so an untimed item can be placed before it.
    var nextKnownStart: [Double?] = []
    if needsPlacement {
      nextKnownStart = [Double?](repeating: nil, count: items.count + 1)
      for index in items.indices.reversed() {
        let (start, end) = clamped(items[index])
        nextKnownStart[index] = start ?? end ?? nextKnownStart[index + 1]
      }
    }

    var words: [Word] = []
    words.reserveCapacity(items.count)
    var lastKnownEnd = 0.0
    for index in items.indices {
      let item = items[index]
      let start: Double
      let end: Double
      switch clamped(item) {
      case (let known?, let knownEnd?):
        start = known
        end = knownEnd
      case (let known?, nil):
        start = known
        end = known
        warnIfTimed(
          item, at: index, "has a start but no end; made zero-length at \(known) s", &warnings)
      case (nil, let known?):
        start = known
        end = known
        warnIfTimed(
          item, at: index, "has an end but no start; made zero-length at \(known) s", &warnings)
      case (nil, nil):
        start = lastKnownEnd
        end = max(start, nextKnownStart[index + 1] ?? start)
        warnIfTimed(
          item, at: index, "has no timing; placed between its neighbours at \(start)–\(end) s",
          &warnings)
      }
      lastKnownEnd = max(lastKnownEnd, end)
      var word = Word(
        text: item.text, start: start, end: end, kind: item.kind, speakerID: item.speakerID,
        channelIndex: item.channelIndex, logprob: item.logprob,
        characters: item.characters.map {
          repairCharacters($0, wordStart: start, wordEnd: end, of: item, at: index, &warnings)
        })
      word.loss = item.loss
      words.append(word)
    }
    return words
  }

  /// An item's times with negative ones set to 0 and an end before its start set to the start.
  private static func clamped(_ item: RawItem) -> (start: Double?, end: Double?) {
    let start = item.start.map { max(0, $0) }
    var end = item.end.map { max(0, $0) }
    if let start, let known = end, known < start { end = start }
    return (start, end)
  }

  private static func checkRange(_ time: Double?, of item: RawItem) throws(ReadError) {
    guard let time, time > maximumTime else { return }
    throw ReadError(
      problem: .invalidValue(
        path: item.path,
        reason: "\(quoted(item.text)) has a time of \(time) s; expected at most "
          + "\(Int(maximumTime)) s (\(Int(maximumTime) / 3600) hours)"))
  }

  private static func warnIfNegative(_ item: RawItem, at index: Int, warnings: inout Found) {
    if let start = item.start, start < 0 {
      warnIfTimed(item, at: index, "has a negative start time (\(start) s); set to 0", &warnings)
    }
    if let end = item.end, end < 0 {
      warnIfTimed(item, at: index, "has a negative end time (\(end) s); set to 0", &warnings)
    }
  }

  private static func warnIfTimed(
    _ item: RawItem, at index: Int, _ message: String, _ warnings: inout Found
  ) {
    guard item.kind != .spacing else { return }
    warnings.append(
      (index, ReadWarning(path: item.path, message: "\(quoted(item.text)) \(message)")))
  }

  private static func repairCharacters(
    _ characters: [RawCharacter], wordStart: Double, wordEnd: Double, of item: RawItem,
    at index: Int, _ warnings: inout Found
  ) -> [CharacterTiming] {
    var repaired = false
    let result = characters.map { character -> CharacterTiming in
      var start = character.start ?? wordStart
      var end = character.end ?? wordEnd
      if character.start == nil || character.end == nil || start < 0 || end < start {
        repaired = true
      }
      start = max(0, start)
      end = max(start, end)
      return CharacterTiming(text: character.text, start: start, end: end)
    }
    if repaired && item.kind != .spacing {
      warnings.append(
        (
          index,
          ReadWarning(
            path: item.path + ".characters",
            message: "missing, negative or reversed character times in \(quoted(item.text)) "
              + "were replaced from the word's own times")
        ))
    }
    return result
  }

  static func quoted(_ text: String) -> String {
    let shown = text.count > 40 ? String(text.prefix(40)) + "…" : text
    return "\"\(shown)\""
  }
}
