import Foundation

extension InputShape {
  /// Text-to-speech WebSocket messages (`stream-input`, `multi-stream-input`) saved one per
  /// line, each with its alignment in milliseconds relative to the message's own audio.
  public static let textToSpeechWebSocket = InputShape(
    name: "tts-websocket", summary: "a log of text-to-speech WebSocket messages",
    signature:
      "WebSocket messages, one per line: `audio` and `alignment` of `chars` with "
      + "`charStartTimesMs` and `charDurationsMs` (or snake_case), milliseconds per message; "
      + "each `contextId` a channel")
}

/// Reads ``InputShape/textToSpeechWebSocket``: every message's alignment placed after the audio
/// received before it, one timeline (and one channel) per context.
///
/// Field names follow the SDKs: elevenlabs-python `src/elevenlabs/types/alignment.py` and
/// `normalized_alignment.py` (`chars`, `charStartTimesMs`, `charDurationsMs`; the older
/// `charsDurationsMs` and `chars_durations_ms` too), `audio_output.py`,
/// `audio_output_multi.py`, `audio_output_multi_alignment.py` and
/// `websocket_tts_server_message_multi.py` (`audio`, `isFinal`, `normalizedAlignment`,
/// `contextId`), and elevenlabs-js `src/serialization/types/AudioOutput.ts`,
/// `AudioOutputMulti.ts` and `AudioOutputAlignment.ts`, whose wire names are snake_case
/// (`is_final`, `normalized_alignment`, `context_id`, `char_start_times_ms`,
/// `char_durations_ms`). Both spellings are read. An error from the server is a message with
/// `message` (and `error`, `code`), as elevenlabs-python's `realtime_tts.py` reads it.
///
/// Times are milliseconds relative to each message's audio (the SDK: "relative to the returned
/// chunk ... not the full audio response"), so each message is placed where its audio begins:
/// after the audio of every earlier message of its context, measured from the decoded `audio`
/// when it is MP3 (frame headers, after any ID3 tag: samples per frame over the sample rate).
/// Audio that cannot be measured (raw PCM or μ-law, whose rate the message does not carry; Opus;
/// empty audio) ends, instead, where its message's last character ends, so a pause after that
/// character is lost and later messages may come early: reading warns when that happens.
///
/// Known faults are mended with a warning each: a message sent twice is read once, and an
/// alignment that restarts from the first character of the message before it (pipecat issue
/// 4316) replaces that partial one at its place, so no word is lost or doubled.
struct TextToSpeechWebSocketShape: InputShapeReader {
  var shape: InputShape { .textToSpeechWebSocket }

  /// The member names of each field, current spelling first.
  enum Key {
    /// The normalized alignment.
    static let normalized = ["normalizedAlignment", "normalized_alignment"]
    /// The characters' start times, milliseconds.
    static let starts = ["charStartTimesMs", "char_start_times_ms"]
    /// The characters' durations, milliseconds (`charsDurationsMs` is the older spelling).
    static let durations = [
      "charDurationsMs", "charsDurationsMs", "char_durations_ms", "chars_durations_ms",
    ]
    /// The flag of a context's last message.
    static let isFinal = ["isFinal", "is_final"]
    /// The context of a `multi-stream-input` message.
    static let context = ["contextId", "context_id"]
  }

  func detect(_ input: ParsedInput) -> ShapeEvidence? {
    var audio = false
    var characters = false
    var final = false
    for (value, _) in input.values {
      guard let message = value.objectValue else { return nil }
      // The HTTP stream's chunks are another shape's.
      if message["audio_base64"] != nil || message["voice_segments"] != nil { return nil }
      audio = audio || message["audio"] != nil
      final = final || Key.isFinal.contains { message[$0] != nil }
      for key in ["alignment"] + Key.normalized {
        characters = characters || message[key]?.objectValue?["chars"] != nil
      }
      if audio && characters && final { break }
    }
    guard audio || characters else { return nil }
    return ShapeEvidence(
      base: 0, [("audio", audio), ("alignment.chars", characters), ("isFinal", final)])
  }

