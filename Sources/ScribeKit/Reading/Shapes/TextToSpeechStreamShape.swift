extension InputShape {
  /// A text-to-speech `/stream/with-timestamps` body: one JSON object per line.
  public static let textToSpeechStream = InputShape(
    name: "tts-stream", summary: "a text-to-speech stream of JSON chunks",
    signature:
      "`/stream/with-timestamps` newline-delimited JSON; audio-only chunks skipped")
}

/// Reads ``InputShape/textToSpeechStream``: the chunks' alignments on one timeline.
struct TextToSpeechStreamShape: InputShapeReader {
  var shape: InputShape { .textToSpeechStream }

  func detect(_ input: ParsedInput) -> ShapeEvidence? {
    // Several documents can only be a stream; one is a with-timestamps response.
    guard input.values.count > 1 else { return nil }
    return ShapeEvidence(base: 0, [("several JSON documents, one per line", true)])
  }

  /// A one-chunk stream, which is also a with-timestamps response, is read when asked for.
  func accepts(_ input: ParsedInput) -> Bool {
    detect(input) != nil || TextToSpeechShape().detect(input) != nil
  }

  func read(
    _ input: ParsedInput, options: ReadOptions, warnings: inout [ReadWarning]
  ) throws(ReadError) -> Transcript {
    let characters = try AlignmentReader.mergeStream(
      input.values, choice: options.alignment, warnings: &warnings)
    return try AlignmentReader.transcript(
      fromCharacters: characters, path: "$", warnings: &warnings)
  }
}
