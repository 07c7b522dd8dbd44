/// A run of items shown together: one subtitle cue, one paragraph of a document.
///
/// Both segmenters make cues: the API's rule (``Preset/elevenlabs``) and the caption styles. A
/// cue knows why it ends (``endReason``), which `--explain`-style reports print.
public struct Cue: Sendable, Equatable {
  /// Every item of the cue in input order: words, audio events and the spacing between them
  /// (and spacing that followed the last word, so that no item of the input is lost).
  public var items: [Word] {
    get { Array(itemSlice) }
    set { itemSlice = newValue[...] }
  }
  /// The items as a run of the channel they came from: segmenters share the channel's storage
  /// instead of copying every word (a copy would double the memory of a long transcript), and
  /// formats read them from here. Its indices are the channel's, not zero-based.
  var itemSlice: ArraySlice<Word>
  /// The items' text joined as they are and trimmed at both ends.
  public var text: String
  /// When the cue appears, in seconds: its first word's start.
  public var start: Double
  /// When the cue disappears, in seconds (never before ``start``): its last word's end, or
  /// later when a caption style extends it for reading speed.
  public var end: Double
  /// The speaker of the cue's words, when the transcript is diarized.
  public var speakerID: String?
  /// Line breaks chosen by a caption style; `nil` lets each format wrap ``text`` at its line
  /// length, as the API does.
  public var lines: [String]?
  /// Why the cue ends where it does.
  public var endReason: EndReason
  /// `true` when a caption style cut the cue's time on screen at its maximum duration because
  /// its words last longer (a sung note, a stretched item).
  public var isCutAtMaximumDuration = false

  /// Creates a cue.
  public init(
    items: [Word], text: String, start: Double, end: Double, speakerID: String?,
    lines: [String]? = nil, endReason: EndReason = .transcriptEnd
  ) {
    self.init(
      itemSlice: items[...], text: text, start: start, end: end, speakerID: speakerID,
      endReason: endReason)
    self.lines = lines
  }

  init(
    itemSlice: ArraySlice<Word>, text: String, start: Double, end: Double, speakerID: String?,
    endReason: EndReason
  ) {
    self.itemSlice = itemSlice
    self.text = text
    self.start = start
    self.end = end
    self.speakerID = speakerID
    self.endReason = endReason
  }

  /// The words and audio events, without spacing.
  public var words: [Word] { itemSlice.filter(\.isTimed) }

  /// The rule that ended a cue.
  ///
  /// The API's rule ends cues by its export options (``silence(seconds:limit:)``,
  /// ``maxSegmentDuration(_:)``, ``maxSegmentChars(_:)``); a caption style ends them at hard
  /// limits (``pause(seconds:limit:)``, ``maxDuration(_:)``, ``lineFit(lines:charactersPerLine:)``)
  /// or where its costs are lowest (``sentenceEnd``, ``clauseEnd``, ``bestBalance``).
  public enum EndReason: Sendable, Equatable, CustomStringConvertible {
    /// The next word has another speaker.
    case speakerChange(from: String, to: String)
    /// A pause longer than `segment_on_silence_longer_than_s` follows.
    case silence(seconds: Double, limit: Double)
    /// The next word would make the cue last longer than `max_segment_duration_s`.
    case maxSegmentDuration(Double)
    /// The next word would make the cue's text longer than `max_segment_chars`.
    case maxSegmentChars(Int)
    /// A caption style: a pause longer than its ``CaptionStyle/pauseBreak`` follows.
    case pause(seconds: Double, limit: Double)
    /// A caption style (or a document paragraph): the next word would make the cue last
    /// longer than its maximum.
    case maxDuration(Double)
    /// A caption style: the next word would not fit on the style's lines.
    case lineFit(lines: Int, charactersPerLine: Double)
    /// A document paragraph: a sentence ends after the paragraph has run this many seconds.
    case paragraphLength(Double)
    /// A caption style: a sentence ends here.
    case sentenceEnd
    /// A caption style: a clause ends here.
    case clauseEnd
    /// A caption style: this break balances reading speed, line breaks and cue length best.
    case bestBalance
    /// The transcript (or the channel) ends.
    case transcriptEnd

    /// The reason in words: "a pause of 1.2 s (segment_on_silence_longer_than_s 0.8)".
    public var description: String {
      let format = Self.format
      switch self {
      case .speakerChange(let from, let to): return "the speaker changes (\(from) to \(to))"
      case .silence(let seconds, let limit):
        return "a pause of \(format(seconds)) s (segment_on_silence_longer_than_s \(format(limit)))"
      case .maxSegmentDuration(let limit):
        return
          "the next word would make it last longer than max_segment_duration_s \(format(limit))"
      case .maxSegmentChars(let limit):
        return "the next word would make it longer than max_segment_chars \(limit)"
      case .pause(let seconds, let limit):
        return "a pause of \(format(seconds)) s (longer than \(format(limit)) s)"
      case .maxDuration(let limit):
        return "the next word would make it last longer than \(format(limit)) s"
      case .lineFit(let lines, let characters):
        return
          "the next word would not fit on \(lines) line(s) of \(format(characters)) characters"
      case .paragraphLength(let seconds):
        return "the paragraph has run for \(format(seconds)) s and a sentence ends"
      case .sentenceEnd: return "a sentence ends"
      case .clauseEnd: return "a clause ends"
      case .bestBalance: return "the best balance of reading speed, line breaks and cue length"
      case .transcriptEnd: return "the transcript ends"
      }
    }

    /// A number as a person writes it: `0.8`, `4`, `1.25`.
    package static func format(_ value: Double) -> String {
      // Values from other people's files can be absurd; only ordinary ones get the short form.
      guard value.isFinite, abs(value) < 1e12 else { return String(value) }
      let rounded = (value * 100).rounded() / 100
      return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
  }
}
