import Foundation

extension InputShape {
  /// whisper.cpp's JSON (`whisper-cli -oj`, or `-ojf` with tokens): segments timed in
  /// milliseconds.
  public static let whisperCpp = InputShape(
    name: "whisper-cpp", summary: "a whisper.cpp transcript",
    signature:
      "whisper.cpp's `-oj`/`-ojf`: `transcription[]` of `{timestamps, offsets, text, tokens}`, "
      + "**milliseconds** in `offsets` (`timestamps` strings `00:00:01,230` when they are "
      + "absent); words from `-ojf`'s tokens, else each segment one timed item; `-di` speakers "
      + "`0`/`1` become `speaker_0`/`speaker_1`")
}

/// Reads ``InputShape/whisperCpp``: `{systeminfo, model, params, result: {language},
/// transcription: [{timestamps: {from, to}, offsets: {from, to}, text, tokens?: [{text,
/// timestamps?, offsets?, id, p, t_dtw}], speaker?, speaker_turn_next?}]}`, milliseconds.
///
/// Checked against ggml-org/whisper.cpp `examples/cli/cli.cpp` (`output_json`: `times_o`
/// writes `timestamps` as `to_timestamp(t, true)` and `offsets` as `t * 10`, whole
/// milliseconds; `-ojf` adds `tokens`, each with its own times when token timestamps are on;
/// `-di` adds `speaker` from `estimate_diarization_speaker`: `"0"`, `"1"` or `"?"`; `-tdrz` adds
/// `speaker_turn_next`). No real file was found; the tests' inputs are built from that source.
///
/// - With `-ojf`'s tokens, words are made from them: special tokens (`[_BEG_]`, `[_TT_150]`)
///   are skipped, a token starting with a space starts a word, any other continues it (`Amer` +
///   `icans` + `,`), and a word runs from its first token's start to its last token's end.
/// - Without tokens, each segment is one timed item (with a warning when a segment holds several
///   words; `-ml 1` makes one segment per word, read as words without one).
/// - `offsets` are milliseconds; where `timestamps` disagree with them by more than 10 ms, a
///   warning says so and `offsets` are kept; without `offsets`, `timestamps` are read.
/// - `-di`'s speaker `"0"` or `"1"` (the louder stereo channel) becomes `speaker_0` or
///   `speaker_1`, as ElevenLabs names speakers; `"?"` is no speaker. `speaker_turn_next` says
///   only that the speaker changes, not who speaks, and is not read.
/// - `result.language` (else `params.language`) is the language.
struct WhisperCppShape: InputShapeReader {
  var shape: InputShape { .whisperCpp }

  func detect(_ input: ParsedInput) -> ShapeEvidence? {
    guard let object = input.object, object["transcription"]?.arrayValue != nil else {
      return nil
    }
    let segment = input.firstElement(of: "transcription")
    let marks: [(String, Bool)] = [
      ("transcription[].offsets", segment?["offsets"] != nil),
      ("transcription[].timestamps", segment?["timestamps"] != nil),
      ("systeminfo", object["systeminfo"] != nil),
      ("result.language", object["result"]?.objectValue?["language"] != nil),
    ]
    // A bare `transcription` array is not enough (ElevenLabs' webhook nests one in `data`).
    guard marks.contains(where: \.1) else { return nil }
    return ShapeEvidence(base: 3, [("transcription", true)] + marks)
  }

  func read(
    _ input: ParsedInput, options: ReadOptions, warnings: inout [ReadWarning]
  ) throws(ReadError) -> Transcript {
    let root = try JSONFields.object(input.root, path: "$")
    let path = root.childPath("transcription")
    var items: [RawItem] = []
    var fallback = WhisperFamily.SegmentFallback(member: "`tokens`, written by -ojf,")
    var disagreement: ReadWarning?
    for (position, value) in try root.requiredArray("transcription").enumerated() {
      let segment = try JSONFields.object(value, path: "\(path)[\(position)]")
      let speaker = try Self.speaker(segment)
      let (start, end) = try Self.times(of: segment, disagreement: &disagreement)
      let tokens = try segment.optionalArray("tokens")
      let text = try segment.optionalString("text") ?? ""
      guard let tokens, !tokens.isEmpty else {
        fallback.count += Whitespace.isBlank(text) ? 0 : 1
        if Whitespace.trimmingWhitespace(text).contains(where: \.isWhitespace) {
          fallback.multiword += 1
        }
        WhisperFamily.appendSpaced(
          text, start: start, end: end, speaker: speaker, logprob: nil, container: path,
          index: position, into: &items)
        continue
      }
      try Self.appendWords(
        of: tokens, path: segment.childPath("tokens"), speaker: speaker, into: &items,
        disagreement: &disagreement)
    }
    fallback.warn(path: path, warnings: &warnings)
    if let disagreement { warnings.append(disagreement) }
    let words = try WhisperFamily.words(
      from: items, path: path, engine: "whisper.cpp", unit: "milliseconds", warnings: &warnings)
    var language = try root.optionalObject("result")?.optionalString("language")
    if language == nil {
      language = try root.optionalObject("params")?.optionalString("language")
    }
    return Transcript(
      languageCode: language == "auto" ? nil : language,
      channels: [Channel(index: nil, words: words)])
  }