  func read(
    _ input: ParsedInput, options: ReadOptions, warnings: inout [ReadWarning]
  ) throws(ReadError) -> Transcript {
    var contexts: [Context] = []
    var errors: [(path: String, text: String)] = []
    var audioOnly = 0
    var previous: [String?: (value: JSONValue, path: String)] = [:]
    for (position, entry) in input.values.enumerated() {
      let path = "$[\(position)] (line \(entry.line))"
      let fields = try JSONFields.object(entry.value, path: path)
      let contextID = try string(fields, Key.context)
      let isAudio =
        fields.has("audio") || fields.has("alignment")
        || Key.normalized.contains(where: fields.has)
      guard isAudio else {
        if fields.has("message") || fields.has("error") {
          let text = try errorText(fields)
          errors.append((path, text))
          continue
        }
        if Key.isFinal.contains(where: fields.has) { continue }
        warnings.append(
          ReadWarning(
            path: path,
            message: "a message of an unknown kind (members "
              + fields.object.keys.prefix(8).joined(separator: ", ") + ") was skipped"))
        continue
      }
      if let earlier = previous[contextID], earlier.value == entry.value {
        warnings.append(
          ReadWarning(
            path: path,
            message: "this message repeats \(earlier.path) exactly (sent twice); read once"))
        continue
      }
      previous[contextID] = (entry.value, path)
      let index: Int
      if let found = contexts.firstIndex(where: { $0.id == contextID }) {
        index = found
      } else {
        contexts.append(Context(id: contextID))
        index = contexts.count - 1
      }
      let characters = try alignment(fields, choice: options.alignment)
      let sound = try audio(fields)
      if characters == nil && sound != nil { audioOnly += 1 }
      contexts[index].add(audio: sound, characters: characters, path: path, warnings: &warnings)
    }

    let hasCharacters = contexts.contains { !$0.characters.isEmpty }
    if !hasCharacters {
      if let error = errors.first {
        throw ReadError(
          problem: .notATranscript(
            reason: "the WebSocket log holds no alignment, and the server sent an error at "
              + "\(error.path): \(error.text)"))
      }
      throw ReadError(
        problem: .noTimings(
          reason: "none of the \(input.values.count) WebSocket messages has a "
            + "\(options.alignment == .original ? "alignment" : "normalizedAlignment") with "
            + "characters (\(audioOnly) carry audio only)"))
    }
    for error in errors {
      warnings.append(
        ReadWarning(
          path: error.path,
          message: "the server sent an error here: \(error.text); the other messages are read"))
    }

    var channels: [Channel] = []
    for (position, context) in contexts.enumerated() {
      context.warnAboutUnmeasuredAudio(&warnings)
      let container =
        contexts.count > 1 || context.id != nil
        ? "$ (context \"\(context.id ?? "")\")" : "$"
      let items = AlignmentReader.group(context.characters, path: container + ".characters")
      let words = try TimingRepair.repair(items, warnings: &warnings)
      channels.append(Channel(index: contexts.count > 1 ? position : nil, words: words))
    }
    return Transcript(channels: channels)
  }

  /// The first of `keys` present as a string, or `nil`.
  private func string(_ fields: JSONFields, _ keys: [String]) throws(ReadError) -> String? {
    for key in keys where fields.value(key) != nil { return try fields.optionalString(key) }
    return nil
  }

  /// The text of an error message: its `message`, with the `error` code when there is one.
  private func errorText(_ fields: JSONFields) throws(ReadError) -> String {
    let message = fields.value("message").map { $0.stringValue ?? $0.jsonText }
    let code = fields.value("error").map { $0.stringValue ?? $0.jsonText }
    switch (message, code) {
    case (let message?, let code?): return "\(message) (\(code))"
    case (let message?, nil): return message
    case (nil, let code?): return code
    case (nil, nil): return "(no message)"
    }
  }

  /// The decoded `audio`, or `nil` when it is absent, null or empty.
  private func audio(_ fields: JSONFields) throws(ReadError) -> [UInt8]? {
    guard let text = try fields.optionalString("audio"), !text.isEmpty else { return nil }
    guard let data = Data(base64Encoded: text) else {
      throw ReadError(
        problem: .invalidValue(
          path: fields.childPath("audio"), reason: "expected base64-encoded audio"))
    }
    return Array(data)
  }

