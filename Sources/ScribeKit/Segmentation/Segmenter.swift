import Foundation

/// A run of items shown together: one subtitle cue, one paragraph of a text export.
public struct Segment: Sendable, Equatable {
  /// Every item of the segment in input order: words, audio events and the spacing between them
  /// (and spacing that followed the last word, so that no item of the input is lost).
  public var items: [Word]
  /// The items' text joined as they are and trimmed at both ends.
  public var text: String
  /// The first word's start, in seconds.
  public var start: Double
  /// The last word's end, in seconds (never before ``start``).
  public var end: Double
  /// The speaker of the segment's words, when the transcript is diarized.
  public var speakerID: String?
  /// Line breaks chosen by ``CaptionSegmenter``; `nil` lets each renderer wrap ``text`` at its
  /// line length, as the API does.
  public var lines: [String]?

  /// Creates a segment.
  public init(items: [Word], text: String, start: Double, end: Double, speakerID: String?) {
    self.items = items
    self.text = text
    self.start = start
    self.end = end
    self.speakerID = speakerID
  }

  /// The words and audio events, without spacing.
  public var words: [Word] { items.filter(\.isTimed) }
}

/// Splits a channel's items into segments exactly as the ElevenLabs export does.
///
/// The rule (FORMATS.md §2), applied greedily word by word, starts a new segment before a word
/// or audio event `w` when:
/// - its speaker differs from the segment's (items without a speaker never cause a change);
/// - `w.start - previous.end > segmentOnSilenceLongerThan`;
/// - `w.end - segment.start > maxSegmentDuration`;
/// - the segment's text with `w` (and the spacing before it) appended, trimmed, would be longer
///   than `maxSegmentChars` grapheme clusters.
///
/// Spacing items ride along with the words around them: spacing between two words of a segment
/// is part of its text; spacing at a boundary stays with the earlier segment and is trimmed from
/// its text. A word longer than `maxSegmentChars` on its own still makes a segment of its own.
public struct Segmenter: Sendable {
  /// The limits to split at.
  public var options: SegmentationOptions

  /// Creates a segmenter.
  public init(options: SegmentationOptions) {
    self.options = options
  }

  /// The segments of one channel.
  public func segment(_ channel: Channel) -> [Segment] {
    segment(channel.words)
  }

  /// The segments of a run of items in timeline order.
  public func segment(_ words: [Word]) -> [Segment] {
    var segments: [Segment] = []
    var builder = Builder()
    var leading: [Word] = []

    for item in words {
      if item.kind == .spacing {
        if builder.isOpen {
          builder.pending.append(item)
          builder.pendingText += item.text
        } else {
          leading.append(item)
        }
        continue
      }
      if builder.isOpen && startsNewSegment(before: item, in: builder) {
        segments.append(builder.close())
      }
      if builder.isOpen {
        builder.append(item)
      } else {
        builder.open(with: item, leading: leading)
        leading = []
      }
    }
    if builder.isOpen {
      segments.append(builder.close())
    } else if !leading.isEmpty, !segments.isEmpty {
      segments[segments.count - 1].items += leading
    }
    return segments
  }

  /// Why each segment ends where it does: the rule that started the next one.
  public func reasons(for segments: [Segment]) -> [String] {
    segments.indices.map { index in
      guard index + 1 < segments.count, let next = segments[index + 1].words.first,
        let last = segments[index].words.last
      else { return "the transcript ends" }
      let segment = segments[index]
      if let speaker = next.speakerID, let current = segment.speakerID, speaker != current {
        return "the speaker changes (\(current) to \(speaker))"
      }
      if let silence = options.segmentOnSilenceLongerThan, next.start - last.end > silence {
        return "a pause of \(CaptionSegmenter.format(next.start - last.end)) s "
          + "(segment_on_silence_longer_than_s \(CaptionSegmenter.format(silence)))"
      }
      if let duration = options.maxSegmentDuration, next.end - segment.start > duration {
        return "the next word would make it last longer than max_segment_duration_s "
          + CaptionSegmenter.format(duration)
      }
      if let limit = options.maxSegmentChars {
        let spacing = segments[index + 1].items.prefix { $0.kind == .spacing }.map(\.text).joined()
        let joined = segment.items.map(\.text).joined() + spacing + next.text
        if Segmenter.trimmed(joined).count > limit {
          return "the next word would make it longer than max_segment_chars \(limit)"
        }
      }
      return "the segment ends"
    }
  }

  private func startsNewSegment(before item: Word, in builder: Builder) -> Bool {
    if let speaker = item.speakerID, let current = builder.speakerID, speaker != current {
      return true
    }
    if let silence = options.segmentOnSilenceLongerThan, item.start - builder.lastEnd > silence {
      return true
    }
    if let duration = options.maxSegmentDuration, item.end - builder.start > duration {
      return true
    }
    if let limit = options.maxSegmentChars {
      // Counting by parts is exact unless grapheme clusters join across a boundary or the ends
      // hold whitespace to trim, which can change the total by a few; near the limit, count the
      // real text.
      var estimate = Segmenter.joinedCount(
        builder.text.last, builder.textCount, builder.pendingText)
      let tail = builder.pendingText.last ?? builder.text.last
      estimate = Segmenter.joinedCount(tail, estimate, item.text)
      estimate -= builder.leadingWhitespace
      estimate -= item.text.reversed().prefix(while: \.isWhitespace).count
      let exactEnough = !item.text.allSatisfy(\.isWhitespace)
      if exactEnough && estimate > limit + 2 { return true }
      if !exactEnough || estimate >= limit - 2 {
        let candidate = builder.text + builder.pendingText + item.text
        if Segmenter.trimmed(candidate).count > limit { return true }
      }
    }
    return false
  }

  /// The grapheme count of `text + addition`, given `count` for `text`, checking only whether
  /// the characters at the seam join into one cluster.
  static func joinedCount(_ last: Character?, _ count: Int, _ addition: String) -> Int {
    guard let last, let first = addition.first else { return count + addition.count }
    let joins = (String(last) + String(first)).count == 1
    return count + addition.count - (joins ? 1 : 0)
  }

  static func trimmed(_ text: String) -> String {
    text.trimmingCharacters(in: .whitespacesAndNewlines)
  }

  private struct Builder {
    var items: [Word] = []
    var text = ""
    var textCount = 0
    var leadingWhitespace = 0
    var pending: [Word] = []
    var pendingText = ""
    var start = 0.0
    var end = 0.0
    var lastEnd = 0.0
    var speakerID: String?
    var isOpen = false

    mutating func open(with item: Word, leading: [Word]) {
      items = leading + [item]
      text = item.text
      textCount = item.text.count
      leadingWhitespace = item.text.prefix(while: \.isWhitespace).count
      start = item.start
      end = item.end
      lastEnd = item.end
      speakerID = item.speakerID
      isOpen = true
    }

    mutating func append(_ item: Word) {
      items += pending
      items.append(item)
      textCount = Segmenter.joinedCount(text.last, textCount, pendingText)
      text += pendingText
      textCount = Segmenter.joinedCount(text.last, textCount, item.text)
      text += item.text
      pending = []
      pendingText = ""
      end = item.end
      lastEnd = item.end
      speakerID = speakerID ?? item.speakerID
    }

    mutating func close() -> Segment {
      let segment = Segment(
        items: items + pending, text: Segmenter.trimmed(text), start: start,
        end: max(start, end), speakerID: speakerID)
      self = Builder()
      return segment
    }
  }
}
