extension InputShape {
  /// A multichannel speech-to-text response: `{"transcripts": [...]}`, one per channel.
  public static let speechToTextMultichannel = InputShape(
    name: "stt-multichannel", summary: "a multichannel speech-to-text response",
    signature: "`{\"transcripts\": [...]}`, one per `channel_index`")
}

/// Reads ``InputShape/speechToTextMultichannel``.
struct SpeechToTextMultichannelShape: InputShapeReader {
  var shape: InputShape { .speechToTextMultichannel }

  func detect(_ input: ParsedInput) -> ShapeEvidence? {
    guard let object = input.object, object["transcripts"] != nil else { return nil }
    return ShapeEvidence(
      base: 3,
      [("transcripts", true), ("transcription_id", object["transcription_id"] != nil)])
  }

  func read(
    _ input: ParsedInput, options: ReadOptions, warnings: inout [ReadWarning]
  ) throws(ReadError) -> Transcript {
    try SpeechToTextReader.readMultichannel(.object(input.root, path: "$"), warnings: &warnings)
  }
}
