/// Renders segments as the API's `segmented_json`: `{"segments": [{"text", "words"}]}`.
///
/// Each segment carries its text and its items as word objects in the API's shape (`text`,
/// `start`, `end`, `type`, `speaker_id`, `channel_index`, `logprob`, `characters`), fields the
/// input lacked left out. Segments carry no times or speaker of their own: as in the API, those
/// come from the words. ``includeTimestamps`` off drops `start`, `end` and `characters`;
/// ``includeSpeakers`` off drops `speaker_id`.
///
/// The output reads back as input (``InputShape/segmentedJSON``) when timestamps are included,
/// and segmenting it again with the same options gives the same segments.
public struct SegmentedJSONRenderer: Sendable {
  /// Keep `speaker_id` on the words.
  public var includeSpeakers: Bool
  /// Keep `start`, `end` and per-character times on the words.
  public var includeTimestamps: Bool

  /// Creates a renderer; both flags default to on, as in the API.
  public init(includeSpeakers: Bool = true, includeTimestamps: Bool = true) {
    self.includeSpeakers = includeSpeakers
    self.includeTimestamps = includeTimestamps
  }

  /// Creates a renderer from export options.
  public init(options: SegmentationOptions) {
    self.init(
      includeSpeakers: options.includeSpeakers, includeTimestamps: options.includeTimestamps)
  }

  /// The JSON text of `segments`, two-space indented, ending in a newline.
  public func render(_ segments: [Segment]) -> String {
    let list = segments.map { segment -> JSONValue in
      .object(
        JSONObject(members: [
          .init(key: "text", value: .string(segment.text)),
          .init(key: "words", value: .array(segment.items.map(wordObject))),
        ]))
    }
    let document = JSONValue.object(
      JSONObject(members: [.init(key: "segments", value: .array(list))]))
    return JSONWriter.value(document) + "\n"
  }

  private func wordObject(_ word: Word) -> JSONValue {
    var members: [JSONObject.Member] = [.init(key: "text", value: .string(word.text))]
    if includeTimestamps {
      members.append(.init(key: "start", value: .number(word.start)))
      members.append(.init(key: "end", value: .number(word.end)))
    }
    members.append(.init(key: "type", value: .string(word.kind.rawValue)))
    if includeSpeakers, let speaker = word.speakerID {
      members.append(.init(key: "speaker_id", value: .string(speaker)))
    }
    if let channel = word.channelIndex {
      members.append(.init(key: "channel_index", value: .number(Double(channel))))
    }
    if let logprob = word.logprob {
      members.append(.init(key: "logprob", value: .number(logprob)))
    }
    if includeTimestamps, let characters = word.characters {
      let list = characters.map { character -> JSONValue in
        .object(
          JSONObject(members: [
            .init(key: "text", value: .string(character.text)),
            .init(key: "start", value: .number(character.start)),
            .init(key: "end", value: .number(character.end)),
          ]))
      }
      members.append(.init(key: "characters", value: .array(list)))
    }
    return .object(JSONObject(members: members))
  }
}
