import Foundation
import Testing

@testable import ScribeKit

/// whisperX's aligned (and diarized) JSON.
@Suite("Reading: whisperX transcripts")
struct WhisperXShapeTests {
  @Test(.enabled(if: Files.sharedFixturesAvailable, Files.skipReason))
  func theFrenchCallKeepsItsThreeSpeakersAndLongWords() throws {
    let data = try Files.shared("engines/whisperx/french-call-diarized-three-speakers.json")
    let read = try ShapeTesting.read(data)
    #expect(read.inputShape == .whisperX)
    let timed = read.channels[0].words.filter(\.isTimed)
    #expect(timed.count == 355)
    #expect(timed.first?.text == "Bonjour." && timed.first?.start == 6.578)
    #expect(timed.first?.end == 28.747)
    #expect(timed.last?.text == "Bye-bye." && timed.last?.end == 193.658)
    #expect(Set(timed.compactMap(\.speakerID)) == ["SPEAKER_00", "SPEAKER_01", "SPEAKER_02"])
    #expect(timed.allSatisfy { $0.speakerID != nil })
    #expect(ShapeTesting.text(read).hasPrefix("Bonjour. Allô? Bonjour, est-ce que"))
    #expect(read.warnings.count == 1)
    #expect(read.warnings.first?.message.contains("13 words have no speaker") == true)
    ShapeTesting.expectOnlyReadAs(.whisperX, data)
  }

  @Test(.enabled(if: Files.sharedFixturesAvailable, Files.skipReason))
  func untimedNumbersArePlacedBetweenTheirNeighbours() throws {
    let data = try Files.shared("engines/whisperx/english-untimed-number-words.json")
    let read = try ShapeTesting.read(data)
    #expect(read.inputShape == .whisperX)
    let timed = read.channels[0].words.filter(\.isTimed)
    #expect(timed.count == 127)
    #expect(timed.first?.text == "Street" && timed.first?.start == 0.61)
    #expect(timed.last?.text == "me." && timed.last?.end == 44.641)
    #expect(read.warnings.filter { $0.message.contains("has no timing") }.count == 16)
    #expect(ShapeTesting.text(read).contains("so 60 billion, 66 and 70 on CapEx"))
    ShapeTesting.expectOnlyReadAs(.whisperX, data)
  }

  @Test func theHandBuiltFileHasSpeakersUntimedWordsAndJapanese() throws {
    let data = try Files.input("whisperx-diarized.json")
    let read = try ShapeTesting.read(data)
    #expect(
      ShapeTesting.text(read) == "Hello there, it's 2026. Hi! Good to see you. 今日は晴れ")
    let timed = read.channels[0].words.filter(\.isTimed)
    #expect(timed[2].speakerID == "SPEAKER_00")
    #expect(timed[3].text == "2026." && timed[3].start == 1.3 && timed[3].end == 2.6)
    #expect(read.warnings.count == 2)
    ShapeTesting.expectOnlyReadAs(.whisperX, data)
  }
}
