extension InputShape {
  /// An Amazon Transcribe transcript: a batch job's `results.items`, or a Call Analytics job's
  /// `Transcript[]` turns.
  public static let awsTranscribe = InputShape(
    name: "aws-transcribe", summary: "an Amazon Transcribe transcript",
    signature:
      "Amazon Transcribe batch output: `results.items[]` of `pronunciation` and `punctuation` "
      + "items, `start_time`/`end_time` in seconds written as strings, speakers `spk_0` (on the "
      + "items or in `results.speaker_labels`), channels from `results.channel_labels` (`ch_0` "
      + "is channel 0); or Call Analytics output: `Transcript[]` turns whose `Items` have "
      + "`BeginOffsetMillis`/`EndOffsetMillis` in milliseconds, speaker = `ParticipantRole` "
      + "(`AGENT`, `CUSTOMER`)")
}

/// Reads ``InputShape/awsTranscribe``: both layouts Amazon Transcribe writes.
///
/// One shape, not two: a Call Analytics transcript and a batch transcript are both what a user
/// calls "an Amazon Transcribe transcript", their members never overlap (`results.items` against
/// `Transcript[].Items`), and each layout names its own unit (strings of seconds against
/// `…Millis` integers), so the layout, never a guess, decides the unit.
///
/// Checked against the AWS documentation's output examples
/// (docs.aws.amazon.com/transcribe: "Speaker diarization", "Channel identification", "Call
/// Analytics output"), the shared samples written by Amazon Transcribe
/// (`aws-transcribe/speaker-identification-three-speakers.json`, the older layout with speakers
/// only in `speaker_labels.segments[].items`; `channel-identification-two-channels.json`;
/// `call-analytics-agent-customer.json` from aws-samples), and the field names of
/// aws-samples/amazon-transcribe-output-word-document `ts-to-word.py` (`results.items`,
/// `speaker_labels.segments[].items`, `channel_labels.channels[].items`, `Transcript[].Items`,
/// `BeginOffsetMillis`).
///
/// - Batch: `results.items[]` are `{type, start_time, end_time, alternatives: [{content,
///   confidence}], speaker_label?}`. Times are seconds written as strings (`"0.49"`; numbers
///   are read too). A `punctuation` item has no times and belongs to the word before it, so its
///   content is appended to that word (`"Union"` + `","` → `"Union,"`); one before any word
///   starts the next word. Words are separated by a spacing item, except between Chinese or
///   Japanese characters (``TextBreaks``).
/// - Speakers: an item's own `speaker_label`, else the label of the
///   `results.speaker_labels.segments[].items[]` entry with the same start and end (the older
///   layout). Labels are kept as Amazon writes them (`spk_0`).
/// - Channels: with `results.channel_labels`, each `channels[]` entry is a ``Channel`` whose
///   index is the number in its `channel_label` (`ch_1` → 1), read from its own `items`; the
///   merged top-level `items`, which say nothing of channels, are then not read.
/// - `results.language_code` (language identification) becomes ``Transcript/languageCode``.
/// - Call Analytics: `Transcript[]` turns `{ParticipantRole, Content, Items: [{Type, Content,
///   BeginOffsetMillis, EndOffsetMillis}]}` in milliseconds; the role is the speaker, on one
///   channel, in the order of the turns (overlapping turns, cross-talk, are kept in that order
///   and reported by the timing repair). Redacted words stay as Amazon wrote them (`[PII]`).
///   `LanguageCode` becomes ``Transcript/languageCode``.
struct AWSTranscribeShape: InputShapeReader {
  var shape: InputShape { .awsTranscribe }

  func detect(_ input: ParsedInput) -> ShapeEvidence? {
    guard let object = input.object else { return nil }
    let results = object["results"]?.objectValue
    let turn = input.firstElement(of: "Transcript")
    let batch = results?["items"]?.arrayValue != nil
    let analytics = turn?["ParticipantRole"] != nil || turn?["Items"] != nil
    guard batch || analytics else { return nil }
    let item = results?["items"]?.arrayValue?.first?.objectValue
    return ShapeEvidence(
      base: 10,
      [
        ("results.items", batch), ("results.items[].alternatives", item?["alternatives"] != nil),
        ("jobName", object["jobName"] != nil),
        ("results.speaker_labels", results?["speaker_labels"] != nil),
        ("results.channel_labels", results?["channel_labels"] != nil),
        ("Transcript[].ParticipantRole", turn?["ParticipantRole"] != nil),
        ("Transcript[].Items", turn?["Items"] != nil), ("JobStatus", object["JobStatus"] != nil),
      ])
  }

