extension InputShape {
  /// The JSON part of a detailed music response (`POST /v1/music/detailed` with
  /// `with_timestamps`): the song's lyrics as timed words.
  public static let musicTimestamps = InputShape(
    name: "music", summary: "a detailed music response with word timestamps",
    signature:
      "`POST /v1/music/detailed` (JSON part, or the whole multipart body): `words_timestamps[]` "
      + "of `{word, start_ms, end_ms}`, milliseconds, beside `composition_plan` and "
      + "`song_metadata`")
}

/// Reads ``InputShape/musicTimestamps``: the lyrics of a generated song, from the JSON part of
/// the `multipart/mixed` answer of `/v1/music/detailed`: `{composition_plan, song_metadata,
/// words_timestamps: [{word, start_ms, end_ms}]}`, times in milliseconds.
///
/// What the SDKs say: elevenlabs-python `src/elevenlabs/music/client.py` (`compose_detailed`,
/// whose `with_timestamps` asks for "the timestamps of the words in the generated song", and
/// which returns the multipart body as bytes), `src/elevenlabs/music_custom.py` and
/// elevenlabs-js `src/wrapper/music.ts` (which split that body: a JSON part, on one line after
/// its `Content-Type: application/json` header, with `composition_plan` and `song_metadata`,
/// then the audio). Neither SDK types the timestamps: the member `words_timestamps` at the top of
/// the JSON part, its items `{word, start_ms, end_ms}` and their unit (milliseconds, as `_ms`
/// says and as `music_length_ms` and the plan's `duration_ms` are) are those of the API's
/// answers as public clients read them; a document without them is not read as this shape.
///
/// - The words carry no spacing: a space is put between two words, except where either side is
///   whitespace already or both are written without spaces (Chinese, Japanese: ``TextBreaks``).
///   Whitespace inside a word's text at either end (a line break after the last word of a lyric
///   line) becomes that spacing: captions have no place for the lyrics' line layout, as
///   text-to-speech alignments have none for their text's.
/// - A response without `words_timestamps` (the song was composed without `with_timestamps`)
///   fails with a message that says so; an empty list (an instrumental song) reads as no words,
///   with a warning.
struct MusicTimestampsShape: InputShapeReader {
  var shape: InputShape { .musicTimestamps }

  func detect(_ input: ParsedInput) -> ShapeEvidence? {
    guard let object = input.object else { return nil }
    let timestamps = object["words_timestamps"] != nil
    // Without timestamps, the plan and the metadata together still say what the document is.
    guard timestamps || (object["composition_plan"] != nil && object["song_metadata"] != nil)
    else { return nil }
    let word = input.firstElement(of: "words_timestamps")
    return ShapeEvidence(
      base: 2,
      [
        ("words_timestamps", timestamps), ("words_timestamps[].start_ms", word?["start_ms"] != nil),
        ("composition_plan", object["composition_plan"] != nil),
        ("song_metadata", object["song_metadata"] != nil),
      ])
  }

  func read(
    _ input: ParsedInput, options: ReadOptions, warnings: inout [ReadWarning]
  ) throws(ReadError) -> Transcript {
    let root = try JSONFields.object(input.root, path: "$")
    guard let values = try root.optionalArray("words_timestamps") else {
      throw ReadError(
        problem: .noTimings(
          reason: "at $.words_timestamps: "
            + (root.has("words_timestamps") ? "null" : "missing")
            + "; this music response has no word timestamps (the song was composed without "
            + "with_timestamps), so its lyrics cannot be captioned"))
    }
    let path = root.childPath("words_timestamps")
    var items: [RawItem] = []
    items.reserveCapacity(values.count * 2)
    for (index, value) in values.enumerated() {
      let entry = try JSONFields.object(value, path: "\(path)[\(index)]")
      let text = try entry.requiredString("word")
      let start = try entry.optionalNumber("start_ms").map { $0 / 1000 }
      let end = try entry.optionalNumber("end_ms").map { $0 / 1000 }
      let word = Whitespace.trimmingWhitespace(text)
      if word.isEmpty {
        // Whitespace alone: spacing, unless spacing is there already.
        if let last = items.last, last.kind != .spacing {
          items.append(
            RawItem(
              container: path, index: index, text: " ", start: start, end: end, kind: .spacing))
        }
        continue
      }
      if let last = items.last, last.kind != .spacing,
        Self.needsSpace(after: last.text, before: text)
      {
        items.append(
          RawItem(
            container: path, index: index, text: " ", start: last.end ?? last.start,
            end: start ?? end, kind: .spacing))
      }
      items.append(
        RawItem(container: path, index: index, text: word, start: start, end: end, kind: .word))
      if text.last?.isWhitespace == true {
        // The spacing the word's text ends with; its time is the word's end.
        items.append(
          RawItem(container: path, index: index, text: " ", start: end, end: end, kind: .spacing))
      }
    }
    let words = try TimingRepair.repair(items, warnings: &warnings)
    TimingRepair.warnAboutCollapsedRuns(words, path: path, warnings: &warnings)
    if !words.contains(where: \.isTimed) {
      warnings.append(
        ReadWarning(
          path: path,
          message: "the song has no timed words (an instrumental?); every output is "
            + "empty"))
    }
    return Transcript(channels: [Channel(index: nil, words: words)])
  }

  /// `true` when a space goes between a word (trimmed) and the next word's text: the next one
  /// began with whitespace of its own, or neither is Chinese or Japanese, written without one.
  private static func needsSpace(after previous: String, before next: String) -> Bool {
    guard let last = previous.last, let first = next.first else { return false }
    if first.isWhitespace { return true }
    return !TextBreaks.isUnitCharacter(last) && !TextBreaks.isUnitCharacter(first)
  }
}
