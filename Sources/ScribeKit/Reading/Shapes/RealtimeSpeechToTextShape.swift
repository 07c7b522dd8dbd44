extension InputShape {
  /// A realtime speech-to-text session (`/v1/speech-to-text/realtime`) saved one WebSocket
  /// message per line: its committed transcripts with timestamps, joined in order.
  public static let realtimeSpeechToText = InputShape(
    name: "stt-realtime", summary: "a realtime speech-to-text session",
    signature:
      "`/v1/speech-to-text/realtime` messages, one per line: the `words` of each "
      + "`committed_transcript_with_timestamps`, in order; other messages skipped, errors reported")
}

/// Reads ``InputShape/realtimeSpeechToText``: the WebSocket messages of a realtime session, each
/// with a `message_type`, of which `committed_transcript_with_timestamps` carries `text`,
/// `language_code` and `words` of `{text, start, end, type, speaker_id, logprob, characters}` in
/// seconds, `characters` being a list of plain strings.
///
/// Checked against elevenlabs-js `src/wrapper/realtime/connection.ts` (the message interfaces:
/// `CommittedTranscriptWithTimestampsMessage`, `WordsItem`, the `ServerErrorMessage` union, whose
/// messages carry `error`) and elevenlabs-python `src/elevenlabs/realtime/connection.py` (the
/// `RealtimeEvents` message types and which of them are errors).
///
/// - Committed transcripts are the session's final text; `partial_transcript`,
///   `final_transcript(_with_timestamps)` (the same words before they are committed, which would
///   repeat them), plain `committed_transcript` (sent beside the one with timestamps) and the
///   other known messages are skipped without a word. A `message_type` neither SDK names is
///   skipped with a warning that names it.
/// - Error messages become warnings with their type and text; a session with no committed words
///   fails with the errors it received.
/// - Neither SDK says whether word times run from the session start or restart at each commit.
///   Nothing is re-timed: a commit whose first word starts before the previous commit ended is
///   kept in input order, with a warning that says so.
/// - The words carry their own spacing items, but the last word of one commit and the first of
///   the next have none between them: a space is put there, except between Chinese or Japanese
///   characters (``TextBreaks``), which are written without one.
/// - The words' `characters` are strings without times: there is nothing in them to time, and
///   a ``CharacterTiming`` needs times, so they are not kept; each word keeps its text and times
///   (their text is the word's).
struct RealtimeSpeechToTextShape: InputShapeReader {
  var shape: InputShape { .realtimeSpeechToText }
  /// A session of one message is a document with `words`, as a speech-to-text response is; its
  /// `message_type` says which it is.
  var refines: InputShape? { .speechToText }

  /// The messages that carry the session's committed words.
  static let committedWithTimestamps = "committed_transcript_with_timestamps"

  /// Messages a session sends that hold no committed words: skipped without a warning.
  static let expectedKinds: Set<String> = [
    "session_started", "partial_transcript", "final_transcript",
    "final_transcript_with_timestamps", "committed_transcript", "committed_transcript_entities",
    "edited_transcript", "input_audio_chunk",
  ]

  /// The server's error messages (both SDKs' lists), each with an `error` text.
  static let errorKinds: Set<String> = [
    "error", "auth_error", "quota_exceeded", "commit_throttled", "transcriber_error",
    "unaccepted_terms", "unaccepted_terms_error", "rate_limited", "input_error",
    "invalid_request", "queue_overflow", "resource_exhausted", "session_time_limit_exceeded",
    "chunk_size_exceeded", "insufficient_audio_activity",
  ]

  func detect(_ input: ParsedInput) -> ShapeEvidence? {
    // A message of a kind the SDKs name is enough: a session that failed at once holds nothing
    // else, and its error should be reported as such.
    var known = false
    var committed = false
    for (value, _) in input.values {
      guard case .string(let kind)? = value.objectValue?["message_type"] else { continue }
      if kind == Self.committedWithTimestamps {
        known = true
        committed = true
        break
      }
      known = known || Self.expectedKinds.contains(kind) || Self.errorKinds.contains(kind)
    }
    guard known else { return nil }
    return ShapeEvidence(
      base: 2,
      [
        ("message_type", true), ("committed_transcript_with_timestamps", committed),
        ("several JSON documents, one per line", input.values.count > 1),
      ])
  }