  func read(
    _ input: ParsedInput, options: ReadOptions, warnings: inout [ReadWarning]
  ) throws(ReadError) -> Transcript {
    let root = try JSONFields.object(input.root, path: "$")
    if let results = try root.optionalObject("results") {
      return try readBatch(results, warnings: &warnings)
    }
    return try readCallAnalytics(root, warnings: &warnings)
  }

  // MARK: Batch

  /// A batch job's `results`: one channel, or one per `channel_labels.channels[]` entry.
  private func readBatch(
    _ results: JSONFields, warnings: inout [ReadWarning]
  ) throws(ReadError) -> Transcript {
    let speakers = try speakerLookup(results)
    let languageCode = try results.optionalString("language_code")
    var channels: [Channel] = []
    if let labels = try results.optionalObject("channel_labels") {
      let values = try labels.requiredArray("channels")
      for (position, value) in values.enumerated() {
        let channel = try JSONFields.object(
          value, path: "\(labels.childPath("channels"))[\(position)]")
        let label = try channel.optionalString("channel_label")
        let index = label.flatMap(Self.channelNumber) ?? position
        let words = try readItems(
          channel, channelIndex: index, speakers: speakers, warnings: &warnings)
        channels.append(Channel(index: index, words: words))
      }
    }
    if channels.isEmpty {
      channels = [
        Channel(
          index: nil,
          words: try readItems(results, channelIndex: nil, speakers: speakers, warnings: &warnings))
      ]
    }
    Self.warnIfEmpty(channels, path: results.path, &warnings)
    return Transcript(languageCode: languageCode, channels: channels)
  }

  /// The number in a channel label: `ch_1` → 1.
  private static func channelNumber(_ label: String) -> Int? {
    let digits = label.reversed().prefix(while: \.isNumber)
    return digits.isEmpty ? nil : Int(String(digits.reversed()))
  }

  /// A start and end time, as the key of the older layout's speaker lookup.
  private struct TimeSpan: Hashable {
    /// The start, in seconds.
    var start: Double
    /// The end, in seconds.
    var end: Double
  }

  /// The speaker of each timed span in `speaker_labels.segments[].items` (the older layout,
  /// where the items themselves carry no `speaker_label`).
  private func speakerLookup(_ results: JSONFields) throws(ReadError) -> [TimeSpan: String] {
    guard let labels = try results.optionalObject("speaker_labels") else { return [:] }
    var lookup: [TimeSpan: String] = [:]
    let segments = try labels.optionalArray("segments") ?? []
    for (position, value) in segments.enumerated() {
      let segment = try JSONFields.object(
        value, path: "\(labels.childPath("segments"))[\(position)]")
      let segmentSpeaker = try segment.optionalString("speaker_label")
      for (index, element) in (try segment.optionalArray("items") ?? []).enumerated() {
        let item = try JSONFields.object(element, path: "\(segment.childPath("items"))[\(index)]")
        guard let start = try Self.seconds(item, "start_time"),
          let end = try Self.seconds(item, "end_time"),
          let speaker = try item.optionalString("speaker_label") ?? segmentSpeaker
        else { continue }
        lookup[TimeSpan(start: start, end: end)] = speaker
      }
    }
    return lookup
  }

  /// The words of an `items` array, punctuation attached and spacing added.
  private func readItems(
    _ owner: JSONFields, channelIndex: Int?, speakers: [TimeSpan: String],
    warnings: inout [ReadWarning]
  ) throws(ReadError) -> [Word] {
    let itemsPath = owner.childPath("items")
    var builder = EngineWords(unit: "seconds")
    var unknownTypes: Set<String> = []
    for (index, value) in try owner.requiredArray("items").enumerated() {
      let item = try JSONFields.object(value, path: "\(itemsPath)[\(index)]")
      let content = try Self.content(of: item)
      let type = try item.optionalString("type") ?? "pronunciation"
      if type == "punctuation" {
        builder.attachToPrevious(content)
        continue
      }
      if type != "pronunciation", unknownTypes.insert(type).inserted {
        warnings.append(
          ReadWarning(
            path: item.childPath("type"),
            message: "unknown item type \"\(type)\"; read as a word (here and wherever it "
              + "recurs)"))
      }
      let start = try Self.seconds(item, "start_time")
      let end = try Self.seconds(item, "end_time")
      var speaker = try item.optionalString("speaker_label")
      if speaker == nil, let start, let end {
        speaker = speakers[TimeSpan(start: start, end: end)]
      }
      builder.append(
        RawItem(
          container: itemsPath, index: index, text: content, start: start, end: end, kind: .word,
          speakerID: speaker, channelIndex: channelIndex))
    }
    return try builder.words(path: itemsPath, warnings: &warnings)
  }

