/// An item as a reader found it, before its timings are checked.
struct RawItem {
  var path: String
  var text: String
  var start: Double?
  var end: Double?
  var kind: Word.Kind
  var speakerID: String? = nil
  var channelIndex: Int? = nil
  var logprob: Double? = nil
  var characters: [RawCharacter]? = nil
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

  static func repair(
    _ items: [RawItem], warnings: inout [ReadWarning]
  ) throws(ReadError) -> [Word] {
    var found: [ReadWarning] = []
    let words = try repairUnordered(items, warnings: &found)
    guard found.count > 1 else {
      warnings += found
      return words
    }
    // Repairs are found in two passes; report them in input order, as a reader of the file
    // would look for them.
    var position: [String: Int] = [:]
    for (index, item) in items.enumerated() where position[item.path] == nil {
      position[item.path] = index
    }
    func rank(_ warning: ReadWarning) -> Int {
      let path =
        warning.path.hasSuffix(".characters")
        ? String(warning.path.dropLast(".characters".count)) : warning.path
      return position[path] ?? Int.max
    }
    warnings += found.enumerated()
      .sorted { (rank($0.element), $0.offset) < (rank($1.element), $1.offset) }
      .map(\.element)
    return words
  }

  private static func repairUnordered(
    _ items: [RawItem], warnings: inout [ReadWarning]
  ) throws(ReadError) -> [Word] {
    var items = items
    var previousStart: Double?
    for index in items.indices {
      for time in [items[index].start, items[index].end] {
        if let time, time > maximumTime {
          throw ReadError(
            problem: .invalidValue(
              path: items[index].path,
              reason: "\(quoted(items[index].text)) has a time of \(time) s; expected at most "
                + "\(Int(maximumTime)) s (\(Int(maximumTime) / 3600) hours)"))
        }
      }
      clampNegative(&items[index], warnings: &warnings)
      if items[index].kind != .spacing, let start = items[index].start {
        if let previousStart, start < previousStart {
          warnings.append(
            ReadWarning(
              path: items[index].path,
              message: "\(quoted(items[index].text)) starts (\(start) s) before the word before "
                + "it (\(previousStart) s); kept in input order"))
        }
        previousStart = start
      }
      if let start = items[index].start, let end = items[index].end, end < start {
        if items[index].kind != .spacing {
          warnings.append(
            ReadWarning(
              path: items[index].path,
              message: "\(quoted(items[index].text)) ends (\(end) s) before it starts "
                + "(\(start) s); end set to the start"))
        }
        items[index].end = start
      }
    }

    let timed = items.filter { $0.kind != .spacing }
    if !timed.isEmpty && timed.allSatisfy({ $0.start == nil && $0.end == nil }) {
      throw ReadError(
        problem: .noTimings(
          reason: "none of the \(timed.count) words has a start or end time (was the transcript "
            + "requested with timestamps_granularity=none?); captions need word timings"))
    }

    // The next known start after each position, so an untimed item can be placed before it.
    var nextKnownStart = [Double?](repeating: nil, count: items.count + 1)
    for index in items.indices.reversed() {
      nextKnownStart[index] = items[index].start ?? items[index].end ?? nextKnownStart[index + 1]
    }

    var words: [Word] = []
    words.reserveCapacity(items.count)
    var lastKnownEnd = 0.0
    for index in items.indices {
      var item = items[index]
      switch (item.start, item.end) {
      case (let start?, let end?):
        _ = (start, end)
      case (let start?, nil):
        item.end = start
        warnIfTimed(item, "has a start but no end; made zero-length at \(start) s", &warnings)
      case (nil, let end?):
        item.start = end
        warnIfTimed(item, "has an end but no start; made zero-length at \(end) s", &warnings)
      case (nil, nil):
        let start = lastKnownEnd
        let end = max(start, nextKnownStart[index + 1] ?? start)
        item.start = start
        item.end = end
        warnIfTimed(
          item, "has no timing; placed between its neighbours at \(start)–\(end) s", &warnings)
      }
      let start = item.start ?? lastKnownEnd
      let end = item.end ?? start
      lastKnownEnd = max(lastKnownEnd, end)
      words.append(
        Word(
          text: item.text, start: start, end: end, kind: item.kind, speakerID: item.speakerID,
          channelIndex: item.channelIndex, logprob: item.logprob,
          characters: item.characters.map { repairCharacters($0, of: item, warnings: &warnings) }))
    }
    return words
  }

  private static func clampNegative(_ item: inout RawItem, warnings: inout [ReadWarning]) {
    for keyPath in [\RawItem.start, \RawItem.end] {
      guard let time = item[keyPath: keyPath], time < 0 else { continue }
      if item.kind != .spacing {
        let name = keyPath == \RawItem.start ? "start" : "end"
        warnings.append(
          ReadWarning(
            path: item.path,
            message: "\(quoted(item.text)) has a negative \(name) time (\(time) s); set to 0"))
      }
      item[keyPath: keyPath] = 0
    }
  }

  private static func warnIfTimed(
    _ item: RawItem, _ message: String, _ warnings: inout [ReadWarning]
  ) {
    guard item.kind != .spacing else { return }
    warnings.append(ReadWarning(path: item.path, message: "\(quoted(item.text)) \(message)"))
  }

  private static func repairCharacters(
    _ characters: [RawCharacter], of item: RawItem, warnings: inout [ReadWarning]
  ) -> [CharacterTiming] {
    let wordStart = item.start ?? 0
    let wordEnd = item.end ?? wordStart
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
        ReadWarning(
          path: item.path + ".characters",
          message: "missing, negative or reversed character times in \(quoted(item.text)) "
            + "were replaced from the word's own times"))
    }
    return result
  }

  static func quoted(_ text: String) -> String {
    let shown = text.count > 40 ? String(text.prefix(40)) + "…" : text
    return "\"\(shown)\""
  }
}
