import Foundation

/// How to read timing data. Every option has a default.
public struct ReadOptions: Sendable, Equatable {
  /// The shape to insist on, or `nil` (the default) to detect it.
  public var shape: InputShape?
  /// Which alignment of a text-to-speech response to read. Default: ``AlignmentChoice/original``.
  public var alignment: AlignmentChoice

  /// Creates options.
  public init(shape: InputShape? = nil, alignment: AlignmentChoice = .original) {
    self.shape = shape
    self.alignment = alignment
  }
}

/// Reads any input into a ``Transcript``: encodings, the fast path, detection and the shape's
/// reader. ``Transcript/init(data:source:options:)`` is its public face.
struct TranscriptReader: Sendable {
  var options: ReadOptions
  /// Whether single-channel speech-to-text input may take the fast path; tests turn it off to
  /// hold both paths to the same results.
  var usesFastPath = true

  init(options: ReadOptions = ReadOptions()) {
    self.options = options
  }

  init(shape: InputShape? = nil, alignment: AlignmentChoice = .original) {
    self.init(options: ReadOptions(shape: shape, alignment: alignment))
  }

  /// Reads bytes. `source` names the input in error messages (a file name, `<stdin>`, ...).
  func read(_ data: Data, source: String? = nil) throws(ReadError) -> Transcript {
    // The bytes are parsed where they lie: a copy would cost as much memory as the input.
    let result = data.withUnsafeBytes { raw in
      Result { () throws(ReadError) in try readUnlabelled(raw.assumingMemoryBound(to: UInt8.self)) }
    }
    do {
      return try result.get()
    } catch var error {
      error.source = error.source ?? source
      throw error
    }
  }

  private func readUnlabelled(_ raw: UnsafeBufferPointer<UInt8>) throws(ReadError) -> Transcript {
    if let first = raw.first, !Self.mayStartJSON(first) {
      // A multipart body saved whole (the answer of /v1/music/detailed): its JSON part is read.
      if let part = UnreadInputs.multipartJSONPart(raw) {
        return try readUnlabelled(UnsafeBufferPointer(rebasing: raw[part]))
      }
      if let problem = UnreadInputs.sniff(raw) { throw ReadError(problem: problem) }
    }
    switch try Self.utf8(raw) {
    case .asIs(let bytes): return try readUTF8(bytes)
    case .converted(let array):
      return try array.withUnsafeBufferPointer { bytes in
        Result { () throws(ReadError) in try readUTF8(bytes) }
      }.get()
    }
  }

  /// `true` for the bytes a UTF-8 JSON document (or its byte order mark) starts with; anything
  /// else is worth a look for audio and subtitles before it fails as JSON.
  private static func mayStartJSON(_ byte: UInt8) -> Bool {
    [UInt8(ascii: "{"), UInt8(ascii: "["), 0x20, 0x09, 0x0A, 0x0D, 0xEF].contains(byte)
  }

  private func readUTF8(_ bytes: UnsafeBufferPointer<UInt8>) throws(ReadError) -> Transcript {
    let forced = options.shape
    if usesFastPath, forced == nil || forced == .speechToText,
      let fast = FastSpeechToTextReader.read(bytes)
    {
      var warnings: [ReadWarning] = []
      var transcript = SpeechToTextReader.transcript(
        repaired: fast.words, languageCode: fast.languageCode,
        languageProbability: fast.languageProbability, transcriptionID: fast.transcriptionID,
        channelIndex: fast.channelIndex, warnings: &warnings)
      transcript.audioDuration = fast.audioDuration
      transcript.inputShape = .speechToText
      transcript.warnings = warnings
      return transcript
    }
    let values: [(value: JSONValue, line: Int)]
    do {
      values = try JSONParser.parseSequence(bytes)
    } catch {
      // Subtitles behind a byte order mark or blank lines get this far: say what they are.
      if let problem = UnreadInputs.sniff(bytes) { throw ReadError(problem: problem) }
      throw ReadError(
        problem: .syntax(
          line: error.location.line, column: error.location.column, reason: error.reason))
    }
    return try read(parsed: values)
  }

