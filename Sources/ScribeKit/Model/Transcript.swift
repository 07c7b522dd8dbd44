/// One normalized transcript, whatever shape it was read from.
///
/// Every input (speech-to-text responses, webhook payloads, text-to-speech alignments, streamed
/// chunks) becomes this one model, so segmentation and rendering never need to know where the
/// timings came from. A transcript holds one or more channels; single-channel inputs have one.
public struct Transcript: Sendable, Equatable {
  /// The language the API detected (`language_code`), when the input says.
  public var languageCode: String?
  /// The API's confidence in ``languageCode`` (`language_probability`), when given.
  public var languageProbability: Double?
  /// The transcription ID, when the input carries one.
  public var transcriptionID: String?
  /// The length of the audio in seconds (`audio_duration_secs`), when the input says. The last
  /// word can end well before it: silence and music at the end are not words.
  public var audioDuration: Double?
  /// The channels, in channel order. Never empty.
  public var channels: [Channel]
  /// The shape the transcript was read from, or `nil` when it was built in code.
  public var inputShape: InputShape?
  /// The name of the file the transcript was read from, without its extension (`talk` for
  /// `talk.json`); exported files are named after it. `nil` for bytes and for transcripts
  /// built in code.
  public var sourceName: String?
  /// What reading repaired in the input, in input order; empty for clean input and for
  /// transcripts built in code. Nothing is changed silently: every repair is here.
  public var warnings: [ReadWarning] = []

  /// Creates a transcript.
  public init(
    languageCode: String? = nil,
    languageProbability: Double? = nil,
    transcriptionID: String? = nil,
    channels: [Channel]
  ) {
    self.languageCode = languageCode
    self.languageProbability = languageProbability
    self.transcriptionID = transcriptionID
    self.channels = channels
  }

  /// `true` when the audio had more than one channel.
  public var isMultichannel: Bool { channels.count > 1 }

  /// All items of every channel merged into one timeline ordered by start time.
  ///
  /// Every item's speaker becomes `speaker_N` for its channel `N`, which is how the API labels
  /// multichannel audio, so a change of channel is a change of speaker. A spacing item stays
  /// attached to the word before it, so words never lose the space that follows them. A
  /// single-channel transcript is returned as it is.
  public func mergedChannels() -> Channel {
    if channels.count == 1, let only = channels.first { return only }
    typealias Run = (start: Double, channel: Int, order: Int, items: [Word])
    var runs: [Run] = []
    for (position, channel) in channels.enumerated() {
      let channelIndex = channel.index ?? position
      let label = "speaker_\(channelIndex)"
      var current: [Word] = []
      func flush() {
        guard let first = current.first else { return }
        runs.append((first.start, position, runs.count, current))
        current = []
      }
      for var item in channel.words {
        item.speakerID = label
        item.channelIndex = channelIndex
        if item.kind != .spacing { flush() }
        current.append(item)
      }
      flush()
    }
    runs.sort { lhs, rhs in
      if lhs.start != rhs.start { return lhs.start < rhs.start }
      if lhs.channel != rhs.channel { return lhs.channel < rhs.channel }
      return lhs.order < rhs.order
    }
    return Channel(index: nil, words: runs.flatMap(\.items))
  }
}

/// The words of one audio channel.
public struct Channel: Sendable, Equatable {
  /// The API's `channel_index`, or `nil` for single-channel audio and merged timelines.
  public var index: Int?
  /// The channel's language, when the input gives one per channel.
  public var languageCode: String?
  /// Words, spacing and audio events in input order.
  public var words: [Word]

  /// Creates a channel.
  public init(index: Int?, languageCode: String? = nil, words: [Word]) {
    self.index = index
    self.languageCode = languageCode
    self.words = words
  }
}

/// One timed item: a word, the spacing between words, or an audio event such as `(laughter)`.
///
/// Times are seconds from the start of the audio. Readers guarantee `0 <= start <= end` and
/// finite values, repairing or rejecting input that breaks this (see <doc:APIParity>).
public struct Word: Sendable, Equatable {
  /// What kind of item this is, as in the API's `type` field.
  public enum Kind: String, Sendable, Equatable, CaseIterable {
    /// A spoken word, possibly with punctuation attached (`"Hello,"`).
    case word
    /// Whitespace between words; ignored for timing decisions.
    case spacing
    /// A non-speech sound in the text, such as `(laughter)`.
    case audioEvent = "audio_event"
  }

  /// The item's text exactly as the input gives it.
  public var text: String
  /// Start time in seconds.
  public var start: Double
  /// End time in seconds; never earlier than ``start``.
  public var end: Double
  /// The diarized speaker (`speaker_id`), when known.
  public var speakerID: String?
  // A 100-hour transcript holds 1.2 million items, so an item's size is most of the memory a
  // conversion needs: the optional numbers are kept without their optionals' padding, and what
  // a speech-to-text item seldom has (loss, entity, per-character times, an index past Int32)
  // in one shared box. 72 bytes an item rather than 120.
  private var logprobBits: UInt64 = Word.absentLogprob
  private var extras: Extras?
  private var channel: Int32 = Word.absentChannel
  // Last, with the other narrow field, so that they share one 8-byte slot.
  /// Word, spacing or audio event.
  public var kind: Kind

  /// The bit pattern standing for "no log probability": a NaN no arithmetic produces.
  private static let absentLogprob: UInt64 = 0x7FF8_5C81_BE00_0001
  /// The value standing for "no channel index"; that index itself goes in the box.
  private static let absentChannel = Int32.min

