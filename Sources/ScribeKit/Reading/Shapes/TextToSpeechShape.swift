extension InputShape {
  /// A text-to-speech `/with-timestamps` response: `{audio_base64, alignment,
  /// normalized_alignment}`.
  public static let textToSpeech = InputShape(
    name: "tts", summary: "a text-to-speech with-timestamps response",
    signature:
      "`/with-timestamps`: `alignment` (default) or `normalized_alignment` (chosen by the "
      + "alignment option)")
}

/// Reads ``InputShape/textToSpeech``: the alignment the options choose, grouped into words.
struct TextToSpeechShape: InputShapeReader {
  var shape: InputShape { .textToSpeech }

  func detect(_ input: ParsedInput) -> ShapeEvidence? {
    guard let object = input.object else { return nil }
    // A text-to-speech WebSocket message has an `alignment` too, but of `chars` in
    // milliseconds, beside `audio`: another shape's.
    if object["audio"] != nil && object["audio_base64"] == nil { return nil }
    if object["alignment"]?.objectValue?["chars"] != nil { return nil }
    return ShapeEvidence(
      base: 1,
      [
        ("alignment", object["alignment"] != nil),
        ("normalized_alignment", object["normalized_alignment"] != nil),
        ("audio_base64", object["audio_base64"] != nil),
      ])
  }

  func read(
    _ input: ParsedInput, options: ReadOptions, warnings: inout [ReadWarning]
  ) throws(ReadError) -> Transcript {
    try AlignmentReader.transcript(
      choosingFrom: JSONFields.object(input.root, path: "$"), choice: options.alignment,
      warnings: &warnings)
  }
}
