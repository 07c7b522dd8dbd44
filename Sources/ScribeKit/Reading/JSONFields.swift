/// Typed access to JSON members that turns every mismatch into a ``ReadError`` naming the path.
struct JSONFields {
  let object: JSONObject
  let path: String

  init(_ object: JSONObject, path: String) {
    self.object = object
    self.path = path
  }

  static func object(_ value: JSONValue, path: String) throws(ReadError) -> JSONFields {
    guard case .object(let object) = value else {
      throw ReadError(
        problem: .wrongType(path: path, expected: "an object", found: value.kindDescription))
    }
    return JSONFields(object, path: path)
  }

  func childPath(_ key: String) -> String { "\(path).\(key)" }

  func has(_ key: String) -> Bool { object[key] != nil }

  /// The member, or `nil` when it is absent or `null`.
  func value(_ key: String) -> JSONValue? {
    guard let value = object[key], !value.isNull else { return nil }
    return value
  }

  func optionalString(_ key: String) throws(ReadError) -> String? {
    guard let value = value(key) else { return nil }
    guard case .string(let string) = value else {
      throw wrongType(key, expected: "a string", found: value)
    }
    return string
  }

  func requiredString(_ key: String) throws(ReadError) -> String {
    guard let string = try optionalString(key) else {
      throw missingOrNull(key, expected: "a string")
    }
    return string
  }

  func optionalNumber(_ key: String) throws(ReadError) -> Double? {
    guard let value = value(key) else { return nil }
    guard case .number(let number) = value else {
      throw wrongType(key, expected: "a number or null", found: value)
    }
    return number
  }

  func optionalInteger(_ key: String) throws(ReadError) -> Int? {
    guard let number = try optionalNumber(key) else { return nil }
    guard let integer = Int(exactly: number) else {
      throw ReadError(
        problem: .invalidValue(
          path: childPath(key), reason: "expected a whole number, found \(number)"))
    }
    return integer
  }

  func optionalArray(_ key: String) throws(ReadError) -> [JSONValue]? {
    guard let value = value(key) else { return nil }
    guard case .array(let array) = value else {
      throw wrongType(key, expected: "an array", found: value)
    }
    return array
  }

  func requiredArray(_ key: String) throws(ReadError) -> [JSONValue] {
    guard let array = try optionalArray(key) else {
      throw missingOrNull(key, expected: "an array")
    }
    return array
  }

  func optionalObject(_ key: String) throws(ReadError) -> JSONFields? {
    guard let value = value(key) else { return nil }
    return try JSONFields.object(value, path: childPath(key))
  }

  func wrongType(_ key: String, expected: String, found: JSONValue) -> ReadError {
    ReadError(
      problem: .wrongType(
        path: childPath(key), expected: expected, found: Self.describe(found)))
  }

  func missingOrNull(_ key: String, expected: String) -> ReadError {
    if object[key] != nil {
      return ReadError(problem: .wrongType(path: childPath(key), expected: expected, found: "null"))
    }
    return ReadError(problem: .missingField(path: childPath(key), expected: expected))
  }

  /// "a string ("1.25")": shows short strings, since a number written as a string is a common
  /// mistake that is easier to spot when the value is quoted back.
  static func describe(_ value: JSONValue) -> String {
    if case .string(let string) = value, string.count <= 24 {
      return "a string (\"\(string)\")"
    }
    return value.kindDescription
  }
}
