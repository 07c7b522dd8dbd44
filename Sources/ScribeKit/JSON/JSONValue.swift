/// A parsed JSON value that keeps the order of object members.
///
/// ScribeKit reads JSON with its own parser (``JSONParser``) rather than `JSONDecoder` because
/// users need to know *where* a file is wrong (line and column, or a JSON path such as
/// `$.words[12].start`), and Foundation reports neither on Linux.
package enum JSONValue: Sendable, Equatable {
  /// `null`.
  case null
  /// `true` or `false`.
  case bool(Bool)
  /// Any JSON number, as a `Double` (JSON numbers beyond `Double` range are rejected).
  case number(Double)
  /// A string, with escapes resolved.
  case string(String)
  /// An array.
  case array([JSONValue])
  /// An object, members in document order.
  case object(JSONObject)

  /// A short description of the value's kind, for error messages ("a string", "null", ...).
  package var kindDescription: String {
    switch self {
    case .null: return "null"
    case .bool: return "a boolean"
    case .number: return "a number"
    case .string: return "a string"
    case .array: return "an array"
    case .object: return "an object"
    }
  }

  /// The object, if this value is one.
  package var objectValue: JSONObject? {
    if case .object(let object) = self { return object }
    return nil
  }

  /// The array, if this value is one.
  package var arrayValue: [JSONValue]? {
    if case .array(let array) = self { return array }
    return nil
  }

  /// The string, if this value is one.
  package var stringValue: String? {
    if case .string(let string) = self { return string }
    return nil
  }

  /// The number, if this value is one.
  package var numberValue: Double? {
    if case .number(let number) = self { return number }
    return nil
  }

  /// `true` for `null`.
  package var isNull: Bool {
    if case .null = self { return true }
    return false
  }
}

/// A JSON object whose members keep their document order.
///
/// Lookups are linear: the objects in timing data have a handful of keys, where a scan beats
/// hashing. A key that appears twice resolves to its last occurrence, as in most parsers.
package struct JSONObject: Sendable, Equatable {
  /// One `"key": value` pair.
  package struct Member: Sendable, Equatable {
    /// The member's key.
    package var key: String
    /// The member's value.
    package var value: JSONValue

    /// Creates a member.
    package init(key: String, value: JSONValue) {
      self.key = key
      self.value = value
    }
  }

  /// The members in document order.
  package var members: [Member]

  /// Creates an object from members in the order given.
  package init(members: [Member] = []) {
    self.members = members
  }

  /// The value of the last member named `key`, or `nil` when there is none.
  package subscript(key: String) -> JSONValue? {
    members.last(where: { $0.key == key })?.value
  }

  /// The keys in document order.
  package var keys: [String] { members.map(\.key) }
}

extension JSONValue {
  /// The value as JSON text, two-space indented, members in their order, strings escaped.
  package var jsonText: String { JSONWriter.value(self) }
}
