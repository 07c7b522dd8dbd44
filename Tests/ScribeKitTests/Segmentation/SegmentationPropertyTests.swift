import Foundation
import Testing

@testable import ScribeKit

/// Invariants that must hold for every transcript and every set of options.
@Suite("Segmentation: properties over generated transcripts")
struct SegmentationPropertyTests {
  static let seeds: [UInt64] = Array(1...300)

  @Test(arguments: seeds)
  func everyItemOnceInOrderAndEveryLimitKept(seed: UInt64) {
    var generator = TranscriptGenerator(seed: seed)
    let items = generator.items(count: Int(seed % 7) * 60 + 5)
    let options = generator.options()
    let segments = Segmenter(options: options).cues(items)

    #expect(segments.flatMap(\.items) == items, "seed \(seed): items lost, repeated or reordered")
    for (previous, next) in zip(segments, segments.dropFirst()) {
      #expect(previous.start <= next.start, "seed \(seed): cue times decrease")
    }
    for segment in segments {
      let words = segment.words
      #expect(segment.start <= segment.end)
      #expect(!words.isEmpty, "seed \(seed): a segment without words")
      guard words.count > 1 else { continue }
      let speakers = Set(words.compactMap(\.speakerID))
      #expect(speakers.count <= 1, "seed \(seed): speakers \(speakers) share a segment")
      if let limit = options.maxSegmentChars {
        #expect(segment.text.count <= limit, "seed \(seed): \(segment.text.count) > \(limit)")
      }
      if let limit = options.maxSegmentDuration, let first = words.first, let last = words.last {
        #expect(last.end - first.start <= limit + 1e-9, "seed \(seed): segment too long")
      }
      if let limit = options.segmentOnSilenceLongerThan {
        for (a, b) in zip(words, words.dropFirst()) {
          #expect(b.start - a.end <= limit + 1e-9, "seed \(seed): a pause inside a segment")
        }
      }
    }
  }

  @Test(arguments: seeds)
  func srtKeepsEveryWordInOrderAndEveryLine(seed: UInt64) {
    var generator = TranscriptGenerator(seed: seed)
    let items = generator.items(count: 120)
    let options = generator.options()
    let segments = Segmenter(options: options).cues(items)
    let srt = SRTRenderer(options: options).render(segments)
    let cues = srt.isEmpty ? [] : srt.dropLast().components(separatedBy: "\n\n")
    #expect(cues.count == segments.count)
    #expect(srt.isEmpty || (srt.hasSuffix("\n") && !srt.hasSuffix("\n\n")))
    for (number, (cue, segment)) in zip(cues, segments).enumerated() {
      let lines = cue.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
      #expect(lines.count >= 3, "seed \(seed): cue \(number + 1) is \(cue.debugDescription)")
      #expect(lines[0] == String(number + 1))
      #expect(lines[1] == Timecode.srt(segment.start) + " --> " + Timecode.srt(segment.end))
      let textLines = Array(lines.dropFirst(2))
      #expect(textLines.allSatisfy { !$0.isEmpty })
      var joined = textLines.joined(separator: " ")
      if options.includeSpeakers, let speaker = segment.speakerID {
        #expect(joined.hasPrefix("[\(speaker)] "))
        joined.removeFirst(speaker.count + 3)
      }
      // Removing whitespace, the cue holds exactly the segment's words in order.
      let spoken = segment.words.map(\.text).joined().filter { !$0.isWhitespace }
      #expect(joined.filter { !$0.isWhitespace } == spoken, "seed \(seed): cue \(number + 1)")
      if let limit = options.maxCharactersPerLine {
        for line in textLines where line.count > limit {
          #expect(
            !line.contains(" ") && line.count <= longestUnit(textLines.joined(separator: " ")),
            "seed \(seed): \(line.debugDescription) is over \(limit) without being one word")
        }
      }
    }
  }

  /// The longest piece of `text` the wrapper may not break.
  private func longestUnit(_ text: String) -> Int {
    LineWrapper.units(of: text).map(\.text.count).max() ?? 0
  }
}
