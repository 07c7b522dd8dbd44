import Foundation
import Testing

@testable import ScribeKit

@Suite("Formats: segmented JSON")
struct SegmentedJSONTests {
  @Test func keepsTheWordObjectsAndDropsFieldsPerFlag() throws {
    let segment = Cue(
      items: [
        Word(text: "Hi", start: 0.5, end: 0.9, kind: .word, speakerID: "speaker_0", logprob: -0.25),
        Word(text: " ", start: 0.9, end: 1, kind: .spacing, speakerID: "speaker_0"),
      ], text: "Hi", start: 0.5, end: 0.9, speakerID: "speaker_0")
    #expect(
      SegmentedJSONRenderer().render([segment])
        == """
        {
          "segments": [
            {
              "text": "Hi",
              "words": [
                {
                  "text": "Hi",
                  "start": 0.5,
                  "end": 0.9,
                  "type": "word",
                  "speaker_id": "speaker_0",
                  "logprob": -0.25
                },
                {
                  "text": " ",
                  "start": 0.9,
                  "end": 1,
                  "type": "spacing",
                  "speaker_id": "speaker_0"
                }
              ]
            }
          ]
        }

        """)
    let bare = SegmentedJSONRenderer(includeSpeakers: false, includeTimestamps: false).render([
      segment
    ])
    #expect(!bare.contains("speaker_id") && !bare.contains("start") && bare.contains("logprob"))
  }

  @Test func readsBackToTheSameSegments() throws {
    for (name, transcript) in try FormatInputs.all() {
      for format in [SRTFormat(), SegmentedJSONFormat()] as [any OutputFormat] {
        var options = format.defaultOptions(.current)
        options.includeSpeakers = true
        let segmenter = Segmenter(options: options)
        for channel in transcript.channels {
          let segments = segmenter.cues(channel)
          let json = SegmentedJSONRenderer(options: options).render(segments)
          let back = try TranscriptReader().read(Data(json.utf8), source: name)
          #expect(back.inputShape == .segmentedJSON)
          #expect(back.warnings.isEmpty, "\(name): \(back.warnings)")
          let again = segmenter.cues(back.channels[0])
          #expect(again == segments, "\(name) with \(format.name) options")
        }
      }
    }
  }

  @Test func escapesEveryStringJSONMustEscape() throws {
    let segment = Cue(
      items: [Word(text: "a\"b\\c\u{01}\n\u{2028}", start: 0, end: 1)], text: "x", start: 0, end: 1,
      speakerID: nil)
    let json = SegmentedJSONRenderer().render([segment])
    #expect(json.contains(#""a\"b\\c\u0001\n\u2028""#))
    let parsed = try JSONParser.parse(Array(json.utf8))
    let word = parsed.objectValue?["segments"]?.arrayValue?.first?.objectValue?["words"]?
      .arrayValue?.first
    #expect(word?.objectValue?["text"]?.stringValue == "a\"b\\c\u{01}\n\u{2028}")
  }
}