  /// The first alternative's `content`.
  private static func content(of item: JSONFields) throws(ReadError) -> String {
    let alternatives = try item.requiredArray("alternatives")
    guard let first = alternatives.first else {
      throw ReadError(
        problem: .invalidValue(
          path: item.childPath("alternatives"),
          reason: "expected at least one alternative with its content, found an empty array"))
    }
    return try JSONFields.object(first, path: item.childPath("alternatives") + "[0]")
      .requiredString("content")
  }

  /// A time in seconds written as a string (`"0.49"`), as Amazon writes it, or as a number.
  private static func seconds(_ item: JSONFields, _ key: String) throws(ReadError) -> Double? {
    guard let value = item.value(key) else { return nil }
    switch value {
    case .number(let number): return number
    case .string(let text):
      guard let number = Double(text), number.isFinite else {
        throw ReadError(
          problem: .invalidValue(
            path: item.childPath(key),
            reason: "expected a time in seconds such as \"0.49\", found \"\(text)\""))
      }
      return number
    default:
      throw item.wrongType(
        key, expected: "a time in seconds written as a string (\"0.49\")", found: value)
    }
  }

  // MARK: Call Analytics

  /// A Call Analytics job's `Transcript[]` turns, in milliseconds, the role as the speaker.
  private func readCallAnalytics(
    _ root: JSONFields, warnings: inout [ReadWarning]
  ) throws(ReadError) -> Transcript {
    let turnsPath = root.childPath("Transcript")
    var builder = EngineWords(unit: "milliseconds")
    for (position, value) in try root.requiredArray("Transcript").enumerated() {
      let turn = try JSONFields.object(value, path: "\(turnsPath)[\(position)]")
      let role = try turn.optionalString("ParticipantRole")
      let itemsPath = turn.childPath("Items")
      let items = try turn.optionalArray("Items") ?? []
      if items.isEmpty {
        // A turn without items: its content, timed by the turn, still belongs in the captions.
        let content = try turn.optionalString("Content") ?? ""
        guard !Whitespace.isBlank(content) else { continue }
        warnings.append(
          ReadWarning(
            path: itemsPath,
            message: "this turn (\(TimingRepair.quoted(content))) has no items; its content is "
              + "read as one item timed by the turn"))
        builder.append(
          RawItem(
            container: turn.path, index: 0, text: Whitespace.trimmingWhitespace(content),
            start: try Self.milliseconds(turn, "BeginOffsetMillis"),
            end: try Self.milliseconds(turn, "EndOffsetMillis"), kind: .word, speakerID: role))
        continue
      }
      for (index, element) in items.enumerated() {
        let item = try JSONFields.object(element, path: "\(itemsPath)[\(index)]")
        let content = try item.requiredString("Content")
        if try item.optionalString("Type") == "punctuation" {
          builder.attachToPrevious(content)
          continue
        }
        builder.append(
          RawItem(
            container: itemsPath, index: index, text: content,
            start: try Self.milliseconds(item, "BeginOffsetMillis"),
            end: try Self.milliseconds(item, "EndOffsetMillis"), kind: .word, speakerID: role))
      }
    }
    let words = try builder.words(path: turnsPath, warnings: &warnings)
    let channels = [Channel(index: nil, words: words)]
    Self.warnIfEmpty(channels, path: turnsPath, &warnings)
    return Transcript(languageCode: try root.optionalString("LanguageCode"), channels: channels)
  }

  /// A time in integer milliseconds, in seconds.
  private static func milliseconds(_ item: JSONFields, _ key: String) throws(ReadError) -> Double? {
    try item.optionalNumber(key).map { $0 / 1000 }
  }

  /// Warns when no channel holds a word: every output is then empty.
  private static func warnIfEmpty(
    _ channels: [Channel], path: String, _ warnings: inout [ReadWarning]
  ) {
    guard !channels.contains(where: { $0.words.contains(where: \.isTimed) }) else { return }
    warnings.append(
      ReadWarning(path: path, message: "the transcript has no words; every output is empty"))
  }
}
