/// How one input shape is recognised and read: the plug-in behind every ``InputShape``.
///
/// Each shape is one file in `Reading/Shapes/` with one type conforming to this protocol, and
/// one line in ``InputShapes/readers``. Detection asks every reader for evidence and takes the
/// strongest; two shapes with equally strong evidence are an error, never a guess.
protocol InputShapeReader: Sendable {
  /// The public descriptor: name, summary and signature.
  var shape: InputShape { get }
  /// What in `input` shows it has this shape, or `nil` when it does not.
  func detect(_ input: ParsedInput) -> ShapeEvidence?
  /// The transcript in `input`, with repairs reported in `warnings`.
  func read(
    _ input: ParsedInput, options: ReadOptions, warnings: inout [ReadWarning]
  ) throws(ReadError) -> Transcript
}

/// The parsed input: one JSON document, or several (newline-delimited chunks).
struct ParsedInput {
  /// Every top-level JSON value with the line it starts on; never empty.
  var values: [(value: JSONValue, line: Int)]

  /// The first (usually the only) value.
  var root: JSONValue { values[0].value }
  /// The first value as an object, or `nil`.
  var object: JSONObject? { root.objectValue }

  /// The first element of the array `key` of the root object, when it is an object.
  func firstElement(of key: String) -> JSONObject? {
    object?[key]?.arrayValue?.first?.objectValue
  }
}

/// What shows that an input has a shape: how strongly, and the members that gave it away.
struct ShapeEvidence: Equatable {
  /// How specific the match is; detection takes the highest.
  var score: Int
  /// The members that matched, for messages: `words`, `words[].loss`, ...
  var marks: [String]

  /// Evidence of a given strength.
  init(score: Int, marks: [String]) {
    self.score = score
    self.marks = marks
  }

  /// Evidence from the `marks` that are `present`, each worth one point above `base`.
  init?(base: Int, _ marks: [(String, Bool)]) {
    let present = marks.filter(\.1).map(\.0)
    guard !present.isEmpty else { return nil }
    score = base + present.count
    self.marks = present
  }
}

/// The registry of input shapes: the one list detection and every message draw from.
enum InputShapes {
  /// Every shape ScribeKit reads, in the order they are listed to people.
  static let readers: [any InputShapeReader] = [
    SpeechToTextShape(), SpeechToTextMultichannelShape(), WebhookShape(), TextToSpeechShape(),
    AlignmentShape(), TextToSpeechStreamShape(), SegmentedJSONShape(),
  ]

  /// The reader of `shape`.
  static func reader(for shape: InputShape) -> (any InputShapeReader)? {
    readers.first { $0.shape == shape }
  }

  /// The shape of `input`, or the error that explains why it has none ScribeKit reads.
  ///
  /// Every reader and every recognizer of inputs ScribeKit does not read
  /// (``UnreadInputs``) gives its evidence; the strongest wins. A tie between two shapes is
  /// refused rather than guessed; a recognizer that wins names what the input is instead.
  static func detect(_ input: ParsedInput) throws(ReadError) -> any InputShapeReader {
    let read = readers.compactMap { reader in reader.detect(input).map { (reader, $0) } }
    let unread = UnreadInputs.recognize(input)
    let best = max(read.map(\.1.score).max() ?? 0, unread.map(\.evidence.score).max() ?? 0)
    let winners = read.filter { $0.1.score == best }
    if let other = unread.first(where: { $0.evidence.score == best }) {
      throw ReadError(problem: other.problem)
    }
    if winners.count > 1 {
      throw ReadError(
        problem: .ambiguousShape(winners.map { ShapeMatch(shape: $0.0.shape, marks: $0.1.marks) }))
    }
    if let winner = winners.first { return winner.0 }
    guard case .object(let object) = input.root else {
      throw ReadError(
        problem: .wrongType(
          path: "$", expected: "an object (ElevenLabs timing data)",
          found: input.root.kindDescription))
    }
    throw ReadError(problem: .unrecognizedShape(path: "$", keys: object.keys))
  }
}

extension InputShape {
  /// Every shape ScribeKit reads, in the order they are listed to people.
  public static var all: [InputShape] { InputShapes.readers.map(\.shape) }

  /// The shape called `name` (as `--input-shape` spells it), or `nil`.
  public static func named(_ name: String) -> InputShape? {
    all.first { $0.name == name }
  }
}
