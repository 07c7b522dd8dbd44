extension InputShape {
  /// A response of the OpenAI API's `/v1/audio/transcriptions` (or `/translations`) as
  /// `verbose_json` or `diarized_json`: seconds, with the words' punctuation in the segments'
  /// text.
  public static let openAITranscription = InputShape(
    name: "openai-verbose-json", summary: "a transcription from the OpenAI API (verbose_json)",
    signature:
      "OpenAI `/v1/audio/transcriptions` `verbose_json`: top-level `words[{word, start, end}]` "
      + "(no punctuation: spacing and punctuation are taken from `segments[].text`) and "
      + "`segments[]`, seconds; `diarized_json` segments with `speaker` (`A`, `B`, kept as they "
      + "are); a recorded session's `Entries[].ResponseBody` too")
}

/// Reads ``InputShape/openAITranscription``: `{task, language, duration, text, segments: [{id,
/// seek, start, end, text, tokens, temperature, avg_logprob, compression_ratio,
/// no_speech_prob}], words: [{word, start, end}], usage}`, seconds.
///
/// Checked against openai-python `src/openai/types/audio/transcription_verbose.py`
/// (`TranscriptionVerbose`: `duration`, `language`, `text`, `segments`, `words`, `usage`),
/// `transcription_word.py` (`word`, `start`, `end`), `transcription_segment.py`,
/// `transcription_diarized.py` and `transcription_diarized_segment.py` (`{id, start, end,
/// speaker, text, type: "transcript.text.segment"}`), and the recorded session of openai-dotnet
/// in `../shared/fixtures/engines/openai-whisper-api`.
///
/// - The words carry neither spaces nor punctuation (`world` where the text says `world,`):
///   they are found in order in the segments' text, joined, and take the spaces and
///   punctuation around them from it (see ``WhisperFamily/appendAligned(_:text:textPath:into:warnings:)``).
///   Without segments, the top-level `text` serves; without either, words are spaced (except
///   Chinese and Japanese) and a warning says punctuation is missing.
/// - Without `words` (the default `timestamp_granularities`, and `diarized_json`), each segment is
///   one timed item, with its `speaker` when diarized.
/// - `language` is a name (`english`), not a code: Whisper's names become their codes (`en`);
///   an unknown name is dropped with a warning. `duration` is the audio's length.
/// - A session recorded by the OpenAI .NET SDK's tests (`{Entries: [{RequestUri, ...,
///   ResponseBody}]}`) is read too: its first entry whose `ResponseBody` is a transcription
///   (an object, or a string of JSON), since the recorder keeps the API's answer unchanged
///   inside it; the uploaded audio in `RequestBody` is ignored.
struct OpenAITranscriptionShape: InputShapeReader {
  var shape: InputShape { .openAITranscription }

  func detect(_ input: ParsedInput) -> ShapeEvidence? {
    guard let object = input.object else { return nil }
    if let (entry, _) = Self.recordedEntry(object) {
      guard let body = entry["ResponseBody"] else { return nil }
      let response = body.objectValue
      return ShapeEvidence(
        base: 3,
        [
          ("Entries[].ResponseBody", true),
          ("Entries[].ResponseBody.task", response?["task"] != nil),
          ("Entries[].ResponseBody.words", response?["words"] != nil),
          ("Entries[].ResponseBody.segments", response?["segments"] != nil),
        ])
    }
    guard WhisperFamily.isOpenAIResponse(object), object["word_segments"] == nil,
      object["words"]?.arrayValue != nil || object["segments"]?.arrayValue != nil
    else { return nil }
    let word = input.firstElement(of: "words")
    let segment = input.firstElement(of: "segments")
    return ShapeEvidence(
      base: 3,
      [
        ("task", object["task"] != nil), ("duration", object["duration"] != nil),
        ("words[].word", word?["word"] != nil), ("segments[].tokens", segment?["tokens"] != nil),
        ("segments[].speaker", segment?["speaker"] != nil),
      ])
  }

