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
  /// Word, spacing or audio event.
  public var kind: Kind
  /// The diarized speaker (`speaker_id`), when known.
  public var speakerID: String?
  /// The channel this item came from, when the input says (`channel_index` on words).
  public var channelIndex: Int?
  /// The model's log probability for the word, when given.
  public var logprob: Double?
  /// How poorly the forced aligner placed the word (its `loss`; lower is better), when the
  /// input is a forced-alignment response.
  public var loss: Double?
  /// Per-character timings, when the transcript was requested with character granularity or
  /// comes from a text-to-speech alignment.
  public var characters: [CharacterTiming]?
  /// The named entity this item is part of (a person's name, an e-mail address, a card
  /// number), when the API detected entities. The spacing between two words of one entity
  /// carries it too, so that renderers can mark the entity as one run.
  public var entity: NamedEntity? {
    get { entityStorage?.entity }
    set { entityStorage = newValue.map(EntityStorage.init) }
  }
  // Boxed: most items carry no entity, and an inline one would make every item of a 100-hour
  // transcript 40 bytes larger.
  private var entityStorage: EntityStorage?

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
    self.channelIndex = channelIndex
    self.logprob = logprob
    self.characters = characters
  }

  /// `true` for words and audio events: the items that carry meaning and timing.
  public var isTimed: Bool { kind != .spacing }
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

/// The box ``Word/entity`` is kept in.
private final class EntityStorage: Sendable, Equatable {
  let entity: NamedEntity

  init(_ entity: NamedEntity) { self.entity = entity }

  static func == (lhs: EntityStorage, rhs: EntityStorage) -> Bool { lhs.entity == rhs.entity }
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
