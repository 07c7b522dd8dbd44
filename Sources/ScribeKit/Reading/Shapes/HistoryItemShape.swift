extension InputShape {
  /// A speech history item (`GET /v1/history/{history_item_id}`) with its alignments.
  public static let historyItem = InputShape(
    name: "history", summary: "a speech history item",
    signature:
      "`GET /v1/history/{id}`: `alignments.alignment` (default) or "
      + "`alignments.normalized_alignment`")
}

/// Reads ``InputShape/historyItem``: the alignment the options choose from `alignments`
/// (`HistoryAlignmentsResponseModel` in elevenlabs-python: `alignment` and
/// `normalized_alignment`, each `{characters, character_start_times_seconds,
/// character_end_times_seconds}`), grouped into words as a text-to-speech response is.
struct HistoryItemShape: InputShapeReader {
  var shape: InputShape { .historyItem }

  func detect(_ input: ParsedInput) -> ShapeEvidence? {
    guard let object = input.object, let alignments = object["alignments"]?.objectValue,
      alignments["alignment"] != nil || alignments["normalized_alignment"] != nil
    else { return nil }
    return ShapeEvidence(
      base: 2,
      [
        ("alignments", true), ("history_item_id", object["history_item_id"] != nil),
        ("voice_id", object["voice_id"] != nil),
      ])
  }

  func read(
    _ input: ParsedInput, options: ReadOptions, warnings: inout [ReadWarning]
  ) throws(ReadError) -> Transcript {
    let root = try JSONFields.object(input.root, path: "$")
    guard let alignments = try root.optionalObject("alignments") else {
      throw ReadError(problem: .missingField(path: "$.alignments", expected: "the alignments"))
    }
    return try AlignmentReader.transcript(
      choosingFrom: alignments, choice: options.alignment, warnings: &warnings)
  }
}
