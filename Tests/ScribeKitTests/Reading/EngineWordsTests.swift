import Foundation
import Testing

@testable import ScribeKit

/// The check that other engines' times are in their unit: a long recording at the pace of
/// speech is read, another unit read as this one is refused.
@Suite("Reading: engine words' units")
struct EngineWordsTests {
  /// Word starts every `gap` seconds from `from`.
  private func starts(_ count: Int, every gap: Double, from: Double = 0) -> [Double] {
    (0..<count).map { from + Double($0) * gap }
  }

  @Test func aLongRecordingAtThePaceOfSpeechIsNotTooLong() {
    // 80 hours at a word every 0.45 s, as the benchmark's generated transcript.
    let speech = starts(640_000, every: 0.45)
    #expect(!EngineWords.runsTooLong(lastEnd: speech.last.map { $0 + 0.3 } ?? 0, starts: speech))
    // Speech, a day of silence, and speech again.
    let gapped = starts(200, every: 0.4) + starts(200, every: 0.4, from: 45 * 3600)
    #expect(!EngineWords.runsTooLong(lastEnd: 45 * 3600 + 100, starts: gapped))
  }

  @Test func millisecondsReadAsSecondsAreTooLong() {
    // A three-hour recording in milliseconds: 3,000 "hours", words 450 "seconds" apart.
    let misread = starts(24_000, every: 450)
    #expect(EngineWords.runsTooLong(lastEnd: (misread.last ?? 0) + 300, starts: misread))
    // One word, or too few to tell a pace by, past 40 hours.
    #expect(EngineWords.runsTooLong(lastEnd: 41 * 3600, starts: [41 * 3600 - 1]))
    // Past 1,000 hours, whatever the pace.
    let endless = starts(100, every: 0.4, from: 1_001 * 3600)
    #expect(EngineWords.runsTooLong(lastEnd: 1_001 * 3600 + 41, starts: endless))
  }

  @Test func underFortyHoursIsNeverTooLong() {
    #expect(!EngineWords.runsTooLong(lastEnd: 39 * 3600, starts: [0, 39 * 3600 - 1]))
  }

  @Test func anEngineTranscriptPastFortyHoursAtThePaceOfSpeechIsRead() throws {
    // Deepgram, seconds: 300 words at speaking pace, the last 300 after 45 hours of silence.
    let times = starts(300, every: 0.4) + starts(300, every: 0.4, from: 45 * 3600)
    let items = times.enumerated().map { index, start in
      #"{"word": "w\#(index)", "start": \#(start), "end": \#(start + 0.3)}"#
    }
    let response =
      #"{"metadata": {"request_id": "r", "duration": 170000}, "#
      + #""results": {"channels": [{"alternatives": [{"words": ["#
      + items.joined(separator: ", ") + "]}]}]}}"
    let transcript = try ShapeTesting.read(response)
    #expect(transcript.inputShape == .deepgram)
    let words = transcript.channels.flatMap(\.words).filter(\.isTimed)
    #expect(words.count == 600 && words.last?.end == 45 * 3600 + 299 * 0.4 + 0.3)
  }
}