  func read(
    _ input: ParsedInput, options: ReadOptions, warnings: inout [ReadWarning]
  ) throws(ReadError) -> Transcript {
    let root = try JSONFields.object(input.root, path: "$")
    let response: JSONFields
    if let (_, position) = Self.recordedEntry(root.object) {
      response = try Self.responseBody(of: root, position: position)
    } else {
      response = root
    }
    var items: [RawItem] = []
    let segments = try response.optionalArray("segments") ?? []
    var segmentFields: [JSONFields] = []
    for (position, value) in segments.enumerated() {
      segmentFields.append(
        try JSONFields.object(value, path: "\(response.childPath("segments"))[\(position)]"))
    }
    if let words = try response.optionalArray("words") {
      var timed: [WhisperFamily.TimedWord] = []
      for (index, value) in words.enumerated() {
        let word = try JSONFields.object(value, path: "\(response.childPath("words"))[\(index)]")
        timed.append(
          WhisperFamily.TimedWord(
            text: try word.requiredString("word"), start: try word.optionalNumber("start"),
            end: try word.optionalNumber("end"), speaker: nil,
            container: response.childPath("words"), index: index))
      }
      var texts: [String] = []
      for segment in segmentFields {
        if let text = try segment.optionalString("text") { texts.append(text) }
      }
      let text: String?
      let textPath: String
      if !texts.isEmpty {
        text = WhisperFamily.joined(texts)
        textPath = response.childPath("segments") + "[].text"
      } else {
        text = try response.optionalString("text")
        textPath = response.childPath("text")
      }
      if text == nil, !timed.isEmpty {
        warnings.append(
          ReadWarning(
            path: response.childPath("words"),
            message: "the response has no text (neither `segments` nor `text`) to take spaces "
              + "and punctuation from; the words are spaced and have no punctuation"))
      }
      WhisperFamily.appendAligned(
        timed, text: text, textPath: textPath, into: &items, warnings: &warnings)
    } else if !segmentFields.isEmpty {
      var fallback = WhisperFamily.SegmentFallback()
      for (position, segment) in segmentFields.enumerated() {
        try WhisperFamily.appendSegment(
          segment, container: response.childPath("segments"), index: position,
          speaker: try segment.optionalString("speaker"), into: &items, fallback: &fallback)
      }
      fallback.warn(path: response.childPath("segments"), warnings: &warnings)
    } else {
      throw ReadError(
        problem: .missingField(
          path: response.childPath("words"),
          expected: "word timings (`words`, requested with timestamp_granularities[]=word) or "
            + "`segments`"))
    }
    let words = try WhisperFamily.words(
      from: items, path: response.path, engine: "the OpenAI API", warnings: &warnings)
    var transcript = Transcript(
      languageCode: try Self.languageCode(response, warnings: &warnings),
      channels: [Channel(index: nil, words: words)])
    transcript.audioDuration = try WhisperFamily.audioDuration(
      response, member: "duration", words: words, warnings: &warnings)
    return transcript
  }

  /// The recorded session's first entry whose response is a transcription, with its position.
  private static func recordedEntry(_ object: JSONObject) -> (JSONObject, Int)? {
    guard let entries = object["Entries"]?.arrayValue else { return nil }
    for (position, value) in entries.enumerated() {
      guard let entry = value.objectValue, let body = entry["ResponseBody"] else { continue }
      if let response = body.objectValue, WhisperFamily.isOpenAIResponse(response) {
        return (entry, position)
      }
      // A recorder may keep the body as the string it received.
      if let text = body.stringValue, text.contains("\"segments\"") || text.contains("\"words\"") {
        return (entry, position)
      }
    }
    return nil
  }

