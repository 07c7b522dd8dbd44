import Foundation
import Testing

@testable import ScribeKit

/// Broken and odd inputs, each with the exact error or repair it gets.
@Suite("Reading: the broken-input catalogue")
struct BrokenInputCatalogueTests {
  private func read(_ bytes: Data) -> Result<Transcript, ReadError> {
    do {
      return .success(try TranscriptReader().read(bytes, source: "in.json"))
    } catch {
      return .failure(error)
    }
  }

  private func message(_ text: String) -> String {
    switch read(Data(text.utf8)) {
    case .success(let result):
      return "ok: " + result.warnings.map(\.description).joined(separator: " | ")
    case .failure(let error): return error.description
    }
  }

  @Test(arguments: [
    ("", "in.json: the input is empty; expected ElevenLabs timing data in JSON"),
    ("hello", "in.json: not valid JSON at line 1, column 1: expected a JSON value, found 'h'"),
    ("[1, 2]", "in.json: at $: expected an object (ElevenLabs timing data), found an array"),
    (
      #"{"words": [{"text": "unfinished"#,
      "in.json: not valid JSON at line 1, column 21: the string that starts here is never closed (is the file truncated?)"
    ),
    (
      #"{"words": [{"text": "a", "start": "0.5", "end": 1}]}"#,
      "in.json: at $.words[0].start: expected a number or null, found a string (\"0.5\")"
    ),
    (
      #"{"words": [{"text": "a", "start": NaN, "end": 1}]}"#,
      "in.json: not valid JSON at line 1, column 35: NaN and Infinity are not JSON numbers"
    ),
    (
      #"{"words": [{"text": "a", "start": 1e308, "end": 1e308}]}"#,
      "in.json: at $.words[0]: \"a\" has a time of 1e+308 s; expected at most 1000000 s (277 hours)"
    ),
    (
      #"{"words": [{"text": null, "start": 0, "end": 1}]}"#,
      "in.json: at $.words[0].text: expected a string, found null"
    ),
    (#"{"words": []}"#, "ok: $.words: the transcript has no words; every output is empty"),
    (
      #"{"words": [{"text": "a", "start": -2, "end": 1}]}"#,
      "ok: $.words[0]: \"a\" has a negative start time (-2.0 s); set to 0"
    ),
    (
      #"{"words": [{"text": "a", "start": 2, "end": 1}]}"#,
      "ok: $.words[0]: \"a\" ends (1.0 s) before it starts (2.0 s); end set to the start"
    ),
    (
      #"{"words": [{"text": "a", "start": 1, "end": 2}, {"text": "b", "start": 0, "end": 0.5}]}"#,
      "ok: $.words[1]: \"b\" starts (0.0 s) before the word before it (1.0 s); kept in input order"
    ),
    (
      #"{"characters": ["a", "b"], "character_start_times_seconds": [0], "character_end_times_seconds": [1, 2]}"#,
      "in.json: at $: characters (2), character_start_times_seconds (1) and character_end_times_seconds (2) must have the same length"
    ),
  ])
  func catalogue(input: String, expected: String) {
    #expect(message(input) == expected)
  }

  @Test func invalidUTF8IsRefusedWithItsPlace() {
    var bytes = Data(#"{"words": [{"text": ""#.utf8)
    bytes.append(contentsOf: [0xC3, 0x28])
    bytes.append(contentsOf: Data(#"", "start": 0, "end": 1}]}"#.utf8))
    guard case .failure(let error) = read(bytes) else {
      Issue.record("invalid UTF-8 was accepted")
      return
    }
    #expect(
      error.description
        == "in.json: not valid JSON at line 1, column 22: a string contains bytes that are not valid UTF-8"
    )
  }

  @Test func deepNestingIsAnErrorNotACrash() {
    let deep = String(repeating: "[", count: 200_000)
    #expect(message(deep).hasSuffix("arrays and objects nest deeper than 512 levels"))
  }

  @Test func duplicatedWordsAreKeptNotDropped() throws {
    let result = try TranscriptReader().read(
      Data(
        #"{"words": [{"text": "a", "start": 0, "end": 1}, {"text": "a", "start": 0, "end": 1}]}"#
          .utf8))
    #expect(result.channels[0].words.map(\.text) == ["a", "a"])
  }

  @Test func aVeryLongSingleStringIsRead() throws {
    let long = String(repeating: "é", count: 5_000_000)
    let json = #"{"words": [{"text": ""# + long + #"", "start": 0, "end": 1}]}"#
    let result = try TranscriptReader().read(Data(json.utf8))
    #expect(result.channels[0].words[0].text.count == 5_000_000)
  }

  /// A 300 MB string, as one word and as an unknown member: read, segmented and written as one
  /// cue, without a copy per character or a crash.
  @Test func aThreeHundredMegabyteStringIsReadAndWritten() throws {
    let size = 300_000_000
    var json = Data(#"{"note": ""#.utf8)
    json.append(Data(repeating: UInt8(ascii: "n"), count: size / 3))
    json.append(Data(#"", "words": [{"text": ""#.utf8))
    json.append(Data(repeating: UInt8(ascii: "w"), count: size))
    json.append(Data(#"", "start": 0, "end": 1}]}"#.utf8))
    let transcript = try TranscriptReader().read(json)
    json = Data()
    let word = try #require(transcript.channels.first?.words.first)
    #expect(word.text.utf8.count == size)
    let srt = try transcript.export(.srt)[0].content
    #expect(srt.count == size + "1\n00:00:00,000 --> 00:00:01,000\n\n".utf8.count)
    #expect(srt.prefix(39) == Data("1\n00:00:00,000 --> 00:00:01,000\nwwwwwww".utf8))
  }

  @Test func aSpeakerIDWithMarkupStaysText() throws {
    let json =
      #"{"words": [{"text": "<b>x</b>", "start": 0, "end": 1, "speaker_id": "<script>alert(1)</script>"}]}"#
    let transcript = try TranscriptReader().read(Data(json.utf8))
    var options = WebVTTFormat().defaultOptions(.current)
    options.includeSpeakers = true
    let vtt = String(
      decoding: try transcript.export([ExportRequest(.vtt, options: options)])[0].content,
      as: UTF8.self)
    #expect(
      vtt.contains(
        "<v &lt;script&gt;alert(1)&lt;/script&gt;>[&lt;script&gt;alert(1)&lt;/script&gt;] &lt;b&gt;x&lt;/b&gt;</v>"
      ))
    let html = String(
      decoding: try transcript.export(.html)[0].content,
      as: UTF8.self)
    #expect(!html.contains("<script>alert") && !html.contains("<b>x"))
  }
}
