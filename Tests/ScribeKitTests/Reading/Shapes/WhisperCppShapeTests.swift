import Foundation
import Testing

@testable import ScribeKit

/// whisper.cpp's `-oj` and `-ojf` JSON, in milliseconds.
@Suite("Reading: whisper.cpp transcripts")
struct WhisperCppShapeTests {
  @Test func tokensMakeWordsAndSpeakersAreNamed() throws {
    let data = try Files.input("whisper-cpp.json")
    let read = try ShapeTesting.read(data)
    #expect(read.inputShape == .whisperCpp)
    #expect(ShapeTesting.text(read) == "And so, my fellow Americans ask not.")
    let timed = read.channels[0].words.filter(\.isTimed)
    #expect(timed.map(\.text) == ["And", "so,", "my", "fellow", "Americans", "ask", "not."])
    #expect(timed[4].start == 1.78 && timed[4].end == 2.5)
    #expect(timed.first?.speakerID == "speaker_0" && timed.last?.speakerID == "speaker_1")
    #expect(read.languageCode == "en")
    #expect(read.warnings.isEmpty, "\(read.warnings)")
    ShapeTesting.expectOnlyReadAs(.whisperCpp, data)
  }

  @Test func segmentsWithoutTokensAreOneItemEach() throws {
    let data = try Files.input("whisper-cpp-segments.json")
    let read = try ShapeTesting.read(data)
    #expect(read.inputShape == .whisperCpp)
    #expect(ShapeTesting.texts(read).count == 2)
    #expect(read.channels[0].words.last?.end == 11)
    #expect(read.warnings.map(\.path) == ["$.transcription"])
    ShapeTesting.expectOnlyReadAs(.whisperCpp, data)
  }

  @Test func timestampsAreReadWithoutOffsetsAndCheckedAgainstThem() throws {
    let bare =
      #"{"result": {"language": "en"}, "transcription": [{"timestamps": "#
      + #"{"from": "00:01:02,500", "to": "00:01:03,000"}, "text": " Hi"}]}"#
    let read = try ShapeTesting.read(bare)
    #expect(read.channels[0].words.first?.start == 62.5)
    // Offsets in seconds by mistake: the timestamps show it.
    let wrong =
      #"{"result": {"language": "en"}, "transcription": [{"timestamps": "#
      + #"{"from": "00:00:01,000", "to": "00:00:02,000"}, "offsets": {"from": 1, "to": 2}, "#
      + #""text": " Hi"}]}"#
    let warned = try ShapeTesting.read(wrong)
    #expect(warned.warnings.map(\.path) == ["$.transcription[0].offsets.from"])
  }

  @Test func millisecondsThatAreSecondsAreWarnedAbout() throws {
    // 25 segments of speech within one millisecond: these offsets are not milliseconds.
    var segments: [String] = []
    for index in 0..<25 {
      segments.append(
        #"{"offsets": {"from": 0, "to": 1}, "text": " w\#(index)"}"#)
    }
    let json = #"{"systeminfo": "", "transcription": [\#(segments.joined(separator: ","))]}"#
    let read = try ShapeTesting.read(json)
    #expect(read.warnings.contains { $0.message.contains("under 1 ms a word") })
  }
}
