extension InputShape {
  /// A Speechmatics batch transcript: `json-v2` (`results[]` of words, punctuation and
  /// entities), or the legacy v1 `words[]` of strings, seconds.
  public static let speechmatics = InputShape(
    name: "speechmatics", summary: "a Speechmatics transcript",
    signature:
      "Speechmatics `json-v2`: `results[]` of `{type, start_time, end_time, alternatives[{content, "
      + "speaker}], attaches_to}` (words, punctuation, entities), **seconds**; entities replace "
      + "their words; speaker `S1` kept, `UU` none; `channel_1` → channel 0. Also the legacy v1 "
      + "`words[]` of `{name, time, duration}` strings, seconds, with `speakers[]`")
}

/// Reads ``InputShape/speechmatics``, in its two forms.
///
/// `json-v2` (format 2.x): `{format, job: {duration, ...}, metadata: {transcription_config:
/// {language}, language_pack_info: {word_delimiter}}, results: [{type, start_time, end_time,
/// channel?, attaches_to?, is_eos?, alternatives: [{content, confidence, language, speaker}],
/// entity_class?, spoken_form?, written_form?}]}`. Checked against the Speechmatics
/// TypeScript clients' `RecognitionResult` (`channel`, `attaches_to`, `entity_class`,
/// `spoken_form`, `written_form`: "the formatted entity split into individual words"),
/// `AddTranscript` (`channel` for multichannel), and the real transcript in the shared
/// fixtures (speechmatics-python's `asr_metrics/examples/sm-transcript.json`).
///
/// - Words are separated by the language pack's `word_delimiter` (`" "`, or `""` for Japanese
///   and Chinese); without one, by a space except between Chinese or Japanese characters.
/// - A punctuation item joins the word its `attaches_to` names: `previous` (the default),
///   `next`, or `both` (no delimiter either side); `none` stands alone between delimiters. It
///   takes that word's times: Speechmatics gives punctuation zero length at the word's edge.
/// - An `entity` item (with `enable_entities`) stands in the results instead of the words it
///   formats: its `written_form` words are read (one word per written word, with their own
///   times), marked as one ``NamedEntity`` whose type is the `entity_class`.
/// - `speaker` `S1`, `S2`, ... is kept as it is; `UU` (unknown, diarization off) is none.
///   `channel` `channel_1`, `channel_2`, ... (channel diarization) splits the words into channels
///   0, 1, ...
///
/// The legacy v1 form (the API of 2019): `{format: "1.0", job: {lang, duration}, speakers:
/// [{name, time, duration}], words: [{name, time, duration, confidence}]}`, every number a
/// string of seconds. A word made only of punctuation (`"."`) joins the word before it; each
/// word's speaker is the `speakers` range its start falls in (labels such as `F2`, `M1` kept).
struct SpeechmaticsShape: InputShapeReader {
  var shape: InputShape { .speechmatics }
  // The legacy v1 form has speech-to-text's `words`; its `name` and `time` say it is this.
  var refines: InputShape? { .speechToText }

  func detect(_ input: ParsedInput) -> ShapeEvidence? {
    guard let object = input.object else { return nil }
    if let result = input.firstElement(of: "results"), result["type"] != nil,
      result["alternatives"] != nil || result["start_time"] != nil
    {
      return ShapeEvidence(
        base: 2,
        [
          ("results[].type", true), ("results[].alternatives", result["alternatives"] != nil),
          ("results[].start_time", result["start_time"] != nil),
          ("format", object["format"]?.stringValue != nil),
        ])
    }
    if let word = input.firstElement(of: "words"), word["name"] != nil, word["time"] != nil {
      return ShapeEvidence(
        base: 2,
        [
          ("words[].name", true), ("words[].time", true),
          ("words[].duration", word["duration"] != nil),
          ("speakers", object["speakers"] != nil),
        ])
    }
    return nil
  }