  func read(
    _ input: ParsedInput, options: ReadOptions, warnings: inout [ReadWarning]
  ) throws(ReadError) -> Transcript {
    var items: [RawItem] = []
    var languageCode: String?
    var errors: [String] = []
    var plainCommits = 0
    var finalWithTimestamps = 0
    // The latest end among the words of the commits read so far.
    var sessionEnd: Double?
    for (position, (value, line)) in input.values.enumerated() {
      let path = "$[\(position)] (line \(line))"
      let message = try JSONFields.object(value, path: path)
      guard let kind = try message.optionalString("message_type") else {
        warnings.append(
          ReadWarning(
            path: path,
            message: "a message without message_type (members "
              + message.object.keys.prefix(8).joined(separator: ", ") + "); skipped"))
        continue
      }
      if Self.errorKinds.contains(kind) {
        let described: String
        switch message.value("error") {
        case .string(let text)?: described = "\(kind): \"\(text)\""
        case let other?: described = "\(kind): " + other.kindDescription
        case nil: described = "\(kind) (no error text)"
        }
        errors.append(described)
        warnings.append(ReadWarning(path: path, message: "the server reported \(described)"))
        continue
      }
      guard kind == Self.committedWithTimestamps else {
        if kind == "committed_transcript" { plainCommits += 1 }
        if kind == "final_transcript_with_timestamps" { finalWithTimestamps += 1 }
        if !Self.expectedKinds.contains(kind) {
          warnings.append(
            ReadWarning(path: path, message: "unknown message type \"\(kind)\"; skipped"))
        }
        continue
      }
      if languageCode == nil { languageCode = try message.optionalString("language_code") }
      let words = try message.optionalArray("words") ?? []
      if words.isEmpty {
        if let text = try message.optionalString("text"), !Whitespace.isBlank(text) {
          warnings.append(
            ReadWarning(
              path: message.childPath("words"),
              message: "this commit's text (\(TimingRepair.quoted(text))) comes without words "
                + "or times; it is not in the captions"))
        }
        continue
      }
      var values: [JSONValue] = []
      values.reserveCapacity(words.count)
      for word in words {
        values.append(Self.withoutUntimedCharacters(word))
      }
      var commit = try SpeechToTextReader.readItems(
        values, path: message.childPath("words"), warnings: &warnings)
      let firstStart = commit.first { $0.kind != .spacing }?.start
      if let sessionEnd, let firstStart, firstStart < sessionEnd {
        warnings.append(
          ReadWarning(
            path: message.childPath("words"),
            message: "this commit starts at \(firstStart) s, before the previous commit ended "
              + "(\(sessionEnd) s): the session's times may restart at each commit; kept in "
              + "input order, not re-timed"))
      }
      if let previous = items.last, let next = commit.first,
        let spacing = Self.spacing(between: previous, and: next, path: message.childPath("words"))
      {
        commit.insert(spacing, at: 0)
      }
      for item in commit where item.kind != .spacing {
        if let end = item.end ?? item.start { sessionEnd = max(sessionEnd ?? end, end) }
      }
      items += commit
    }
    guard items.contains(where: { $0.kind != .spacing }) else {
      throw ReadError(
        problem: Self.noWords(
          errors: errors, plainCommits: plainCommits, finalWithTimestamps: finalWithTimestamps))
    }
    let words = try TimingRepair.repair(items, warnings: &warnings)
    TimingRepair.warnAboutCollapsedRuns(words, path: "$", warnings: &warnings)
    return Transcript(
      languageCode: languageCode, channels: [Channel(index: nil, words: words)])
  }

  /// The word without its `characters` when they are plain strings (the committed messages'
  /// form), which have no times to keep; timed characters are read as speech to text's are.
  private static func withoutUntimedCharacters(_ word: JSONValue) -> JSONValue {
    guard case .object(var object) = word,
      let characters = object["characters"]?.arrayValue, !characters.isEmpty,
      characters.allSatisfy({ $0.stringValue != nil })
    else { return word }
    object.members.removeAll { $0.key == "characters" }
    return .object(object)
  }

  /// The spacing between two commits, or `nil` when one is there already or the text is written
  /// without spaces (Chinese, Japanese).
  private static func spacing(between previous: RawItem, and next: RawItem, path: String)
    -> RawItem?
  {
    guard previous.kind != .spacing, next.kind != .spacing,
      let last = previous.text.last, let first = next.text.first,
      !last.isWhitespace, !first.isWhitespace,
      !TextBreaks.isUnitCharacter(last), !TextBreaks.isUnitCharacter(first)
    else { return nil }
    return RawItem(
      container: path, index: 0, text: " ", start: previous.end ?? previous.start,
      end: next.start ?? next.end, kind: .spacing)
  }

  /// Why a session yields no words: the errors it received, or what it sent instead.
  private static func noWords(errors: [String], plainCommits: Int, finalWithTimestamps: Int)
    -> ReadError.Problem
  {
    if !errors.isEmpty {
      return .notATranscript(
        reason: "the realtime session holds no committed words; the server reported "
          + errors.joined(separator: "; "))
    }
    var sent: [String] = []
    if plainCommits > 0 { sent.append("\(plainCommits) committed transcripts without timestamps") }
    if finalWithTimestamps > 0 {
      sent.append("\(finalWithTimestamps) final transcripts that were never committed")
    }
    let instead = sent.isEmpty ? "" : " (it has " + sent.joined(separator: " and ") + ")"
    return .noTimings(
      reason: "the realtime session has no committed_transcript_with_timestamps message with "
        + "words\(instead); captions need the words of a session connected with "
        + "include_timestamps=true")
  }
}
