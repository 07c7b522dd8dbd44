/// A fast path for the commonest input, a single-channel speech-to-text response: it reads the
/// `words` straight from the bytes into items, without building a JSON tree for them.
///
/// It gives up (returns `nil`) at anything outside the common shape: a syntax error, a value of
/// an unexpected type, an unknown item type, per-character times, a member the API does not
/// send (which may be another engine's, for detection to judge), another shape altogether, and
/// any timing that ``TimingRepair`` would mend (missing, negative, reversed, out of order or out
/// of range), so that the words it returns need no repair and no warning.
/// ``TranscriptReader`` then reads the input with the general path, which produces exactly the
/// same result for valid input (a test holds them equal) and the precise error for invalid input.
enum FastSpeechToTextReader {
  struct Result {
    var words: [Word]
    var languageCode: String?
    var languageProbability: Double?
    var transcriptionID: String?
    var channelIndex: Int?
    var audioDuration: Double?
  }

  static func read(_ bytes: UnsafeBufferPointer<UInt8>) -> Result? {
    var parser = Parser(bytes: bytes)
    return try? readDocument(&parser)
  }

  private struct GiveUp: Error {}

  private static func readDocument(_ parser: inout Parser) throws -> Result? {
    var result = Result(words: [])
    var sawWords = false
    parser.skipWhitespace()
    try readMembers(&parser) { key, parser in
      if key.equals("words") {
        result.words = try readWords(&parser)
        sawWords = true
      } else if key.equals("language_code") {
        result.languageCode = try optionalString(&parser)
      } else if key.equals("transcription_id") {
        result.transcriptionID = try optionalString(&parser)
      } else if key.equals("language_probability") {
        result.languageProbability = try optionalNumber(&parser)
      } else if key.equals("channel_index") {
        result.channelIndex = try optionalInteger(&parser)
      } else if key.equals("audio_duration_secs") {
        result.audioDuration = try optionalNumber(&parser)
      } else if key.equals("text") || key.equals("additional_formats") {
        _ = try parser.parseValue(depth: 1)
      } else if key.equals("entities") {
        // Entities are marked on the words by the general path; none is the common case.
        guard case .array(let entities) = try parser.parseValue(depth: 1), entities.isEmpty else {
          throw GiveUp()
        }
      } else {
        // Another shape's members (`transcripts`, `segments`, `alignment`, ...) and members the
        // API does not send, which may be another engine's (AssemblyAI's `audio_url`, forced
        // alignment's `loss`): detection on the general path decides.
        throw GiveUp()
      }
    }
    parser.skipWhitespace()
    guard parser.index == parser.bytes.count, sawWords else { return nil }
    // A duration the words do not fit, or an impossible one, gets its warning or error there too.
    if let duration = result.audioDuration {
      let lastEnd = result.words.last(where: \.isTimed)?.end ?? 0
      guard duration >= 0, duration.isFinite, lastEnd <= duration + 1 else { return nil }
    }
    return result
  }

  /// Reads the object at the cursor, calling `member` with each member's name and the cursor at
  /// its value, which `member` must read. An empty object is left to the general path: neither
  /// an empty document nor an empty item is read here.
  @inline(__always)
  private static func readMembers(
    _ parser: inout Parser,
    _ member: (UnsafeBufferPointer<UInt8>, inout Parser) throws -> Void
  ) throws {
    try expect(&parser, "{")
    parser.skipWhitespace()
    guard peek(parser) != UInt8(ascii: "}") else { throw GiveUp() }
    while true {
      parser.skipWhitespace()
      let key = try rawKey(&parser)
      parser.skipWhitespace()
      try expect(&parser, ":")
      parser.skipWhitespace()
      try member(key, &parser)
      parser.skipWhitespace()
      if peek(parser) == UInt8(ascii: ",") {
        parser.index += 1
        continue
      }
      try expect(&parser, "}")
      return
    }
  }

  private static func readWords(_ parser: inout Parser) throws -> [Word] {
    try expect(&parser, "[")
    // No item is shorter than `{"text":"","start":0,"end":0}` and a comma, so this capacity is
    // never outgrown; memory never written is never made resident, and huge pages make the
    // memory that is written cheap to fault in.
    let capacity = parser.bytes.count / 30 + 1
    var parsing = parser
    let words = try [Word](unsafeUninitializedCapacity: capacity) { buffer, count in
      MemoryAdvice.preferHugePages(UnsafeMutableRawBufferPointer(buffer))
      var speakers = SpeakerCache()
      var previousStart = 0.0
      parsing.skipWhitespace()
      if peek(parsing) == UInt8(ascii: "]") {
        parsing.index += 1
        return
      }
      while true {
        parsing.skipWhitespace()
        let word = try readWord(&parsing, speakers: &speakers)
        if word.kind != .spacing {
          // Out of order: the general path keeps it with a warning.
          guard word.start >= previousStart else { throw GiveUp() }
          previousStart = word.start
        }
        guard count < buffer.count else { throw GiveUp() }
        buffer.initializeElement(at: count, to: word)
        count += 1
        parsing.skipWhitespace()
        if peek(parsing) == UInt8(ascii: ",") {
          parsing.index += 1
          continue
        }
        try expect(&parsing, "]")
        return
      }
    }
    parser = parsing
    return words
  }

