extension InputShape {
  /// An Azure AI Speech transcription: a batch transcription's result, a fast transcription's
  /// response, or the Speech SDK's detailed results saved as an array.
  public static let azureSpeech = InputShape(
    name: "azure-speech", summary: "an Azure AI Speech transcription",
    signature:
      "Azure AI Speech batch transcription: `recognizedPhrases[].nBest[0].words[]` (or "
      + "`displayWords[]`) with `offsetInTicks`/`durationInTicks` in 100-nanosecond ticks; fast "
      + "transcription: `phrases[].words[]` with `offsetMilliseconds`/`durationMilliseconds` "
      + "(or `offset`/`duration`) in milliseconds; Speech SDK detailed results: an array of "
      + "`{Offset, Duration, NBest[{Words}]}` in ticks. Speaker 1 becomes `speaker_1`; "
      + "`channel` 0 is channel 0")
}

/// Reads ``InputShape/azureSpeech``, in its three layouts, each of which names its unit.
///
/// One shape, not three: all are "an Azure Speech transcript" to the person holding one, their
/// defining members differ (`recognizedPhrases`, `phrases`, a top-level array of `NBest`
/// results), and each layout has one unit, so the layout decides it, never the values.
///
/// Checked against Azure-Samples/cognitive-services-speech-sdk (the shared samples
/// `azure-speech/batch-v3-ticks-and-iso-durations.json`,
/// `fast-transcription-diarized-milliseconds.json` and
/// `sdk-detailed-results-offset-duration-ticks.json`, and the ingestion client's
/// `SpeechTranscript`, `RecognizedPhrase`, `NBest`, `Words` and `DisplayWords` models under
/// `samples/ingestion/ingestion-client`), and the Speech to text REST API's documented
/// batch result (`displayWords` with `displayText`, written when
/// `displayFormWordLevelTimestampsEnabled` is set) and fast transcription response
/// (`durationMilliseconds`, `phrases[].offsetMilliseconds`, `words[].text`).
///
/// - Batch: times are `offsetInTicks` and `durationInTicks` (100 ns; written as `400000.0`),
///   or the ISO 8601 `offset`/`duration` (`"PT2.28S"`) when the ticks are missing. The first of
///   `nBest` is read: its `displayWords` (display form, with punctuation) when present, else
///   its `words`, which are the lexical form (lower case, no punctuation, numbers spelt out:
///   "zero zero three zero" where the display says "0030"). `durationInTicks` (or the older
///   `durationTicks`) becomes ``Transcript/audioDuration``.
/// - Fast transcription: `offsetMilliseconds`/`durationMilliseconds`, or `offset`/`duration` as
///   the 2024 preview wrote them, in milliseconds; words carry their display punctuation. The
///   first phrase's `locale` becomes ``Transcript/languageCode``, `durationMilliseconds` (or
///   `duration`) the audio's duration.
/// - SDK detailed results (`[{RecognitionStatus, Offset, Duration, SpeakerId, NBest: [{Display,
///   Words}]}]`, PascalCase, ticks): each phrase's `NBest[0].Words`. Without word timings
///   (`Words: null`, word-level timestamps not requested) a phrase is read as one item, its
///   display text timed by the phrase, with a warning: captions then follow phrases.
/// - A phrase whose recognition did not succeed has no words and adds none. Words are
///   separated by a spacing item, except between Chinese or Japanese characters
///   (``TextBreaks``). Speakers that are numbers become `speaker_N`; other labels are kept.
///   `channel` values become channels when there are several, numbered as Azure numbers them
///   (from 0).
struct AzureSpeechShape: InputShapeReader {
  var shape: InputShape { .azureSpeech }

  /// The layouts, each with its unit and member names.
  private enum Layout {
    /// A batch transcription's result: `recognizedPhrases`, ticks.
    case batch
    /// A fast transcription's response: `phrases`, milliseconds.
    case fast
    /// The Speech SDK's detailed results saved as an array: ticks.
    case sdk

    /// The unit, for messages.
    var unit: String {
      switch self {
      case .batch, .sdk: return "100-nanosecond ticks"
      case .fast: return "milliseconds"
      }
    }

    /// How many units make a second. Times are divided by it, never multiplied by its
    /// inverse, so that whole ticks and milliseconds give the nearest seconds (0.2, not
    /// 0.19999999999999998).
    var perSecond: Double {
      switch self {
      case .batch, .sdk: return 10_000_000
      case .fast: return 1000
      }
    }
  }

