/// Reads text-to-speech alignments (`/with-timestamps`, bare alignments and streamed chunks) and
/// groups their characters into the words and spacing items of a speech-to-text transcript.
enum AlignmentReader {
  /// One alignment character with its times.
  struct TimedCharacter {
    var text: String
    var start: Double
    var end: Double
  }

  /// Reads a `{characters, character_start_times_seconds, character_end_times_seconds}` object.
  static func readCharacters(_ alignment: JSONFields) throws(ReadError) -> [TimedCharacter] {
    let characters = try alignment.requiredArray("characters")
    let starts = try alignment.requiredArray("character_start_times_seconds")
    let ends = try alignment.requiredArray("character_end_times_seconds")
    guard characters.count == starts.count, starts.count == ends.count else {
      throw ReadError(
        problem: .alignmentLengthMismatch(
          path: alignment.path, characters: characters.count, starts: starts.count,
          ends: ends.count))
    }
    var result: [TimedCharacter] = []
    result.reserveCapacity(characters.count)
    for index in characters.indices {
      guard case .string(let text) = characters[index] else {
        throw ReadError(
          problem: .wrongType(
            path: "\(alignment.childPath("characters"))[\(index)]", expected: "a string",
            found: JSONFields.describe(characters[index])))
      }
      let start = try number(starts[index], "character_start_times_seconds", index, alignment)
      let end = try number(ends[index], "character_end_times_seconds", index, alignment)
      result.append(TimedCharacter(text: text, start: start, end: end))
    }
    return result
  }

  private static func number(
    _ value: JSONValue, _ key: String, _ index: Int, _ alignment: JSONFields
  ) throws(ReadError) -> Double {
    guard case .number(let number) = value else {
      throw ReadError(
        problem: .wrongType(
          path: "\(alignment.childPath(key))[\(index)]", expected: "a number",
          found: JSONFields.describe(value)))
    }
    return number
  }

  /// Picks the chosen alignment of a `/with-timestamps` response or stream chunk.
  ///
  /// Returns `nil` when that alignment is `null` (streams send audio-only chunks like that).
  static func chosenAlignment(
    _ response: JSONFields, choice: AlignmentChoice
  ) throws(ReadError) -> JSONFields? {
    try response.optionalObject(choice.rawValue)
  }

  /// Groups characters into words at whitespace; runs of Han and kana become one unit per
  /// character, with punctuation kept on the unit it belongs to (see ``TextBreaks``).
  ///
  /// Every whitespace run becomes one spacing item holding a single space: line breaks and
  /// indentation in the input text are layout, not speech, and must not leak into captions.
  static func group(_ characters: [TimedCharacter], path: String) -> [RawItem] {
    var items: [RawItem] = []
    var word: [TimedCharacter] = []
    var wordText = ""
    var spaceStart: Double?
    var spaceEnd = 0.0
    var firstIndex = 0

    func flushWord() {
      guard let first = word.first, let last = word.last else { return }
      items.append(
        RawItem(
          container: path, index: firstIndex, text: wordText, start: first.start, end: last.end,
          kind: .word,
          characters: word.map { RawCharacter(text: $0.text, start: $0.start, end: $0.end) }))
      word = []
      wordText = ""
    }
    func flushSpace(at index: Int) {
      guard let start = spaceStart else { return }
      items.append(
        RawItem(
          container: path, index: index, text: " ", start: start, end: spaceEnd, kind: .spacing))
      spaceStart = nil
    }

    for (index, character) in characters.enumerated() where !character.text.isEmpty {
      if character.text.allSatisfy(\.isWhitespace) {
        flushWord()
        if spaceStart == nil { spaceStart = character.start }
        spaceEnd = max(spaceEnd, character.end)
        continue
      }
      flushSpace(at: index)
      if let previous = wordText.last, let next = character.text.first,
        !joinsPreviousCluster(wordText, character.text),
        TextBreaks.canBreak(between: previous, and: next)
      {
        flushWord()
      }
      if word.isEmpty { firstIndex = index }
      word.append(character)
      wordText += character.text
    }
    flushWord()
    flushSpace(at: characters.count)
    return items
  }

