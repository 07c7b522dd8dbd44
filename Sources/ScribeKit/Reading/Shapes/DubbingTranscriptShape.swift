extension InputShape {
  /// A dubbing transcript (`GET /v1/dubbing/{dubbing_id}/transcripts/{language_code}/format/json`):
  /// utterances with their speakers and timed words.
  public static let dubbingTranscript = InputShape(
    name: "dubbing", summary: "a dubbing transcript",
    signature:
      "`GET /v1/dubbing/{id}/transcripts/{language}/format/json`: `utterances[]` of `{text, "
      + "speaker_id, words[]}`, `start_s`/`end_s` in seconds; the `{transcript_format, json}` "
      + "envelope or the bare `{language, utterances}`")
}

/// Reads ``InputShape/dubbingTranscript``: `{transcript_format, srt, webvtt, json: {language,
/// utterances}}` or the bare `{language, utterances}`, where each utterance is `{text,
/// speaker_id, start_s, end_s, words}` and each word `{text, word_type, start_s, end_s,
/// characters: [{text, start_s, end_s}]}`, seconds.
///
/// Checked against elevenlabs-python `src/elevenlabs/types/dubbing_transcripts_response_model.py`
/// (`DubbingTranscriptsResponseModel`: `transcript_format`, `srt`, `webvtt`, `json`),
/// `dubbing_transcript.py` (`language`, `utterances`), `dubbing_transcript_utterance.py`,
/// `dubbing_transcript_word.py` (`word_type` is a free string) and
/// `dubbing_transcript_character.py`.
///
/// - `language` becomes ``Transcript/languageCode``; each utterance's `speaker_id` is its words'
///   speaker.
/// - The SDK does not list `word_type`'s values, so both forms are read: spacing items among the
///   words (`word_type` `spacing`, or a word of whitespace) are kept as they are; where the words
///   have none, the spacing between two words is what the utterance's `text` holds between them,
///   as ``ForcedAlignmentShape`` takes it from its script, and a space where the text does not
///   say, except between Chinese or Japanese characters (``TextBreaks``). Utterances are
///   separated the same way.
/// - An envelope whose `json` is null (the transcript was requested as SRT or WebVTT) holds no
///   word timings: reading it fails and says so.
struct DubbingTranscriptShape: InputShapeReader {
  var shape: InputShape { .dubbingTranscript }

  func detect(_ input: ParsedInput) -> ShapeEvidence? {
    guard let object = input.object else { return nil }
    let json = object["json"]?.objectValue
    let envelope =
      object["transcript_format"] != nil
      && (object["json"] != nil || object["srt"] != nil || object["webvtt"] != nil)
    let bare = object["utterances"]?.arrayValue != nil && object["language"] != nil
    let nested = json?["utterances"] != nil
    guard envelope || bare || nested else { return nil }
    let utterances = (json ?? object)["utterances"]?.arrayValue
    let utterance = utterances?.first?.objectValue
    return ShapeEvidence(
      base: 2,
      [
        ("transcript_format", object["transcript_format"] != nil),
        ("json.utterances", nested), ("utterances", bare),
        ("utterances[].start_s", utterance?["start_s"] != nil),
        ("utterances[].speaker_id", utterance?["speaker_id"] != nil),
      ])
  }

  func read(
    _ input: ParsedInput, options: ReadOptions, warnings: inout [ReadWarning]
  ) throws(ReadError) -> Transcript {
    let root = try JSONFields.object(input.root, path: "$")
    let transcript: JSONFields
    if root.has("transcript_format") || root.has("json") {
      guard let json = try root.optionalObject("json") else {
        let format = try root.optionalString("transcript_format") ?? "another format"
        let held = ["srt", "webvtt"].filter { root.value($0) != nil }
        throw ReadError(
          problem: .notATranscript(
            reason: "at $.json: null; this dubbing transcript was requested in \(format) "
              + "format"
              + (held.isEmpty
                ? ""
                : " (it holds " + held.joined(separator: " and ")
                  + " text)") + " and has no word timings; request it in json format "
              + "(/transcripts/{language}/format/json)"))
      }
      transcript = json
    } else {
      transcript = root
    }
    let languageCode = try transcript.optionalString("language")
    let utterances = try transcript.requiredArray("utterances")
    var items: [RawItem] = []
    var unknownTypes: Set<String> = []
    for (position, value) in utterances.enumerated() {
      let utterance = try JSONFields.object(
        value, path: "\(transcript.childPath("utterances"))[\(position)]")
      try read(utterance, into: &items, unknownTypes: &unknownTypes, warnings: &warnings)
    }
    let words = try TimingRepair.repair(items, warnings: &warnings)
    TimingRepair.warnAboutCollapsedRuns(
      words, path: transcript.childPath("utterances"), warnings: &warnings)
    if !words.contains(where: \.isTimed) {
      warnings.append(
        ReadWarning(
          path: transcript.childPath("utterances"),
          message: "the transcript has no words; every output is empty"))
    }
    return Transcript(
      languageCode: languageCode, channels: [Channel(index: nil, words: words)])
  }