  /// Reads JSON values already parsed, each with the line it starts on, as ``read(_:source:)``
  /// reads the text holding them (after the fast path, which needs the text).
  func read(parsed values: [(value: JSONValue, line: Int)]) throws(ReadError) -> Transcript {
    let forced = options.shape
    guard !values.isEmpty else { throw ReadError(problem: .empty) }
    let input = ParsedInput(values: values)

    let reader: any InputShapeReader
    if let forced {
      guard let chosen = InputShapes.reader(for: forced) else {
        throw ReadError(problem: .shapeMismatch(forced: forced, reason: "no reader reads it"))
      }
      // Insisting on a shape settles a tie, but the input must still look like the shape, and
      // another engine's JSON (two or more of its members) is never read as ElevenLabs'.
      let engine = UnreadInputs.recognize(input).engines.first
      if let engine, engine.evidence.marks.count >= 2 {
        throw ReadError(
          problem: .shapeMismatch(
            forced: forced,
            reason: "it looks like \(engine.what) (it has "
              + engine.evidence.marks.joined(separator: ", ") + ")"))
      }
      // A shape that refines the one insisted on, and claims the input, says what it really
      // is: an AssemblyAI transcript has speech-to-text's `words`, but in milliseconds.
      for refiner in InputShapes.readers where refiner.refines == forced {
        guard let evidence = refiner.detect(input) else { continue }
        throw ReadError(
          problem: .shapeMismatch(
            forced: forced,
            reason: "it looks like \(refiner.shape.summary) (it has "
              + evidence.marks.joined(separator: ", ") + ")"))
      }
      if !chosen.accepts(input) {
        let looksLike: String
        do {
          looksLike = "it looks like " + (try InputShapes.detect(input)).shape.summary
        } catch {
          looksLike = error.problemDescription
        }
        throw ReadError(problem: .shapeMismatch(forced: forced, reason: looksLike))
      }
      reader = chosen
    } else {
      reader = try InputShapes.detect(input)
    }
    var warnings: [ReadWarning] = []
    var transcript = try reader.read(input, options: options, warnings: &warnings)
    transcript.inputShape = reader.shape
    transcript.warnings = warnings
    return transcript
  }

  /// Input bytes ready to parse: a part of the input, or a conversion of it.
  enum UTF8Input {
    case asIs(UnsafeBufferPointer<UInt8>)
    case converted([UInt8])
  }

  /// The input as UTF-8 without a byte order mark; UTF-16 (with a BOM) is converted.
  static func utf8(_ bytes: UnsafeBufferPointer<UInt8>) throws(ReadError) -> UTF8Input {
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
      return .asIs(UnsafeBufferPointer(rebasing: bytes[3...]))
    }
    if bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF]) || bytes.starts(with: [0xFF, 0xFE, 0x00, 0x00])
    {
      throw ReadError(problem: .unsupportedEncoding("UTF-32"))
    }
    let bigEndian = bytes.starts(with: [0xFE, 0xFF])
    if bigEndian || bytes.starts(with: [0xFF, 0xFE]) {
      guard bytes.count % 2 == 0 else {
        throw ReadError(problem: .unsupportedEncoding("UTF-16 with an odd number of bytes"))
      }
      var units: [UInt16] = []
      units.reserveCapacity(bytes.count / 2 - 1)
      var index = 2
      while index + 1 < bytes.count {
        let high = UInt16(bytes[bigEndian ? index : index + 1])
        let low = UInt16(bytes[bigEndian ? index + 1 : index])
        units.append(high << 8 | low)
        index += 2
      }
      guard let string = String(validating: units, as: UTF16.self) else {
        throw ReadError(problem: .unsupportedEncoding("UTF-16 with unpaired surrogates"))
      }
      return .converted(Array(string.utf8))
    }
    if bytes.count >= 2, bytes[0] == 0 || bytes[1] == 0 {
      throw ReadError(
        problem: .unsupportedEncoding("UTF-16 or UTF-32 without a byte order mark"))
    }
    return .asIs(bytes)
  }
}
