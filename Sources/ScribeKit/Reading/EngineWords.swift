/// Words of another engine as they are found: punctuation attached to a neighbour, a spacing
/// item between two words (none between Chinese or Japanese characters), then the timing
/// repair and the check that the times fit the engine's unit.
struct EngineWords {
  /// The unit the engine's times were written in, for messages: `seconds`, `milliseconds`.
  var unit: String
  /// The items so far.
  private(set) var items: [RawItem] = []
  /// Punctuation met before any word, waiting for the next word.
  private var pendingPrefix = ""

  /// A builder for times written in `unit`.
  init(unit: String) { self.unit = unit }

  /// Appends a word, after a spacing item when the word before it needs one.
  mutating func append(_ item: RawItem) {
    var item = item
    if !pendingPrefix.isEmpty {
      item.text = pendingPrefix + item.text
      pendingPrefix = ""
    }
    if let previous = items.last, let last = previous.text.last, let first = item.text.first,
      !(TextBreaks.isUnitCharacter(last) && TextBreaks.isUnitCharacter(first))
    {
      items.append(
        RawItem(
          container: item.container, index: item.index, text: " ",
          start: previous.end ?? previous.start, end: item.start ?? previous.end, kind: .spacing,
          speakerID: item.speakerID, channelIndex: item.channelIndex))
    }
    items.append(item)
  }

  /// Appends punctuation to the word before it, or keeps it for the next word when there is
  /// none yet.
  mutating func attachToPrevious(_ text: String) {
    guard let last = items.indices.last else {
      pendingPrefix += text
      return
    }
    items[last].text += text
  }

  /// The words, repaired, after checking that their times fit ``unit``.
  func words(path: String, warnings: inout [ReadWarning]) throws(ReadError) -> [Word] {
    var items = items
    if !pendingPrefix.isEmpty, let last = items.indices.last {
      items[last].text += pendingPrefix
    }
    try Self.checkUnit(items, unit: unit, path: path, warnings: &warnings)
    let words = try TimingRepair.repair(items, warnings: &warnings)
    TimingRepair.warnAboutCollapsedRuns(words, path: path, warnings: &warnings)
    return words
  }

  /// The longest audio a transcript is taken to cover without a second look: past 40 hours,
  /// the words must also come at the pace of speech (``runsTooLong(lastEnd:starts:)``).
  static let longestAudio = 40 * 3600.0
  /// The longest audio a transcript is taken to cover at all, whatever its pace: 1,000 hours.
  static let longestPacedAudio = 1000 * 3600.0
  /// The median time from one word's start to the next's that speech never reaches: people
  /// say a word every half second or so, and even sparse speech is seconds apart, while
  /// milliseconds read as seconds put words minutes apart.
  static let longestMedianGap = 10.0

  /// `true` when times in seconds that run until `lastEnd` cannot be in the unit they are read
  /// in: past ``longestAudio`` when the words do not come at the pace of speech (the median gap
  /// between their starts and the last end is over ``longestMedianGap``), and past ``longestPacedAudio`` in any
  /// case. A recording of 80 hours read in its unit passes; one of a few hours in
  /// milliseconds read as seconds does not, since its words are minutes apart.
  static func runsTooLong(lastEnd: Double, starts: [Double]) -> Bool {
    guard lastEnd > longestAudio else { return false }
    guard lastEnd <= longestPacedAudio, starts.count >= 2 else { return true }
    // The last end counts as a time too: a word that lasts for hours is not speech either.
    // Words come in time order nearly always: sorted only when they do not.
    var times = starts
    times.append(lastEnd)
    if zip(times, times.dropFirst()).contains(where: { $0 > $1 }) { times.sort() }
    // The median gap is over the limit exactly when at least as many gaps as lie from the
    // median up are: counted, not sorted, so a long transcript costs a pass.
    let gaps = times.count - 1
    let over = zip(times, times.dropFirst()).count { $1 - $0 > longestMedianGap }
    return over >= gaps - gaps / 2
  }

  /// Refuses times past ``longestAudio`` and warns when a long text is squeezed into less than
  /// a millisecond per word: both mean the unit is not the one the layout names.
  static func checkUnit(
    _ items: [RawItem], unit: String, path: String, warnings: inout [ReadWarning]
  ) throws(ReadError) {
    var first: Double?
    var last = 0.0
    var lastItem: RawItem?
    var count = 0
    for item in items where item.kind != .spacing {
      count += 1
      if let start = item.start { first = min(first ?? start, start) }
      if let end = item.end ?? item.start, end > last {
        last = end
        lastItem = item
      }
    }
    if let lastItem,
      runsTooLong(lastEnd: last, starts: items.compactMap { $0.kind == .spacing ? nil : $0.start })
    {
      throw ReadError(
        problem: .invalidValue(
          path: lastItem.path,
          reason: "\(TimingRepair.quoted(lastItem.text)) ends at \(last) s "
            + "(\(Int(last / 3600)) hours) read as \(unit), as this layout writes times; "
            + "expected at most \(Int(longestAudio / 3600)) hours, or words at the pace of speech: "
            + "the times are not in \(unit)"))
    }
    if let first, count >= 50, last - first < 0.001 * Double(count) {
      warnings.append(
        ReadWarning(
          path: path,
          message: "\(count) words span only \(last - first) s read as \(unit), less than a "
            + "millisecond a word: the times may not be in \(unit); kept as they are"))
    }
  }

  /// `true` when a space goes between two words: not where either side is a Chinese or
  /// Japanese character, which are written without one.
  static func spaced(_ before: String, _ after: String) -> Bool {
    guard let last = before.last, let first = after.first else { return false }
    return !TextBreaks.isUnitCharacter(last) && !TextBreaks.isUnitCharacter(first)
  }

  /// Refuses times that cannot be in `engine`'s unit: words past 40 hours and not at the pace
  /// of speech (the other unit read as this one, see ``runsTooLong(lastEnd:starts:)``), or ten or more words within less than a millisecond each. `inMilliseconds`
  /// says whether the items' times are still milliseconds (AssemblyAI's) or already seconds.
  static func refuseImpossibleTimes(
    _ items: [RawItem], path: String, engine: String, inMilliseconds: Bool
  ) throws(ReadError) {
    let words = items.filter { $0.kind != .spacing }
    let ends = words.compactMap { $0.end ?? $0.start }
    let starts = words.compactMap { $0.start ?? $0.end }
    guard let lastEnd = ends.max(), let firstStart = starts.min() else { return }
    let perSecond = inMilliseconds ? 1000.0 : 1
    let symbol = inMilliseconds ? "ms" : "s"
    let unit = inMilliseconds ? "milliseconds" : "seconds"
    if runsTooLong(lastEnd: lastEnd / perSecond, starts: starts.map { $0 / perSecond }) {
      throw ReadError(
        problem: .invalidValue(
          path: path,
          reason: "the words run until \(lastEnd) \(symbol), over 40 hours and not at the pace "
            + "of speech; \(engine) times are "
            + "\(unit), and these " + (inMilliseconds ? "are not" : "look like milliseconds")))
    }
    if words.count >= 10, lastEnd > 0,
      lastEnd - firstStart < Double(words.count) * perSecond / 1000
    {
      throw ReadError(
        problem: .invalidValue(
          path: path,
          reason: "\(words.count) words lie within \(lastEnd - firstStart) \(symbol), under a "
            + "millisecond each; \(engine) times are \(unit), and these "
            + (inMilliseconds ? "look like seconds" : "are not")))
    }
  }
}
