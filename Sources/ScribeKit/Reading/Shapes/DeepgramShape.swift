extension InputShape {
  /// A Deepgram pre-recorded response (`POST /v1/listen`): one transcript per audio channel,
  /// words in seconds.
  public static let deepgram = InputShape(
    name: "deepgram", summary: "a Deepgram response",
    signature:
      "Deepgram `POST /v1/listen`: `results.channels[].alternatives[0].words[]` of `{word, "
      + "punctuated_word, start, end, speaker}`, **seconds** (float32 noise rounded to the "
      + "millisecond); one channel per `results.channels` entry; speaker `0` → `speaker_0`")
}

/// Reads ``InputShape/deepgram``: `{metadata: {duration, channels, ...}, results: {channels:
/// [{alternatives: [{transcript, confidence, words: [{word, punctuated_word?, start, end,
/// confidence, speaker?, speaker_confidence?}]}], detected_language?}], utterances?}}`, seconds.
///
/// Checked against deepgram-js-sdk `src/lib/types/SyncPrerecordedResponse.ts` (`WordBase`,
/// `Channel.detected_language`, `Metadata.duration`, `Utterance`) and the real responses in the
/// shared fixtures (deepgram-python-captions' `test/dg_speakers.json`, `dg_utterances.json`,
/// `dg_whisper_transcription.json`).
///
/// - Each word's text is its `punctuated_word` (capitals and punctuation, with `punctuate` or
///   `smart_format`), else its `word` (Deepgram-hosted Whisper sends no `punctuated_word`).
/// - Deepgram's words carry no spacing: a space is put between two words, except where either
///   side is a Chinese or Japanese character (``TextBreaks``), which are written without one.
/// - Times are float32 values printed as decimals (`5.2799997`, `10.065001`); they are rounded
///   to the millisecond, finer than Deepgram's own resolution.
/// - `results.channels` is one entry per audio channel (`multichannel=true`): each becomes a
///   ``Channel`` with its position as its index; a single channel has none, as in speech to
///   text. A channel's `detected_language` is its language.
/// - `speaker` (an integer, with `diarize=true`) becomes `speaker_0`, `speaker_1`, ..., the
///   labels ElevenLabs uses, so `--speaker-names speaker_0=...` works the same.
/// - `results.utterances` and `paragraphs` repeat the words; they are not read.
struct DeepgramShape: InputShapeReader {
  var shape: InputShape { .deepgram }

  func detect(_ input: ParsedInput) -> ShapeEvidence? {
    guard let results = input.object?["results"]?.objectValue,
      let channels = results["channels"]?.arrayValue
    else { return nil }
    let channel = channels.first?.objectValue
    return ShapeEvidence(
      base: 2,
      [
        ("results.channels", true),
        ("results.channels[].alternatives", channel?["alternatives"] != nil),
        ("results.utterances", results["utterances"] != nil),
        ("metadata.request_id", input.object?["metadata"]?.objectValue?["request_id"] != nil),
      ])
  }

  func read(
    _ input: ParsedInput, options: ReadOptions, warnings: inout [ReadWarning]
  ) throws(ReadError) -> Transcript {
    let root = try JSONFields.object(input.root, path: "$")
    guard let results = try root.optionalObject("results") else {
      throw root.missingOrNull("results", expected: "an object with channels")
    }
    let channelValues = try results.requiredArray("channels")
    guard !channelValues.isEmpty else {
      throw ReadError(
        problem: .invalidValue(
          path: results.childPath("channels"),
          reason: "expected at least one channel's transcript, found an empty array"))
    }
    let metadata = try root.optionalObject("metadata")
    var channels: [Channel] = []
    var languageCode: String?
    for (position, value) in channelValues.enumerated() {
      let channel = try JSONFields.object(
        value, path: "\(results.childPath("channels"))[\(position)]")
      let language = try channel.optionalString("detected_language")
      languageCode = languageCode ?? language
      let words = try readChannel(channel, warnings: &warnings)
      channels.append(
        Channel(
          index: channelValues.count > 1 ? position : nil, languageCode: language, words: words))
    }
    let timed = channels.flatMap(\.words).filter(\.isTimed)
    if timed.isEmpty {
      warnings.append(
        ReadWarning(
          path: results.childPath("channels"),
          message: "the response has no words; every output is empty"))
    }
    var transcript = Transcript(
      languageCode: languageCode, transcriptionID: try metadata?.optionalString("request_id"),
      channels: channels)
    if let metadata, let duration = try metadata.optionalNumber("duration") {
      let lastEnd = timed.map(\.end).max() ?? 0
      // A second of slack: the last word may end on the audio's last frame.
      if lastEnd > duration + 1 {
        warnings.append(
          ReadWarning(
            path: metadata.childPath("duration"),
            message: "the audio lasts \(duration) s but the words run until \(lastEnd) s; "
              + "the times are read as seconds, as Deepgram sends them"))
      }
      transcript.audioDuration = duration
    }
    return transcript
  }

  /// One channel's words (its first alternative), with the spacing Deepgram leaves out.
  private func readChannel(
    _ channel: JSONFields, warnings: inout [ReadWarning]
  ) throws(ReadError) -> [Word] {
    let alternatives = try channel.requiredArray("alternatives")
    guard let first = alternatives.first else {
      warnings.append(
        ReadWarning(
          path: channel.childPath("alternatives"),
          message: "this channel has no alternatives; it has no words"))
      return []
    }
    let alternative = try JSONFields.object(first, path: "\(channel.childPath("alternatives"))[0]")
    let wordsPath = alternative.childPath("words")
    var items: [RawItem] = []
    for (index, value) in try alternative.requiredArray("words").enumerated() {
      let word = try JSONFields.object(value, path: "\(wordsPath)[\(index)]")
      var text = try word.optionalString("punctuated_word")
      if text == nil { text = try word.requiredString("word") }
      let start = try word.optionalNumber("start")
      let end = try word.optionalNumber("end")
      let speaker = try word.optionalInteger("speaker").map { "speaker_\($0)" }
      let shown = text ?? ""
      if let previous = items.last, EngineWords.spaced(previous.text, shown) {
        items.append(
          RawItem(
            container: wordsPath, index: index, text: " ", start: previous.end ?? previous.start,
            end: start ?? previous.end, kind: .spacing, speakerID: previous.speakerID))
      }
      items.append(
        RawItem(
          container: wordsPath, index: index, text: shown, start: start, end: end, kind: .word,
          speakerID: speaker))
    }
    try EngineWords.refuseImpossibleTimes(
      items, path: wordsPath, engine: "Deepgram's", inMilliseconds: false)
    for index in items.indices {
      items[index].start = items[index].start.map(Self.millisecond)
      items[index].end = items[index].end.map(Self.millisecond)
    }
    let words = try TimingRepair.repair(items, warnings: &warnings)
    TimingRepair.warnAboutCollapsedRuns(words, path: wordsPath, warnings: &warnings)
    return words
  }

  /// A float32 time printed as a decimal (`5.2799997`) back to the millisecond it stands for.
  private static func millisecond(_ time: Double) -> Double {
    guard time.isFinite, abs(time) < 1e12 else { return time }
    return (time * 1000).rounded() / 1000
  }

}
