import Foundation

extension InputShape {
  /// The JSON that the openai-whisper command line (`--output_format json`) and faster-whisper
  /// (through whisper-ctranslate2 or its own `json` writer) save: segments in seconds, with
  /// their words when word timestamps were requested.
  public static let whisperJSON = InputShape(
    name: "whisper-json", summary: "a transcript from openai-whisper or faster-whisper",
    signature:
      "openai-whisper's or faster-whisper's `--output_format json`: `segments[]` of `{start, end, "
      + "text, tokens, words[{word, start, end, probability}]}`, seconds; without `words` each "
      + "segment is one timed item; segment `speaker` (`SPEAKER_00`) kept as it is")
}

/// Reads ``InputShape/whisperJSON``: `{text, segments: [{id, seek, start, end, text, tokens,
/// temperature, avg_logprob, compression_ratio, no_speech_prob, words}], language}`, seconds.
///
/// Checked against openai/whisper `whisper/transcribe.py` (`transcribe` returns `dict(text,
/// segments, language)`; a segment is `{id, seek, start, end, text, tokens, temperature,
/// avg_logprob, compression_ratio, no_speech_prob}` plus `words` with `word_timestamps`),
/// `whisper/timing.py` (`add_word_timestamps`: `{word, start, end, probability}`, the word
/// keeping its leading space and the punctuation merged into it), faster-whisper
/// `faster_whisper/transcribe.py` (`Segment`, `Word`), and the real files in
/// `../shared/fixtures/engines/openai-whisper-cli` and `faster-whisper`.
///
/// - A word's leading whitespace is the space before it; a word without one continues the word
///   before it (faster-whisper's Catalan `" L"` + `"'esquelet"`), so nothing is invented,
///   except that no space is ever put between two Chinese or Japanese characters.
/// - `probability` becomes the word's ``Word/logprob`` (its natural logarithm).
/// - `words` absent or `null` (no word timestamps requested, or a diarized run that drops them):
///   each segment is one timed item, with a warning, so captions still follow the segments.
/// - A segment's `speaker` (whisper-ctranslate2's diarization: `SPEAKER_00`) becomes its words'
///   speaker, unchanged.
struct WhisperJSONShape: InputShapeReader {
  var shape: InputShape { .whisperJSON }

  func detect(_ input: ParsedInput) -> ShapeEvidence? {
    guard let object = input.object, object["segments"]?.arrayValue != nil,
      // The OpenAI API's (`task`, `duration`, top-level `words`) and whisperX's
      // (`word_segments`, words with `score`) have shapes of their own.
      !WhisperFamily.isOpenAIResponse(object), object["word_segments"] == nil
    else { return nil }
    let segment = input.firstElement(of: "segments")
    let word = segment?["words"]?.arrayValue?.first?.objectValue
    guard word?["score"] == nil else { return nil }
    let marks: [(String, Bool)] = [
      ("segments[].tokens", segment?["tokens"] != nil),
      ("segments[].seek", segment?["seek"] != nil),
      ("segments[].avg_logprob", segment?["avg_logprob"] != nil),
      ("segments[].no_speech_prob", segment?["no_speech_prob"] != nil),
      ("segments[].words[].probability", word?["probability"] != nil),
    ]
    // `segments` alone is ElevenLabs' segmented JSON too: one of Whisper's members is needed.
    guard marks.contains(where: \.1) else { return nil }
    return ShapeEvidence(base: 3, [("segments", true)] + marks)
  }

