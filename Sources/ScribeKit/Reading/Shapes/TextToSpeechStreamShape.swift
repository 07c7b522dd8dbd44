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
    // Several documents can only be a stream. One is a one-chunk stream too, but a
    // with-timestamps response first: it scores below ``TextToSpeechShape``.
    if input.values.count > 1 {
      return ShapeEvidence(base: 9, [("several JSON documents, one per line", true)])
    }
    guard let object = input.object else { return nil }
    return ShapeEvidence(
      base: 0,
      [
        ("alignment", object["alignment"] != nil),
        ("normalized_alignment", object["normalized_alignment"] != nil),
      ])
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
