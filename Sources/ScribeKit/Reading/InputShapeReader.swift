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
  /// Whether the input can be read as this shape when a caller insists on it. Default: when
  /// ``detect(_:)`` finds evidence.
  func accepts(_ input: ParsedInput) -> Bool
  /// A shape whose members this one's documents also have (a forced-alignment response has
  /// speech-to-text's `words`): when both match, this one is meant. Default: none.
  var refines: InputShape? { get }
  /// The transcript in `input`, with repairs reported in `warnings`.
  func read(
    _ input: ParsedInput, options: ReadOptions, warnings: inout [ReadWarning]
  ) throws(ReadError) -> Transcript
}

extension InputShapeReader {
  func accepts(_ input: ParsedInput) -> Bool { detect(input) != nil }
  var refines: InputShape? { nil }
}

/// The parsed input: one JSON document, or several (newline-delimited chunks).
struct ParsedInput {
  /// Every top-level JSON value with the line it starts on; never empty.
  var values: [(value: JSONValue, line: Int)]

  /// The first (usually the only) value.
  var root: JSONValue { values[0].value }
  /// The document as an object, or `nil` when it is not one or when there are several
  /// documents (which only a stream's reader reads).
  var object: JSONObject? { values.count == 1 ? root.objectValue : nil }

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
    SpeechToTextShape(), SpeechToTextMultichannelShape(), WebhookShape(),
    RealtimeSpeechToTextShape(), TextToSpeechShape(), AlignmentShape(), TextToSpeechStreamShape(),
    TextToSpeechWebSocketShape(), TextToDialogueShape(), TextToDialogueStreamShape(),
    HistoryItemShape(), ForcedAlignmentShape(), SegmentedJSONShape(), DubbingTranscriptShape(),
    MusicTimestampsShape(), AWSTranscribeShape(), GoogleSpeechShape(), AzureSpeechShape(),
    DeepgramShape(), AssemblyAIShape(), RevAIShape(), SpeechmaticsShape(),
    OpenAITranscriptionShape(), WhisperJSONShape(), WhisperCppShape(), WhisperXShape(),
  ]

  /// The reader of `shape`.
  static func reader(for shape: InputShape) -> (any InputShapeReader)? {
    readers.first { $0.shape == shape }
  }

  /// The shape of `input`, or the error that explains why it has none ScribeKit reads.
  ///
  /// The shapes' defining members do not overlap, so a document that two shapes match is
  /// refused rather than guessed. Another engine's JSON is recognised by members ElevenLabs
  /// never sends (``UnreadInputs``): two or more of them, or one where no shape matches, name
  /// the engine; one beside an ElevenLabs shape's members is a tie, refused as well.
  static func detect(_ input: ParsedInput) throws(ReadError) -> any InputShapeReader {
    var read = readers.compactMap { reader in reader.detect(input).map { (reader, $0) } }
    // A shape that refines another is meant when both match.
    let refined = Set(read.compactMap(\.0.refines))
    read.removeAll { refined.contains($0.0.shape) }
    let recognized = UnreadInputs.recognize(input)
    if let engine = recognized.engines.first {
      if engine.evidence.marks.count >= 2 || read.isEmpty {
        throw ReadError(problem: engine.problem)
      }
      throw ReadError(
        problem: .ambiguousShape(
          read.map { ShapeMatch(shape: $0.0.shape, marks: $0.1.marks) }
            + [ShapeMatch(unread: engine.what, marks: engine.evidence.marks)]))
    }
    if read.count > 1 {
      throw ReadError(
        problem: .ambiguousShape(read.map { ShapeMatch(shape: $0.0.shape, marks: $0.1.marks) }))
    }
    if let only = read.first { return only.0 }
    if let answer = recognized.answer { throw ReadError(problem: answer) }
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