  func read(
    _ input: ParsedInput, options: ReadOptions, warnings: inout [ReadWarning]
  ) throws(ReadError) -> Transcript {
    let root = try JSONFields.object(input.root, path: "$")
    let segments = try root.requiredArray("segments")
    var items: [RawItem] = []
    var untimedSegments = WhisperFamily.SegmentFallback()
    for (position, value) in segments.enumerated() {
      let segment = try JSONFields.object(value, path: "\(root.childPath("segments"))[\(position)]")
      let speaker = try segment.optionalString("speaker")
      guard let words = try segment.optionalArray("words") else {
        try WhisperFamily.appendSegment(
          segment, container: root.childPath("segments"), index: position, speaker: speaker,
          into: &items, fallback: &untimedSegments)
        continue
      }
      for (index, wordValue) in words.enumerated() {
        let word = try JSONFields.object(wordValue, path: "\(segment.childPath("words"))[\(index)]")
        let probability = try word.optionalNumber("probability")
        WhisperFamily.appendSpaced(
          try word.requiredString("word"), start: try word.optionalNumber("start"),
          end: try word.optionalNumber("end"), speaker: speaker,
          logprob: probability.flatMap { $0 > 0 ? log($0) : nil },
          container: segment.childPath("words"), index: index, into: &items)
      }
    }
    untimedSegments.warn(path: root.childPath("segments"), warnings: &warnings)
    let words = try WhisperFamily.words(
      from: items, path: root.childPath("segments"), engine: "Whisper", warnings: &warnings)
    let language = try root.optionalString("language")
    return Transcript(
      languageCode: language, channels: [Channel(index: nil, languageCode: nil, words: words)])
  }
}

/// What the Whisper family's shapes share: words that carry their own spaces, words aligned to
/// their segment's text, segments read as one item when they have no words, and the check that
/// the times are seconds.
enum WhisperFamily {
  /// `true` for the OpenAI API's `verbose_json` or `diarized_json`: `task`, a numeric
  /// `duration`, or top-level `words` of `{word, start, end}`.
  static func isOpenAIResponse(_ object: JSONObject) -> Bool {
    let word = object["words"]?.arrayValue?.first?.objectValue
    return object["task"] != nil || object["duration"]?.numberValue != nil
      || (word?["word"] != nil && word?["text"] == nil)
  }

  /// Segments read as one item each because they have no words: counted, to be reported once.
  struct SegmentFallback {
    /// How many segments were read whole.
    var count = 0
    /// How many of them hold more than one word, which captions then cannot divide.
    var multiword = 0
    /// The member that would have held the words, for the message.
    var member = "`words`"

    /// One warning for all of them, when a caption may hold more than one word.
    func warn(path: String, warnings: inout [ReadWarning]) {
      guard multiword > 0 else { return }
      warnings.append(
        ReadWarning(
          path: path,
          message: "\(count) segment\(count == 1 ? " has" : "s have") no word timings (\(member) "
            + "absent or null); each is read as one timed item, so captions break only between "
            + "segments"))
    }
  }

  /// Appends a segment without words, the element `index` of the array at `container`, as one
  /// item timed by the segment: `{start, end, text}`.
  static func appendSegment(
    _ segment: JSONFields, container: String, index: Int, speaker: String?,
    into items: inout [RawItem], fallback: inout SegmentFallback
  ) throws(ReadError) {
    let text = try segment.optionalString("text") ?? ""
    let trimmed = Whitespace.trimmingWhitespace(text)
    guard !trimmed.isEmpty else { return }
    fallback.count += 1
    if trimmed.contains(where: \.isWhitespace) { fallback.multiword += 1 }
    appendSpaced(
      text, start: try segment.optionalNumber("start"), end: try segment.optionalNumber("end"),
      speaker: speaker, logprob: nil, container: container, index: index, into: &items)
  }

  /// Appends a word whose text carries its own spacing: a leading space is a spacing item
  /// before it, none glues it to the word before (a continuation such as `"'esquelet"`).
  static func appendSpaced(
    _ text: String, start: Double?, end: Double?, speaker: String?, logprob: Double?,
    container: String, index: Int, into items: inout [RawItem]
  ) {
    let leading = Whitespace.leadingCount(text)
    let trailing = Whitespace.trailingCount(text)
    let trimmed = Whitespace.trimmingWhitespace(text)
    guard !trimmed.isEmpty else {
      // A word of whitespace only is a space and nothing else.
      if !text.isEmpty {
        appendSpace(before: nil, into: &items, container: container, index: index)
      }
      return
    }
    if leading > 0 {
      appendSpace(before: trimmed, into: &items, container: container, index: index)
    }
    items.append(
      RawItem(
        container: container, index: index, text: trimmed, start: start, end: end, kind: .word,
        speakerID: speaker, logprob: logprob))
    if trailing > 0 { appendSpace(before: nil, into: &items, container: container, index: index) }
  }

