extension InputShape {
  /// A text-to-dialogue `/with-timestamps` response: a text-to-speech response whose
  /// `voice_segments` say which voice speaks each run of characters.
  ///
  /// Each distinct `voice_id` becomes a speaker, `speaker_0`, `speaker_1`, ... numbered in the
  /// order the voices first appear in `voice_segments`, as speech-to-text labels diarized
  /// speakers, so speaker names can be given for them the same way.
  public static let textToDialogue = InputShape(
    name: "dialogue", summary: "a text-to-dialogue with-timestamps response",
    signature:
      "`/text-to-dialogue/with-timestamps`: `alignment` and `voice_segments`; each voice is a "
      + "speaker, `speaker_0`, `speaker_1`, ... in order of first appearance")
}

/// Reads ``InputShape/textToDialogue``: the chosen alignment grouped into words, each word
/// spoken by the voice of the segment holding its first character.
///
/// Field names and types follow elevenlabs-python's
/// `src/elevenlabs/types/audio_with_timestamps_and_voice_segments_response_model.py`
/// (`audio_base64`, `alignment`, `normalized_alignment`, `voice_segments`) and
/// `src/elevenlabs/types/voice_segment.py` (`voice_id`, `start_time_seconds`,
/// `end_time_seconds`, `character_start_index`, `character_end_index` exclusive,
/// `dialogue_input_index`). A dialogue response has every member of a text-to-speech response,
/// so this shape refines ``InputShape/textToSpeech``.
struct TextToDialogueShape: InputShapeReader {
  var shape: InputShape { .textToDialogue }
  var refines: InputShape? { .textToSpeech }

  func detect(_ input: ParsedInput) -> ShapeEvidence? {
    guard let object = input.object, object["voice_segments"] != nil else { return nil }
    return ShapeEvidence(
      base: 1,
      [
        ("voice_segments", true), ("alignment", object["alignment"] != nil),
        ("normalized_alignment", object["normalized_alignment"] != nil),
        ("audio_base64", object["audio_base64"] != nil),
      ])
  }

  func read(
    _ input: ParsedInput, options: ReadOptions, warnings: inout [ReadWarning]
  ) throws(ReadError) -> Transcript {
    let root = try JSONFields.object(input.root, path: "$")
    guard try AlignmentReader.chosenAlignment(root, choice: options.alignment) != nil else {
      let other: AlignmentChoice = options.alignment == .original ? .normalized : .original
      throw ReadError(
        problem: .alignmentIsNull(
          options.alignment, otherIsPresent: root.value(other.rawValue) != nil))
    }
    let chunk = try DialogueReader.chunk(root, choice: options.alignment)
    return try DialogueReader.transcript(
      of: [chunk], choice: options.alignment, path: "$.\(options.alignment.rawValue)",
      warnings: &warnings)
  }
}

/// What text-to-dialogue responses and streams share: voice segments that turn voices into
/// speakers on a character timeline.
///
/// The character indices of `voice_segments` count the characters of the original
/// `alignment`: the SDK documents them as indices "in the characters array", and the ranges in
/// real responses (elevenlabs-python issue 707) follow the lines of the script as sent. When the
/// normalized alignment is read and its characters differ in number from the original's, the
/// indices cannot be carried over, and those characters are left without a speaker, with a
/// warning, rather than given the wrong one.
enum DialogueReader {
  /// One voice segment: a voice and the characters (`start..<end`) it speaks.
  struct Segment {
    /// The segment's path for messages: `$.voice_segments[2]`.
    var path: String
    /// `voice_id`.
    var voiceID: String
    /// `character_start_index`.
    var start: Int
    /// `character_end_index`, exclusive.
    var end: Int
    /// `start_time_seconds`, used only to notice stalled times.
    var startTime: Double?
    /// `end_time_seconds`, used only to notice stalled times.
    var endTime: Double?
  }

  /// One response, or one chunk of a stream.
  struct Chunk {
    /// The chunk's path for messages: `$`, or `$[3] (line 4)`.
    var path: String
    /// The chosen alignment's characters, or `nil` when it is null (audio only).
    var characters: [AlignmentReader.TimedCharacter]?
    /// How many characters the original alignment has, which the segments' indices count;
    /// `nil` when it is absent.
    var referenceCount: Int?
    /// The chunk's `voice_segments`, in order.
    var segments: [Segment]
  }

