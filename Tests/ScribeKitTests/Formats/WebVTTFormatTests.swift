import Foundation
import Testing

@testable import ScribeKit

@Suite("Formats: WebVTT")
struct WebVTTRendererTests {
  @Test func escapesMarkupAndCannotEndACueEarly() throws {
    let transcript = try Files.readInput("multilingual.json")
    var options = WebVTTFormat().defaultOptions(.current)
    options.includeSpeakers = true
    let vtt = String(
      decoding: try transcript.export([ExportRequest(.vtt, options: options)])[0].content,
      as: UTF8.self)
    #expect(vtt.hasPrefix("WEBVTT\n\n"))
    #expect(vtt.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; then --&gt;"))
    #expect(vtt.contains("&amp;amp;"))
    // A voice span, and a label a person sees (SpeakerLabelStyle.both).
    #expect(vtt.contains("<v speaker_1>[speaker_1] مرحبا بكم في البرنامج اليوم</v>"))
    try Self.validate(vtt)
  }

  @Test func wordTimestampsIncreaseInsideTheirCue() throws {
    let transcript = try TranscriptReader().read(Files.sample("interview.json"))
    let request = ExportRequest(.vtt)
    let vtt = String(
      decoding: try transcript.export([request], settings: ExportSettings(wordTimestamps: true))[0]
        .content,
      as: UTF8.self)
    #expect(
      vtt.contains("00:00:00.420 --> 00:00:03.841\nWelcome <00:00:01.036>back <00:00:01.438>to"))
    try Self.validate(vtt)
  }

  /// Checks the structure the W3C parser relies on: the header, a timing line per cue, no blank
  /// line or `-->` inside a payload, and timestamp tags that increase strictly inside the cue.
  static func validate(_ vtt: String) throws {
    #expect(vtt.hasPrefix("WEBVTT\n\n") || vtt == "WEBVTT\n")
    #expect(vtt.hasSuffix("\n") && !vtt.hasSuffix("\n\n"))
    let blocks = vtt.dropFirst("WEBVTT\n\n".count).dropLast().components(separatedBy: "\n\n")
    let timing = #/^(\d{2,}):(\d{2}):(\d{2})\.(\d{3}) --> (\d{2,}):(\d{2}):(\d{2})\.(\d{3})$/#
    for block in blocks where !block.isEmpty {
      let lines = block.split(separator: "\n", omittingEmptySubsequences: false)
      guard let match = try timing.wholeMatch(in: String(lines[0])) else {
        Issue.record("not a timing line: \(lines[0])")
        continue
      }
      func millis(_ h: Substring, _ m: Substring, _ s: Substring, _ f: Substring) -> Int {
        ((Int(h) ?? 0) * 3600 + (Int(m) ?? 0) * 60 + (Int(s) ?? 0)) * 1000 + (Int(f) ?? 0)
      }
      let start = millis(match.1, match.2, match.3, match.4)
      let end = millis(match.5, match.6, match.7, match.8)
      #expect(start <= end)
      let payload = lines.dropFirst().joined(separator: "\n")
      #expect(
        !payload.isEmpty && !payload.contains("-->") && lines.dropFirst().allSatisfy { !$0.isEmpty }
      )
      var last = start
      for tag in payload.matches(of: #/<(\d{2,}):(\d{2}):(\d{2})\.(\d{3})>/#) {
        let time = millis(tag.1, tag.2, tag.3, tag.4)
        #expect(time > last && time < end, "timestamp tag out of order in \(block)")
        last = time
      }
    }
  }
}