  /// Appends a spacing item after the last item, unless there is none, the last is spacing
  /// already, or the two sides are Chinese or Japanese characters, which are written without
  /// spaces whatever an engine's tokens say.
  static func appendSpace(
    before next: String?, into items: inout [RawItem], container: String, index: Int
  ) {
    guard let previous = items.last, previous.kind != .spacing else { return }
    if let last = previous.text.last, let first = next?.first,
      TextBreaks.isUnitCharacter(last), TextBreaks.isUnitCharacter(first)
    {
      return
    }
    items.append(
      RawItem(
        container: container, index: index, text: " ", start: previous.end ?? previous.start,
        end: nil, kind: .spacing))
  }

  /// A word as an engine gives it, before its place in the text is known.
  struct TimedWord {
    /// The word as the engine spells it, without spaces.
    var text: String
    /// Its start in seconds, when the engine could time it.
    var start: Double?
    /// Its end in seconds, when the engine could time it.
    var end: Double?
    /// Its speaker, as the engine labels it.
    var speaker: String?
    /// The JSON path of the array holding it, for messages.
    var container: String
    /// Its position in that array.
    var index: Int
  }

  /// Appends `words`, which carry no spaces (and, from the OpenAI API, no punctuation), with the
  /// spacing and punctuation that `text` holds around them.
  ///
  /// Each word is looked for in `text` from where the last one ended. Between two words, the
  /// characters before the first space attach to the word before (`,` after `world`), the
  /// space is a spacing item, and the characters after the last space attach to the word after
  /// (an opening quote or `¿`). No characters between them glue the two (a Japanese sentence,
  /// `well` + `-` + `known`). Text that holds a letter or digit but is in no word is left out
  /// with a warning; a word not found in the text is kept with a warning and the default
  /// spacing (a space, except between Chinese or Japanese characters).
  static func appendAligned(
    _ words: [TimedWord], text: String?, textPath: String, into items: inout [RawItem],
    warnings: inout [ReadWarning]
  ) {
    guard let text else {
      for word in words {
        let trimmed = Whitespace.trimmingWhitespace(word.text)
        guard !trimmed.isEmpty else { continue }
        appendSpace(before: trimmed, into: &items, container: word.container, index: word.index)
        items.append(item(word, text: trimmed))
      }
      return
    }
    var cursor = text.startIndex
    for word in words {
      let trimmed = Whitespace.trimmingWhitespace(word.text)
      guard !trimmed.isEmpty else { continue }
      guard let found = find(trimmed, in: text, from: cursor) else {
        warnings.append(
          ReadWarning(
            path: "\(word.container)[\(word.index)]",
            message: "\(TimingRepair.quoted(trimmed)) is not in the text at \(textPath) where "
              + "the words before it end; kept, with a space before it"))
        appendSpace(before: trimmed, into: &items, container: word.container, index: word.index)
        items.append(item(word, text: trimmed))
        continue
      }
      let gap = text[cursor..<found.lowerBound]
      if cursor == text.startIndex, !gap.contains(where: \.isWhitespace) {
        // A text that starts without a space (whisperX's later sentences) is still a new
        // sentence after the last one.
        appendSpace(before: trimmed, into: &items, container: word.container, index: word.index)
      }
      let prefix = attach(
        gap, into: &items, before: trimmed, word: word, textPath: textPath, warnings: &warnings)
      // The text's spelling is kept, also where the word was found without regard to case.
      items.append(item(word, text: prefix + String(text[found])))
      cursor = found.upperBound
    }
    let rest = text[cursor...]
    if !rest.isEmpty, let last = items.last, last.kind != .spacing {
      let trailing = rest.prefix { !$0.isWhitespace }
      if !trailing.isEmpty, !trailing.contains(where: isLetterOrDigit) {
        items[items.count - 1].text += trailing
      }
      let stray = rest.dropFirst(trailing.contains(where: isLetterOrDigit) ? 0 : trailing.count)
      if stray.contains(where: isLetterOrDigit) {
        warnings.append(
          ReadWarning(
            path: textPath,
            message: "the text ends with \(TimingRepair.quoted(String(stray).trimmed)), which "
              + "is in no word; it is not in the captions"))
      }
    }
  }

