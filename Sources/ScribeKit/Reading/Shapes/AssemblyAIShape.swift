extension InputShape {
  /// An AssemblyAI transcript (`GET /v2/transcript/{id}`): words in milliseconds.
  public static let assemblyAI = InputShape(
    name: "assemblyai", summary: "an AssemblyAI transcript",
    signature:
      "AssemblyAI `GET /v2/transcript/{id}`: `words[]` of `{text, start, end, confidence, "
      + "speaker, channel?}`, **milliseconds**; speakers kept as `A`, `B`; `channel` `\"1\"`, "
      + "`\"2\"` (multichannel) → channels 0, 1")
}

/// Reads ``InputShape/assemblyAI``: `{id, status, audio_url, language_code, text, words: [{text,
/// start, end, confidence, speaker, channel?}], utterances, audio_duration, ...}`, times in
/// integer milliseconds, `audio_duration` in seconds.
///
/// Checked against assemblyai-node-sdk `src/types/word.ts` (`Word`: start and end "in
/// milliseconds", `speaker`, `channel` "1" or "2"), the `TranscriptWord` model of AssemblyAI's
/// OpenAPI clients (`channel`: "left and right channels are channels 1 and 2"), and the real
/// transcripts in the shared fixtures (deepgram-python-captions' `test/assemblyai_utterances.json`,
/// bbc/react-transcript-editor's `assembly_example.json`).
///
/// - The words carry their punctuation ("Yeah.") but no spacing: a space is put between two
///   words, except where either side is a Chinese or Japanese character (``TextBreaks``).
/// - `speaker` is kept as AssemblyAI gives it (`A`, `B`, ...): that is how its transcripts and
///   documentation name speakers, and what `--speaker-names A=Amara` takes.
/// - A word's `channel` (`"1"`, `"2"`, ... with `multichannel` or `dual_channel`) splits the
///   words into channels, numbered from 0 like every other shape's (`"1"` → channel 0).
/// - `utterances` repeat the words; they are read only when `words` is absent or null (an
///   utterance without its `words` is then read as one item, with a warning).
/// - Milliseconds are never guessed: words that would end after 40 hours, minutes apart, or that
///   crowd many
///   words into under a millisecond each (times already in seconds), are refused; words that run
///   past `audio_duration` get a warning.
struct AssemblyAIShape: InputShapeReader {
  var shape: InputShape { .assemblyAI }
  // An AssemblyAI transcript has speech-to-text's `words`; its other members say it is this.
  var refines: InputShape? { .speechToText }

  func detect(_ input: ParsedInput) -> ShapeEvidence? {
    guard let object = input.object else { return nil }
    let words = object["words"]?.arrayValue
    let utterances = object["utterances"]?.arrayValue
    guard words != nil || utterances != nil || object["audio_url"] != nil else { return nil }
    let word =
      words?.first?.objectValue
      ?? utterances?.first?.objectValue?["words"]?.arrayValue?.first?
      .objectValue
    // ElevenLabs' members, which AssemblyAI never sends: such a document is not this.
    if let word,
      ["type", "speaker_id", "logprob", "characters"].contains(where: { word[$0] != nil })
    {
      return nil
    }
    if input.firstElement(of: "utterances")?["start_s"] != nil { return nil }
    let marks: [(String, Bool)] = [
      ("audio_url", object["audio_url"] != nil),
      ("acoustic_model", object["acoustic_model"] != nil),
      ("utterances", utterances != nil && object["results"] == nil),
      ("words[].confidence", word?["confidence"] != nil && word?["text"] != nil),
      ("words[].speaker", word?["speaker"]?.stringValue != nil),
    ]
    guard marks.contains(where: \.1) else { return nil }
    return ShapeEvidence(base: 2, [("words", words != nil)] + marks)
  }

