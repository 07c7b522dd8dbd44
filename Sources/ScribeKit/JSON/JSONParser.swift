/// Where a problem sits in a text file: a 1-based line and column (columns count Unicode scalars).
package struct TextLocation: Sendable, Equatable, CustomStringConvertible {
  /// 1-based line number.
  package var line: Int
  /// 1-based column, in Unicode scalars from the start of the line.
  package var column: Int

  /// Creates a location.
  package init(line: Int, column: Int) {
    self.line = line
    self.column = column
  }

  /// `line L, column C`.
  package var description: String { "line \(line), column \(column)" }

  /// The location of byte `offset` in `bytes`.
  static func of(offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> TextLocation {
    var line = 1
    var lineStart = 0
    let end = min(offset, bytes.count)
    for index in 0..<end where bytes[index] == UInt8(ascii: "\n") {
      line += 1
      lineStart = index + 1
    }
    // Continuation bytes (10xxxxxx) do not start a scalar, so they do not move the column.
    var column = 1
    for index in lineStart..<end where bytes[index] & 0xC0 != 0x80 {
      column += 1
    }
    return TextLocation(line: line, column: column)
  }
}

/// A JSON syntax error: what was wrong and where.
package struct JSONSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
  /// Where the parser stopped.
  package var location: TextLocation
  /// What it expected or found, in words.
  package var reason: String

  /// `line L, column C: reason`.
  package var description: String { "\(location): \(reason)" }
}

/// A strict RFC 8259 JSON parser over UTF-8 bytes.
///
/// It rejects what the RFC rejects (trailing commas, comments, NaN, leading zeros, lone
/// surrogates, control characters in strings, invalid UTF-8) and nests at most
/// ``maximumDepth`` levels, so hostile input cannot exhaust the stack.
package enum JSONParser {
  /// How deeply arrays and objects may nest.
  package static let maximumDepth = 512

  /// Parses exactly one JSON value (surrounding whitespace allowed).
  ///
  /// - Throws: ``JSONSyntaxError`` with the line and column of the first problem.
  package static func parse(_ bytes: [UInt8]) throws(JSONSyntaxError) -> JSONValue {
    let values = try parseSequence(bytes)
    guard values.count == 1, let only = values.first else {
      try failAtSecondValue(bytes, values)
    }
    return only.value
  }

  /// Parses one or more JSON values separated by whitespace, as in newline-delimited JSON.
  ///
  /// Each value comes with the 1-based line on which it starts, so a caller can say which
  /// record of a stream is wrong. An input holding only whitespace yields no values.
  package static func parseSequence(
    _ bytes: [UInt8]
  ) throws(JSONSyntaxError) -> [(value: JSONValue, line: Int)] {
    try bytes.withUnsafeBufferPointer { buffer in
      Result { () throws(JSONSyntaxError) in try parseSequence(buffer) }
    }.get()
  }

  /// ``parseSequence(_:)`` over bytes the caller holds.
  static func parseSequence(
    _ buffer: UnsafeBufferPointer<UInt8>
  ) throws(JSONSyntaxError) -> [(value: JSONValue, line: Int)] {
    var parser = Parser(bytes: buffer)
    var values: [(value: JSONValue, line: Int)] = []
    var line = 1
    parser.skipWhitespace(countingLinesInto: &line)
    while parser.index < buffer.count {
      let value = try parser.parseValue(depth: 0)
      values.append((value, line))
      parser.skipWhitespace(countingLinesInto: &line)
    }
    return values
  }

  private static func failAtSecondValue(
    _ bytes: [UInt8], _ values: [(value: JSONValue, line: Int)]
  ) throws(JSONSyntaxError) -> Never {
    if values.isEmpty {
      throw JSONSyntaxError(
        location: TextLocation(line: 1, column: 1), reason: "expected a JSON value, found no data")
    }
    throw JSONSyntaxError(
      location: TextLocation(line: values[1].line, column: 1),
      reason: "expected the end of the document after the first JSON value, found another value")
  }
}

struct Parser {
  let bytes: UnsafeBufferPointer<UInt8>
  var index = 0

