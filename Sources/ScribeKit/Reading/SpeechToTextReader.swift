/// Reads speech-to-text responses: single-channel, multichannel, combined and segmented JSON.
enum SpeechToTextReader {
  /// Reads one `SpeechToTextChunkResponseModel`. A chunk in the `combined` multichannel style
  /// (words carrying more than one `channel_index`) is split into one channel per index.
  static func readChunk(
    _ chunk: JSONFields, warnings: inout [ReadWarning]
  ) throws(ReadError) -> Transcript {
    let words = try readItems(
      chunk.requiredArray("words"), path: chunk.childPath("words"), warnings: &warnings)
    return try transcript(
      words, languageCode: try chunk.optionalString("language_code"),
      languageProbability: try chunk.optionalNumber("language_probability"),
      transcriptionID: try chunk.optionalString("transcription_id"),
      channelIndex: try chunk.optionalInteger("channel_index"), warnings: &warnings)
  }

  /// A chunk's transcript from its items, however they were read.
  static func transcript(
    _ words: [RawItem], languageCode: String?, languageProbability: Double?,
    transcriptionID: String?, channelIndex: Int?, warnings: inout [ReadWarning]
  ) throws(ReadError) -> Transcript {
    transcript(
      repaired: try TimingRepair.repair(words, warnings: &warnings), languageCode: languageCode,
      languageProbability: languageProbability, transcriptionID: transcriptionID,
      channelIndex: channelIndex, warnings: &warnings)
  }

  /// A chunk's transcript from items whose timings are already sound.
  static func transcript(
    repaired items: [Word], languageCode: String?, languageProbability: Double?,
    transcriptionID: String?, channelIndex: Int?, warnings: inout [ReadWarning]
  ) -> Transcript {
    TimingRepair.warnAboutCollapsedRuns(items, path: "$.words", warnings: &warnings)
    if !items.contains(where: \.isTimed) {
      warnings.append(
        ReadWarning(path: "$.words", message: "the transcript has no words; every output is empty"))
    }
    return Transcript(
      languageCode: languageCode, languageProbability: languageProbability,
      transcriptionID: transcriptionID,
      channels: splitByChannel(items, chunkIndex: channelIndex, languageCode: languageCode))
  }

  /// Reads `{"transcripts": [chunk, ...]}`: one channel per chunk, in the order given.
  static func readMultichannel(
    _ document: JSONFields, warnings: inout [ReadWarning]
  ) throws(ReadError) -> Transcript {
    let chunks = try document.requiredArray("transcripts")
    guard !chunks.isEmpty else {
      throw ReadError(
        problem: .invalidValue(
          path: document.childPath("transcripts"),
          reason: "expected at least one channel's transcript, found an empty array"))
    }
    var channels: [Channel] = []
    var languageCode: String?
    var languageProbability: Double?
    var transcriptionID = try document.optionalString("transcription_id")
    for (position, value) in chunks.enumerated() {
      let path = "\(document.childPath("transcripts"))[\(position)]"
      let chunk = try readChunk(.object(value, path: path), warnings: &warnings)
      languageCode = languageCode ?? chunk.languageCode
      languageProbability = languageProbability ?? chunk.languageProbability
      transcriptionID = transcriptionID ?? chunk.transcriptionID
      for var channel in chunk.channels {
        channel.index = channel.index ?? position
        channels.append(channel)
      }
    }
    var seen: Set<Int> = []
    for channel in channels {
      guard let index = channel.index else { continue }
      if !seen.insert(index).inserted {
        throw ReadError(
          problem: .invalidValue(
            path: document.childPath("transcripts"),
            reason: "channel_index \(index) appears in more than one transcript"))
      }
    }
    return Transcript(
      languageCode: languageCode, languageProbability: languageProbability,
      transcriptionID: transcriptionID, channels: channels)
  }

  /// Reads `{"segments": [{"text", "words": [...]}]}` back into one channel.
  static func readSegmented(
    _ document: JSONFields, warnings: inout [ReadWarning]
  ) throws(ReadError) -> Transcript {
    let segments = try document.requiredArray("segments")
    var raw: [RawItem] = []
    for (position, value) in segments.enumerated() {
      let path = "\(document.childPath("segments"))[\(position)]"
      let segment = try JSONFields.object(value, path: path)
      raw += try readItems(
        segment.requiredArray("words"), path: segment.childPath("words"), warnings: &warnings)
    }
    let items = try TimingRepair.repair(raw, warnings: &warnings)
    return Transcript(
      languageCode: try document.optionalString("language_code"),
      transcriptionID: try document.optionalString("transcription_id"),
      channels: splitByChannel(items, chunkIndex: nil, languageCode: nil))
  }