  /// Handles the text between the last word and the next: attaches what belongs to the word
  /// before, appends the spacing, and returns what belongs to the word after.
  private static func attach(
    _ gap: Substring, into items: inout [RawItem], before next: String, word: TimedWord,
    textPath: String, warnings: inout [ReadWarning]
  ) -> String {
    guard !gap.isEmpty else { return "" }
    let afterWord = items.last.map { $0.kind != .spacing } ?? false
    var prefix = ""
    var stray = ""
    if let firstSpace = gap.firstIndex(where: \.isWhitespace),
      let lastSpace = gap.lastIndex(where: \.isWhitespace)
    {
      let before = gap[..<firstSpace]
      let after = gap[gap.index(after: lastSpace)...]
      let middle = gap[firstSpace...lastSpace].filter { !$0.isWhitespace }
      if !before.isEmpty {
        if before.contains(where: isLetterOrDigit) || !afterWord {
          stray += before
        } else {
          items[items.count - 1].text += before
        }
      }
      if !middle.isEmpty {
        if middle.contains(where: isLetterOrDigit) {
          stray += (stray.isEmpty ? "" : " ") + middle
        } else if afterWord {
          // A dash between spaces: its own item, at the end of the word before.
          appendSpace(before: middle, into: &items, container: word.container, index: word.index)
          let previous = items.last(where: { $0.kind != .spacing })
          let time = previous?.end ?? previous?.start
          items.append(
            RawItem(
              container: word.container, index: word.index, text: middle, start: time,
              end: time, kind: .word, speakerID: previous?.speakerID))
        }
      }
      appendSpace(before: next, into: &items, container: word.container, index: word.index)
      if after.contains(where: isLetterOrDigit) {
        stray += (stray.isEmpty ? "" : " ") + after
      } else {
        prefix = String(after)
      }
    } else if gap.contains(where: isLetterOrDigit) {
      stray = String(gap)
    } else if afterWord {
      items[items.count - 1].text += gap
    } else {
      prefix = String(gap)
    }
    if !stray.isEmpty {
      warnings.append(
        ReadWarning(
          path: "\(word.container)[\(word.index)]",
          message: "the text at \(textPath) has \(TimingRepair.quoted(stray)) before "
            + "\(TimingRepair.quoted(next)), in no word; it is not in the captions"))
    }
    return prefix
  }

  /// The item of a word found in the text.
  private static func item(_ word: TimedWord, text: String) -> RawItem {
    RawItem(
      container: word.container, index: word.index, text: text, start: word.start, end: word.end,
      kind: .word, speakerID: word.speaker)
  }

  /// How far past the cursor a word is looked for: a word missing from the words should not
  /// make the next one match far ahead and swallow the text in between.
  private static let searchWindow = 200

  /// Where `word` is in `text`, at or after `cursor` and within ``searchWindow`` characters:
  /// as it is written, else without regard to case.
  ///
  /// The search walks the window's characters itself: Foundation's `range(of:)` would copy the
  /// whole text for every word, which is quadratic over a long transcript.
  static func find(
    _ word: String, in text: String, from cursor: String.Index
  ) -> Range<String.Index>? {
    let limit =
      text.index(cursor, offsetBy: searchWindow + word.count, limitedBy: text.endIndex)
      ?? text.endIndex
    let window = text[cursor..<limit]
    let target = Array(word)
    return search(target, in: window) { $0 == $1 }
      ?? search(target, in: window) { $0 == $1 || $0.lowercased() == $1.lowercased() }
  }

  /// The first range of `window` whose characters equal `target`'s by `same`.
  private static func search(
    _ target: [Character], in window: Substring, same: (Character, Character) -> Bool
  ) -> Range<String.Index>? {
    guard let first = target.first else { return nil }
    var start = window.startIndex
    while start < window.endIndex {
      if same(window[start], first) {
        var index = window.index(after: start)
        var matched = 1
        while matched < target.count, index < window.endIndex, same(window[index], target[matched])
        {
          matched += 1
          index = window.index(after: index)
        }
        if matched == target.count { return start..<index }
      }
      start = window.index(after: start)
    }
    return nil
  }