  /// The channel this item came from, when the input says (`channel_index` on words).
  public var channelIndex: Int? {
    get { channel == Word.absentChannel ? extras?.channelIndex : Int(channel) }
    set {
      if let small = Word.inlineChannel(newValue) {
        channel = small
        updateExtras { $0.channelIndex = nil }
      } else {
        channel = Word.absentChannel
        updateExtras { $0.channelIndex = newValue }
      }
    }
  }

  /// `index` as the item keeps it inline, or `nil` when it is absent or goes in the box (past
  /// Int32, or the sentinel itself).
  private static func inlineChannel(_ index: Int?) -> Int32? {
    guard let index, let small = Int32(exactly: index), small != absentChannel else { return nil }
    return small
  }
  /// The model's log probability for the word, when given.
  public var logprob: Double? {
    get { logprobBits == Word.absentLogprob ? nil : Double(bitPattern: logprobBits) }
    set { logprobBits = newValue?.bitPattern ?? Word.absentLogprob }
  }
  /// How poorly the forced aligner placed the word (its `loss`; lower is better), when the
  /// input is a forced-alignment response.
  public var loss: Double? {
    get { extras?.loss }
    set { updateExtras { $0.loss = newValue } }
  }
  /// Per-character timings, when the transcript was requested with character granularity or
  /// comes from a text-to-speech alignment.
  public var characters: [CharacterTiming]? {
    get { extras?.characters }
    set { updateExtras { $0.characters = newValue } }
  }
  /// The named entity this item is part of (a person's name, an e-mail address, a card
  /// number), when the API detected entities. The spacing between two words of one entity
  /// carries it too, so that renderers can mark the entity as one run.
  public var entity: NamedEntity? {
    get { extras?.entity }
    set { updateExtras { $0.entity = newValue } }
  }

  /// Changes the boxed fields: a new box each time (boxes are shared between copies of an
  /// item), none when every boxed field is empty, so that equal items stay equal.
  private mutating func updateExtras(_ change: (inout Extras.Fields) -> Void) {
    var fields = extras?.fields ?? Extras.Fields()
    change(&fields)
    extras = fields.isEmpty ? nil : Extras(fields)
  }

  /// Creates an item.
  public init(
    text: String,
    start: Double,
    end: Double,
    kind: Kind = .word,
    speakerID: String? = nil,
    channelIndex: Int? = nil,
    logprob: Double? = nil,
    characters: [CharacterTiming]? = nil
  ) {
    self.text = text
    self.start = start
    self.end = end
    self.kind = kind
    self.speakerID = speakerID
    self.logprob = logprob
    if let small = Word.inlineChannel(channelIndex) {
      channel = small
      if let characters { extras = Extras(Extras.Fields(characters: characters)) }
    } else if channelIndex != nil || characters != nil {
      extras = Extras(Extras.Fields(channelIndex: channelIndex, characters: characters))
    }
  }

  /// `true` for words and audio events: the items that carry meaning and timing.
  public var isTimed: Bool { kind != .spacing }

  /// Items are equal when every field is, the log probabilities compared as numbers.
  public static func == (lhs: Word, rhs: Word) -> Bool {
    lhs.text == rhs.text && lhs.start == rhs.start && lhs.end == rhs.end
      && lhs.speakerID == rhs.speakerID && lhs.kind == rhs.kind && lhs.logprob == rhs.logprob
      && lhs.channel == rhs.channel && lhs.extras == rhs.extras
  }
}

/// A named entity the API detected in the transcript (`entities[]`): who or what it is, and
/// which one of the transcript's entities it is.
public struct NamedEntity: Sendable, Hashable {
  /// The entity's text as the API gives it: `"John Smith"`.
  public var text: String
  /// The API's `entity_type`: `person_name`, `email_address`, `credit_card`, ...
  public var type: String
  /// The entity's position among its channel's entities, from 0, so that two entities of one
  /// type side by side stay two.
  public var number: Int

  /// Creates an entity.
  public init(text: String, type: String, number: Int) {
    self.text = text
    self.type = type
    self.number = number
  }
}

/// The box the fields few items carry are kept in (see ``Word``'s storage).
private final class Extras: Sendable, Equatable {
  struct Fields: Equatable {
    var channelIndex: Int?
    var loss: Double?
    var characters: [CharacterTiming]?
    var entity: NamedEntity?

    var isEmpty: Bool { channelIndex == nil && loss == nil && characters == nil && entity == nil }
  }

  let fields: Fields

  init(_ fields: Fields) { self.fields = fields }

  var channelIndex: Int? { fields.channelIndex }
  var loss: Double? { fields.loss }
  var characters: [CharacterTiming]? { fields.characters }
  var entity: NamedEntity? { fields.entity }

  static func == (lhs: Extras, rhs: Extras) -> Bool { lhs === rhs || lhs.fields == rhs.fields }
}

/// The timing of one character of a word.
public struct CharacterTiming: Sendable, Equatable {
  /// The character (a Unicode scalar or a grapheme cluster, as the input splits it).
  public var text: String
  /// Start time in seconds.
  public var start: Double
  /// End time in seconds.
  public var end: Double

  /// Creates a character timing.
  public init(text: String, start: Double, end: Double) {
    self.text = text
    self.start = start
    self.end = end
  }
}
