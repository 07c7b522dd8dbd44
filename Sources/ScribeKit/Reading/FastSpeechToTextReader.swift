/// A fast path for the commonest input, a single-channel speech-to-text response: it reads the
/// `words` straight from the bytes into items, without building a JSON tree for them.
///
/// It gives up (returns `nil`) at anything outside the common shape: a syntax error, a value of
/// an unexpected type, an unknown item type, per-character times, another shape altogether.
/// ``TranscriptReader`` then reads the input with the general path, which produces exactly the
/// same result for valid input (a test holds them equal) and the precise error for invalid input.
enum FastSpeechToTextReader {
  struct Result {
    var items: [RawItem]
    var languageCode: String?
    var languageProbability: Double?
    var transcriptionID: String?
    var channelIndex: Int?
  }

  static func read(_ bytes: [UInt8]) -> Result? {
    bytes.withUnsafeBufferPointer { buffer in
      var parser = Parser(bytes: buffer)
      return try? readDocument(&parser)
    }
  }

  private struct GiveUp: Error {}

  private static func readDocument(_ parser: inout Parser) throws -> Result? {
    var result = Result(items: [])
    var sawWords = false
    parser.skipWhitespace()
    try expect(&parser, "{")
    parser.skipWhitespace()
    if peek(parser) == UInt8(ascii: "}") { return nil }
    while true {
      parser.skipWhitespace()
      guard peek(parser) == UInt8(ascii: "\"") else { return nil }
      let key = try parser.parseString()
      parser.skipWhitespace()
      try expect(&parser, ":")
      parser.skipWhitespace()
      switch key {
      case "words":
        result.items = try readWords(&parser)
        sawWords = true
      case "transcripts", "segments", "data", "alignment", "characters", "detail":
        return nil
      case "language_code":
        result.languageCode = try optionalString(&parser)
      case "transcription_id":
        result.transcriptionID = try optionalString(&parser)
      case "language_probability":
        result.languageProbability = try optionalNumber(&parser)
      case "channel_index":
        guard let number = try optionalNumber(&parser) else {
          result.channelIndex = nil
          break
        }
        guard let integer = Int(exactly: number) else { return nil }
        result.channelIndex = integer
      default:
        _ = try parser.parseValue(depth: 1)
      }
      parser.skipWhitespace()
      if peek(parser) == UInt8(ascii: ",") {
        parser.index += 1
        continue
      }
      try expect(&parser, "}")
      break
    }
    parser.skipWhitespace()
    guard parser.index == parser.bytes.count, sawWords else { return nil }
    return result
  }

  private static func readWords(_ parser: inout Parser) throws -> [RawItem] {
    try expect(&parser, "[")
    var items: [RawItem] = []
    parser.skipWhitespace()
    if peek(parser) == UInt8(ascii: "]") {
      parser.index += 1
      return items
    }
    while true {
      parser.skipWhitespace()
      items.append(try readWord(&parser, position: items.count))
      parser.skipWhitespace()
      if peek(parser) == UInt8(ascii: ",") {
        parser.index += 1
        continue
      }
      try expect(&parser, "]")
      return items
    }
  }

  private static func readWord(_ parser: inout Parser, position: Int) throws -> RawItem {
    try expect(&parser, "{")
    var text: String?
    var start: Double?
    var end: Double?
    var type: String?
    var speaker: String?
    var channel: Int?
    var logprob: Double?
    parser.skipWhitespace()
    if peek(parser) != UInt8(ascii: "}") {
      while true {
        parser.skipWhitespace()
        guard peek(parser) == UInt8(ascii: "\"") else { throw GiveUp() }
        let key = try parser.parseString()
        parser.skipWhitespace()
        try expect(&parser, ":")
        parser.skipWhitespace()
        switch key {
        case "text": text = try requiredString(&parser)
        case "start": start = try optionalNumber(&parser)
        case "end": end = try optionalNumber(&parser)
        case "type": type = try optionalString(&parser)
        case "speaker_id": speaker = try optionalString(&parser)
        case "logprob": logprob = try optionalNumber(&parser)
        case "channel_index":
          if let number = try optionalNumber(&parser) {
            guard let integer = Int(exactly: number) else { throw GiveUp() }
            channel = integer
          } else {
            channel = nil
          }
        case "characters": throw GiveUp()
        default: _ = try parser.parseValue(depth: 3)
        }
        parser.skipWhitespace()
        if peek(parser) == UInt8(ascii: ",") {
          parser.index += 1
          continue
        }
        break
      }
    }
    try expect(&parser, "}")
    guard let text else { throw GiveUp() }
    let kind: Word.Kind
    if let type {
      guard let known = Word.Kind(rawValue: type) else { throw GiveUp() }
      // A spacing item with text gets a warning on the general path.
      if known == .spacing && !text.allSatisfy(\.isWhitespace) { throw GiveUp() }
      kind = known
    } else {
      kind = SpeechToTextReader.inferredKind(of: text)
    }
    return RawItem(
      path: "$.words[\(position)]", text: text, start: start, end: end, kind: kind,
      speakerID: speaker, channelIndex: channel, logprob: logprob)
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
      guard case .number(let value) = try parser.parseNumber() else { throw GiveUp() }
      return value
    default:
      throw GiveUp()
    }
  }
}
