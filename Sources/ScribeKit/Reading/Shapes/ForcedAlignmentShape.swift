extension InputShape {
  /// A forced-alignment response (`POST /v1/forced-alignment`): the words of a script the user
  /// uploaded, placed on the audio.
  public static let forcedAlignment = InputShape(
    name: "forced-alignment", summary: "a forced-alignment response",
    signature:
      "`POST /v1/forced-alignment`: `words[]` of `{text, start, end, loss}` and `characters[]`, "
      + "seconds; each word's `loss` is kept")
}

/// Reads ``InputShape/forcedAlignment``: `{characters: [{text, start, end}], words: [{text,
/// start, end, loss}], loss}`, seconds (field names as in elevenlabs-python's
/// `ForcedAlignmentResponseModel` and `ForcedAlignmentWordResponseModel`).
///
/// The words carry no spacing items, unlike a speech-to-text response: the spacing between two
/// words is what the `characters` (the uploaded text, character by character) hold between
/// them, so Chinese and Japanese words are not pulled apart by spaces their text lacks, and
/// Latin words are not glued together.
struct ForcedAlignmentShape: InputShapeReader {
  var shape: InputShape { .forcedAlignment }
  var refines: InputShape? { .speechToText }

  func detect(_ input: ParsedInput) -> ShapeEvidence? {
    guard let object = input.object, object["words"]?.arrayValue != nil else { return nil }
    let word = input.firstElement(of: "words")
    let character = input.firstElement(of: "characters")
    guard object["loss"] != nil || word?["loss"] != nil else { return nil }
    return ShapeEvidence(
      base: 1,
      [
        ("words", true), ("loss", object["loss"] != nil), ("words[].loss", word?["loss"] != nil),
        ("characters[].text", character?["text"] != nil),
      ])
  }

  func read(
    _ input: ParsedInput, options: ReadOptions, warnings: inout [ReadWarning]
  ) throws(ReadError) -> Transcript {
    let root = try JSONFields.object(input.root, path: "$")
    let wordValues = try root.requiredArray("words")
    var text = ""
    if let characters = root.value("characters")?.arrayValue {
      for value in characters {
        if case .string(let character)? = value.objectValue?["text"] { text += character }
      }
    }
    var items: [RawItem] = []
    var cursor = text.startIndex
    var previousEnd: Double?
    for (index, value) in wordValues.enumerated() {
      let word = try JSONFields.object(value, path: "$.words[\(index)]")
      let wordText = try word.requiredString("text")
      let start = try word.optionalNumber("start")
      let end = try word.optionalNumber("end")
      // The text between the previous word and this one in the script: its spacing.
      var gap = ""
      if let found = text.range(of: wordText, range: cursor..<text.endIndex) {
        gap = String(text[cursor..<found.lowerBound])
        cursor = found.upperBound
      } else if index > 0, !Self.joinsWithoutSpace(items.last?.text, wordText) {
        gap = " "
      }
      if index > 0, !gap.isEmpty {
        items.append(
          RawItem(
            container: "$.words", index: index, text: gap, start: previousEnd ?? start,
            end: start ?? previousEnd, kind: .spacing))
      }
      items.append(
        RawItem(
          container: "$.words", index: index, text: wordText, start: start, end: end,
          kind: SpeechToTextReader.inferredKind(of: wordText), loss: try word.optionalNumber("loss")
        ))
      previousEnd = end ?? start ?? previousEnd
    }
    let words = try TimingRepair.repair(items, warnings: &warnings)
    if !words.contains(where: \.isTimed) {
      warnings.append(
        ReadWarning(path: "$.words", message: "the alignment has no words; every output is empty"))
    }
    return Transcript(channels: [Channel(index: nil, words: words)])
  }

  /// `true` when two words of a script without its characters would be written together:
  /// Chinese and Japanese.
  private static func joinsWithoutSpace(_ before: String?, _ after: String) -> Bool {
    guard let last = before?.unicodeScalars.last, let first = after.unicodeScalars.first else {
      return false
    }
    func isCJK(_ scalar: Unicode.Scalar) -> Bool {
      (0x3040...0x30FF).contains(scalar.value) || (0x3400...0x9FFF).contains(scalar.value)
        || (0xFF00...0xFFEF).contains(scalar.value) || (0x3000...0x303F).contains(scalar.value)
    }
    return isCJK(last) || isCJK(first)
  }
}