  func read(
    _ input: ParsedInput, options: ReadOptions, warnings: inout [ReadWarning]
  ) throws(ReadError) -> Transcript {
    let root = try JSONFields.object(input.root, path: "$")
    var transcript: Transcript
    if root.has("results") || !root.has("words") {
      transcript = try readVersion2(root, warnings: &warnings)
    } else {
      transcript = try readVersion1(root, warnings: &warnings)
    }
    let timed = transcript.channels.flatMap(\.words).filter(\.isTimed)
    if timed.isEmpty {
      warnings.append(
        ReadWarning(path: "$", message: "the transcript has no words; every output is empty"))
    }
    if let job = try root.optionalObject("job"), let duration = try Self.seconds(job, "duration") {
      let lastEnd = timed.map(\.end).max() ?? 0
      if lastEnd > duration + 1 {
        warnings.append(
          ReadWarning(
            path: job.childPath("duration"),
            message: "the audio lasts \(duration) s but the words run until \(lastEnd) s; the "
              + "times are read as seconds, as Speechmatics sends them"))
      }
      transcript.audioDuration = duration
    }
    return transcript
  }

  // MARK: json-v2

  /// A word of the results before spacing: its text, times, speaker, channel and entity.
  private struct Piece {
    /// The word, with the punctuation attached to it.
    var item: RawItem
    /// Its channel from 0, when the results name channels.
    var channel: Int?
    /// `true` when no delimiter goes before it (punctuation attached to both sides led it).
    var joinsBefore = false
    /// `true` when no delimiter goes after it (punctuation attached to both sides ends it).
    var joinsAfter = false
    /// The entity it is part of, when it is a word of an entity's written form.
    var entity: NamedEntity?
  }

