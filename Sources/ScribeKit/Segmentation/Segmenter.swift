/// A run of items shown together: one subtitle cue, one paragraph of a text export.
public struct Segment: Sendable, Equatable {
  /// Every item of the segment in input order: words, audio events and the spacing between them
  /// (and spacing that followed the last word, so that no item of the input is lost).
  public var items: [Word] {
    get { Array(itemSlice) }
    set { itemSlice = newValue[...] }
  }
  /// The items as a run of the channel they came from: segmenters share the channel's storage
  /// instead of copying every word (a copy would double the memory of a long transcript), and
  /// renderers read them from here. Its indices are the channel's, not zero-based.
  var itemSlice: ArraySlice<Word>
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
    self.init(itemSlice: items[...], text: text, start: start, end: end, speakerID: speakerID)
  }

  init(
    itemSlice: ArraySlice<Word>, text: String, start: Double, end: Double, speakerID: String?
  ) {
    self.itemSlice = itemSlice
    self.text = text
    self.start = start
    self.end = end
    self.speakerID = speakerID
  }

  /// The words and audio events, without spacing.
  public var words: [Word] { itemSlice.filter(\.isTimed) }
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
    segmentWithBoundaries(words).segments
  }

  /// The segments of a channel, each with the rule that ended it, for `--explain`.
  public func explained(_ channel: Channel) -> [(segment: Segment, reason: String)] {
    let (segments, boundaries) = segmentWithBoundaries(channel.words)
    return zip(segments, boundaries).map { ($0, $1.description) }
  }

  /// Why the rule ended a segment.
  enum Boundary: CustomStringConvertible {
    case speakerChange(from: String, to: String)
    case pause(seconds: Double, limit: Double)
    case duration(limit: Double)
    case characters(limit: Int)
    case end

    var description: String {
      let format = CaptionSegmenter.format
      switch self {
      case .speakerChange(let from, let to): return "the speaker changes (\(from) to \(to))"
      case .pause(let seconds, let limit):
        return "a pause of \(format(seconds)) s (segment_on_silence_longer_than_s \(format(limit)))"
      case .duration(let limit):
        return
          "the next word would make it last longer than max_segment_duration_s \(format(limit))"
      case .characters(let limit):
        return "the next word would make it longer than max_segment_chars \(limit)"
      case .end: return "the transcript ends"
      }
    }
  }

  private func segmentWithBoundaries(_ words: [Word]) -> (
    segments: [Segment], boundaries: [Boundary]
  ) {
    var segments: [Segment] = []
    var boundaries: [Boundary] = []
    var builder = Builder()
    // Segments are runs of the input: each holds from its first item (or the spacing before the
    // very first word) up to the next segment's first word, so spacing at a boundary stays
    // with the earlier segment.
    var lower = 0

    for index in words.indices {
      let item = words[index]
      if item.kind == .spacing {
        if builder.isOpen { builder.pendingText += item.text }
        continue
      }
      if builder.isOpen {
        let counts = builder.counts(adding: item)
        if let boundary = boundary(before: item, in: builder, counts: counts) {
          segments.append(builder.close(items: words[lower..<index]))
          boundaries.append(boundary)
          lower = index
          builder.open(with: item)
        } else {
          builder.append(item, counts: counts)
        }
      } else {
        builder.open(with: item)
      }
    }
    if builder.isOpen {
      segments.append(builder.close(items: words[lower...]))
      boundaries.append(.end)
    }
    return (segments, boundaries)
  }

  /// The rule that makes `item` start a new segment, or `nil` when it joins the open one.
  private func boundary(
    before item: Word, in builder: Builder, counts: Builder.Counts
  ) -> Boundary? {
    if let speaker = item.speakerID, let current = builder.speakerID, speaker != current {
      return .speakerChange(from: current, to: speaker)
    }
    if let silence = options.segmentOnSilenceLongerThan, item.start - builder.lastEnd > silence {
      return .pause(seconds: item.start - builder.lastEnd, limit: silence)
    }
    if let duration = options.maxSegmentDuration, item.end - builder.start > duration {
      return .duration(limit: duration)
    }
    if let limit = options.maxSegmentChars {
      // Counting by parts is exact unless grapheme clusters join across a boundary or the ends
      // hold whitespace to trim, which can change the total by a few; near the limit, count the
      // real text.
      let estimate =
        counts.total - builder.leadingWhitespace - Whitespace.trailingCount(item.text)
      let exactEnough = !Whitespace.isBlank(item.text)
      if exactEnough && estimate > limit + 2 { return .characters(limit: limit) }
      if !exactEnough || estimate >= limit - 2 {
        let candidate = builder.text + builder.pendingText + item.text
        if Graphemes.count(Segmenter.trimmed(candidate)) > limit {
          return .characters(limit: limit)
        }
      }
    }
    return nil
  }

  /// The grapheme count of `text + addition`, given `count` for `text`, checking only whether
  /// the characters at the seam join into one cluster.
  static func joinedCount(_ text: String, _ count: Int, _ addition: String) -> Int {
    count + Graphemes.count(addition) - (Graphemes.joinAtSeam(text, addition) ? 1 : 0)
  }

  static func trimmed(_ text: String) -> String {
    Whitespace.trimmingWhitespace(text)
  }

  private struct Builder {
    var text = ""
    var textCount = 0
    var leadingWhitespace = 0
    var pendingText = ""
    var start = 0.0
    var end = 0.0
    var lastEnd = 0.0
    var speakerID: String?
    var isOpen = false

    /// Grapheme counts of the text with the pending spacing appended, and with the next item
    /// appended after that; worked out once per item, for the limit and then for appending.
    struct Counts {
      var withPending: Int
      var total: Int
    }

    func counts(adding item: Word) -> Counts {
      let withPending = Segmenter.joinedCount(text, textCount, pendingText)
      let tail = pendingText.isEmpty ? text : pendingText
      return Counts(
        withPending: withPending, total: Segmenter.joinedCount(tail, withPending, item.text))
    }

    mutating func open(with item: Word) {
      text = item.text
      textCount = Graphemes.count(item.text)
      leadingWhitespace = Whitespace.leadingCount(item.text)
      pendingText = ""
      start = item.start
      end = item.end
      lastEnd = item.end
      speakerID = item.speakerID
      isOpen = true
    }

    mutating func append(_ item: Word, counts: Counts) {
      text += pendingText
      text += item.text
      textCount = counts.total
      pendingText = ""
      end = item.end
      lastEnd = item.end
      speakerID = speakerID ?? item.speakerID
    }

    mutating func close(items: ArraySlice<Word>) -> Segment {
      let segment = Segment(
        itemSlice: items, text: Segmenter.trimmed(text), start: start,
        end: max(start, end), speakerID: speakerID)
      isOpen = false
      return segment
    }
  }
}
