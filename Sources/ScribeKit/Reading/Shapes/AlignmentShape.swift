extension InputShape {
  /// A bare alignment object: `{characters, character_start_times_seconds,
  /// character_end_times_seconds}`.
  public static let alignment = InputShape(
    name: "alignment", summary: "a bare text-to-speech alignment",
    signature: "`{characters, character_start_times_seconds, character_end_times_seconds}`")
}

/// Reads ``InputShape/alignment``: characters grouped into words.
struct AlignmentShape: InputShapeReader {
  var shape: InputShape { .alignment }

  func detect(_ input: ParsedInput) -> ShapeEvidence? {
    guard let object = input.object, object["characters"] != nil,
      object["character_start_times_seconds"] != nil
    else { return nil }
    return ShapeEvidence(
      base: 2,
      [
        ("characters", true), ("character_start_times_seconds", true),
        ("character_end_times_seconds", object["character_end_times_seconds"] != nil),
      ])
  }

  func read(
    _ input: ParsedInput, options: ReadOptions, warnings: inout [ReadWarning]
  ) throws(ReadError) -> Transcript {
    let fields = try JSONFields.object(input.root, path: "$")
    let characters = try AlignmentReader.readCharacters(fields)
    return try AlignmentReader.transcript(
      fromCharacters: characters, path: fields.path, warnings: &warnings)
  }
}
