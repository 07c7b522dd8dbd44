extension InputShape {
  /// A Rev.ai transcript (`GET /speechtotext/v1/jobs/{id}/transcript`): monologues of timed
  /// text and untimed punctuation, seconds.
  public static let revAI = InputShape(
    name: "revai", summary: "a Rev.ai transcript",
    signature:
      "Rev.ai `GET /speechtotext/v1/jobs/{id}/transcript`: `monologues[]` of `{speaker, "
      + "elements[]}`, `text` elements with `ts`/`end_ts` in **seconds**, `punct` elements "
      + "(spaces too) untimed; speaker `0` → `speaker_0`")
}

/// Reads ``InputShape/revAI``: `{monologues: [{speaker, speaker_info?: {id, display_name},
/// elements: [{type: "text" | "punct", value, ts?, end_ts?, confidence?}]}]}`, seconds.
///
/// Checked against revai-node-sdk's `RevAiApiTranscript` (`Monologue.speaker` a number,
/// `speaker_info`, `Element` with optional `ts`, `end_ts`, `confidence`), revai-python-sdk's
/// `Transcript`/`Monologue`/`Element` models, and the real transcripts in the shared fixtures
/// (revai-python-sdk's `tests/resources/transcript.json`, revai-java-sdk's topic-extraction
/// `sample.json`).
///
/// - Rev.ai writes its spacing itself: a `punct` element of whitespace (`" "`) is a spacing
///   item, and two elements with nothing between them stay together (`30` + `%`). No space is
///   invented inside a monologue; one is put between two monologues (where Rev.ai writes none),
///   except between Chinese or Japanese characters (``TextBreaks``).
/// - Any other `punct` element has no time; it is attached to the word right before it (`,`,
///   `.`, the `-` of `co` `-` `founder`), or, after a space or at the start, to the word after
///   it (an opening quote).
/// - `speaker` (an integer) becomes `speaker_0`, `speaker_1`, ..., the labels ElevenLabs uses.
///   Consecutive monologues of one speaker read as one speaker's words.
/// - An element of another `type` (Rev.ai documents only `text` and `punct`) is read as a
///   word, with a warning.
struct RevAIShape: InputShapeReader {
  var shape: InputShape { .revAI }

  func detect(_ input: ParsedInput) -> ShapeEvidence? {
    guard let monologues = input.object?["monologues"]?.arrayValue else { return nil }
    let monologue = monologues.first?.objectValue
    return ShapeEvidence(
      base: 2,
      [
        ("monologues", true), ("monologues[].elements", monologue?["elements"] != nil),
        ("monologues[].speaker", monologue?["speaker"] != nil),
      ])
  }

  func read(
    _ input: ParsedInput, options: ReadOptions, warnings: inout [ReadWarning]
  ) throws(ReadError) -> Transcript {
    let root = try JSONFields.object(input.root, path: "$")
    var items: [RawItem] = []
    // Punctuation waiting for the word after it.
    var pending = ""
    var unknownTypes: Set<String> = []
    for (position, value) in try root.requiredArray("monologues").enumerated() {
      let monologue = try JSONFields.object(value, path: "$.monologues[\(position)]")
      let speaker = try monologue.optionalInteger("speaker").map { "speaker_\($0)" }
      let elementsPath = monologue.childPath("elements")
      var first = true
      for (index, element) in try monologue.requiredArray("elements").enumerated() {
        let fields = try JSONFields.object(element, path: "\(elementsPath)[\(index)]")
        let type = try fields.requiredString("type")
        let text = try fields.requiredString("value")
        if type == "punct" {
          if Whitespace.isBlank(text) {
            guard !text.isEmpty, let last = items.last, last.kind != .spacing else { continue }
            items.append(
              RawItem(
                container: elementsPath, index: index, text: text, start: nil, end: nil,
                kind: .spacing, speakerID: last.speakerID))
          } else if !first, let last = items.indices.last, items[last].kind == .word {
            items[last].text += text
          } else {
            pending += text
          }
          first = false
          continue
        }
        if type != "text", unknownTypes.insert(type).inserted {
          warnings.append(
            ReadWarning(
              path: fields.childPath("type"),
              message: "unknown element type \"\(type)\"; read as a word (here and wherever it "
                + "recurs)"))
        }
        let start = try fields.optionalNumber("ts")
        let end = try fields.optionalNumber("end_ts")
        // Rev.ai leaves no space between monologues: the first word of one gets one.
        if first, let last = items.last, last.kind != .spacing, EngineWords.spaced(last.text, text)
        {
          items.append(
            RawItem(
              container: elementsPath, index: index, text: " ", start: nil, end: nil,
              kind: .spacing, speakerID: last.speakerID))
        }
        items.append(
          RawItem(
            container: elementsPath, index: index, text: pending + text, start: start, end: end,
            kind: .word, speakerID: speaker))
        pending = ""
        first = false
      }
    }
    if !pending.isEmpty, let last = items.lastIndex(where: { $0.kind == .word }) {
      items[last].text += pending
    }
    // Untimed spacing runs from the word before to the word after; beside a word without
    // times it takes only the other side's, so that the timing repair places that word across
    // the whole gap.
    var nextStart: Double?
    for index in items.indices.reversed() {
      if items[index].kind == .spacing {
        items[index].end = nextStart
      } else {
        nextStart = items[index].start ?? items[index].end
      }
    }
    var previousEnd: Double?
    for index in items.indices {
      if items[index].kind == .spacing {
        items[index].start = previousEnd
        if items[index].end == nil { items[index].end = previousEnd }
      } else {
        previousEnd = items[index].end ?? items[index].start
      }
    }
    while let last = items.last, last.kind == .spacing { items.removeLast() }
    try EngineWords.refuseImpossibleTimes(
      items, path: "$.monologues", engine: "Rev.ai's", inMilliseconds: false)
    let words = try TimingRepair.repair(items, warnings: &warnings)
    TimingRepair.warnAboutCollapsedRuns(words, path: "$.monologues", warnings: &warnings)
    if !words.contains(where: \.isTimed) {
      warnings.append(
        ReadWarning(
          path: "$.monologues", message: "the transcript has no words; every output is empty"))
    }
    return Transcript(channels: [Channel(index: nil, words: words)])
  }

}
