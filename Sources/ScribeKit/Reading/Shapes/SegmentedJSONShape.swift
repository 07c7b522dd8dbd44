extension InputShape {
  /// ScribeKit's or the API's `segmented_json` export: `{"segments": [{"text", "words"}]}`.
  public static let segmentedJSON = InputShape(
    name: "segmented-json", summary: "a segmented_json export",
    signature: "the API's `segmented_json` export: `{\"segments\": [{\"text\", \"words\"}]}`")
}

/// Reads ``InputShape/segmentedJSON``: the segments' words, in order, as one channel.
struct SegmentedJSONShape: InputShapeReader {
  var shape: InputShape { .segmentedJSON }

  func detect(_ input: ParsedInput) -> ShapeEvidence? {
    guard let object = input.object, object["segments"] != nil else { return nil }
    let segment = input.firstElement(of: "segments")
    let word = segment?["words"]?.arrayValue?.first?.objectValue
    // The Whisper family's segments (Whisper's decoder members, words named `word`, whisperX's
    // `word_segments`, the OpenAI API's `task`) are read by their own shapes.
    if object["task"] != nil || object["word_segments"] != nil || segment?["tokens"] != nil
      || segment?["seek"] != nil || segment?["avg_logprob"] != nil
      || (word?["word"] != nil && word?["text"] == nil)
    {
      return nil
    }
    return ShapeEvidence(
      base: 1,
      [
        ("segments", true), ("segments[].words", segment?["words"] != nil),
        ("segments[].text", segment?["text"] != nil),
      ])
  }

  func read(
    _ input: ParsedInput, options: ReadOptions, warnings: inout [ReadWarning]
  ) throws(ReadError) -> Transcript {
    try SpeechToTextReader.readSegmented(.object(input.root, path: "$"), warnings: &warnings)
  }
}