  /// Reads one response or stream chunk.
  static func chunk(_ fields: JSONFields, choice: AlignmentChoice) throws(ReadError) -> Chunk {
    var characters: [AlignmentReader.TimedCharacter]?
    if let chosen = try AlignmentReader.chosenAlignment(fields, choice: choice) {
      characters = try AlignmentReader.readCharacters(chosen)
    }
    var referenceCount: Int?
    if choice == .original {
      referenceCount = characters?.count
    } else if let original = try fields.optionalObject(AlignmentChoice.original.rawValue) {
      referenceCount = try original.requiredArray("characters").count
    }
    var segments: [Segment] = []
    for (index, value) in (try fields.optionalArray("voice_segments") ?? []).enumerated() {
      let segment = try JSONFields.object(
        value, path: "\(fields.childPath("voice_segments"))[\(index)]")
      segments.append(
        Segment(
          path: segment.path, voiceID: try segment.requiredString("voice_id"),
          start: try requiredIndex(segment, "character_start_index"),
          end: try requiredIndex(segment, "character_end_index"),
          startTime: try segment.optionalNumber("start_time_seconds"),
          endTime: try segment.optionalNumber("end_time_seconds")))
    }
    return Chunk(
      path: fields.path, characters: characters, referenceCount: referenceCount,
      segments: segments)
  }

  /// The character index `key` of a voice segment: a whole number, 0 or more.
  private static func requiredIndex(_ fields: JSONFields, _ key: String) throws(ReadError) -> Int {
    guard let index = try fields.optionalInteger(key) else {
      throw fields.missingOrNull(key, expected: "a whole number")
    }
    guard index >= 0 else {
      throw ReadError(
        problem: .invalidValue(
          path: fields.childPath(key),
          reason: "expected a character index (0 or more), found \(index)"))
    }
    return index
  }

  /// The speaker label of every voice, `speaker_0`, `speaker_1`, ... in order of first
  /// appearance, as speech-to-text numbers diarized speakers.
  static func speakerLabels(_ chunks: [Chunk]) -> [String: String] {
    var labels: [String: String] = [:]
    for segment in chunks.flatMap(\.segments) where labels[segment.voiceID] == nil {
      labels[segment.voiceID] = "speaker_\(labels.count)"
    }
    return labels
  }

  /// The transcript of `chunks` merged on one timeline (stream times run from the start of the
  /// request's audio), each word spoken by the voice of its first character's segment.
  static func transcript(
    of chunks: [Chunk], choice: AlignmentChoice, path: String, warnings: inout [ReadWarning]
  ) throws(ReadError) -> Transcript {
    let labels = speakerLabels(chunks)
    let reference = try referenceSpeakers(chunks, labels: labels, warnings: &warnings)

    var characters: [AlignmentReader.TimedCharacter] = []
    var speakers: [String?] = []
    // Characters of chunks whose segments could not be applied, already warned about.
    var unmapped: [Bool] = []
    var referenceBase = 0
    var mismatched: [String] = []
    for chunk in chunks {
      defer { referenceBase += chunk.referenceCount ?? 0 }
      guard let chunkCharacters = chunk.characters else { continue }
      characters += chunkCharacters
      if let count = chunk.referenceCount, count == chunkCharacters.count {
        speakers += reference[referenceBase..<referenceBase + count]
        unmapped += [Bool](repeating: false, count: count)
      } else {
        if !chunk.segments.isEmpty { mismatched.append(chunk.path) }
        speakers += [String?](repeating: nil, count: chunkCharacters.count)
        unmapped += [Bool](repeating: !chunk.segments.isEmpty, count: chunkCharacters.count)
      }
    }
    if let first = mismatched.first {
      warnings.append(
        ReadWarning(
          path: first,
          message: "the voice segments count the characters of alignment, whose number differs "
            + "from \(choice.rawValue)'s here"
            + (mismatched.count > 1 ? " (and in \(mismatched.count - 1) more chunks)" : "")
            + "; these words are left without a speaker rather than given the wrong one (read "
            + "alignment for speakers)"))
    }
    if chunks.count > 1 {
      warnAboutStalledChunks(chunks, warnings: &warnings)
    } else {
      warnAboutStalledSegments(chunks.flatMap(\.segments), warnings: &warnings)
    }

    var items = AlignmentReader.group(characters, path: path + ".characters")
    var outside: [Int] = []
    for index in items.indices where items[index].kind != .spacing {
      items[index].speakerID = speakers[items[index].index]
      if items[index].speakerID == nil && !unmapped[items[index].index] { outside.append(index) }
    }
    if labels.isEmpty {
      warnings.append(
        ReadWarning(
          path: path, message: "the dialogue has no voice segments; its words have no speaker"))
    } else if let first = outside.first {
      warnings.append(
        ReadWarning(
          path: items[first].path,
          message: "\(outside.count) word(s) lie outside every voice segment (the first is "
            + "\(TimingRepair.quoted(items[first].text))); they have no speaker"))
    }
    let words = try TimingRepair.repair(items, warnings: &warnings)
    return Transcript(channels: [Channel(index: nil, words: words)])
  }

