import Testing

@testable import ScribeKit

@Suite("JSON parser")
struct JSONParserTests {
  private func parse(_ text: String) throws(JSONSyntaxError) -> JSONValue {
    try JSONParser.parse(Array(text.utf8))
  }

  private func failure(_ text: String) -> JSONSyntaxError? {
    do {
      _ = try parse(text)
      return nil
    } catch {
      return error
    }
  }

  @Test func parsesEveryKindOfValue() throws {
    let value = try parse(#"{"a": [1, -2.5e2, true, false, null, "x\u00e9\n"], "b": {}}"#)
    guard case .object(let object) = value, case .array(let items)? = object["a"] else {
      Issue.record("expected an object with an array, got \(value)")
      return
    }
    #expect(
      items == [.number(1), .number(-250), .bool(true), .bool(false), .null, .string("xé\n")])
    #expect(object["b"] == .object(JSONObject(members: [])))
    #expect(object.keys == ["a", "b"])
  }

  @Test func keepsMemberOrderAndLetsTheLastDuplicateWin() throws {
    guard case .object(let object) = try parse(#"{"z": 1, "a": 2, "z": 3}"#) else {
      Issue.record("expected an object")
      return
    }
    #expect(object.members.map(\.key) == ["z", "a", "z"])
    #expect(object["z"] == .number(3))
  }

  @Test func decodesSurrogatePairsAndRejectsLoneSurrogates() throws {
    #expect(try parse(#""\ud83d\ude00""#) == .string("😀"))
    #expect(failure(#""\ud83d x""#)?.reason.contains("surrogate") == true)
    #expect(failure(#""\ude00""#)?.reason.contains("surrogate") == true)
  }

  @Test(arguments: [
    ("", 1, 1),
    ("[1,]", 1, 4),
    ("{\"a\": 1,}", 1, 9),
    ("[01]", 1, 3),
    ("[NaN]", 1, 2),
    ("[Infinity]", 1, 2),
    ("{\"a\"\n  1}", 2, 3),
    ("[\"abc", 1, 2),
    ("[1] [2]", 1, 1),
    ("// comment\n{}", 1, 1),
    ("{\"a\": tru}", 1, 7),
  ])
  func rejectsInvalidJSONWithItsLocation(text: String, line: Int, column: Int) {
    guard let error = failure(text) else {
      Issue.record("\(text.debugDescription) parsed, but it is not valid JSON")
      return
    }
    #expect(error.location.line == line, "\(text.debugDescription): \(error)")
    #expect(error.location.column == column, "\(text.debugDescription): \(error)")
  }

  @Test func countsColumnsInCharactersNotBytes() {
    let error = failure("{\"é€\": x}")
    #expect(error?.location == TextLocation(line: 1, column: 8))
  }

  @Test func rejectsControlCharactersAndInvalidUTF8InStrings() {
    #expect(failure("[\"a\u{01}b\"]")?.reason.contains("control") == true)
    #expect(throws: JSONSyntaxError.self) { try JSONParser.parse([0x22, 0xC3, 0x28, 0x22]) }
    #expect(throws: JSONSyntaxError.self) { try JSONParser.parse([0x22, 0xFF, 0x22]) }
  }

  @Test func limitsNestingDepthInsteadOfOverflowingTheStack() {
    let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
    let error = failure(deep)
    #expect(error?.reason.contains("deep") == true || error?.reason.contains("nest") == true)
    let fine = String(repeating: "[", count: 500) + String(repeating: "]", count: 500)
    #expect(failure(fine) == nil)
  }

  @Test func readsNumbersAtTheEdgesOfDouble() throws {
    #expect(try parse("1e308") == .number(1e308))
    #expect(try parse("-0.000001") == .number(-0.000001))
    #expect(try parse("15.199") == .number(15.199))
    #expect(failure("1e999") != nil)
  }

  @Test func parsesNewlineDelimitedSequencesWithTheirLines() throws {
    let values = try JSONParser.parseSequence(Array("{\"a\":1}\n\n{\"b\":2}\n".utf8))
    #expect(values.map(\.line) == [1, 3])
    #expect(try JSONParser.parseSequence(Array("  \n ".utf8)).isEmpty)
  }
}
