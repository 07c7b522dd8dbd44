extension InputShape {
  /// A text-to-dialogue `/stream/with-timestamps` body: one JSON chunk per line, each with
  /// its `voice_segments`.
  ///
  /// Voices become speakers `speaker_0`, `speaker_1`, ... in the order they first appear, as
  /// in ``InputShape/textToDialogue``.
  public static let textToDialogueStream = InputShape(
    name: "dialogue-stream", summary: "a text-to-dialogue stream of JSON chunks",
    signature:
      "`/text-to-dialogue/stream/with-timestamps` newline-delimited JSON with `voice_segments`; "
      + "each voice is a speaker, as for `dialogue`")
}

/// Reads ``InputShape/textToDialogueStream``: the chunks' chosen alignments on one timeline,
/// each word spoken by the voice of the segment holding its first character.
///
/// Each chunk is elevenlabs-python's
/// `src/elevenlabs/types/streaming_audio_chunk_with_timestamps_and_voice_segments_response_model.py`
/// (`audio_base64`, `alignment`, `normalized_alignment`, and `voice_segments`, required in every
/// chunk, of `src/elevenlabs/types/voice_segment.py`). Times run from the start of the request's
/// audio, as in the text-to-speech stream; a segment's character indices count the characters of
/// its own chunk (the SDK's "index in the characters array"), or, when they fit only the whole
/// stream's, those (with a warning). Chunks whose times stall or go back, a known server fault
/// after about a minute of audio (elevenlabs-python issue 707), are kept in text order with their
/// times as sent, with a warning; they are not taken for chunk-relative times, which this
/// endpoint does not send. A dialogue stream has every member of a text-to-speech stream, so
/// this shape refines ``InputShape/textToSpeechStream``.
struct TextToDialogueStreamShape: InputShapeReader {
  var shape: InputShape { .textToDialogueStream }
  var refines: InputShape? { .textToSpeechStream }

  func detect(_ input: ParsedInput) -> ShapeEvidence? {
    guard input.values.count > 1 else { return nil }
    var segments = false
    var audio = false
    for (value, _) in input.values {
      guard let chunk = value.objectValue else { return nil }
      segments = segments || chunk["voice_segments"] != nil
      audio = audio || chunk["audio_base64"] != nil
      if segments && audio { break }
    }
    guard segments else { return nil }
    return ShapeEvidence(
      base: 0,
      [
        ("several JSON documents, one per line", true), ("voice_segments", true),
        ("audio_base64", audio),
      ])
  }

  /// A one-chunk stream, which is also a dialogue response, is read when asked for.
  func accepts(_ input: ParsedInput) -> Bool {
    detect(input) != nil || TextToDialogueShape().detect(input) != nil
  }

  func read(
    _ input: ParsedInput, options: ReadOptions, warnings: inout [ReadWarning]
  ) throws(ReadError) -> Transcript {
    var chunks: [DialogueReader.Chunk] = []
    var skipped = 0
    for (position, value) in input.values.enumerated() {
      let path = "$[\(position)] (line \(value.line))"
      let fields = try JSONFields.object(value.value, path: path)
      guard fields.has("audio_base64") || fields.has("alignment") || fields.has("voice_segments")
      else {
        throw ReadError(problem: .unrecognizedShape(path: path, keys: fields.object.keys))
      }
      let chunk = try DialogueReader.chunk(fields, choice: options.alignment)
      if chunk.characters == nil { skipped += 1 }
      chunks.append(chunk)
    }
    guard chunks.contains(where: { !($0.characters ?? []).isEmpty }) else {
      throw ReadError(
        problem: .noTimings(
          reason: "none of the \(chunks.count) stream chunks has a \(options.alignment.rawValue) "
            + "(\(skipped) carry audio only)"))
    }
    return try DialogueReader.transcript(
      of: chunks, choice: options.alignment, path: "$", warnings: &warnings)
  }
}
