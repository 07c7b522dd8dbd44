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
    // Several documents are a stream; one is a with-timestamps response. Other streams (the
    // websocket's camelCase messages, realtime speech-to-text) have other members, so a chunk
    // must show this stream's own: `audio_base64`, or an alignment of `characters`.
    guard input.values.count > 1 else { return nil }
    var audio = false
    var characters = false
    for (value, _) in input.values {
      guard let chunk = value.objectValue else { return nil }
      audio = audio || chunk["audio_base64"] != nil
      for key in AlignmentChoice.allCases.map(\.rawValue) {
        characters = characters || chunk[key]?.objectValue?["characters"] != nil
      }
      if audio && characters { break }
    }
    return ShapeEvidence(
      base: 0,
      [
        ("several JSON documents, one per line", audio || characters),
        ("audio_base64", audio), ("alignment.characters", characters),
      ])
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