  func read(
    _ input: ParsedInput, options: ReadOptions, warnings: inout [ReadWarning]
  ) throws(ReadError) -> Transcript {
    let root = try JSONFields.object(input.root, path: "$")
    var wordValues: [(value: JSONValue, container: String, index: Int)] = []
    if let words = try root.optionalArray("words") {
      wordValues = words.enumerated().map { ($0.element, "$.words", $0.offset) }
    } else if let utterances = try root.optionalArray("utterances") {
      for (position, value) in utterances.enumerated() {
        let utterance = try JSONFields.object(value, path: "$.utterances[\(position)]")
        let words = try utterance.optionalArray("words") ?? []
        if words.isEmpty {
          // An utterance has a word's members (`text`, `start`, `end`, `speaker`): without
          // its words, its text is read as one item timed by the utterance.
          guard !Whitespace.isBlank(try utterance.optionalString("text") ?? "") else { continue }
          warnings.append(
            ReadWarning(
              path: utterance.childPath("words"),
              message: "this utterance has no words; its text is read as one item timed by the "
                + "utterance"))
          wordValues.append((value, "$.utterances", position))
          continue
        }
        wordValues += words.enumerated().map {
          ($0.element, utterance.childPath("words"), $0.offset)
        }
      }
    } else {
      let status = try root.optionalString("status")
      if let status, status != "completed" {
        throw ReadError(
          problem: .notATranscript(
            reason: "this AssemblyAI transcript's status is \"\(status)\" and it has no words "
              + "yet; fetch it again once its status is \"completed\""))
      }
      throw root.missingOrNull("words", expected: "an array of words")
    }

    var items: [RawItem] = []
    var channelOfItem: [Int?] = []
    for (value, container, index) in wordValues {
      let word = try JSONFields.object(value, path: "\(container)[\(index)]")
      let text = try word.requiredString("text")
      let start = try word.optionalNumber("start")
      let end = try word.optionalNumber("end")
      let channel = try Self.channel(of: word)
      if let previous = items.last, channelOfItem.last == channel,
        EngineWords.spaced(previous.text, text)
      {
        items.append(
          RawItem(
            container: container, index: index, text: " ", start: previous.end ?? previous.start,
            end: start ?? previous.end, kind: .spacing, speakerID: previous.speakerID))
        channelOfItem.append(channel)
      }
      items.append(
        RawItem(
          container: container, index: index, text: text, start: start, end: end, kind: .word,
          speakerID: try word.optionalString("speaker")))
      channelOfItem.append(channel)
    }
    try EngineWords.refuseImpossibleTimes(
      items, path: "$.words", engine: "AssemblyAI's", inMilliseconds: true)
    if let odd = items.first(where: { item in
      item.kind != .spacing
        && [item.start, item.end].contains { $0.map { $0 != $0.rounded() } ?? false }
    }) {
      warnings.append(
        ReadWarning(
          path: odd.path,
          message: "\(TimingRepair.quoted(odd.text)) has a time in fractions of a millisecond, "
            + "which AssemblyAI never sends; the times are read as milliseconds all the same"))
    }
    for index in items.indices {
      items[index].start = items[index].start.map { $0 / 1000 }
      items[index].end = items[index].end.map { $0 / 1000 }
    }
    let words = try TimingRepair.repair(items, warnings: &warnings)
    TimingRepair.warnAboutCollapsedRuns(words, path: "$.words", warnings: &warnings)
    if !words.contains(where: \.isTimed) {
      warnings.append(
        ReadWarning(path: "$.words", message: "the transcript has no words; every output is empty"))
    }

    // One channel per `channel` the words name, in order; one unnamed channel when none does.
    let languageCode = try root.optionalString("language_code")
    var channels: [Channel] = []
    let named = Set(channelOfItem.compactMap { $0 })
    if named.isEmpty {
      channels = [Channel(index: nil, languageCode: languageCode, words: words)]
    } else {
      for index in named.sorted() {
        let own = zip(words, channelOfItem).filter { $0.1 == index }.map(\.0)
        channels.append(Channel(index: index, languageCode: languageCode, words: own))
      }
      if channelOfItem.contains(where: { $0 == nil }) {
        warnings.append(
          ReadWarning(
            path: "$.words",
            message: "some words name no channel while others do; they are left out of the "
              + "channels"))
      }
    }
    var transcript = Transcript(
      languageCode: languageCode, transcriptionID: try root.optionalString("id"),
      channels: channels)
    if let duration = try root.optionalNumber("audio_duration") {
      let lastEnd = words.filter(\.isTimed).map(\.end).max() ?? 0
      // AssemblyAI rounds `audio_duration` to whole seconds.
      if lastEnd > duration + 1 {
        warnings.append(
          ReadWarning(
            path: "$.audio_duration",
            message: "the audio lasts \(duration) s but the words run until \(lastEnd) s; the "
              + "times are read as milliseconds, as AssemblyAI sends them"))
      }
      transcript.audioDuration = duration
    }
    return transcript
  }

  /// The word's channel, from 0: AssemblyAI numbers them from `"1"`, as a string.
  private static func channel(of word: JSONFields) throws(ReadError) -> Int? {
    guard let value = word.value("channel") else { return nil }
    let number: Int?
    switch value {
    case .string(let text): number = Int(text)
    case .number(let value): number = Int(exactly: value)
    default: number = nil
    }
    guard let number, number >= 1 else {
      throw ReadError(
        problem: .invalidValue(
          path: word.childPath("channel"),
          reason: "expected a channel number from \"1\", found \(JSONFields.describe(value))"))
    }
    return number - 1
  }

}
