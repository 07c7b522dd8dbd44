/// Splits a channel's items into cues exactly as the ElevenLabs export does.
///
/// The rule (<doc:APIParity#Segmentation-rule>), applied greedily word by word, starts a new segment before a word
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
struct Segmenter: Sendable {
  /// The limits to split at.
  var options: APIExportOptions

  /// Creates a segmenter.
  init(options: APIExportOptions) {
    self.options = options
  }

  /// The cues of one channel.
  func cues(_ channel: Channel) -> [Cue] {
    cues(channel.words)
  }

  /// The cues of a run of items in timeline order, each with the rule that ended it.
  func cues(_ words: [Word]) -> [Cue] {
    var cues: [Cue] = []
    var builder = Builder()
    // Cues are runs of the input: each holds from its first item (or the spacing before the
    // very first word) up to the next cue's first word, so spacing at a boundary stays with
    // the earlier cue.
    var lower = 0

    for index in words.indices {
      let item = words[index]
      if item.kind == .spacing {
        if builder.isOpen { builder.pendingText += item.text }
        continue
      }
      if builder.isOpen {
        let counts = builder.counts(adding: item)
        if let reason = boundary(before: item, in: builder, counts: counts) {
          cues.append(builder.close(items: words[lower..<index], reason: reason))
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
      cues.append(builder.close(items: words[lower...], reason: .transcriptEnd))
    }
    return cues
  }

  /// The rule that makes `item` start a new segment, or `nil` when it joins the open one.
  private func boundary(
    before item: Word, in builder: Builder, counts: Builder.Counts
  ) -> Cue.EndReason? {
    if let speaker = item.speakerID, let current = builder.speakerID, speaker != current {
      return .speakerChange(from: current, to: speaker)
    }
    if let silence = options.segmentOnSilenceLongerThan, item.start - builder.lastEnd > silence {
      return .silence(seconds: item.start - builder.lastEnd, limit: silence)
    }
    if let duration = options.maxSegmentDuration, item.end - builder.start > duration {
      return .maxSegmentDuration(duration)
    }
    if let limit = options.maxSegmentChars {
      // Counting by parts is exact unless grapheme clusters join across a boundary or the ends
      // hold whitespace to trim, which can change the total by a few; near the limit, count the
      // real text.
      let estimate =
        counts.total - builder.leadingWhitespace - Whitespace.trailingCount(item.text)
      let exactEnough = !Whitespace.isBlank(item.text)
      if exactEnough && estimate > limit + 2 { return .maxSegmentChars(limit) }
      if !exactEnough || estimate >= limit - 2 {
        let candidate = builder.text + builder.pendingText + item.text
        if Graphemes.count(Segmenter.trimmed(candidate)) > limit {
          return .maxSegmentChars(limit)
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

    mutating func close(items: ArraySlice<Word>, reason: Cue.EndReason) -> Cue {
      let cue = Cue(
        itemSlice: items, text: Segmenter.trimmed(text), start: start,
        end: max(start, end), speakerID: speakerID, endReason: reason)
      isOpen = false
      return cue
    }
  }
}
