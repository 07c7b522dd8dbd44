extension InputShape {
  /// A Google Cloud Speech-to-Text response (API v1 or v2) with word time offsets.
  public static let googleSpeech = InputShape(
    name: "google-stt", summary: "a Google Cloud Speech-to-Text response",
    signature:
      "Google Cloud Speech-to-Text v1 or v2 JSON: `results[].alternatives[0].words[]` with "
      + "`startTime`/`endTime` (v1) or `startOffset`/`endOffset` (v2) as durations in seconds "
      + "(`\"1.500s\"`, `\"706s\"` or `{seconds, nanos}`); speaker `speakerTag` 2 or "
      + "`speakerLabel` \"2\" becomes `speaker_2`; `channelTag` 1 is channel 0")
}

/// Reads ``InputShape/googleSpeech``: `{"results": [{"alternatives": [{"transcript", "words":
/// [...]}], "channelTag", "languageCode", "resultEndTime"}]}`, also inside a long-running
/// operation's `response`.
///
/// Checked against the API reference's `WordInfo` and `SpeechRecognitionResult` as the client
/// libraries document them (Ruby google-cloud-speech-v1 `Google::Cloud::Speech::V1::WordInfo`:
/// `start_time`, `end_time`, `word`, `confidence`, `speaker_tag` "from 1 to
/// diarization_speaker_count", `speaker_label`; PHP `V1.WordInfo`; the Dart v1 and v2
/// `cloud_speech.pb` `SpeechRecognitionAlternative.words`: "When enable_speaker_diarization is
/// true, you will see all the words from the beginning of the audio", and v2
/// `RecognitionFeatures.diarizationConfig`: "the diarization results will be provided only in
/// the top alternative of the FINAL SpeechRecognitionResult"; apitools `SpeechRecognitionResult`
/// for v2's `resultEndOffset` and `channelTag` "from 1 to N"), and against the shared sample
/// written by the v1 API (`google-stt/v1-duration-strings-no-punctuation.json`).
///
/// - Times are protobuf durations in seconds, in either JSON form: a string with an `s`
///   (`"13.300s"`, `"706s"`) or an object `{seconds, nanos}` whose members are left out when
///   zero (`seconds` may be a string, as int64 values are in JSON). A word without a time is
///   placed by the timing repair, with a warning.
/// - Only the first alternative of each result is read; words are separated by a spacing item,
///   except between Chinese or Japanese characters (``TextBreaks``). Google's words carry their
///   own punctuation when automatic punctuation was requested.
/// - With speaker diarization, the last result repeats every word of the audio with its
///   speaker: when only the last result of a channel has speakers, only it is read, so no word
///   is read twice. Speakers become `speaker_N` from `speakerTag` N or a `speakerLabel` that is
///   a number; other labels are kept.
/// - Results with a `channelTag` become channels, `channelTag` N as channel N − 1 so channels
///   count from 0 as everywhere else in ScribeKit; one channel is read as single-channel audio.
/// - The first result's `languageCode` becomes ``Transcript/languageCode``.
struct GoogleSpeechShape: InputShapeReader {
  var shape: InputShape { .googleSpeech }

  func detect(_ input: ParsedInput) -> ShapeEvidence? {
    guard let object = input.object else { return nil }
    let container = object["response"]?.objectValue ?? object
    // Speechmatics' results have `type`; IBM Watson's have `final` and `timestamps` arrays.
    guard let result = container["results"]?.arrayValue?.first?.objectValue,
      result["type"] == nil, result["final"] == nil
    else { return nil }
    let alternative = result["alternatives"]?.arrayValue?.first?.objectValue
    guard alternative?["timestamps"] == nil else { return nil }
    let word = alternative?["words"]?.arrayValue?.first?.objectValue
    let ends = result["resultEndTime"] != nil || result["resultEndOffset"] != nil
    guard result["alternatives"]?.arrayValue != nil || ends else { return nil }
    return ShapeEvidence(
      base: 10,
      [
        ("results[].alternatives", result["alternatives"] != nil),
        ("results[].resultEndTime", ends),
        (
          "results[].alternatives[].words[].startTime",
          word?["startTime"] != nil || word?["startOffset"] != nil
        ),
        ("results[].alternatives[].transcript", alternative?["transcript"] != nil),
      ])
  }

