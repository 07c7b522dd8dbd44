import Foundation

/// The API's `segmented_json`: `{"segments": [{"text", "words"}]}`.
public struct SegmentedJSONFormat: OutputFormat {
  /// Creates the format.
  public init() {}

  /// `segmented_json`.
  public var name: String { "segmented_json" }
  /// `json`, as the API gives it.
  public var fileExtension: String { "json" }
  /// `segmented.json`, so that the export is never taken for (or written over) the transcript
  /// it came from.
  public var fileNameSuffix: String { "segmented.json" }
  /// `application/json`.
  public var contentType: String { "application/json" }
  /// `true`.
  public var isAPIFormat: Bool { true }

  /// The JSON text of the cues.
  public func render(_ input: RenderInput) throws(ExportError) -> Data {
    Data(SegmentedJSONRenderer(options: input.options).render(input.cues).utf8)
  }
}

extension OutputFormat where Self == SegmentedJSONFormat {
  /// The API's segmented JSON (``SegmentedJSONFormat``).
  public static var segmentedJSON: SegmentedJSONFormat { SegmentedJSONFormat() }
}

/// Renders segments as the API's `segmented_json`: `{"segments": [{"text", "words"}]}`.
///
/// Each segment carries its text and its items as word objects in the API's shape (`text`,
/// `start`, `end`, `type`, `speaker_id`, `channel_index`, `logprob`, `characters`), fields the
/// input lacked left out; a forced alignment's `loss` is kept on its words, and a segment with
/// named entities lists them (`entities`, offsets into the segment's text). Segments carry no times or speaker of their own: as in the API, those
/// come from the words. ``includeTimestamps`` off drops `start`, `end` and `characters`;
/// ``includeSpeakers`` off drops `speaker_id`.
///
/// The output reads back as input (``InputShape/segmentedJSON``) when timestamps are included,
/// and segmenting it again with the same options gives the same segments.
struct SegmentedJSONRenderer: Sendable {
  /// Keep `speaker_id` on the words.
  var includeSpeakers: Bool
  /// Keep `start`, `end` and per-character times on the words.
  var includeTimestamps: Bool

  /// Creates a renderer; both flags default to on, as in the API.
  init(includeSpeakers: Bool = true, includeTimestamps: Bool = true) {
    self.includeSpeakers = includeSpeakers
    self.includeTimestamps = includeTimestamps
  }

  /// Creates a renderer from export options.
  init(options: APIExportOptions) {
    self.init(
      includeSpeakers: options.includeSpeakers, includeTimestamps: options.includeTimestamps)
  }

  /// The JSON text of `segments`, two-space indented, ending in a newline.
  func render(_ segments: [Cue]) -> String {
    // Written directly rather than through a JSONValue tree: this export is as large as the
    // transcript, and building the tree first costs more than writing the text.
    guard !segments.isEmpty else { return "{\n  \"segments\": []\n}\n" }
    var out = "{\n  \"segments\": ["
    for (number, segment) in segments.enumerated() {
      out += number == 0 ? "\n" : ",\n"
      out += "    {\n      \"text\": " + JSONWriter.string(segment.text) + ",\n      \"words\": "
      if segment.itemSlice.isEmpty {
        out += "[]"
      } else {
        out += "["
        for (index, word) in segment.itemSlice.enumerated() {
          out += index == 0 ? "\n" : ",\n"
          append(word, to: &out)
        }
        out += "\n      ]"
      }
      appendEntities(of: segment, to: &out)
      out += "\n    }"
    }
    return out + "\n  ]\n}\n"
  }

  /// The segment's named entities as the API gives a transcript's, `{text, entity_type,
  /// start_char, end_char}`, with offsets into the segment's text (in Unicode scalars, `end_char`
  /// exclusive), so that reading the file back marks the same words. An entity a segment
  /// boundary splits is listed in each segment with its part of the text.
  private func appendEntities(of segment: Cue, to out: inout String) {
    let runs = EntityRun.runs(of: segment)
    guard !runs.isEmpty else { return }
    out += ",\n      \"entities\": ["
    for (index, run) in runs.enumerated() {
      let text = TextPositions.substring(segment.text, scalars: run.scalars) ?? run.entity.text
      out += index == 0 ? "\n" : ",\n"
      out += "        {\n          \"text\": " + JSONWriter.string(text)
      out += ",\n          \"entity_type\": " + JSONWriter.string(run.entity.type)
      out += ",\n          \"start_char\": " + String(run.scalars.lowerBound)
      out += ",\n          \"end_char\": " + String(run.scalars.upperBound) + "\n        }"
    }
    out += "\n      ]"
  }

  private func append(_ word: Word, to out: inout String) {
    let field = ",\n          \""
    out += "        {\n          \"text\": " + JSONWriter.string(word.text)
    if includeTimestamps {
      out += field + "start\": " + JSONWriter.number(word.start)
      out += field + "end\": " + JSONWriter.number(word.end)
    }
    out += field + "type\": " + JSONWriter.string(word.kind.rawValue)
    if includeSpeakers, let speaker = word.speakerID {
      out += field + "speaker_id\": " + JSONWriter.string(speaker)
    }
    if let channel = word.channelIndex {
      out += field + "channel_index\": " + JSONWriter.number(Double(channel))
    }
    if let logprob = word.logprob {
      out += field + "logprob\": " + JSONWriter.number(logprob)
    }
    if let loss = word.loss {
      out += field + "loss\": " + JSONWriter.number(loss)
    }
    if includeTimestamps, let characters = word.characters {
      out += field + "characters\": "
      if characters.isEmpty {
        out += "[]"
      } else {
        out += "["
        for (index, character) in characters.enumerated() {
          out += index == 0 ? "\n" : ",\n"
          out += "            {\n              \"text\": " + JSONWriter.string(character.text)
          out += ",\n              \"start\": " + JSONWriter.number(character.start)
          out += ",\n              \"end\": " + JSONWriter.number(character.end) + "\n            }"
        }
        out += "\n          ]"
      }
    }
    out += "\n        }"
  }
}