  func detect(_ input: ParsedInput) -> ShapeEvidence? {
    if let first = input.root.arrayValue?.first?.objectValue, input.values.count == 1 {
      // A result that recognised nothing (`NoMatch`) has no `NBest`, but has its status.
      guard first["NBest"] != nil || (first["RecognitionStatus"] != nil && first["Offset"] != nil)
      else { return nil }
      return ShapeEvidence(
        base: 10,
        [
          ("[].NBest", true), ("[].Offset", first["Offset"] != nil),
          ("[].RecognitionStatus", first["RecognitionStatus"] != nil),
        ])
    }
    guard let object = input.object else { return nil }
    let phrase = input.firstElement(of: "phrases")
    let fast =
      object["phrases"]?.arrayValue != nil
      && (object["combinedPhrases"] != nil || phrase?["offsetMilliseconds"] != nil
        || (phrase?["words"] != nil && phrase?["offset"]?.numberValue != nil))
    let batch = object["recognizedPhrases"] != nil || object["combinedRecognizedPhrases"] != nil
    guard fast || batch else { return nil }
    let recognized = input.firstElement(of: "recognizedPhrases")
    return ShapeEvidence(
      base: 10,
      [
        ("recognizedPhrases", object["recognizedPhrases"] != nil),
        ("combinedRecognizedPhrases", object["combinedRecognizedPhrases"] != nil),
        ("recognizedPhrases[].nBest", recognized?["nBest"] != nil),
        ("phrases", fast), ("combinedPhrases", object["combinedPhrases"] != nil),
      ])
  }

  func read(
    _ input: ParsedInput, options: ReadOptions, warnings: inout [ReadWarning]
  ) throws(ReadError) -> Transcript {
    if case .array(let phrases) = input.root {
      return try read(phrases: phrases, path: "$", layout: .sdk, warnings: &warnings)
    }
    let root = try JSONFields.object(input.root, path: "$")
    let layout: Layout = root.has("phrases") && !root.has("recognizedPhrases") ? .fast : .batch
    let key = layout == .fast ? "phrases" : "recognizedPhrases"
    var transcript = try read(
      phrases: try root.requiredArray(key), path: root.childPath(key), layout: layout,
      warnings: &warnings)
    let duration: Double?
    if layout == .fast {
      duration =
        try root.optionalNumber("durationMilliseconds") ?? root.value("duration")?.numberValue
    } else if let ticks = try root.optionalNumber("durationInTicks") {
      duration = ticks
    } else {
      duration = try root.optionalNumber("durationTicks")
    }
    transcript.audioDuration = duration.map { $0 / layout.perSecond }
    return transcript
  }

  /// One phrase's words and the members around them.
  private struct Phrase {
    /// The phrase's `channel`, 0 when absent.
    var channel: Int
    /// Its words, or its display text as one item when it has no word timings.
    var words: [RawItem]
    /// Its `locale`.
    var locale: String?
    /// Whether the phrase had text but no word timings, and was read as one item.
    var untimedWords: Bool
  }

  /// The phrases of any layout as channels of words.
  private func read(
    phrases values: [JSONValue], path: String, layout: Layout, warnings: inout [ReadWarning]
  ) throws(ReadError) -> Transcript {
    var phrases: [Phrase] = []
    phrases.reserveCapacity(values.count)
    for (position, value) in values.enumerated() {
      let phrase = try JSONFields.object(value, path: "\(path)[\(position)]")
      phrases.append(try read(phrase, layout: layout))
    }
    let whole = phrases.filter(\.untimedWords).count
    if whole > 0 {
      let member = layout == .sdk ? "NBest[0].Words" : "words"
      warnings.append(
        ReadWarning(
          path: path,
          message: "\(whole) of \(phrases.count) phrases have no word timings (\(member) is "
            + "missing or null: word-level timestamps were not requested); each is read as one "
            + "item timed by its phrase"))
    }
    let numbers = Set(phrases.map(\.channel)).sorted()
    var channels: [Channel] = []
    for number in numbers {
      var builder = EngineWords(unit: layout.unit)
      for phrase in phrases where phrase.channel == number {
        for word in phrase.words { builder.append(word) }
      }
      var words = try builder.words(path: path, warnings: &warnings)
      let index = numbers.count > 1 ? number : nil
      if let index {
        for position in words.indices { words[position].channelIndex = index }
      }
      channels.append(Channel(index: index, words: words))
    }
    if !channels.contains(where: { $0.words.contains(where: \.isTimed) }) {
      warnings.append(
        ReadWarning(path: path, message: "the transcript has no words; every output is empty"))
    }
    if channels.isEmpty { channels = [Channel(index: nil, words: [])] }
    return Transcript(
      languageCode: phrases.first(where: { $0.locale != nil })?.locale, channels: channels)
  }