  private func readVersion2(
    _ root: JSONFields, warnings: inout [ReadWarning]
  ) throws(ReadError) -> Transcript {
    let metadata = try root.optionalObject("metadata")
    let delimiter = try metadata?.optionalObject("language_pack_info")?.optionalString(
      "word_delimiter")
    let language = try metadata?.optionalObject("transcription_config")?.optionalString(
      "language")
    let results = try root.requiredArray("results")
    var pieces: [Piece] = []
    // Punctuation waiting for the word after it.
    var pending: (text: String, joinsBefore: Bool)?
    var entities = 0
    var unknownAttachments: Set<String> = []
    for (index, value) in results.enumerated() {
      let result = try JSONFields.object(value, path: "$.results[\(index)]")
      let type = try result.requiredString("type")
      let alternative = try Self.firstAlternative(result)
      // An entity may do without: its written form holds its words.
      if alternative == nil, type != "entity" {
        throw ReadError(
          problem: .missingField(
            path: result.childPath("alternatives"),
            expected: "an array with at least one alternative {content, speaker}"))
      }
      let content = try alternative?.requiredString("content") ?? ""
      let channel = try Self.channel(of: result)
      switch type {
      case "punctuation":
        var attachment = try result.optionalString("attaches_to") ?? "previous"
        if !["previous", "next", "both", "none"].contains(attachment) {
          if unknownAttachments.insert(attachment).inserted {
            warnings.append(
              ReadWarning(
                path: result.childPath("attaches_to"),
                message: "unknown attaches_to \"\(attachment)\"; attached to the previous word "
                  + "(here and wherever it recurs)"))
          }
          attachment = "previous"
        }
        let previousWord = pieces.last.map { $0.channel == channel } ?? false
        if attachment == "none" {
          pieces.append(
            Piece(
              item: try Self.item(result, index: index, text: content),
              channel: channel))
        } else if ["previous", "both"].contains(attachment), previousWord, pending == nil {
          pieces[pieces.count - 1].item.text += content
          if attachment == "both" { pieces[pieces.count - 1].joinsAfter = true }
        } else {
          // `next`, or `previous` with no word before it: it leads the next word.
          pending = (
            (pending?.text ?? "") + content,
            (pending?.joinsBefore ?? false) || attachment == "both"
          )
        }
        continue
      case "entity":
        let written = try result.optionalArray("written_form") ?? []
        let entity = NamedEntity(
          text: content, type: try result.optionalString("entity_class") ?? "entity",
          number: entities)
        entities += 1
        var parts: [Piece] = []
        for (offset, element) in written.enumerated() {
          let form = try JSONFields.object(
            element, path: "\(result.childPath("written_form"))[\(offset)]")
          let text = try Self.firstAlternative(form)?.requiredString("content") ?? ""
          guard !text.isEmpty else { continue }
          parts.append(
            Piece(
              item: try Self.item(
                form, index: offset, text: text, speaker: alternative,
                container: result.childPath("written_form")),
              channel: channel, entity: entity))
        }
        if parts.isEmpty {
          parts = [
            Piece(
              item: try Self.item(result, index: index, text: content), channel: channel,
              entity: entity)
          ]
        }
        if let lead = pending {
          parts[0].item.text = lead.text + parts[0].item.text
          parts[0].joinsBefore = lead.joinsBefore
          pending = nil
        }
        pieces += parts
      default:
        if type != "word" {
          warnings.append(
            ReadWarning(
              path: result.childPath("type"),
              message: "unknown result type \"\(type)\"; read as a word"))
        }
        var piece = Piece(
          item: try Self.item(result, index: index, text: content), channel: channel)
        if let lead = pending {
          piece.item.text = lead.text + piece.item.text
          piece.joinsBefore = lead.joinsBefore
          pending = nil
        }
        pieces.append(piece)
      }
    }
    if let lead = pending, !pieces.isEmpty { pieces[pieces.count - 1].item.text += lead.text }

    // Delimiters between the words of each channel.
    var byChannel: [Int?: [Piece]] = [:]
    var order: [Int?] = []
    for piece in pieces {
      if byChannel[piece.channel] == nil { order.append(piece.channel) }
      byChannel[piece.channel, default: []].append(piece)
    }
    if order.count > 1, order.contains(where: { $0 == nil }) {
      warnings.append(
        ReadWarning(
          path: "$.results",
          message: "some results name no channel while others do; those are read as a channel "
            + "of their own"))
    }
    var channels: [Channel] = []
    let sorted = order.sorted { ($0 ?? -1) < ($1 ?? -1) }
    for key in sorted {
      let own = byChannel[key] ?? []
      var items: [RawItem] = []
      var entityOfItem: [NamedEntity?] = []
      for (position, piece) in own.enumerated() {
        if position > 0 {
          let previous = own[position - 1]
          let gap =
            previous.joinsAfter || piece.joinsBefore
            ? "" : delimiter ?? (EngineWords.spaced(previous.item.text, piece.item.text) ? " " : "")
          if !gap.isEmpty {
            items.append(
              RawItem(
                container: piece.item.container, index: piece.item.index, text: gap,
                start: previous.item.end ?? previous.item.start,
                end: piece.item.start ?? previous.item.end, kind: .spacing,
                speakerID: previous.item.speakerID))
            let shared = previous.entity == piece.entity ? piece.entity : nil
            entityOfItem.append(shared)
          }
        }
        items.append(piece.item)
        entityOfItem.append(piece.entity)
      }
      try EngineWords.refuseImpossibleTimes(
        items, path: "$.results", engine: "Speechmatics'", inMilliseconds: false)
      var words = try TimingRepair.repair(items, warnings: &warnings)
      for index in words.indices where entityOfItem[index] != nil {
        words[index].entity = entityOfItem[index]
      }
      TimingRepair.warnAboutCollapsedRuns(words, path: "$.results", warnings: &warnings)
      channels.append(
        Channel(
          index: sorted.count > 1 || key != nil ? key : nil, languageCode: language, words: words))
    }
    if channels.isEmpty { channels = [Channel(index: nil, languageCode: language, words: [])] }
    return Transcript(
      languageCode: language,
      transcriptionID: try root.optionalObject("job")?.optionalString("id"), channels: channels)
  }

  /// The first of a result's `alternatives`, or `nil` when it has none.
  private static func firstAlternative(_ result: JSONFields) throws(ReadError) -> JSONFields? {
    guard let first = try result.optionalArray("alternatives")?.first else { return nil }
    return try JSONFields.object(first, path: "\(result.childPath("alternatives"))[0]")
  }

