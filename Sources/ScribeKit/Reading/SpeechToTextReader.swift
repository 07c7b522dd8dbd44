/// Reads speech-to-text responses: single-channel, multichannel, combined and segmented JSON.
enum SpeechToTextReader {
  /// Reads one `SpeechToTextChunkResponseModel`. A chunk in the `combined` multichannel style
  /// (words carrying more than one `channel_index`) is split into one channel per index.
  static func readChunk(
    _ chunk: JSONFields, warnings: inout [ReadWarning]
  ) throws(ReadError) -> Transcript {
    let raw = try readItems(
      chunk.requiredArray("words"), path: chunk.childPath("words"), warnings: &warnings)
    var words = try TimingRepair.repair(raw, warnings: &warnings)
    // Entities count their offsets in the whole chunk's text, so they are marked before the
    // `combined` style's words are split into channels.
    EntityMarking.mark(
      try EntityMarking.read(chunk), on: &words, text: try chunk.optionalString("text"),
      warnings: &warnings)
    var transcript = transcript(
      repaired: words, languageCode: try chunk.optionalString("language_code"),
      languageProbability: try chunk.optionalNumber("language_probability"),
      transcriptionID: try chunk.optionalString("transcription_id"),
      channelIndex: try chunk.optionalInteger("channel_index"), warnings: &warnings)
    transcript.audioDuration = try audioDuration(of: chunk, words: words, warnings: &warnings)
    return transcript
  }

  /// The chunk's `audio_duration_secs`, checked against its words: words that end well after
  /// the audio mean the times are not in seconds, or belong to other audio.
  static func audioDuration(
    of chunk: JSONFields, words: [Word], warnings: inout [ReadWarning]
  ) throws(ReadError) -> Double? {
    guard let duration = try chunk.optionalNumber("audio_duration_secs") else { return nil }
    guard duration >= 0, duration.isFinite else {
      throw ReadError(
        problem: .invalidValue(
          path: chunk.childPath("audio_duration_secs"),
          reason: "expected a length of audio in seconds, found \(duration)"))
    }
    let lastEnd = words.last(where: \.isTimed)?.end ?? 0
    // A second of slack: the API rounds, and the last word may end on the audio's last frame.
    if lastEnd > duration + 1 {
      warnings.append(
        ReadWarning(
          path: chunk.childPath("audio_duration_secs"),
          message: "the audio lasts \(duration) s but the words run until \(lastEnd) s; "
            + "the times are read as seconds, as the API sends them"))
    }
    return duration
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
    var audioDuration = try document.optionalNumber("audio_duration_secs")
    for (position, value) in chunks.enumerated() {
      let path = "\(document.childPath("transcripts"))[\(position)]"
      let chunk = try readChunk(.object(value, path: path), warnings: &warnings)
      languageCode = languageCode ?? chunk.languageCode
      languageProbability = languageProbability ?? chunk.languageProbability
      transcriptionID = transcriptionID ?? chunk.transcriptionID
      audioDuration = audioDuration ?? chunk.audioDuration
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
    var transcript = Transcript(
      languageCode: languageCode, languageProbability: languageProbability,
      transcriptionID: transcriptionID, channels: channels)
    transcript.audioDuration = audioDuration
    return transcript
  }

  /// Reads `{"segments": [{"text", "words": [...]}]}` back into one channel.
  static func readSegmented(
    _ document: JSONFields, warnings: inout [ReadWarning]
  ) throws(ReadError) -> Transcript {
    let segments = try document.requiredArray("segments")
    var raw: [RawItem] = []
    // Each segment's entities count their offsets in that segment's text.
    var marks: [(items: Range<Int>, text: String?, entities: [EntityMarking.RawEntity])] = []
    for (position, value) in segments.enumerated() {
      let path = "\(document.childPath("segments"))[\(position)]"
      let segment = try JSONFields.object(value, path: path)
      let first = raw.count
      raw += try readItems(
        segment.requiredArray("words"), path: segment.childPath("words"), warnings: &warnings)
      let entities = try EntityMarking.read(segment)
      if !entities.isEmpty {
        marks.append((first..<raw.count, try segment.optionalString("text"), entities))
      }
    }
    var items = try TimingRepair.repair(raw, warnings: &warnings)
    var number = 0
    for mark in marks {
      var words = Array(items[mark.items])
      EntityMarking.mark(
        mark.entities, on: &words, text: mark.text, firstNumber: number, warnings: &warnings)
      items.replaceSubrange(mark.items, with: words)
      number += mark.entities.count
    }
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
      logprob: try fields.optionalNumber("logprob"), loss: try fields.optionalNumber("loss"),
      characters: characters)
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