  /// `true` for a character that is part of a word rather than punctuation.
  static func isLetterOrDigit(_ character: Character) -> Bool {
    character.isLetter || character.isNumber
  }

  /// Joins segments' texts into one, with a space between two segments unless they are
  /// Chinese or Japanese characters (whose segments lose the space they may start with).
  static func joined(_ texts: [String]) -> String {
    var result = ""
    for text in texts {
      guard let last = result.last, let first = text.first(where: { !$0.isWhitespace }) else {
        result += text
        continue
      }
      if TextBreaks.isUnitCharacter(last) && TextBreaks.isUnitCharacter(first) {
        result += text.drop(while: \.isWhitespace)
      } else if !last.isWhitespace && !(text.first?.isWhitespace ?? false) {
        // Segments are sentences or phrases: one that starts without a space still follows
        // the last after one.
        result += " " + text
      } else {
        result += text
      }
    }
    return result
  }

  /// The audio's length in seconds from `member`, checked against the words: words that end
  /// well after the audio mean the times are not seconds, or belong to other audio.
  static func audioDuration(
    _ fields: JSONFields, member: String, words: [Word], warnings: inout [ReadWarning]
  ) throws(ReadError) -> Double? {
    guard let duration = try fields.optionalNumber(member) else { return nil }
    guard duration >= 0, duration.isFinite else {
      throw ReadError(
        problem: .invalidValue(
          path: fields.childPath(member),
          reason: "expected a length of audio in seconds, found \(duration)"))
    }
    let lastEnd = words.last(where: \.isTimed)?.end ?? 0
    // A second of slack: engines round, and the last word may end on the audio's last frame.
    if lastEnd > duration + 1 {
      warnings.append(
        ReadWarning(
          path: fields.childPath(member),
          message: "the audio lasts \(duration) s but the words run until \(lastEnd) s; the "
            + "times are read as seconds, as the engine writes them"))
    }
    return duration
  }

  /// Repairs the items' timings and checks that they are seconds: a transcript whose last word
  /// ends after 40 hours, not at the pace of speech (``EngineWords/runsTooLong(lastEnd:starts:)``),
  /// is refused (its times are milliseconds or corrupt), and one
  /// whose words are all under a millisecond apart is warned about.
  static func words(
    from items: [RawItem], path: String, engine: String, unit: String = "seconds",
    warnings: inout [ReadWarning]
  ) throws(ReadError) -> [Word] {
    var items = items
    while items.last?.kind == .spacing { items.removeLast() }
    // A space runs from the end of the word before it to the start of the word after.
    var nextStart: Double?
    for index in items.indices.reversed() {
      if items[index].kind == .spacing {
        if items[index].end == nil, let next = nextStart, next >= items[index].start ?? 0 {
          items[index].end = next
        }
      } else {
        nextStart = items[index].start
      }
    }
    let words = try TimingRepair.repair(items, warnings: &warnings)
    let timed = words.filter(\.isTimed)
    if let last = timed.map(\.end).max(),
      EngineWords.runsTooLong(lastEnd: last, starts: timed.map(\.start))
    {
      throw ReadError(
        problem: .invalidValue(
          path: path,
          reason: "the last word ends at \(last) s, after 40 hours, and not at the pace of "
            + "speech; \(engine) writes \(unit), "
            + "so these times are not \(unit) (milliseconds?) or are corrupt"))
    }
    if timed.count >= 20, let first = timed.first, let last = timed.map(\.end).max(),
      last - first.start < Double(timed.count) * 0.001
    {
      warnings.append(
        ReadWarning(
          path: path,
          message: "\(timed.count) words lie within \(last - first.start) s, under 1 ms a word; "
            + "\(engine) writes \(unit), and they are read as such, but the times may be in "
            + "another unit"))
    }
    TimingRepair.warnAboutCollapsedRuns(words, path: path, warnings: &warnings)
    if timed.isEmpty {
      warnings.append(
        ReadWarning(path: path, message: "the transcript has no words; every output is empty"))
    }
    return words
  }
}

extension StringProtocol {
  /// The text without its leading and trailing whitespace.
  fileprivate var trimmed: String { Whitespace.trimmingWhitespace(String(self)) }
}