  /// The last speaker ID read, so that the run of items of one speaker shares one string.
  private struct SpeakerCache {
    var bytes: [UInt8] = []
    var string: String?

    mutating func string(for raw: UnsafeBufferPointer<UInt8>) throws -> String {
      if let string, raw.elementsEqual(bytes) { return string }
      let made = try decoded(raw)
      bytes = Array(raw)
      string = made
      return made
    }
  }

  private static func readWord(
    _ parser: inout Parser, speakers: inout SpeakerCache
  ) throws -> Word {
    var text: String?
    var start: Double?
    var end: Double?
    var kind: Word.Kind?
    var speaker: String?
    var channel: Int?
    var logprob: Double?
    try readMembers(&parser) { key, parser in
      if key.equals("text") {
        text = try requiredString(&parser)
      } else if key.equals("start") {
        start = try optionalNumber(&parser)
      } else if key.equals("end") {
        end = try optionalNumber(&parser)
      } else if key.equals("type") {
        kind = try itemKind(&parser)
      } else if key.equals("speaker_id") {
        if peek(parser) == UInt8(ascii: "\""), let raw = parser.rawString() {
          speaker = try speakers.string(for: raw)
        } else {
          speaker = try optionalString(&parser)
        }
      } else if key.equals("logprob") {
        logprob = try optionalNumber(&parser)
      } else if key.equals("channel_index") {
        channel = try optionalInteger(&parser)
      } else {
        // Per-character times, and members the API does not send (another engine's
        // `confidence`, forced alignment's `loss`), are left to the general path.
        throw GiveUp()
      }
    }
    guard let text else { throw GiveUp() }
    // A spacing item with text gets a warning on the general path.
    if kind == .spacing && !Whitespace.isBlank(text) { throw GiveUp() }
    // Anything to mend is left to the general path, which mends it and says so.
    guard let start, let end, start >= 0, end >= start, end <= TimingRepair.maximumTime else {
      throw GiveUp()
    }
    return Word(
      text: text, start: start, end: end, kind: kind ?? SpeechToTextReader.inferredKind(of: text),
      speakerID: speaker, channelIndex: channel, logprob: logprob)
  }

  /// A member name without escapes; names with escapes are left to the general path.
  private static func rawKey(_ parser: inout Parser) throws -> UnsafeBufferPointer<UInt8> {
    guard peek(parser) == UInt8(ascii: "\""), let raw = parser.rawString() else { throw GiveUp() }
    return raw
  }

  private static func decoded(_ raw: UnsafeBufferPointer<UInt8>) throws -> String {
    guard UTF8Validation.isValid(raw) else { throw GiveUp() }
    return String(decoding: raw, as: UTF8.self)
  }

  private static func itemKind(_ parser: inout Parser) throws -> Word.Kind? {
    if peek(parser) == UInt8(ascii: "n") {
      _ = try parser.parseLiteral("null", .null)
      return nil
    }
    guard peek(parser) == UInt8(ascii: "\""), let raw = parser.rawString() else { throw GiveUp() }
    if raw.equals("word") { return .word }
    if raw.equals("spacing") { return .spacing }
    if raw.equals("audio_event") { return .audioEvent }
    // Unknown kinds get a warning on the general path.
    throw GiveUp()
  }

  private static func optionalInteger(_ parser: inout Parser) throws -> Int? {
    guard let number = try optionalNumber(&parser) else { return nil }
    guard let integer = Int(exactly: number) else { throw GiveUp() }
    return integer
  }

  private static func peek(_ parser: Parser) -> UInt8? {
    parser.index < parser.bytes.count ? parser.bytes[parser.index] : nil
  }

  private static func expect(_ parser: inout Parser, _ character: Unicode.Scalar) throws {
    guard peek(parser) == UInt8(ascii: character) else { throw GiveUp() }
    parser.index += 1
  }

  private static func requiredString(_ parser: inout Parser) throws -> String {
    guard peek(parser) == UInt8(ascii: "\"") else { throw GiveUp() }
    if let raw = parser.rawString() { return try decoded(raw) }
    return try parser.parseString()
  }

  private static func optionalString(_ parser: inout Parser) throws -> String? {
    if peek(parser) == UInt8(ascii: "n") {
      _ = try parser.parseLiteral("null", .null)
      return nil
    }
    return try requiredString(&parser)
  }

  private static func optionalNumber(_ parser: inout Parser) throws -> Double? {
    guard let next = peek(parser) else { throw GiveUp() }
    switch next {
    case UInt8(ascii: "n"):
      _ = try parser.parseLiteral("null", .null)
      return nil
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
      if let value = parser.fastNumber() { return value }
      guard case .number(let value) = try parser.parseNumber() else { throw GiveUp() }
      return value
    default:
      throw GiveUp()
    }
  }
}

extension UnsafeBufferPointer<UInt8> {
  /// `true` when these bytes spell `name`.
  func equals(_ name: StaticString) -> Bool {
    let count = name.utf8CodeUnitCount
    guard self.count == count else { return false }
    let expected = name.utf8Start
    for offset in 0..<count where self[offset] != expected[offset] { return false }
    return true
  }
}
