extension InputShape {
  /// A speech-to-text response for one channel (`POST /v1/speech-to-text`, or the GET of a
  /// stored transcript), including the `combined` multichannel style whose words carry
  /// `channel_index`.
  public static let speechToText = InputShape(
    name: "stt", summary: "a single-channel speech-to-text response",
    signature:
      "`POST /v1/speech-to-text` or `GET /v1/speech-to-text/transcripts/{id}`: `words[]` of "
      + "`word`, `spacing` and `audio_event` items, speakers, logprob, per-character times; "
      + "the `combined` multichannel style (words carry `channel_index`) too")
}

/// Reads ``InputShape/speechToText``: `{"language_code", "words": [...]}`.
struct SpeechToTextShape: InputShapeReader {
  var shape: InputShape { .speechToText }

  func detect(_ input: ParsedInput) -> ShapeEvidence? {
    // `words` of any type: the reader then says precisely what is wrong with it.
    guard let object = input.object, object["words"] != nil else { return nil }
    let word = input.firstElement(of: "words")
    // Words named `word` without `text` are the OpenAI API's, read by its own shape.
    if word?["word"] != nil && word?["text"] == nil { return nil }
    return ShapeEvidence(
      base: 1,
      [
        ("words", true), ("language_code", object["language_code"] != nil),
        ("language_probability", object["language_probability"] != nil),
        ("transcription_id", object["transcription_id"] != nil),
        ("words[].type", word?["type"] != nil), ("words[].speaker_id", word?["speaker_id"] != nil),
        ("words[].logprob", word?["logprob"] != nil),
      ])
  }

  func read(
    _ input: ParsedInput, options: ReadOptions, warnings: inout [ReadWarning]
  ) throws(ReadError) -> Transcript {
    try SpeechToTextReader.readChunk(.object(input.root, path: "$"), warnings: &warnings)
  }
}
