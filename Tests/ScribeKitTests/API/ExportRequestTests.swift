import Testing

@testable import ScribeKit

@Suite("Segmentation: export options")
struct ExportRequestTests {
  @Test func theDefaultsAreTheAPIs() {
    let srt = SRTFormat().defaultOptions(.current)
    #expect(srt.segmentOnSilenceLongerThan == 0.8)
    #expect(srt.maxSegmentDuration == 4)
    #expect(srt.maxSegmentChars == 84)
    #expect(srt.maxCharactersPerLine == 42)
    #expect(!srt.includeSpeakers && srt.includeTimestamps)
    let txt = PlainTextFormat().defaultOptions(.current)
    #expect(txt.maxCharactersPerLine == 100 && txt.maxSegmentChars == nil && txt.includeSpeakers)
    for format in [SegmentedJSONFormat(), HTMLFormat(), DOCXFormat(), PDFFormat()]
      as [any OutputFormat]
    {
      #expect(format.defaultOptions(.current) == APIExportOptions())
    }
    let legacy = ExportRequest(.srt, preset: .elevenlabsLegacy).options
    #expect(legacy.maxCharactersPerLine == 50 && legacy.segmentOnSilenceLongerThan == 0.6)
    #expect(legacy.maxSegmentDuration == 5 && legacy.maxSegmentChars == 90)
  }

  @Test func parsesTheAPIsArrayWithEachEntrysOwnOptions() throws {
    let (requests, warnings) = try ExportRequest.additionalFormats(
      #"[{"format": "srt", "max_characters_per_line": 32, "segment_on_silence_longer_than_s": null},"#
        + #" {"format": "txt", "include_speakers": false}, {"format": "segmented_json"}]"#)
    #expect(warnings.isEmpty)
    #expect(requests.map(\.format.name) == ["srt", "txt", "segmented_json"])
    #expect(requests[0].options.maxCharactersPerLine == 32)
    #expect(requests[0].options.segmentOnSilenceLongerThan == nil)
    #expect(requests[0].options.maxSegmentDuration == 4, "absent fields take the format's default")
    #expect(requests[1].options.includeSpeakers == false)
    #expect(requests[1].options.maxCharactersPerLine == 100)
  }

  @Test func entryFieldsWinOverTheBaseAndTheBaseOverDefaults() throws {
    let (requests, _) = try ExportRequest.additionalFormats(
      #"[{"format": "srt", "max_segment_chars": 20}, {"format": "srt"}]"#
    ) { _, options in
      options.maxSegmentChars = 50
      options.maxSegmentDuration = 2
    }
    #expect(requests.map(\.options.maxSegmentChars) == [20, 50])
    #expect(requests.map(\.options.maxSegmentDuration) == [2, 2])
  }

  @Test func warnsAboutOptionsTheAPIIgnores() throws {
    let (_, warnings) = try ExportRequest.additionalFormats(
      #"[{"format": "html", "max_characters_per_line": 30, "colour": "red"}]"#)
    #expect(
      warnings == [
        "$[0].max_characters_per_line: ignored; max_characters_per_line applies to srt, vtt, ttml, ebu-tt-d and txt only",
        "$[0].colour: ignored; not an export option the API knows",
      ])
  }

  @Test(arguments: [
    ("{}", "additional formats at $: expected an array of export option objects, found an object"),
    (
      "[3]",
      "additional formats at $[0]: expected an object such as {\"format\": \"srt\"}, found a number"
    ),
    ("[{}]", "additional formats at $[0]: missing \"format\""),
    (#"[{"format": "webm"}]"#, "additional formats at $[0].format: unknown format \"webm\""),
    (
      #"[{"format": "srt", "max_segment_chars": 0}]"#,
      "expected a whole number of at least 1, found 0"
    ),
    (#"[{"format": "srt", "max_segment_chars": 2.5}]"#, "found 2.5"),
    (#"[{"format": "srt", "max_segment_duration_s": -1}]"#, "-1.0 is negative"),
    (#"[{"format": "srt", "include_speakers": "yes"}]"#, "expected true or false, found a string"),
    ("[{\"format\": \"srt\",}]", "not valid JSON at line 1, column 19"),
  ])
  func rejectsImpossibleOptionsWithThePlace(json: String, message: String) {
    do {
      _ = try ExportRequest.additionalFormats(json)
      Issue.record("\(json) was accepted")
    } catch {
      #expect(error.description.contains(message), "\(error.description)")
    }
  }
}