  func read(
    _ input: ParsedInput, options: ReadOptions, warnings: inout [ReadWarning]
  ) throws(ReadError) -> Transcript {
    var container = try JSONFields.object(input.root, path: "$")
    if let response = try container.optionalObject("response"), response.has("results") {
      container = response
    }
    let resultsPath = container.childPath("results")
    let values = try container.requiredArray("results")
    var results: [Result] = []
    results.reserveCapacity(values.count)
    for (position, value) in values.enumerated() {
      let fields = try JSONFields.object(value, path: "\(resultsPath)[\(position)]")
      results.append(try Self.result(fields))
    }
    // Channels in the order Google numbers them.
    let tags = Set(results.map(\.channelTag)).sorted()
    var channels: [Channel] = []
    for tag in tags {
      let own = results.filter { $0.channelTag == tag }
      var builder = EngineWords(unit: "seconds")
      for result in Self.withoutRepeats(own) {
        for word in result.words { builder.append(word) }
      }
      let index = tags.count > 1 ? max(0, tag - 1) : nil
      var words = try builder.words(path: resultsPath, warnings: &warnings)
      if let index {
        for position in words.indices { words[position].channelIndex = index }
      }
      channels.append(
        Channel(
          index: index, languageCode: tags.count > 1 ? own.first?.languageCode : nil,
          words: words))
    }
    if channels.isEmpty { channels = [Channel(index: nil, words: [])] }
    if !channels.contains(where: { $0.words.contains(where: \.isTimed) }) {
      warnings.append(
        ReadWarning(
          path: resultsPath, message: "the response has no words; every output is empty"))
    }
    return Transcript(
      languageCode: results.first(where: { $0.languageCode != nil })?.languageCode,
      channels: channels)
  }

  /// One result as read: its channel, language and first alternative's words.
  private struct Result {
    /// The result's `channelTag`, 0 when absent.
    var channelTag: Int
    /// The result's `languageCode`.
    var languageCode: String?
    /// The first alternative's words, untimed ones included.
    var words: [RawItem]
    /// Whether any word names its speaker.
    var hasSpeakers: Bool
  }

  /// The results of one channel without the diarization's repeat: when only the last result
  /// carries speakers, it holds every word again and is the only one read.
  private static func withoutRepeats(_ results: [Result]) -> [Result] {
    let withWords = results.filter { !$0.words.isEmpty }
    guard let last = withWords.last, last.hasSpeakers, withWords.count > 1,
      !withWords.dropLast().contains(where: \.hasSpeakers)
    else { return results }
    return [last]
  }

  /// A result's members.
  private static func result(_ result: JSONFields) throws(ReadError) -> Result {
    let channelTag = try result.optionalInteger("channelTag") ?? 0
    let languageCode = try result.optionalString("languageCode")
    let alternatives = try result.optionalArray("alternatives") ?? []
    guard let first = alternatives.first else {
      return Result(
        channelTag: channelTag, languageCode: languageCode, words: [], hasSpeakers: false)
    }
    let alternative = try JSONFields.object(first, path: result.childPath("alternatives") + "[0]")
    let wordsPath = alternative.childPath("words")
    var words: [RawItem] = []
    var hasSpeakers = false
    for (index, value) in (try alternative.optionalArray("words") ?? []).enumerated() {
      let word = try JSONFields.object(value, path: "\(wordsPath)[\(index)]")
      let speaker = try speakerID(word)
      hasSpeakers = hasSpeakers || speaker != nil
      words.append(
        RawItem(
          container: wordsPath, index: index, text: try word.requiredString("word"),
          start: try duration(word, "startTime", "startOffset"),
          end: try duration(word, "endTime", "endOffset"), kind: .word, speakerID: speaker))
    }
    return Result(
      channelTag: channelTag, languageCode: languageCode, words: words, hasSpeakers: hasSpeakers)
  }

  /// `speaker_N` from `speakerTag` N (0 means none, protobuf's default) or from a numeric
  /// `speakerLabel`; any other label as it is.
  private static func speakerID(_ word: JSONFields) throws(ReadError) -> String? {
    if let label = try word.optionalString("speakerLabel"), !label.isEmpty {
      return label.allSatisfy(\.isASCII) && Int(label) != nil ? "speaker_\(label)" : label
    }
    guard let tag = try word.optionalInteger("speakerTag"), tag != 0 else { return nil }
    return "speaker_\(tag)"
  }

  /// A protobuf duration in seconds: `"1.500s"`, `"706s"` or `{seconds, nanos}`, from the first
  /// of `keys` present (v1's name, then v2's).
  private static func duration(_ word: JSONFields, _ keys: String...) throws(ReadError) -> Double? {
    guard let key = keys.first(where: { word.value($0) != nil }), let value = word.value(key)
    else { return nil }
    let path = word.childPath(key)
    switch value {
    case .string(let text):
      guard text.hasSuffix("s"), let seconds = Double(text.dropLast()), seconds.isFinite else {
        throw ReadError(
          problem: .invalidValue(
            path: path,
            reason: "expected a duration in seconds such as \"1.500s\", found \"\(text)\""))
      }
      return seconds
    case .object(let object):
      let fields = JSONFields(object, path: path)
      let seconds: Double
      switch fields.value("seconds") {
      case nil: seconds = 0
      case .number(let number)?: seconds = number
      case .string(let text)?:
        guard let number = Double(text), number.isFinite else {
          throw ReadError(
            problem: .invalidValue(
              path: fields.childPath("seconds"),
              reason: "expected a whole number of seconds, found \"\(text)\""))
        }
        seconds = number
      case let other?:
        throw fields.wrongType("seconds", expected: "a number of seconds", found: other)
      }
      let nanos = try fields.optionalNumber("nanos") ?? 0
      return seconds + nanos / 1_000_000_000
    default:
      throw word.wrongType(
        key, expected: "a duration (\"1.500s\" or {seconds, nanos})", found: value)
    }
  }
}