  /// The chosen alignment's characters, times in milliseconds relative to the message; `nil`
  /// when the message has none (audio only).
  private func alignment(
    _ fields: JSONFields, choice: AlignmentChoice
  ) throws(ReadError) -> [Context.Character]? {
    let keys = choice == .original ? ["alignment"] : Key.normalized
    guard let key = keys.first(where: { fields.value($0) != nil }),
      let alignment = try fields.optionalObject(key),
      let characters = try alignment.optionalArray("chars")
    else { return nil }
    let startsKey = Key.starts.first(where: { alignment.value($0) != nil })
    let durationsKey = Key.durations.first(where: { alignment.value($0) != nil })
    guard let startsKey else {
      throw ReadError(
        problem: .missingField(
          path: alignment.childPath("charStartTimesMs"),
          expected: "an array of start times in milliseconds (charStartTimesMs)"))
    }
    guard let durationsKey else {
      throw ReadError(
        problem: .missingField(
          path: alignment.childPath("charDurationsMs"),
          expected: "an array of durations in milliseconds (charDurationsMs)"))
    }
    let starts = try alignment.requiredArray(startsKey)
    let durations = try alignment.requiredArray(durationsKey)
    guard characters.count == starts.count, starts.count == durations.count else {
      throw ReadError(
        problem: .invalidValue(
          path: alignment.path,
          reason: "chars (\(characters.count)), \(startsKey) (\(starts.count)) and "
            + "\(durationsKey) (\(durations.count)) must have the same length"))
    }
    var result: [Context.Character] = []
    result.reserveCapacity(characters.count)
    for index in characters.indices {
      guard case .string(let text) = characters[index] else {
        throw ReadError(
          problem: .wrongType(
            path: "\(alignment.childPath("chars"))[\(index)]", expected: "a string",
            found: JSONFields.describe(characters[index])))
      }
      guard case .number(let start) = starts[index] else {
        throw ReadError(
          problem: .wrongType(
            path: "\(alignment.childPath(startsKey))[\(index)]",
            expected: "a number (milliseconds)", found: JSONFields.describe(starts[index])))
      }
      guard case .number(let duration) = durations[index] else {
        throw ReadError(
          problem: .wrongType(
            path: "\(alignment.childPath(durationsKey))[\(index)]",
            expected: "a number (milliseconds)", found: JSONFields.describe(durations[index])))
      }
      result.append(Context.Character(text: text, start: start / 1000, duration: duration / 1000))
    }
    return result
  }

  /// One context's messages on its own timeline.
  struct Context {
    /// A character with its times in seconds, relative to its message.
    struct Character {
      /// The character as `chars` gives it.
      var text: String
      /// Its start, seconds from the start of its message's audio.
      var start: Double
      /// Its duration, seconds.
      var duration: Double
    }

    /// The `contextId`, or `nil` for messages without one.
    var id: String?
    /// The characters so far, on the context's timeline.
    var characters: [AlignmentReader.TimedCharacter] = []
    /// Where the next message's audio begins, in seconds.
    var clock = 0.0
    /// The audio of the context as one MP3 stream, measured frame by frame.
    var mp3 = MP3Duration()
    /// The last message with characters: where its characters are, where its audio began, and
    /// its text, so that a restart of it can take its place.
    var last: (range: Range<Int>, offset: Double, texts: [String], path: String)?
    /// Messages whose audio could not be measured, followed by a message with characters.
    var unmeasured: [String] = []
    /// Messages whose audio could not be measured, not yet followed by one with characters.
    var pendingUnmeasured: [String] = []

    /// How many characters the message before must have for a message that starts with all
    /// of them to be taken for a restart of it: a short phrase ("No. ") may well be said again
    /// at the start of the next message.
    static let shortestRestart = 10

    /// Places one message: its characters where its audio begins, then its audio on the clock.
    mutating func add(
      audio: [UInt8]?, characters: [Character]?, path: String, warnings: inout [ReadWarning]
    ) {
      let measured = audio.flatMap { mp3.add($0) }
      var offset = clock
      var placed: Range<Int>?
      if let characters, !characters.isEmpty {
        unmeasured += pendingUnmeasured
        pendingUnmeasured = []
        let texts = characters.map(\.text)
        if let last, last.texts.count >= Self.shortestRestart, texts.count >= last.texts.count,
          texts.starts(with: last.texts)
        {
          // A restart from the first character of the message before (pipecat issue 4316):
          // the fuller alignment replaces the partial one, at the partial one's place.
          warnings.append(
            ReadWarning(
              path: path,
              message: "this alignment restarts from the first character of \(last.path), "
                + "repeating its \(last.texts.count) characters and adding "
                + "\(texts.count - last.texts.count); read in its place"))
          self.characters.removeSubrange(last.range)
          offset = last.offset
        }
        let start = self.characters.count
        self.characters += characters.map {
          AlignmentReader.TimedCharacter(
            text: $0.text, start: offset + $0.start, end: offset + $0.start + $0.duration)
        }
        placed = start..<self.characters.count
        self.last = (start..<self.characters.count, offset, texts, path)
      }
      if let measured {
        clock += measured
      } else {
        // Unmeasured audio ends where this message's last character ends (if it has any).
        if let placed, let end = self.characters[placed].map(\.end).max() {
          clock = max(clock, end)
        }
        if audio != nil || placed != nil { pendingUnmeasured.append(path) }
      }
    }

