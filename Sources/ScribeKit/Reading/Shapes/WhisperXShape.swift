extension InputShape {
  /// whisperX's JSON: Whisper's segments after forced alignment (and, optionally, diarization),
  /// in seconds, with words that could not be aligned left without times.
  public static let whisperX = InputShape(
    name: "whisperx", summary: "a whisperX transcript",
    signature:
      "whisperX's JSON: `segments[]` of `{start, end, text, speaker, words[{word, start, end, "
      + "score, speaker}]}` and `word_segments`, seconds; spacing from the segment's text; words "
      + "without times placed between their neighbours; speakers `SPEAKER_00` kept as they are")
}

/// Reads ``InputShape/whisperX``: `{segments: [{start, end, text, speaker?, words: [{word,
/// start?, end?, score?, speaker?}]}], word_segments: [...], language}`, seconds.
///
/// Checked against m-bain/whisperX `whisperx/alignment.py` (`align` returns `segments` of
/// `{start, end, text, words}` and `word_segments`; a word that could not be aligned, such as a
/// numeral, has only `word`), `whisperx/diarize.py` (`assign_word_speakers` sets `speaker` on a
/// segment and on each word it can place; others get none), `whisperx/utils.py` (`WriteJSON`),
/// and the real files in `../shared/fixtures/engines/whisperx`.
///
/// - Words carry no spaces (`Bonjour,`), so each segment's words are found in its `text`, which
///   gives the spacing; a Chinese or Japanese segment, aligned character by character, stays
///   without spaces.
/// - A word without `start`/`end` is placed between its neighbours, with a warning
///   (``TimingRepair``).
/// - A word's `speaker`, else its segment's (with one warning counting the words that had
///   none), is its speaker, unchanged (`SPEAKER_00`). `score` (an alignment score, not the
///   model's probability) is not kept.
/// - `word_segments` repeats the segments' words and is read only when the segments have none.
/// - Words of many seconds (`Bonjour.` stretched over 22 s of ringing before the reply) are
///   kept as whisperX gives them, so a cue holding only such a word lasts as long.
struct WhisperXShape: InputShapeReader {
  var shape: InputShape { .whisperX }

  func detect(_ input: ParsedInput) -> ShapeEvidence? {
    guard let object = input.object, object["segments"] != nil || object["word_segments"] != nil,
      !WhisperFamily.isOpenAIResponse(object)
    else { return nil }
    let segment = input.firstElement(of: "segments")
    // An unaligned word has only `word`: the first few are looked at for one with a score.
    let words = segment?["words"]?.arrayValue?.prefix(20).compactMap(\.objectValue) ?? []
    let scored = words.contains { $0["score"] != nil && $0["word"] != nil }
    guard object["word_segments"] != nil || scored, segment?["tokens"] == nil else { return nil }
    return ShapeEvidence(
      base: 3,
      [
        ("word_segments", object["word_segments"] != nil),
        ("segments[].words[].score", scored),
        ("segments[].speaker", segment?["speaker"] != nil),
      ])
  }

  func read(
    _ input: ParsedInput, options: ReadOptions, warnings: inout [ReadWarning]
  ) throws(ReadError) -> Transcript {
    let root = try JSONFields.object(input.root, path: "$")
    let segmentsPath = root.childPath("segments")
    var segments: [JSONFields] = []
    for (position, value) in (try root.optionalArray("segments") ?? []).enumerated() {
      segments.append(try JSONFields.object(value, path: "\(segmentsPath)[\(position)]"))
    }
    var items: [RawItem] = []
    var fallback = WhisperFamily.SegmentFallback()
    var borrowed = 0
    var firstBorrowed: String?
    var segmentsHaveWords = false
    for segment in segments where segment.value("words")?.arrayValue != nil {
      segmentsHaveWords = true
      break
    }
    if segmentsHaveWords || root.value("word_segments") == nil {
      for (position, segment) in segments.enumerated() {
        let speaker = try segment.optionalString("speaker")
        guard let values = try segment.optionalArray("words") else {
          try WhisperFamily.appendSegment(
            segment, container: segmentsPath, index: position, speaker: speaker, into: &items,
            fallback: &fallback)
          continue
        }
        var words: [WhisperFamily.TimedWord] = []
        for (index, value) in values.enumerated() {
          let word = try JSONFields.object(value, path: "\(segment.childPath("words"))[\(index)]")
          var wordSpeaker = try word.optionalString("speaker")
          if wordSpeaker == nil, let speaker {
            wordSpeaker = speaker
            borrowed += 1
            firstBorrowed = firstBorrowed ?? word.path
          }
          words.append(
            WhisperFamily.TimedWord(
              text: try word.requiredString("word"), start: try word.optionalNumber("start"),
              end: try word.optionalNumber("end"), speaker: wordSpeaker,
              container: segment.childPath("words"), index: index))
        }
        WhisperFamily.appendAligned(
          words, text: try segment.optionalString("text"), textPath: segment.childPath("text"),
          into: &items, warnings: &warnings)
      }
    } else {
      // Only word_segments carry words: they take their spacing from all the segments' text.
      var texts: [String] = []
      for segment in segments {
        if let text = try segment.optionalString("text") { texts.append(text) }
      }
      let path = root.childPath("word_segments")
      var words: [WhisperFamily.TimedWord] = []
      for (index, value) in try root.requiredArray("word_segments").enumerated() {
        let word = try JSONFields.object(value, path: "\(path)[\(index)]")
        words.append(
          WhisperFamily.TimedWord(
            text: try word.requiredString("word"), start: try word.optionalNumber("start"),
            end: try word.optionalNumber("end"), speaker: try word.optionalString("speaker"),
            container: path, index: index))
      }
      WhisperFamily.appendAligned(
        words, text: texts.isEmpty ? nil : WhisperFamily.joined(texts),
        textPath: segmentsPath + "[].text", into: &items, warnings: &warnings)
    }
    fallback.warn(path: segmentsPath, warnings: &warnings)
    if borrowed > 0, let firstBorrowed {
      warnings.append(
        ReadWarning(
          path: firstBorrowed,
          message: "\(borrowed) word\(borrowed == 1 ? " has" : "s have") no speaker (whisperX "
            + "could not place them in a speaker's turn); each takes its segment's speaker"))
    }
    let words = try WhisperFamily.words(
      from: items, path: segmentsPath, engine: "whisperX", warnings: &warnings)
    return Transcript(
      languageCode: try root.optionalString("language"),
      channels: [Channel(index: nil, words: words)])
  }
}