  /// One phrase.
  private func read(_ phrase: JSONFields, layout: Layout) throws(ReadError) -> Phrase {
    let channel = try phrase.optionalInteger(layout == .sdk ? "Channel" : "channel") ?? 0
    let speaker = try Self.speakerID(phrase, layout == .sdk ? "SpeakerId" : "speaker")
    let locale = try phrase.optionalString(layout == .sdk ? "Locale" : "locale")
    let holder: JSONFields
    let wordsKey: String
    let textKey: String
    switch layout {
    case .fast:
      holder = phrase
      wordsKey = "words"
      textKey = "text"
    case .batch, .sdk:
      let bestKey = layout == .sdk ? "NBest" : "nBest"
      guard let first = try phrase.optionalArray(bestKey)?.first else {
        // A phrase that was not recognised (`NoMatch`, `InitialSilenceTimeout`) has no text.
        return Phrase(channel: channel, words: [], locale: locale, untimedWords: false)
      }
      holder = try JSONFields.object(first, path: phrase.childPath(bestKey) + "[0]")
      if layout == .batch, holder.value("displayWords") != nil {
        wordsKey = "displayWords"
        textKey = "displayText"
      } else {
        wordsKey = layout == .sdk ? "Words" : "words"
        textKey = layout == .sdk ? "Word" : "word"
      }
    }
    let wordsPath = holder.childPath(wordsKey)
    let values = try holder.optionalArray(wordsKey) ?? []
    guard !values.isEmpty else {
      // No word timings: the phrase's display text, timed by the phrase.
      let display =
        layout == .fast
        ? try phrase.optionalString("text")
        : try holder.optionalString(layout == .sdk ? "Display" : "display")
      guard let display, !Whitespace.isBlank(display) else {
        return Phrase(channel: channel, words: [], locale: locale, untimedWords: false)
      }
      let (start, end) = try Self.times(phrase, layout: layout)
      let item = RawItem(
        container: phrase.path, index: 0, text: Whitespace.trimmingWhitespace(display),
        start: start, end: end, kind: .word, speakerID: speaker)
      return Phrase(channel: channel, words: [item], locale: locale, untimedWords: true)
    }
    var words: [RawItem] = []
    words.reserveCapacity(values.count)
    for (index, value) in values.enumerated() {
      let word = try JSONFields.object(value, path: "\(wordsPath)[\(index)]")
      let (start, end) = try Self.times(word, layout: layout)
      words.append(
        RawItem(
          container: wordsPath, index: index, text: try word.requiredString(textKey),
          start: start, end: end, kind: .word, speakerID: speaker))
    }
    return Phrase(channel: channel, words: words, locale: locale, untimedWords: false)
  }

  /// `speaker_N` for a speaker that is a number (or a string of digits); other labels as they
  /// are.
  private static func speakerID(_ phrase: JSONFields, _ key: String) throws(ReadError) -> String? {
    switch phrase.value(key) {
    case nil: return nil
    case .number?:
      return try phrase.optionalInteger(key).map { "speaker_\($0)" }
    case .string(let label)?:
      if label.isEmpty { return nil }
      return label.allSatisfy(\.isASCII) && Int(label) != nil ? "speaker_\(label)" : label
    case let other?:
      throw phrase.wrongType(key, expected: "a speaker number or label", found: other)
    }
  }

  /// An item's start and end in seconds, from its offset and duration in the layout's unit.
  private static func times(
    _ item: JSONFields, layout: Layout
  ) throws(ReadError) -> (start: Double?, end: Double?) {
    let offset: Double?
    let duration: Double?
    switch layout {
    case .batch:
      offset = try ticks(item, "offsetInTicks", iso: "offset")
      duration = try ticks(item, "durationInTicks", iso: "duration")
    case .fast:
      offset = try item.optionalNumber(
        item.has("offsetMilliseconds") ? "offsetMilliseconds" : "offset")
      duration = try item.optionalNumber(
        item.has("durationMilliseconds") ? "durationMilliseconds" : "duration")
    case .sdk:
      offset = try item.optionalNumber("Offset")
      duration = try item.optionalNumber("Duration")
    }
    let start = offset.map { $0 / layout.perSecond }
    let end = offset.map { ($0 + (duration ?? 0)) / layout.perSecond }
    return (start, end)
  }

  /// Ticks from `key`, else from the ISO 8601 duration in `iso` (`"PT1M2.5S"`), converted to
  /// ticks.
  private static func ticks(
    _ item: JSONFields, _ key: String, iso: String
  ) throws(ReadError) -> Double? {
    if let ticks = try item.optionalNumber(key) { return ticks }
    guard let text = try item.optionalString(iso) else { return nil }
    guard let seconds = isoSeconds(text) else {
      throw ReadError(
        problem: .invalidValue(
          path: item.childPath(iso),
          reason: "expected an ISO 8601 duration such as \"PT2.28S\", found \"\(text)\""))
    }
    return seconds * 10_000_000
  }

  /// The seconds of an ISO 8601 time duration, `PT#H#M#S` with any part left out.
  static func isoSeconds(_ text: String) -> Double? {
    guard text.hasPrefix("PT"), text.count > 2 else { return nil }
    var total = 0.0
    var number = ""
    for character in text.dropFirst(2) {
      if character.isNumber || character == "." {
        number.append(character)
        continue
      }
      guard let value = Double(number) else { return nil }
      switch character {
      case "H": total += value * 3600
      case "M": total += value * 60
      case "S": total += value
      default: return nil
      }
      number = ""
    }
    return number.isEmpty ? total : nil
  }
}