  init(bytes: UnsafeBufferPointer<UInt8>) {
    self.bytes = bytes
  }

  func error(_ reason: String, at offset: Int? = nil) -> JSONSyntaxError {
    JSONSyntaxError(
      location: TextLocation.of(offset: offset ?? index, in: bytes), reason: reason)
  }

  func describeCurrent() -> String {
    guard index < bytes.count else { return "the end of the data" }
    let byte = bytes[index]
    if byte >= 0x20 && byte < 0x7F {
      return "'\(Character(Unicode.Scalar(byte)))'"
    }
    return "byte 0x" + String(byte, radix: 16, uppercase: true)
  }

  mutating func skipWhitespace() {
    while index < bytes.count {
      switch bytes[index] {
      case 0x20, 0x09, 0x0A, 0x0D: index += 1
      default: return
      }
    }
  }

  mutating func skipWhitespace(countingLinesInto line: inout Int) {
    while index < bytes.count {
      switch bytes[index] {
      case 0x0A:
        line += 1
        index += 1
      case 0x20, 0x09, 0x0D: index += 1
      default: return
      }
    }
  }

  mutating func parseValue(depth: Int) throws(JSONSyntaxError) -> JSONValue {
    skipWhitespace()
    guard index < bytes.count else {
      throw error("expected a JSON value, found the end of the data (is the file truncated?)")
    }
    switch bytes[index] {
    case UInt8(ascii: "{"): return try parseObject(depth: depth + 1)
    case UInt8(ascii: "["): return try parseArray(depth: depth + 1)
    case UInt8(ascii: "\""): return .string(try parseString())
    case UInt8(ascii: "t"): return try parseLiteral("true", .bool(true))
    case UInt8(ascii: "f"): return try parseLiteral("false", .bool(false))
    case UInt8(ascii: "n"): return try parseLiteral("null", .null)
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
    case UInt8(ascii: "N"), UInt8(ascii: "I"):
      throw error("NaN and Infinity are not JSON numbers")
    default:
      throw error("expected a JSON value, found \(describeCurrent())")
    }
  }

  mutating func parseLiteral(
    _ word: StaticString, _ value: JSONValue
  ) throws(JSONSyntaxError) -> JSONValue {
    let count = word.utf8CodeUnitCount
    let start = word.utf8Start
    guard index + count <= bytes.count else {
      throw error("expected '\(word)', found the end of the data")
    }
    for offset in 0..<count where bytes[index + offset] != start[offset] {
      throw error("expected '\(word)'")
    }
    index += count
    return value
  }