  /// `true` when `next` continues the last grapheme cluster of `text` (a combining mark, a
  /// variation selector, the second half of an emoji sequence), which must never be split off.
  private static func joinsPreviousCluster(_ text: String, _ next: String) -> Bool {
    guard let last = text.last, let first = next.first else { return false }
    return String(last).appending(String(first)).count == 1
  }

  /// Merges the chunks of a `/stream/with-timestamps` body into one character timeline.
  ///
  /// Times in this stream run from the start of the request's audio. Should a producer send
  /// chunk-relative times instead (each chunk starting again near zero), the first chunk whose
  /// times go back before the previous chunk's end by more than `tolerance` switches to
  /// offsetting every later chunk by the end of the timeline so far (where that chunk's audio
  /// begins, as far as the alignment can tell), with a warning.
  static func mergeStream(
    _ chunks: [(value: JSONValue, line: Int)], choice: AlignmentChoice,
    warnings: inout [ReadWarning]
  ) throws(ReadError) -> [TimedCharacter] {
    let tolerance = 0.05
    var merged: [TimedCharacter] = []
    var offset = 0.0
    var relative = false
    var skipped = 0
    for (position, chunk) in chunks.enumerated() {
      let path = "$[\(position)] (line \(chunk.line))"
      let fields = try JSONFields.object(chunk.value, path: path)
      guard fields.has("audio_base64") || fields.has("alignment") else {
        throw ReadError(
          problem: .unrecognizedShape(path: path, keys: fields.object.keys))
      }
      guard let alignment = try chosenAlignment(fields, choice: choice) else {
        skipped += 1
        continue
      }
      var characters = try readCharacters(alignment)
      guard let first = characters.first else { continue }
      let timelineEnd = merged.last?.end ?? 0
      if !relative, !merged.isEmpty, first.start + offset < timelineEnd - tolerance {
        relative = true
        warnings.append(
          ReadWarning(
            path: path,
            message: "this chunk's times restart at \(first.start) s although the stream had "
              + "reached \(timelineEnd) s; reading chunk times as relative to each chunk"))
      }
      if relative { offset = timelineEnd }
      if offset != 0 {
        for index in characters.indices {
          characters[index].start += offset
          characters[index].end += offset
        }
      }
      merged += characters
    }
    if merged.isEmpty && !chunks.isEmpty {
      throw ReadError(
        problem: .noTimings(
          reason: "none of the \(chunks.count) stream chunks has a \(choice.rawValue) "
            + "(\(skipped) carry audio only)"))
    }
    return merged
  }

  /// The transcript of the alignment `choice` names among `fields`' `alignment` and
  /// `normalized_alignment`, saying which one to choose instead when the chosen one is null.
  static func transcript(
    choosingFrom fields: JSONFields, choice: AlignmentChoice, warnings: inout [ReadWarning]
  ) throws(ReadError) -> Transcript {
    guard let chosen = try chosenAlignment(fields, choice: choice) else {
      let other: AlignmentChoice = choice == .original ? .normalized : .original
      throw ReadError(
        problem: .alignmentIsNull(choice, otherIsPresent: fields.value(other.rawValue) != nil))
    }
    return try transcript(
      fromCharacters: readCharacters(chosen), path: chosen.path, warnings: &warnings)
  }

  /// A one-channel transcript of `characters` grouped into words, with timings repaired.
  static func transcript(
    fromCharacters characters: [TimedCharacter], path: String, warnings: inout [ReadWarning]
  ) throws(ReadError) -> Transcript {
    let items = group(characters, path: path + ".characters")
    let words = try TimingRepair.repair(items, warnings: &warnings)
    return Transcript(channels: [Channel(index: nil, words: words)])
  }
}
