extension InputShape {
  /// A speech-to-text webhook delivery: `{"type": ..., "data": {"transcription": ...}}`.
  public static let webhook = InputShape(
    name: "webhook", summary: "a speech-to-text webhook payload",
    signature: "`{\"type\": ..., \"data\": {\"transcription\": ...}}`")
}

/// Reads ``InputShape/webhook``: the transcript inside, single or multichannel.
struct WebhookShape: InputShapeReader {
  var shape: InputShape { .webhook }

  func detect(_ input: ParsedInput) -> ShapeEvidence? {
    guard let object = input.object, let data = object["data"]?.objectValue,
      data["transcription"] != nil
    else { return nil }
    return ShapeEvidence(
      base: 3, [("data.transcription", true), ("type", object["type"] != nil)])
  }

  func read(
    _ input: ParsedInput, options: ReadOptions, warnings: inout [ReadWarning]
  ) throws(ReadError) -> Transcript {
    let envelope = try JSONFields.object(input.root, path: "$")
    guard let data = try envelope.optionalObject("data"),
      let transcription = try data.optionalObject("transcription")
    else {
      throw ReadError(
        problem: .missingField(path: "$.data.transcription", expected: "the transcript"))
    }
    if transcription.has("transcripts") {
      return try SpeechToTextReader.readMultichannel(transcription, warnings: &warnings)
    }
    return try SpeechToTextReader.readChunk(transcription, warnings: &warnings)
  }
}