  /// Appends one utterance's words, with the spacing its text gives them.
  private func read(
    _ utterance: JSONFields, into items: inout [RawItem], unknownTypes: inout Set<String>,
    warnings: inout [ReadWarning]
  ) throws(ReadError) {
    let speaker = try utterance.optionalString("speaker_id")
    let text = try utterance.optionalString("text") ?? ""
    let wordsPath = utterance.childPath("words")
    let values = try utterance.optionalArray("words") ?? []
    if values.isEmpty {
      // Text without words: its only times are the utterance's, which still place it.
      guard !Whitespace.isBlank(text) else { return }
      let start = try utterance.optionalNumber("start_s")
      let end = try utterance.optionalNumber("end_s")
      warnings.append(
        ReadWarning(
          path: wordsPath,
          message: "this utterance (\(TimingRepair.quoted(text))) has no words; its text is "
            + "read as one item timed by the utterance"))
      appendSpacing(before: text, start: start, into: &items, path: wordsPath)
      items.append(
        RawItem(
          container: utterance.path, index: 0, text: Whitespace.trimmingWhitespace(text),
          start: start,
          end: end, kind: .word, speakerID: speaker))
      return
    }
    var cursor = text.startIndex
    for (index, value) in values.enumerated() {
      let word = try JSONFields.object(value, path: "\(wordsPath)[\(index)]")
      let wordText = try word.requiredString("text")
      let start = try word.optionalNumber("start_s")
      let end = try word.optionalNumber("end_s")
      let kind = try Self.kind(of: word, text: wordText, unknownTypes: &unknownTypes, &warnings)
      // The utterance's text between the previous word and this one: its spacing.
      var gap: Substring?
      if !wordText.isEmpty, let found = text.range(of: wordText, range: cursor..<text.endIndex) {
        gap = text[cursor..<found.lowerBound]
        cursor = found.upperBound
      }
      if kind != .spacing {
        if let gap, !gap.isEmpty, !Whitespace.isBlank(String(gap)) {
          warnings.append(
            ReadWarning(
              path: word.path,
              message: "the utterance's text has \(TimingRepair.quoted(String(gap))) before "
                + "this word, in no word; it is not in the captions"))
        }
        if let last = items.last, last.kind != .spacing {
          let spaced = gap.map { $0.contains(where: \.isWhitespace) }
          appendSpacing(
            before: wordText, start: start, into: &items, path: wordsPath, index: index,
            spaced: index == 0 ? nil : spaced)
        }
      }
      var characters: [RawCharacter]?
      if let array = try word.optionalArray("characters") {
        var list: [RawCharacter] = []
        list.reserveCapacity(array.count)
        for (offset, element) in array.enumerated() {
          let character = try JSONFields.object(
            element, path: "\(word.childPath("characters"))[\(offset)]")
          list.append(
            RawCharacter(
              text: try character.optionalString("text") ?? "",
              start: try character.optionalNumber("start_s"),
              end: try character.optionalNumber("end_s")))
        }
        characters = list
      }
      items.append(
        RawItem(
          container: wordsPath, index: index, text: wordText, start: start, end: end, kind: kind,
          speakerID: speaker, characters: characters))
    }
  }

  /// Appends a spacing item before a word that starts at `start`, after the last item, unless
  /// the text says there is none (`spaced` is `false`) or, where it does not say (`nil`), the
  /// two are Chinese or Japanese characters, written without a space.
  private func appendSpacing(
    before next: String, start: Double?, into items: inout [RawItem], path: String,
    index: Int = 0, spaced: Bool? = nil
  ) {
    guard let previous = items.last, previous.kind != .spacing else { return }
    if let spaced, !spaced { return }
    if spaced == nil {
      guard let last = previous.text.last, let first = next.first,
        !TextBreaks.isUnitCharacter(last), !TextBreaks.isUnitCharacter(first)
      else { return }
    }
    items.append(
      RawItem(
        container: path, index: index, text: " ", start: previous.end ?? previous.start,
        end: start ?? previous.end, kind: .spacing))
  }

  /// The kind of a word from its `word_type`, whose values the SDK does not list: `word`,
  /// `spacing` and `audio_event` as in speech to text, anything else a word, with one warning
  /// per unknown value.
  private static func kind(
    of word: JSONFields, text: String, unknownTypes: inout Set<String>,
    _ warnings: inout [ReadWarning]
  ) throws(ReadError) -> Word.Kind {
    guard let type = try word.optionalString("word_type") else {
      return SpeechToTextReader.inferredKind(of: text)
    }
    if let known = Word.Kind(rawValue: type) {
      guard known == .spacing, !Whitespace.isBlank(text) else { return known }
      // A spacing item with text would lose it when spacing is trimmed.
      warnings.append(
        ReadWarning(
          path: word.childPath("word_type"),
          message: "a spacing item holds text (\(TimingRepair.quoted(text))); read as a word"))
      return .word
    }
    if unknownTypes.insert(type).inserted {
      warnings.append(
        ReadWarning(
          path: word.childPath("word_type"),
          message: "unknown word_type \"\(type)\"; read as a word (here and wherever it recurs)"))
    }
    return SpeechToTextReader.inferredKind(of: text)
  }
}
