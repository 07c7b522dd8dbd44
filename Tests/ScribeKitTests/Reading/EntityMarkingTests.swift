import Foundation
import Testing

@testable import ScribeKit

/// The newer speech-to-text fields: `audio_duration_secs`, `entities` marked on the words they
/// cover, and a forced aligner's `loss`, through reading, both read paths and the formats that
/// keep them.
@Suite("Reading: named entities and the newer speech-to-text fields")
struct EntityMarkingTests {
  private func transcript() throws -> Transcript {
    try Files.readInput("stt-entities.json")
  }

  /// The words of each entity, joined with their spacing, by entity number.
  private func entityTexts(_ transcript: Transcript) -> [Int: String] {
    var texts: [Int: String] = [:]
    for word in transcript.channels[0].words {
      guard let entity = word.entity else { continue }
      texts[entity.number, default: ""] += word.text
    }
    return texts
  }

  @Test func entitiesMarkTheWordsTheyCoverAndNothingElse() throws {
    let transcript = try transcript()
    #expect(transcript.warnings.isEmpty, "\(transcript.warnings)")
    #expect(transcript.transcriptionID == "tr_8kVq2mZ7xR4pL1nB")
    #expect(transcript.audioDuration == 18.1)
    #expect(
      entityTexts(transcript) == [
        0: "Dana Reyes.", 1: "Dana.", 2: "4111 1111 1111 1111", 3: "jo.tanaka@example.com",
      ])
    let types = Dictionary(
      transcript.channels[0].words.compactMap(\.entity).map { ($0.number, $0.type) },
      uniquingKeysWith: { first, _ in first })
    #expect(
      types == [0: "person_name", 1: "person_name", 2: "credit_card", 3: "email_address"])
    // Speaker roles stay the speakers' names.
    let speakers = Set(transcript.channels[0].words.compactMap(\.speakerID))
    #expect(speakers == ["agent", "customer"])
  }

  @Test func bothReadPathsGiveTheSameTranscript() throws {
    let data = try Files.input("stt-entities.json")
    var general = TranscriptReader()
    general.usesFastPath = false
    let slow = try general.read(data)
    #expect(try TranscriptReader().read(data) == slow)
    // The fast path takes a response with a duration and no entities, and keeps the duration.
    var object = try #require(
      try JSONSerialization.jsonObject(with: data) as? [String: Any])
    object["entities"] = [Any]()
    let plain = try JSONSerialization.data(withJSONObject: object)
    let bytes = Array(plain)
    let fast = bytes.withUnsafeBufferPointer { FastSpeechToTextReader.read($0) }
    #expect(fast?.audioDuration == 18.1)
    #expect(try TranscriptReader().read(plain) == general.read(plain))
  }

  @Test func offsetsThatMissTheirTextAreLookedUpByTextWithAWarning() throws {
    let text = "Call Ana now"
    let words = [
      Word(text: "Call", start: 0, end: 0.4), Word(text: " ", start: 0.4, end: 0.5, kind: .spacing),
      Word(text: "Ana", start: 0.5, end: 0.8),
      Word(text: " ", start: 0.8, end: 0.9, kind: .spacing),
      Word(text: "now", start: 0.9, end: 1.2),
    ]
    var marked = words
    var warnings: [ReadWarning] = []
    EntityMarking.mark(
      [
        .init(text: "Ana", type: "person_name", start: 4, end: 7, path: "$.entities[0]"),
        .init(text: "Bob", type: "person_name", start: 0, end: 3, path: "$.entities[1]"),
      ], on: &marked, text: text, warnings: &warnings)
    #expect(marked.map { $0.entity?.text } == [nil, nil, "Ana", nil, nil])
    #expect(warnings.count == 2)
    #expect(warnings[0].path == "$.entities[0]" && warnings[0].message.contains("at 5..<8"))
    #expect(warnings[1].message.contains("does not contain it; it is not marked"))
  }

  @Test func wordsThatEndAfterTheAudioAreReported() throws {
    let json = #"""
      {"language_code": "en", "audio_duration_secs": 2.5, "words": [
        {"text": "Hello", "start": 0.1, "end": 0.5, "type": "word"},
        {"text": " ", "start": 0.5, "end": 0.6, "type": "spacing"},
        {"text": "there", "start": 3950, "end": 4210, "type": "word"}]}
      """#
    let transcript = try Transcript(data: Data(json.utf8))
    #expect(transcript.audioDuration == 2.5)
    #expect(
      transcript.warnings.contains {
        $0.path == "$.audio_duration_secs" && $0.message.contains("run until 4210")
      })
    let negative = #"{"audio_duration_secs": -1, "words": []}"#
    #expect {
      try Transcript(data: Data(negative.utf8))
    } throws: { error in
      (error as? ReadError)?.description.contains("$.audio_duration_secs") == true
    }
  }

  @Test func unicodeOffsetsCountScalarsAsTheAPIDoes() {
    // "é" as one scalar, the emoji as one: Python's indices, not UTF-16's.
    let ranges = TextPositions.locate(["Café", " ", "🎉", " ", "Zoë"], in: "Café 🎉 Zoë")
    #expect(ranges == [0..<4, 4..<5, 5..<6, 6..<7, 7..<10])
    #expect(TextPositions.substring("Café 🎉 Zoë", scalars: 7..<10) == "Zoë")
    #expect(TextPositions.substring("Café", scalars: 2..<9) == nil)
    // A piece the text lacks is skipped without losing the place of the next one.
    #expect(TextPositions.locate(["a", "X", "b"], in: "a b") == [0..<1, nil, 2..<3])
  }

  @Test func segmentedJSONKeepsEntitiesAndLossAndReadsThemBack() throws {
    let transcript = try transcript()
    let file = try #require(try transcript.export(.segmentedJSON, preset: .elevenlabs).first)
    let text = String(decoding: file.content, as: UTF8.self)
    #expect(text.contains(#""text": "Dana Reyes","#))
    #expect(text.contains(#""entity_type": "credit_card""#))
    let again = try Transcript(data: file.content)
    #expect(again.inputShape == .segmentedJSON)
    #expect(entityTexts(again).values.sorted() == entityTexts(transcript).values.sorted())
    #expect(again.warnings.isEmpty, "\(again.warnings)")

    let aligned = try Files.readInput("forced-alignment.json")
    let exported = try #require(try aligned.export(.segmentedJSON, preset: .elevenlabs).first)
    let back = try Transcript(data: exported.content)
    #expect(
      back.channels[0].words.filter(\.isTimed).map(\.loss)
        == aligned.channels[0].words.filter(\.isTimed).map(\.loss))
  }
}