    /// Warns, once, that messages after unmeasured audio may come early.
    func warnAboutUnmeasuredAudio(_ warnings: inout [ReadWarning]) {
      guard let first = unmeasured.first else { return }
      warnings.append(
        ReadWarning(
          path: first,
          message: "the audio of \(unmeasured.count) message(s) could not be measured (it is "
            + "not MP3: raw PCM or μ-law carries no sample rate of its own, or it is empty), so "
            + "each is taken to end with its last character and the next message is placed "
            + "there; pauses after those characters are lost and later times may come early"))
    }
  }
}

/// Measures MP3 audio as it arrives in pieces: the duration of the frames that begin in each
/// piece, from their headers.
struct MP3Duration {
  /// `nil` until the first audio shows whether it is MP3.
  private var isMP3: Bool?
  /// Bytes of the current frame or ID3 tag still to skip, carried into the next piece.
  private var skip = 0
  /// The start of a header cut off at the end of the previous piece.
  private var carry: [UInt8] = []

  /// The duration in seconds of the frames beginning in `bytes`, or `nil` when the audio is
  /// not MP3.
  mutating func add(_ bytes: [UInt8]) -> Double? {
    if isMP3 == false { return nil }
    let data = carry + bytes
    carry = []
    var index = min(skip, data.count)
    skip -= index
    if isMP3 == nil {
      guard data.count - index >= 4 else {
        carry = Array(data[index...])
        return carry.isEmpty ? nil : 0
      }
      isMP3 = Self.isID3(data, at: index) || Self.frame(data, at: index) != nil
      if isMP3 == false { return nil }
    }
    var duration = 0.0
    while index < data.count {
      if data.count - index < 10, Self.mayBeCut(data, at: index) {
        carry = Array(data[index...])
        break
      }
      let length: Int
      if Self.isID3(data, at: index) {
        let size = data[(index + 6)...(index + 9)].reduce(0) { $0 << 7 | Int($1 & 0x7F) }
        length = 10 + size + (data[index + 5] & 0x10 != 0 ? 10 : 0)
      } else if let frame = Self.frame(data, at: index) {
        duration += frame.duration
        length = frame.length
      } else {
        // Lost sync (a damaged or cut frame): look for the next header.
        length = 1
      }
      index += length
    }
    if index > data.count { skip = index - data.count }
    return duration
  }

  /// `true` when the bytes left at `index` could be the start of a header cut off by the end
  /// of the piece.
  private static func mayBeCut(_ data: [UInt8], at index: Int) -> Bool {
    let rest = Array(data[index...])
    if Array("ID3".utf8).starts(with: rest.prefix(3)) { return true }
    return rest.count < 4 && rest.first == 0xFF
  }

  /// `true` when an ID3v2 tag (whose 10-byte header says its size) starts at `index`.
  private static func isID3(_ data: [UInt8], at index: Int) -> Bool {
    data.count - index >= 10 && data[index] == 0x49 && data[index + 1] == 0x44
      && data[index + 2] == 0x33
  }

  /// The frame whose header starts at `index`: its length in bytes and its duration.
  static func frame(_ data: [UInt8], at index: Int) -> (length: Int, duration: Double)? {
    guard data.count - index >= 4, data[index] == 0xFF, data[index + 1] & 0xE0 == 0xE0 else {
      return nil
    }
    let version = Int(data[index + 1] >> 3 & 0x03)  // 0: MPEG 2.5, 2: MPEG 2, 3: MPEG 1
    let layer = Int(data[index + 1] >> 1 & 0x03)  // 1: III, 2: II, 3: I
    let bitrateIndex = Int(data[index + 2] >> 4)
    let rateIndex = Int(data[index + 2] >> 2 & 0x03)
    let padding = Int(data[index + 2] >> 1 & 0x01)
    guard version != 1, layer != 0, bitrateIndex != 0, bitrateIndex != 15, rateIndex != 3 else {
      return nil
    }
    let rates = [
      [11_025, 12_000, 8_000], [], [22_050, 24_000, 16_000], [44_100, 48_000, 32_000],
    ]
    let sampleRate = rates[version][rateIndex]
    let mpeg1 = version == 3
    let kbps: [Int]
    let samples: Int
    switch (mpeg1, layer) {
    case (true, 3):
      kbps = [0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448]
      samples = 384
    case (true, 2):
      kbps = [0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384]
      samples = 1152
    case (true, _):
      kbps = [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320]
      samples = 1152
    case (false, 3):
      kbps = [0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256]
      samples = 384
    default:
      kbps = [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160]
      samples = layer == 1 ? 576 : 1152
    }
    let bitrate = kbps[bitrateIndex] * 1000
    let length =
      layer == 3
      ? (12 * bitrate / sampleRate + padding) * 4
      : samples / 8 * bitrate / sampleRate + padding
    return (length, Double(samples) / Double(sampleRate))
  }
}