  /// The speaker of each character of the original alignment, all chunks in a row.
  ///
  /// A stream chunk's indices count its own characters (the SDK's "index in the characters
  /// array" of that chunk). Should every segment fit only the characters of the whole stream
  /// so far, the indices are read as counting those instead, with a warning.
  private static func referenceSpeakers(
    _ chunks: [Chunk], labels: [String: String], warnings: inout [ReadWarning]
  ) throws(ReadError) -> [String?] {
    let total = chunks.reduce(0) { $0 + ($1.referenceCount ?? 0) }
    var perChunk = true
    var global = true
    var firstMisfit: (segment: Segment, count: Int)?
    var runningTotal = 0
    for chunk in chunks {
      let count = chunk.referenceCount ?? chunk.characters?.count ?? 0
      runningTotal += chunk.referenceCount ?? 0
      for segment in chunk.segments {
        if segment.end < segment.start {
          throw ReadError(
            problem: .invalidValue(
              path: segment.path + ".character_end_index",
              reason: "the segment ends (\(segment.end)) before it starts (\(segment.start))"))
        }
        if segment.end > count {
          perChunk = false
          if firstMisfit == nil { firstMisfit = (segment, count) }
        }
        if segment.end > runningTotal { global = false }
      }
    }
    if !perChunk && (!global || chunks.count == 1), let misfit = firstMisfit {
      throw ReadError(
        problem: .invalidValue(
          path: misfit.segment.path + ".character_end_index",
          reason: "expected at most \(misfit.count) (the characters of alignment), found "
            + "\(misfit.segment.end)"))
    }
    if !perChunk, let misfit = firstMisfit {
      warnings.append(
        ReadWarning(
          path: misfit.segment.path,
          message: "this segment's character indices run past its chunk's \(misfit.count) "
            + "characters; every chunk's voice segments are read as counting the characters "
            + "of the whole stream"))
    }

    var speakers = [String?](repeating: nil, count: total)
    var overlap: Segment?
    var base = 0
    for chunk in chunks {
      let chunkBase = perChunk ? base : 0
      for segment in chunk.segments {
        let label = labels[segment.voiceID]
        for index in (chunkBase + segment.start)..<min(chunkBase + segment.end, total) {
          if let existing = speakers[index], existing != label {
            if overlap == nil { overlap = segment }
            continue
          }
          speakers[index] = label
        }
      }
      base += chunk.referenceCount ?? 0
    }
    if let overlap {
      warnings.append(
        ReadWarning(
          path: overlap.path,
          message: "this segment overlaps characters of another voice's segment; those "
            + "characters keep the voice of the segment listed first"))
    }
    return speakers
  }

  /// Warns once for every run of stream chunks whose times do not move on: ElevenLabs'
  /// dialogue timestamps are known to stall or repeat after about a minute of audio
  /// (elevenlabs-python issue 707). The words are kept in text order with the times as sent:
  /// the true times are not in the input, and reordering by time would scramble the text.
  private static func warnAboutStalledChunks(_ chunks: [Chunk], warnings: inout [ReadWarning]) {
    let tolerance = 0.05
    var reached = 0.0
    var run: (path: String, first: Double, last: Double, reached: Double, count: Int)?
    func flush() {
      guard let stalled = run else { return }
      let others = stalled.count > 1 ? " and the \(stalled.count - 1) after it" : ""
      warnings.append(
        ReadWarning(
          path: stalled.path,
          message: "the times of this chunk\(others) do not move on: \(stalled.first)–"
            + "\(stalled.last) s after the stream had reached \(stalled.reached) s (a known "
            + "server fault in dialogues longer than about a minute); the words are kept in "
            + "text order with the times as sent"))
      run = nil
    }
    for chunk in chunks {
      guard let characters = chunk.characters, let first = characters.first else { continue }
      let last = characters.map(\.end).max() ?? first.end
      let stalled = reached > 0 && (last <= reached || first.start < reached - tolerance)
      if stalled {
        if run == nil { run = (chunk.path, first.start, last, reached, 0) }
        run?.count += 1
      } else {
        flush()
      }
      reached = max(reached, last)
    }
    flush()
  }

  /// Warns once for every run of voice segments whose times do not move on (the same server
  /// fault as ``warnAboutStalledChunks(_:warnings:)``, seen in one response).
  private static func warnAboutStalledSegments(
    _ segments: [Segment], warnings: inout [ReadWarning]
  ) {
    var reached: Double?
    var run: (segment: Segment, count: Int)?
    func flush() {
      guard let stalled = run, let time = stalled.segment.endTime else { return }
      let others = stalled.count > 1 ? " and the \(stalled.count - 1) after it" : ""
      warnings.append(
        ReadWarning(
          path: stalled.segment.path,
          message: "the times of this voice segment\(others) do not move on past \(time) s "
            + "(a known server fault in dialogues longer than about a minute); their words are "
            + "kept in text order with the times as sent"))
      run = nil
    }
    for segment in segments {
      guard let end = segment.endTime else { continue }
      if let previous = reached, end <= previous {
        if run == nil { run = (segment, 0) }
        run?.count += 1
      } else {
        flush()
      }
      reached = max(reached ?? end, end)
    }
    flush()
  }
}