  /// Appends the words that a segment's tokens make.
  private static func appendWords(
    of tokens: [JSONValue], path: String, speaker: String?, into items: inout [RawItem],
    disagreement: inout ReadWarning?
  ) throws(ReadError) {
    var current: (text: String, start: Double?, end: Double?, index: Int)?
    func flush() {
      guard let word = current else { return }
      WhisperFamily.appendSpaced(
        word.text, start: word.start, end: word.end, speaker: speaker, logprob: nil,
        container: path, index: word.index, into: &items)
      current = nil
    }
    for (index, value) in tokens.enumerated() {
      let token = try JSONFields.object(value, path: "\(path)[\(index)]")
      let text = try token.requiredString("text")
      // Special tokens: the start of a transcript, timestamps, the end of text.
      if text.hasPrefix("[_") && text.hasSuffix("]") || text.isEmpty { continue }
      let (start, end) = try times(of: token, disagreement: &disagreement)
      if let word = current, Whitespace.leadingCount(text) == 0 {
        current = (word.text + text, word.start ?? start, end ?? word.end, word.index)
      } else {
        flush()
        current = (text, start, end, index)
      }
    }
    flush()
  }

  /// The times in seconds of a segment or token: `offsets` in milliseconds, checked against the
  /// `timestamps` strings, or those strings when there are no offsets.
  private static func times(
    of fields: JSONFields, disagreement: inout ReadWarning?
  ) throws(ReadError) -> (Double?, Double?) {
    let offsets = try fields.optionalObject("offsets")
    let stamps = try fields.optionalObject("timestamps")
    var result: [Double?] = []
    for key in ["from", "to"] {
      let offset = try offsets?.optionalNumber(key).map { $0 / 1000 }
      var stamp: Double?
      if let stamps, let text = try stamps.optionalString(key) {
        guard let seconds = seconds(text) else {
          throw ReadError(
            problem: .invalidValue(
              path: stamps.childPath(key),
              reason: "expected a time such as \"00:01:02,345\", found \"\(text)\""))
        }
        stamp = seconds
      }
      if let offset, let stamp, abs(offset - stamp) > 0.01, disagreement == nil,
        let offsets
      {
        disagreement = ReadWarning(
          path: offsets.childPath(key),
          message: "offsets.\(key) says \(offset * 1000) ms but timestamps.\(key) says \(stamp) "
            + "s; offsets are read, as milliseconds")
      }
      result.append(offset ?? stamp)
    }
    return (result[0], result[1])
  }

  /// Seconds from whisper.cpp's `HH:MM:SS,mmm` (or with a `.`).
  static func seconds(_ text: String) -> Double? {
    let parts = text.split(separator: ":")
    guard parts.count == 3, let hours = Int(parts[0]), let minutes = Int(parts[1]),
      let seconds = Double(parts[2].replacingOccurrences(of: ",", with: "."))
    else { return nil }
    return Double(hours * 3600 + minutes * 60) + seconds
  }

  /// A segment's `-di` speaker: `"0"` and `"1"` become `speaker_0` and `speaker_1`; `"?"`
  /// (neither channel louder) is none.
  private static func speaker(_ segment: JSONFields) throws(ReadError) -> String? {
    guard let speaker = try segment.optionalString("speaker") else { return nil }
    let trimmed = Whitespace.trimmingWhitespace(speaker)
    if trimmed.isEmpty || trimmed == "?" { return nil }
    if Int(trimmed) != nil { return "speaker_\(trimmed)" }
    return trimmed
  }
}