  static func readItems(
    _ values: [JSONValue], path: String, warnings: inout [ReadWarning]
  ) throws(ReadError) -> [RawItem] {
    var items: [RawItem] = []
    items.reserveCapacity(values.count)
    for (position, value) in values.enumerated() {
      items.append(
        try readItem(value, container: path, index: position, warnings: &warnings))
    }
    return items
  }

  private static func readItem(
    _ value: JSONValue, container: String, index: Int, warnings: inout [ReadWarning]
  ) throws(ReadError) -> RawItem {
    let fields = try JSONFields.object(value, path: "\(container)[\(index)]")
    let text = try fields.requiredString("text")
    var kind: Word.Kind
    if let type = try fields.optionalString("type") {
      if let known = Word.Kind(rawValue: type) {
        kind = known
        if known == .spacing && !Whitespace.isBlank(text) {
          // Spacing never decides a boundary and may be trimmed; text in it would be lost.
          kind = .word
          warnings.append(
            ReadWarning(
              path: fields.childPath("type"),
              message: "a spacing item holds text (\(TimingRepair.quoted(text))); read as a word"))
        }
      } else {
        // The API adds fields and values over time; an unknown kind still carries spoken text.
        kind = .word
        warnings.append(
          ReadWarning(
            path: fields.childPath("type"),
            message: "unknown item type \"\(type)\"; read as a word"))
      }
    } else {
      // Some hand-made or third-party dumps omit `type`.
      kind = inferredKind(of: text)
    }
    var characters: [RawCharacter]?
    if let array = try fields.optionalArray("characters") {
      var list: [RawCharacter] = []
      list.reserveCapacity(array.count)
      for (position, element) in array.enumerated() {
        let character = try JSONFields.object(
          element, path: "\(fields.childPath("characters"))[\(position)]")
        list.append(
          RawCharacter(
            text: try character.requiredString("text"),
            start: try character.optionalNumber("start"),
            end: try character.optionalNumber("end")))
      }
      characters = list
    }
    return RawItem(
      container: container, index: index, text: text, start: try fields.optionalNumber("start"),
      end: try fields.optionalNumber("end"), kind: kind,
      speakerID: try fields.optionalString("speaker_id"),
      channelIndex: try fields.optionalInteger("channel_index"),
      logprob: try fields.optionalNumber("logprob"), characters: characters)
  }

  /// The kind of an item without `type`: whitespace is all a spacing item holds.
  static func inferredKind(of text: String) -> Word.Kind {
    Whitespace.isBlank(text) && !text.isEmpty ? .spacing : .word
  }

  /// One channel per distinct `channel_index` on the words (the `combined` style), else one.
  private static func splitByChannel(
    _ items: [Word], chunkIndex: Int?, languageCode: String?
  ) -> [Channel] {
    // Most transcripts are one channel: find that out without copying the items.
    var only = chunkIndex
    var several = false
    for item in items {
      guard let index = item.channelIndex else { continue }
      if only == nil {
        only = index
      } else if only != index {
        several = true
        break
      }
    }
    if !several {
      let index = chunkIndex ?? only.flatMap { $0 >= 0 ? $0 : nil }
      return [Channel(index: index, languageCode: languageCode, words: items)]
    }
    var order: [Int] = []
    var byIndex: [Int: [Word]] = [:]
    // Items before the first that names its channel belong to that first channel.
    var current = chunkIndex ?? items.lazy.compactMap(\.channelIndex).first
    for item in items {
      // A spacing item without its own index belongs to the word before it.
      if let index = item.channelIndex { current = index }
      let key = current ?? -1
      if byIndex[key] == nil { order.append(key) }
      byIndex[key, default: []].append(item)
    }
    if order.count <= 1 {
      let index = chunkIndex ?? order.first.flatMap { $0 >= 0 ? $0 : nil }
      return [Channel(index: index, languageCode: languageCode, words: items)]
    }
    return order.sorted().map { key in
      Channel(index: key >= 0 ? key : nil, languageCode: languageCode, words: byIndex[key] ?? [])
    }
  }
}