  mutating func parseObject(depth: Int) throws(JSONSyntaxError) -> JSONValue {
    guard depth <= JSONParser.maximumDepth else {
      throw error("arrays and objects nest deeper than \(JSONParser.maximumDepth) levels")
    }
    index += 1  // {
    var members: [JSONObject.Member] = []
    skipWhitespace()
    if index < bytes.count && bytes[index] == UInt8(ascii: "}") {
      index += 1
      return .object(JSONObject(members: members))
    }
    while true {
      skipWhitespace()
      guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
        throw error("expected a member name in double quotes, found \(describeCurrent())")
      }
      let key = try parseString()
      skipWhitespace()
      guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
        throw error("expected ':' after the member name \"\(key)\", found \(describeCurrent())")
      }
      index += 1
      let value = try parseValue(depth: depth)
      members.append(JSONObject.Member(key: key, value: value))
      skipWhitespace()
      guard index < bytes.count else {
        throw error("expected ',' or '}', found the end of the data (is the file truncated?)")
      }
      switch bytes[index] {
      case UInt8(ascii: ","): index += 1
      case UInt8(ascii: "}"):
        index += 1
        return .object(JSONObject(members: members))
      default: throw error("expected ',' or '}' in an object, found \(describeCurrent())")
      }
    }
  }

  mutating func parseArray(depth: Int) throws(JSONSyntaxError) -> JSONValue {
    guard depth <= JSONParser.maximumDepth else {
      throw error("arrays and objects nest deeper than \(JSONParser.maximumDepth) levels")
    }
    index += 1  // [
    var elements: [JSONValue] = []
    skipWhitespace()
    if index < bytes.count && bytes[index] == UInt8(ascii: "]") {
      index += 1
      return .array(elements)
    }
    while true {
      elements.append(try parseValue(depth: depth))
      skipWhitespace()
      guard index < bytes.count else {
        throw error("expected ',' or ']', found the end of the data (is the file truncated?)")
      }
      switch bytes[index] {
      case UInt8(ascii: ","): index += 1
      case UInt8(ascii: "]"):
        index += 1
        return .array(elements)
      default: throw error("expected ',' or ']' in an array, found \(describeCurrent())")
      }
    }
  }

  mutating func parseNumber() throws(JSONSyntaxError) -> JSONValue {
    let start = index
    if let fast = fastNumber() { return .number(fast) }
    if bytes[index] == UInt8(ascii: "-") { index += 1 }
    guard index < bytes.count, isDigit(bytes[index]) else {
      throw error("expected a digit in a number, found \(describeCurrent())")
    }
    if bytes[index] == UInt8(ascii: "0") {
      index += 1
      if index < bytes.count, isDigit(bytes[index]) {
        throw error("numbers may not have leading zeros")
      }
    } else {
      while index < bytes.count, isDigit(bytes[index]) { index += 1 }
    }
    if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
      index += 1
      guard index < bytes.count, isDigit(bytes[index]) else {
        throw error("expected a digit after the decimal point, found \(describeCurrent())")
      }
      while index < bytes.count, isDigit(bytes[index]) { index += 1 }
    }
    if index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "e") {
      index += 1
      if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-")
      {
        index += 1
      }
      guard index < bytes.count, isDigit(bytes[index]) else {
        throw error("expected a digit in the exponent, found \(describeCurrent())")
      }
      while index < bytes.count, isDigit(bytes[index]) { index += 1 }
    }
    let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
    guard let value = Double(text), value.isFinite else {
      throw error("the number \(text) is out of range", at: start)
    }
    return .number(value)
  }

  /// Timing data is mostly short decimals such as `12.345`: with at most 15 significant digits
  /// and no exponent, `digits / 10^k` is exact in both operands, so one division gives the
  /// correctly rounded value (Clinger's fast path) without building a string. Anything else
  /// (exponents, long or malformed numbers) returns `nil` and takes the general path.
  mutating func fastNumber() -> Double? {
    var cursor = index
    var negative = false
    if bytes[cursor] == UInt8(ascii: "-") {
      negative = true
      cursor += 1
    }
    var mantissa: UInt64 = 0
    var digits = 0
    var fraction = 0
    let integerStart = cursor
    while cursor < bytes.count, isDigit(bytes[cursor]) {
      mantissa = mantissa &* 10 &+ UInt64(bytes[cursor] &- 48)
      digits += 1
      cursor += 1
    }
    let integerDigits = cursor - integerStart
    // Leading zeros ("01") and empty integer parts are errors the general path words well.
    guard integerDigits > 0, !(integerDigits > 1 && bytes[integerStart] == UInt8(ascii: "0")) else {
      return nil
    }
    if cursor < bytes.count, bytes[cursor] == UInt8(ascii: ".") {
      cursor += 1
      let fractionStart = cursor
      while cursor < bytes.count, isDigit(bytes[cursor]) {
        mantissa = mantissa &* 10 &+ UInt64(bytes[cursor] &- 48)
        digits += 1
        cursor += 1
      }
      fraction = cursor - fractionStart
      guard fraction > 0 else { return nil }
    }
    if cursor < bytes.count, bytes[cursor] | 0x20 == UInt8(ascii: "e") { return nil }
    guard digits <= 15 else { return nil }
    var value = Double(mantissa)
    if fraction > 0 { value /= Self.powersOfTen[fraction] }
    index = cursor
    return negative ? -value : value
  }

  static let powersOfTen: [Double] = (0...22).map { exponent in
    var value = 1.0
    for _ in 0..<exponent { value *= 10 }
    return value
  }

  func isDigit(_ byte: UInt8) -> Bool {
    byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
  }

  mutating func parseString() throws(JSONSyntaxError) -> String {
    let open = index
    index += 1  // "
    var runStart = index
    var scalars: String? = nil  // built only once an escape appears
    while index < bytes.count {
      let byte = bytes[index]
      if byte == UInt8(ascii: "\"") {
        let run = try validated(runStart..<index)
        index += 1
        if var built = scalars {
          built += run
          return built
        }
        return run
      }
      if byte == UInt8(ascii: "\\") {
        var built = scalars ?? ""
        built += try validated(runStart..<index)
        built.unicodeScalars.append(try parseEscape())
        scalars = built
        runStart = index
        continue
      }
      if byte < 0x20 {
        throw error(
          "control characters must be escaped inside strings (found byte 0x\(String(byte, radix: 16)))"
        )
      }
      index += 1
    }
    throw error("the string that starts here is never closed (is the file truncated?)", at: open)
  }

  func validated(_ range: Range<Int>) throws(JSONSyntaxError) -> String {
    let slice = UnsafeBufferPointer(rebasing: bytes[range])
    guard UTF8Validation.isValid(slice) else {
      throw error("a string contains bytes that are not valid UTF-8", at: range.lowerBound)
    }
    return String(decoding: slice, as: UTF8.self)
  }

  /// The bytes of the string at the cursor (which is at its opening quote) when it has no
  /// escape and no control character, moving past it; `nil`, with the cursor unmoved, when it
  /// has either or is not closed, so that ``parseString()`` can decode it or word the error.
  /// The bytes are not checked to be UTF-8.
  mutating func rawString() -> UnsafeBufferPointer<UInt8>? {
    var cursor = index + 1
    while cursor < bytes.count {
      let byte = bytes[cursor]
      if byte == UInt8(ascii: "\"") {
        let raw = UnsafeBufferPointer(rebasing: bytes[(index + 1)..<cursor])
        index = cursor + 1
        return raw
      }
      if byte == UInt8(ascii: "\\") || byte < 0x20 { return nil }
      cursor += 1
    }
    return nil
  }

  mutating func parseEscape() throws(JSONSyntaxError) -> Unicode.Scalar {
    index += 1  // backslash
    guard index < bytes.count else { throw error("unfinished escape sequence") }
    let byte = bytes[index]
    index += 1
    switch byte {
    case UInt8(ascii: "\""): return "\""
    case UInt8(ascii: "\\"): return "\\"
    case UInt8(ascii: "/"): return "/"
    case UInt8(ascii: "b"): return "\u{08}"
    case UInt8(ascii: "f"): return "\u{0C}"
    case UInt8(ascii: "n"): return "\n"
    case UInt8(ascii: "r"): return "\r"
    case UInt8(ascii: "t"): return "\t"
    case UInt8(ascii: "u"):
      let first = try parseHex4()
      if (0xD800...0xDBFF).contains(first) {
        guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"),
          bytes[index + 1] == UInt8(ascii: "u")
        else {
          throw error(
            "a high surrogate \\u\(String(first, radix: 16)) is not followed by a low one")
        }
        index += 2
        let second = try parseHex4()
        guard (0xDC00...0xDFFF).contains(second) else {
          throw error(
            "a high surrogate is followed by \\u\(String(second, radix: 16)), not a low one")
        }
        let value = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
        guard let scalar = Unicode.Scalar(value) else { throw error("invalid escape") }
        return scalar
      }
      guard let scalar = Unicode.Scalar(first) else {
        throw error("a lone surrogate \\u\(String(first, radix: 16)) is not a character")
      }
      return scalar
    default:
      index -= 1
      throw error("unknown escape sequence \\\(describeCurrent())")
    }
  }

  mutating func parseHex4() throws(JSONSyntaxError) -> UInt32 {
    guard index + 4 <= bytes.count else { throw error("unfinished \\u escape") }
    var value: UInt32 = 0
    for _ in 0..<4 {
      let byte = bytes[index]
      let digit: UInt32
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
      case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
      case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
      default:
        throw error("expected a hexadecimal digit in a \\u escape, found \(describeCurrent())")
      }
      value = value << 4 | digit
      index += 1
    }
    return value
  }
}
