/// Reads a speech-to-text response's `entities` and marks the items each one covers.
///
/// The API gives each entity as `{text, entity_type, start_char, end_char}` (elevenlabs-python
/// `types/detected_entity.py`), offsets into the response's `text` in Unicode scalars, with
/// `end_char` exclusive. Items carry no offsets, so they are located in `text` one after
/// another (``TextPositions``); an entity marks every word it overlaps, and the spacing inside
/// it. Nothing is guessed: offsets that do not give the entity's text are looked up by the text,
/// with a warning, and an entity that marks nothing is reported.
enum EntityMarking {
  /// An entity as the input gives it.
  struct RawEntity {
    var text: String
    var type: String
    var start: Int
    var end: Int
    var path: String
  }

  /// Reads the `entities` array of `fields`, or an empty list when there is none.
  static func read(_ fields: JSONFields) throws(ReadError) -> [RawEntity] {
    guard let values = try fields.optionalArray("entities") else { return [] }
    var entities: [RawEntity] = []
    entities.reserveCapacity(values.count)
    for (position, value) in values.enumerated() {
      let entity = try JSONFields.object(
        value, path: "\(fields.childPath("entities"))[\(position)]")
      guard let start = try entity.optionalInteger("start_char") else {
        throw entity.missingOrNull("start_char", expected: "a whole number")
      }
      guard let end = try entity.optionalInteger("end_char") else {
        throw entity.missingOrNull("end_char", expected: "a whole number")
      }
      entities.append(
        RawEntity(
          text: try entity.requiredString("text"), type: try entity.requiredString("entity_type"),
          start: start, end: end, path: entity.path))
    }
    return entities
  }

  /// Marks the items of `words` that `entities` cover, numbering the entities from
  /// `firstNumber`. `text` is the text the offsets count in; `nil` means the items' own text.
  static func mark(
    _ entities: [RawEntity], on words: inout [Word], text: String?, firstNumber: Int = 0,
    warnings: inout [ReadWarning]
  ) {
    guard !entities.isEmpty else { return }
    let pieces = words.map(\.text)
    let whole = text ?? pieces.joined()
    let ranges = TextPositions.locate(pieces, in: whole)
    // The located items in text order, for a binary search by offset.
    let located = ranges.indices.compactMap { index in ranges[index].map { (index, $0) } }
    for (position, entity) in entities.enumerated() {
      guard let span = span(of: entity, in: whole, warnings: &warnings) else { continue }
      let mark = NamedEntity(text: entity.text, type: entity.type, number: firstNumber + position)
      var low = 0
      var high = located.count
      while low < high {
        let middle = (low + high) / 2
        if located[middle].1.upperBound <= span.lowerBound {
          low = middle + 1
        } else {
          high = middle
        }
      }
      var marked = 0
      var index = low
      while index < located.count, located[index].1.lowerBound < span.upperBound {
        let (item, range) = located[index]
        // Spacing belongs to the entity only inside it, never at its edges.
        let inside = words[item].kind != .spacing || span.contains(range)
        if inside, !range.isEmpty {
          words[item].entity = mark
          if words[item].isTimed { marked += 1 }
        }
        index += 1
      }
      if marked == 0 {
        warnings.append(
          ReadWarning(
            path: entity.path,
            message: "the entity \(TimingRepair.quoted(entity.text)) (\(entity.type)) covers no "
              + "word of the transcript; it is not marked"))
      }
    }
  }

  /// The scalar range of `entity` in `text`: its offsets when they give its text, else where
  /// its text is nearest to them, with a warning; `nil`, with a warning, when neither works.
  private static func span(
    of entity: RawEntity, in text: String, warnings: inout [ReadWarning]
  ) -> Range<Int>? {
    if entity.start < entity.end,
      let found = TextPositions.substring(text, scalars: entity.start..<entity.end),
      found == entity.text
    {
      return entity.start..<entity.end
    }
    let scalars = Array(text.unicodeScalars)
    let needle = Array(entity.text.unicodeScalars)
    var best: Int?
    if !needle.isEmpty, needle.count <= scalars.count {
      for start in 0...(scalars.count - needle.count)
      where scalars[start] == needle[0]
        && scalars[start..<start + needle.count].elementsEqual(needle)
      {
        if best.map({ abs($0 - entity.start) > abs(start - entity.start) }) ?? true {
          best = start
        }
      }
    }
    let given =
      TextPositions.substring(text, scalars: entity.start..<max(entity.start, entity.end))
      .map { "the text there is \(TimingRepair.quoted($0))" }
      ?? "they reach outside the text (\(scalars.count) characters)"
    guard let best else {
      warnings.append(
        ReadWarning(
          path: entity.path,
          message: "start_char \(entity.start) and end_char \(entity.end) do not give the "
            + "entity \(TimingRepair.quoted(entity.text)): \(given), and the text does not "
            + "contain it; it is not marked"))
      return nil
    }
    warnings.append(
      ReadWarning(
        path: entity.path,
        message: "start_char \(entity.start) and end_char \(entity.end) do not give the entity "
          + "\(TimingRepair.quoted(entity.text)) (\(given)); marked where the text has it, at "
          + "\(best)..<\(best + needle.count)"))
    return best..<best + needle.count
  }
}
