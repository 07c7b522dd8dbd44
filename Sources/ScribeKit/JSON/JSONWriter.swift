/// Writes JSON text deterministically: members in the order given, numbers in their shortest
/// round-trip form, strings escaped per RFC 8259 (control characters as `\u00XX`).
struct JSONWriter {
  private(set) var text = ""
  private var indentLevel = 0
  private let indentUnit: String

  init(indent: Int = 2) {
    indentUnit = String(repeating: " ", count: indent)
  }

  static func string(_ value: String) -> String {
    // Most strings need no escaping; checking the bytes is much cheaper than rebuilding.
    var plain = true
    for byte in value.utf8 where byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0xE2 {
      plain = false
      break
    }
    if plain { return "\"" + value + "\"" }
    var result = "\""
    for scalar in value.unicodeScalars {
      switch scalar {
      case "\"": result += "\\\""
      case "\\": result += "\\\\"
      case "\n": result += "\\n"
      case "\r": result += "\\r"
      case "\t": result += "\\t"
      case "\u{08}": result += "\\b"
      case "\u{0C}": result += "\\f"
      case "\u{2028}": result += "\\u2028"
      case "\u{2029}": result += "\\u2029"
      default:
        if scalar.value < 0x20 {
          let hex = String(scalar.value, radix: 16)
          result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          result.unicodeScalars.append(scalar)
        }
      }
    }
    return result + "\""
  }

  /// A finite number as JSON: integers without a fraction, others in Swift's shortest form.
  static func number(_ value: Double) -> String {
    guard value.isFinite else { return "null" }
    if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
    return String(value)
  }

  static func value(_ value: JSONValue, indent: Int = 2) -> String {
    var writer = JSONWriter(indent: indent)
    writer.write(value)
    return writer.text
  }

  mutating func write(_ value: JSONValue) {
    switch value {
    case .null: text += "null"
    case .bool(let flag): text += flag ? "true" : "false"
    case .number(let number): text += Self.number(number)
    case .string(let string): text += Self.string(string)
    case .array(let items):
      guard !items.isEmpty else {
        text += "[]"
        return
      }
      text += "["
      indentLevel += 1
      for (index, item) in items.enumerated() {
        text += index == 0 ? "\n" : ",\n"
        text += String(repeating: indentUnit, count: indentLevel)
        write(item)
      }
      indentLevel -= 1
      text += "\n" + String(repeating: indentUnit, count: indentLevel) + "]"
    case .object(let object):
      guard !object.members.isEmpty else {
        text += "{}"
        return
      }
      text += "{"
      indentLevel += 1
      for (index, member) in object.members.enumerated() {
        text += index == 0 ? "\n" : ",\n"
        text += String(repeating: indentUnit, count: indentLevel)
        text += Self.string(member.key) + ": "
        write(member.value)
      }
      indentLevel -= 1
      text += "\n" + String(repeating: indentUnit, count: indentLevel) + "}"
    }
  }
}