  /// A result as an item: its times and its first alternative's speaker (`UU` is none).
  private static func item(
    _ result: JSONFields, index: Int, text: String, speaker: JSONFields? = nil,
    container: String = "$.results"
  ) throws(ReadError) -> RawItem {
    var alternative = speaker
    if alternative == nil { alternative = try firstAlternative(result) }
    let label = try alternative?.optionalString("speaker")
    return RawItem(
      container: container, index: index, text: text,
      start: try result.optionalNumber("start_time"), end: try result.optionalNumber("end_time"),
      kind: .word, speakerID: label == "UU" ? nil : label)
  }

  /// A result's channel from 0 (`channel_1` is 0), or `nil` when it names none.
  private static func channel(of result: JSONFields) throws(ReadError) -> Int? {
    guard let name = try result.optionalString("channel") else { return nil }
    let digits = name.reversed().prefix(while: \.isNumber).reversed()
    guard let number = Int(String(digits)), number >= 1 else {
      throw ReadError(
        problem: .invalidValue(
          path: result.childPath("channel"),
          reason: "expected a channel name such as \"channel_1\", found \"\(name)\""))
    }
    return number - 1
  }

  // MARK: Legacy v1

  private func readVersion1(
    _ root: JSONFields, warnings: inout [ReadWarning]
  ) throws(ReadError) -> Transcript {
    var speakers: [(name: String, start: Double, end: Double)] = []
    for (index, value) in (try root.optionalArray("speakers") ?? []).enumerated() {
      let speaker = try JSONFields.object(value, path: "$.speakers[\(index)]")
      guard let start = try Self.seconds(speaker, "time") else { continue }
      let duration = try Self.seconds(speaker, "duration") ?? 0
      speakers.append((try speaker.requiredString("name"), start, start + duration))
    }
    var items: [RawItem] = []
    for (index, value) in try root.requiredArray("words").enumerated() {
      let word = try JSONFields.object(value, path: "$.words[\(index)]")
      let text = try word.requiredString("name")
      let start = try Self.seconds(word, "time")
      let duration = try Self.seconds(word, "duration")
      let end = start.map { $0 + (duration ?? 0) }
      if !text.isEmpty, text.allSatisfy(\.isPunctuation),
        let last = items.lastIndex(where: { $0.kind == .word })
      {
        // "." is an item of its own, often with a pause for its duration: it joins the word.
        items[last].text += text
        continue
      }
      // The range that started last at or before the word; half a millisecond of slack for
      // sums of decimal strings (13.05 + 39.19 is 52.239999...).
      let speaker = start.flatMap { time in
        speakers.last { $0.start <= time + 0.0005 }.flatMap {
          time < $0.end + 0.0005 ? $0.name : nil
        }
      }
      if let previous = items.last, EngineWords.spaced(previous.text, text) {
        items.append(
          RawItem(
            container: "$.words", index: index, text: " ", start: previous.end ?? previous.start,
            end: start ?? previous.end, kind: .spacing, speakerID: previous.speakerID))
      }
      items.append(
        RawItem(
          container: "$.words", index: index, text: text, start: start, end: end, kind: .word,
          speakerID: speaker))
    }
    try EngineWords.refuseImpossibleTimes(
      items, path: "$.words", engine: "Speechmatics'", inMilliseconds: false)
    let words = try TimingRepair.repair(items, warnings: &warnings)
    TimingRepair.warnAboutCollapsedRuns(words, path: "$.words", warnings: &warnings)
    let language = try root.optionalObject("job")?.optionalString("lang")
    return Transcript(
      languageCode: language, channels: [Channel(index: nil, languageCode: language, words: words)])
  }

  /// A time in seconds that v1 writes as a string (`"13.05"`) and json-v2 as a number.
  private static func seconds(_ fields: JSONFields, _ key: String) throws(ReadError) -> Double? {
    guard let value = fields.value(key) else { return nil }
    switch value {
    case .number(let number): return number
    case .string(let text):
      guard let number = Double(text), number.isFinite else {
        throw ReadError(
          problem: .wrongType(
            path: fields.childPath(key), expected: "a number of seconds (as a string or a number)",
            found: JSONFields.describe(value)))
      }
      return number
    default:
      throw fields.wrongType(key, expected: "a number of seconds", found: value)
    }
  }

  // MARK: Shared

}