  /// The response recorded in `Entries[position].ResponseBody`: an object, or a string of
  /// JSON parsed here.
  private static func responseBody(
    of root: JSONFields, position: Int
  ) throws(ReadError) -> JSONFields {
    let entries = try root.requiredArray("Entries")
    let entry = try JSONFields.object(entries[position], path: "$.Entries[\(position)]")
    let path = entry.childPath("ResponseBody")
    if entry.value("ResponseBody")?.objectValue != nil,
      let response = try entry.optionalObject("ResponseBody")
    {
      return response
    }
    let text = try entry.requiredString("ResponseBody")
    do {
      return try JSONFields.object(JSONParser.parse(Array(text.utf8)), path: path)
    } catch {
      throw ReadError(
        problem: .invalidValue(
          path: path,
          reason: "expected the API's JSON response in this string, found "
            + "text that is not JSON (\(error))"))
    }
  }

  /// The response's `language` as a code: Whisper names its languages in full (`english`).
  private static func languageCode(
    _ response: JSONFields, warnings: inout [ReadWarning]
  ) throws(ReadError) -> String? {
    guard let language = try response.optionalString("language") else { return nil }
    let lowered = language.lowercased()
    if let code = whisperLanguageCodes[lowered] { return code }
    if whisperLanguageCodes.values.contains(lowered) { return lowered }
    warnings.append(
      ReadWarning(
        path: response.childPath("language"),
        message: "the language \"\(language)\" is none of Whisper's language names; the "
          + "transcript's language is left unset"))
    return nil
  }

  /// Whisper's language names (`whisper/tokenizer.py`, `LANGUAGES`) and their codes; Javanese,
  /// which Whisper codes `jw`, gets its ISO 639-1 code `jv`.
  static let whisperLanguageCodes: [String: String] = [
    "english": "en", "chinese": "zh", "german": "de", "spanish": "es", "russian": "ru",
    "korean": "ko", "french": "fr", "japanese": "ja", "portuguese": "pt", "turkish": "tr",
    "polish": "pl", "catalan": "ca", "dutch": "nl", "arabic": "ar", "swedish": "sv",
    "italian": "it", "indonesian": "id", "hindi": "hi", "finnish": "fi", "vietnamese": "vi",
    "hebrew": "he", "ukrainian": "uk", "greek": "el", "malay": "ms", "czech": "cs",
    "romanian": "ro", "danish": "da", "hungarian": "hu", "tamil": "ta", "norwegian": "no",
    "thai": "th", "urdu": "ur", "croatian": "hr", "bulgarian": "bg", "lithuanian": "lt",
    "latin": "la", "maori": "mi", "malayalam": "ml", "welsh": "cy", "slovak": "sk",
    "telugu": "te", "persian": "fa", "latvian": "lv", "bengali": "bn", "serbian": "sr",
    "azerbaijani": "az", "slovenian": "sl", "kannada": "kn", "estonian": "et",
    "macedonian": "mk", "breton": "br", "basque": "eu", "icelandic": "is", "armenian": "hy",
    "nepali": "ne", "mongolian": "mn", "bosnian": "bs", "kazakh": "kk", "albanian": "sq",
    "swahili": "sw", "galician": "gl", "marathi": "mr", "punjabi": "pa", "sinhala": "si",
    "khmer": "km", "shona": "sn", "yoruba": "yo", "somali": "so", "afrikaans": "af",
    "occitan": "oc", "georgian": "ka", "belarusian": "be", "tajik": "tg", "sindhi": "sd",
    "gujarati": "gu", "amharic": "am", "yiddish": "yi", "lao": "lo", "uzbek": "uz",
    "faroese": "fo", "haitian creole": "ht", "pashto": "ps", "turkmen": "tk", "nynorsk": "nn",
    "maltese": "mt", "sanskrit": "sa", "luxembourgish": "lb", "myanmar": "my", "tibetan": "bo",
    "tagalog": "tl", "malagasy": "mg", "assamese": "as", "tatar": "tt", "hawaiian": "haw",
    "lingala": "ln", "hausa": "ha", "bashkir": "ba", "javanese": "jv", "sundanese": "su",
    "cantonese": "yue",
  ]
}
