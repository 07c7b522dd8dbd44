/// Why an input could not be read, and where.
///
/// The ``description`` is one line meant for a person: the source (a file name, when known), the
/// place (`line 3, column 14` or a JSON path such as `$.words[12].start`), and what was expected.
public struct ReadError: Error, Sendable, Equatable, CustomStringConvertible {
  /// What went wrong.
  public enum Problem: Sendable, Equatable {
    /// The input holds no data, or only whitespace.
    case empty
    /// The bytes are in a text encoding ScribeKit does not read (it reads UTF-8 and UTF-16).
    case unsupportedEncoding(String)
    /// The input is not valid JSON; the error says at which line and column.
    case syntax(line: Int, column: Int, reason: String)
    /// A value has the wrong JSON type.
    case wrongType(path: String, expected: String, found: String)
    /// A required member is absent.
    case missingField(path: String, expected: String)
    /// A value has the right type but an impossible value.
    case invalidValue(path: String, reason: String)
    /// The document is valid JSON but none of the shapes ScribeKit reads.
    case unrecognizedShape(path: String, keys: [String])
    /// The document is a known API answer that holds no timings, such as an error response.
    case notATranscript(reason: String)
    /// The document is timing data ScribeKit recognises but does not read (yet): another
    /// engine's transcript, say. `what` names it; `marks` are the members that gave it away.
    case unreadInput(what: String, marks: [String])
    /// The bytes are not timing data at all but audio or a subtitle file.
    case notTimingData(NotTimingData)
    /// The document matches two or more shapes equally well; ScribeKit does not guess.
    case ambiguousShape([ShapeMatch])
    /// The caller forced a shape the document does not have.
    case shapeMismatch(forced: InputShape, reason: String)
    /// The file could not be opened or read; `reason` is the system's message.
    case cannotOpen(reason: String)
    /// An alignment's three arrays differ in length.
    case alignmentLengthMismatch(path: String, characters: Int, starts: Int, ends: Int)
    /// No item carries any time at all, so nothing can be placed on a timeline.
    case noTimings(reason: String)
    /// A text-to-speech response's chosen alignment is null; `otherIsPresent` when the other
    /// alignment is there to choose instead.
    case alignmentIsNull(AlignmentChoice, otherIsPresent: Bool)
  }

  /// The file name or other label of the input, when the caller gave one.
  public var source: String?
  /// What went wrong.
  public var problem: Problem

  /// Creates an error.
  public init(source: String? = nil, problem: Problem) {
    self.source = source
    self.problem = problem
  }

  /// One line naming the source, the place and what was expected.
  public var description: String {
    let prefix = source.map { "\($0): " } ?? ""
    return prefix + problemDescription
  }

  /// The problem alone, without the source.
  var problemDescription: String {
    switch problem {
    case .empty:
      return "the input is empty; expected ElevenLabs timing data in JSON"
    case .unsupportedEncoding(let encoding):
      return "the input is \(encoding); expected JSON in UTF-8 (or UTF-16 with a byte order mark)"
    case .syntax(let line, let column, let reason):
      return "not valid JSON at line \(line), column \(column): \(reason)"
    case .wrongType(let path, let expected, let found):
      return "at \(path): expected \(expected), found \(found)"
    case .missingField(let path, let expected):
      return "at \(path): missing; expected \(expected)"
    case .invalidValue(let path, let reason):
      return "at \(path): \(reason)"
    case .unrecognizedShape(let path, let keys):
      let listed =
        keys.isEmpty ? "no members" : "members " + keys.prefix(12).joined(separator: ", ")
      let expected = InputShape.all.map { "\($0.summary) (\($0.name))" }
      return "at \(path): an object with \(listed) is none of the shapes ScribeKit reads; expected "
        + expected.dropLast().joined(separator: ", ") + " or " + (expected.last ?? "")
    case .notATranscript(let reason):
      return reason
    case .unreadInput(let what, let marks):
      return "this looks like \(what) (it has " + marks.joined(separator: ", ")
        + "), which ScribeKit does not read yet"
    case .notTimingData(let kind):
      return kind.description
    case .ambiguousShape(let matches):
      let listed = matches.map { "\($0.summary) (\($0.marks.joined(separator: ", ")))" }
      return "the input could be " + listed.joined(separator: " or ")
        + "; ScribeKit does not guess: name the shape to read it as"
    case .cannotOpen(let reason):
      return "cannot read: \(reason)"
    case .shapeMismatch(let forced, let reason):
      return "the input is not \(forced.summary): \(reason)"
    case .alignmentLengthMismatch(let path, let characters, let starts, let ends):
      return "at \(path): characters (\(characters)), character_start_times_seconds (\(starts)) "
        + "and character_end_times_seconds (\(ends)) must have the same length"
    case .noTimings(let reason):
      return reason
    case .alignmentIsNull(let choice, let otherIsPresent):
      let other: AlignmentChoice = choice == .original ? .normalized : .original
      let hint = otherIsPresent ? "; this response has \(other.rawValue): choose it instead" : ""
      return "at $.\(choice.rawValue): the alignment is null\(hint)"
    }
  }
}

/// One reading an ambiguous input allows, with the members that allow it.
public struct ShapeMatch: Sendable, Equatable {
  /// The shape, or `nil` for an input ScribeKit does not read (another engine's JSON).
  public var shape: InputShape?
  /// The shape's summary, or what the unread input is: "an AssemblyAI transcript".
  public var summary: String
  /// The members that matched.
  public var marks: [String]

  /// A match with a shape ScribeKit reads.
  public init(shape: InputShape, marks: [String]) {
    self.shape = shape
    self.summary = shape.summary
    self.marks = marks
  }

  /// A match with an input ScribeKit does not read.
  public init(unread summary: String, marks: [String]) {
    self.shape = nil
    self.summary = summary
    self.marks = marks
  }
}

/// Input that is not timing data at all.
public enum NotTimingData: Sendable, Equatable, CustomStringConvertible {
  /// Audio or video, named by its container: "WAV audio", "MP3 audio", ...
  case audio(String)
  /// A subtitle file: "a SubRip (SRT) file", "a WebVTT file", ...
  case subtitles(String)

  /// What it is, and what to do with it instead.
  public var description: String {
    switch self {
    case .audio(let kind):
      return "this is \(kind), not timing data: speech-to-text makes a transcript from it"
    case .subtitles(let kind):
      return "this is \(kind): captions already made, not timing data"
    }
  }
}
