import Foundation
import Testing

@testable import ScribeKit

/// The lyrics of a song from `/v1/music/detailed`, as its JSON part or its whole multipart body.
@Suite("Reading: music with word timestamps")
struct MusicTimestampsShapeTests {
  /// A JSON part with `words`, each `(word, start_ms, end_ms)`.
  private func song(_ words: [(String, Int, Int)]) -> String {
    let items = words.map { #"{"word": "\#($0.0)", "start_ms": \#($0.1), "end_ms": \#($0.2)}"# }
    return #"{"composition_plan": {"sections": []}, "song_metadata": {"title": "T"}, "#
      + #""words_timestamps": ["# + items.joined(separator: ", ") + "]}"
  }

  /// `json` as the first part of a multipart body whose lines end with `newline`, followed by
  /// audio bytes.
  private func multipart(_ json: Data, newline: String = "\r\n") -> Data {
    var body = Data("--a1b2c3d4e5\(newline)Content-Type: application/json\(newline)\(newline)".utf8)
    body.append(json)
    body.append(
      Data(
        ("\(newline)--a1b2c3d4e5\(newline)Content-Type: audio/mpeg\(newline)"
          + "Content-Disposition: attachment; filename=\"song.mp3\"\(newline)\(newline)").utf8))
    // Audio bytes, among them a line feed and bytes that are not UTF-8.
    body.append(contentsOf: [0x49, 0x44, 0x33, 0x03, 0x00, 0x0A, 0xFF, 0xFB, 0x90, 0x2D, 0x2D])
    body.append(Data("\(newline)--a1b2c3d4e5--\(newline)".utf8))
    return body
  }

  @Test func theLyricsAreReadInSecondsWithSpaces() throws {
    let data = try Files.input("music-detailed.json")
    let music = try ShapeTesting.read(data)
    #expect(music.inputShape == .musicTimestamps)
    #expect(
      ShapeTesting.text(music)
        == "City lights are calling out my name Dancing through the midnight rain")
    let timed = music.channels[0].words.filter(\.isTimed)
    #expect(timed.count == 12)
    #expect(timed.first == Word(text: "City", start: 12, end: 12.42))
    #expect(timed.last == Word(text: "rain", start: 17.9, end: 18.9))
    #expect(music.languageCode == nil)
    #expect(music.warnings.isEmpty, "\(music.warnings)")
    ShapeTesting.expectOnlyReadAs(.musicTimestamps, data)
  }

  @Test func theWholeMultipartBodyReadsAsItsJSONPart() throws {
    let json = try Files.input("music-detailed.json")
    let expected = try ShapeTesting.read(json)
    // The SDKs find the JSON on one line after its header; any JSON is read here.
    let oneLine = Data(
      String(decoding: json, as: UTF8.self).replacingOccurrences(of: "\n", with: "").utf8)
    for body in [multipart(oneLine), multipart(json, newline: "\n")] {
      let read = try ShapeTesting.read(body)
      #expect(read.inputShape == .musicTimestamps)
      #expect(read.channels == expected.channels)
    }
  }

  @Test func aMultipartBodyWithoutAJSONPartSaysSo() {
    var body = Data("--zz\r\nContent-Type: audio/mpeg\r\n\r\n".utf8)
    body.append(contentsOf: [0x49, 0x44, 0x33, 0x03, 0xFF])
    body.append(Data("\r\n--zz--\r\n".utf8))
    guard case .notATranscript(let reason)? = ShapeTesting.error(body)?.problem else {
      Issue.record("a multipart body without JSON was not named")
      return
    }
    #expect(reason.contains("multipart response without a JSON part"))
  }

  @Test func aSongComposedWithoutTimestampsSaysSo() {
    let without = #"{"composition_plan": {"sections": []}, "song_metadata": {"title": "T"}}"#
    for json in [without, song([]).replacingOccurrences(of: "[]}", with: "null}")] {
      let error = ShapeTesting.error(json)
      guard case .noTimings(let reason)? = error?.problem else {
        Issue.record("a song without timestamps: \(String(describing: error))")
        continue
      }
      #expect(reason.contains("with_timestamps"))
    }
  }

  @Test func anInstrumentalSongHasNoWordsAndAWarning() throws {
    let read = try ShapeTesting.read(song([]))
    #expect(read.channels[0].words.isEmpty)
    #expect(read.warnings.map(\.path) == ["$.words_timestamps"])
  }

  @Test func japaneseLyricsAreNotSpacedApartAndLineBreaksBecomeOneSpace() throws {
    let japanese = song([("夜の", 1000, 1400), ("街へ", 1400, 2000), ("Tokyo", 2200, 2800)])
    // Beside a Japanese character no space is invented, as forced alignment decides.
    #expect(ShapeTesting.text(try ShapeTesting.read(japanese)) == "夜の街へTokyo")
    let lines = song([("name\\n", 1000, 1400), ("Dancing", 1600, 2000), ("  rain", 2100, 2500)])
    let read = try ShapeTesting.read(lines)
    #expect(read.channels[0].words.map(\.text) == ["name", " ", "Dancing", " ", "rain"])
    #expect(read.warnings.isEmpty)
  }

  @Test func aBrokenWordIsNamedByItsPath() {
    let broken =
      #"{"words_timestamps": [{"word": "la", "start_ms": 0, "end_ms": 200}, "#
      + #"{"start_ms": 300, "end_ms": 500}]}"#
    #expect(
      ShapeTesting.error(broken)?.description
        == "input: at $.words_timestamps[1].word: missing; expected a string")
  }
}
