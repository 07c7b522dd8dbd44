import Foundation

/// The result of reading: the transcript and what was repaired on the way.
public struct ReadResult: Sendable, Equatable {
  /// The normalized transcript.
  public var transcript: Transcript
  /// The shape the input turned out to have (or was forced to).
  public var shape: InputShape
  /// Repairs made to the input, in input order; empty for clean input.
  public var warnings: [ReadWarning]
}

/// The one entry point for reading ElevenLabs timing data.
///
/// ```swift
/// let result = try TranscriptReader().read(contentsOf: URL(filePath: "talk.json"))
/// for warning in result.warnings { print("warning:", warning) }
/// let transcript = result.transcript
/// ```
///
/// The reader detects the shape by itself (see ``InputShape``); set ``shape`` to insist on one.
/// Input is UTF-8, with or without a byte order mark, or UTF-16 with one. Unknown members are
/// ignored, because the API adds fields over time.
public struct TranscriptReader: Sendable {
  /// The shape to insist on, or `nil` (the default) to detect it.
  public var shape: InputShape?
  /// Which alignment of a text-to-speech response to read. Default: ``AlignmentChoice/original``.
  public var alignment: AlignmentChoice
  /// Whether single-channel speech-to-text input may take the fast path; tests turn it off to
  /// hold both paths to the same results.
  var usesFastPath = true

  /// Creates a reader.
  public init(shape: InputShape? = nil, alignment: AlignmentChoice = .original) {
    self.shape = shape
    self.alignment = alignment
  }

  /// Reads a file. Errors carry the file's path as their ``ReadError/source``.
  ///
  /// - Throws: ``ReadError`` for content problems; Foundation's error when the file cannot be
  ///   opened.
  public func read(contentsOf url: URL) throws -> ReadResult {
    let data = try InputFile.read(url)
    return try read(data, source: url.path)
  }

  /// Reads bytes. `source` names the input in error messages (a file name, `<stdin>`, ...).
  public func read(_ data: Data, source: String? = nil) throws(ReadError) -> ReadResult {
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

  private func readUnlabelled(_ raw: UnsafeBufferPointer<UInt8>) throws(ReadError) -> ReadResult {
    switch try Self.utf8(raw) {
    case .asIs(let bytes): return try readUTF8(bytes)
    case .converted(let array):
      return try array.withUnsafeBufferPointer { bytes in
        Result { () throws(ReadError) in try readUTF8(bytes) }
      }.get()
    }
  }

  private func readUTF8(_ bytes: UnsafeBufferPointer<UInt8>) throws(ReadError) -> ReadResult {
    if usesFastPath, shape == nil || shape == .speechToText,
      let fast = FastSpeechToTextReader.read(bytes)
    {
      var warnings: [ReadWarning] = []
      let transcript = SpeechToTextReader.transcript(
        repaired: fast.words, languageCode: fast.languageCode,
        languageProbability: fast.languageProbability, transcriptionID: fast.transcriptionID,
        channelIndex: fast.channelIndex, warnings: &warnings)
      return ReadResult(transcript: transcript, shape: .speechToText, warnings: warnings)
    }
    let values: [(value: JSONValue, line: Int)]
    do {
      values = try JSONParser.parseSequence(bytes)
    } catch {
      throw ReadError(problem: .syntax(error))
    }
    guard let first = values.first else { throw ReadError(problem: .empty) }

    var warnings: [ReadWarning] = []
    let detected: InputShape
    if values.count > 1 {
      detected = .textToSpeechStream
    } else {
      detected = try Self.detect(first.value)
    }
    if let forced = shape, forced != detected {
      // A single chunk of a stream is a valid one-line stream, and a with-timestamps response.
      let compatible = forced == .textToSpeechStream && detected == .textToSpeech
      if !compatible {
        throw ReadError(
          problem: .shapeMismatch(forced: forced, reason: "it looks like \(detected.summary)"))
      }
    }
    let used = shape ?? detected
    let transcript = try read(values, as: used, warnings: &warnings)
    return ReadResult(transcript: transcript, shape: used, warnings: warnings)
  }

  private func read(
    _ values: [(value: JSONValue, line: Int)], as shape: InputShape,
    warnings: inout [ReadWarning]
  ) throws(ReadError) -> Transcript {
    let root = values[0].value
    switch shape {
    case .speechToText:
      return try SpeechToTextReader.readChunk(.object(root, path: "$"), warnings: &warnings)
    case .speechToTextMultichannel:
      return try SpeechToTextReader.readMultichannel(.object(root, path: "$"), warnings: &warnings)
    case .segmentedJSON:
      return try SpeechToTextReader.readSegmented(.object(root, path: "$"), warnings: &warnings)
    case .webhook:
      let envelope = try JSONFields.object(root, path: "$")
      guard let data = try envelope.optionalObject("data"),
        let transcription = try data.optionalObject("transcription")
      else {
        throw ReadError(
          problem: .missingField(path: "$.data.transcription", expected: "the transcript"))
      }
      if transcription.has("transcripts") {
        return try SpeechToTextReader.readMultichannel(transcription, warnings: &warnings)
      }
      return try SpeechToTextReader.readChunk(transcription, warnings: &warnings)
    case .textToSpeech, .alignment:
      let fields = try JSONFields.object(root, path: "$")
      let alignmentFields: JSONFields
      if shape == .alignment {
        alignmentFields = fields
      } else if let chosen = try AlignmentReader.chosenAlignment(fields, choice: alignment) {
        alignmentFields = chosen
      } else {
        let other: AlignmentChoice = alignment == .original ? .normalized : .original
        let hint =
          fields.value(other.rawValue) != nil
          ? "; this response has \(other.rawValue): choose it instead" : ""
        throw ReadError(
          problem: .noTimings(reason: "at $.\(alignment.rawValue): the alignment is null\(hint)"))
      }
      let characters = try AlignmentReader.readCharacters(alignmentFields)
      return try Self.transcript(fromCharacters: characters, path: alignmentFields.path, &warnings)
    case .textToSpeechStream:
      let characters = try AlignmentReader.mergeStream(
        values, choice: alignment, warnings: &warnings)
      return try Self.transcript(fromCharacters: characters, path: "$", &warnings)
    }
  }

  private static func transcript(
    fromCharacters characters: [AlignmentReader.TimedCharacter], path: String,
    _ warnings: inout [ReadWarning]
  ) throws(ReadError) -> Transcript {
    let items = AlignmentReader.group(characters, path: path + ".characters")
    let words = try TimingRepair.repair(items, warnings: &warnings)
    return Transcript(channels: [Channel(index: nil, words: words)])
  }

  /// Names the shape of one parsed document, or explains why it is none of them.
  static func detect(_ value: JSONValue) throws(ReadError) -> InputShape {
    guard case .object(let object) = value else {
      throw ReadError(
        problem: .wrongType(
          path: "$", expected: "an object (ElevenLabs timing data)", found: value.kindDescription))
    }
    if object["transcripts"] != nil { return .speechToTextMultichannel }
    if object["words"] != nil { return .speechToText }
    if object["segments"] != nil { return .segmentedJSON }
    if let data = object["data"]?.objectValue, data["transcription"] != nil { return .webhook }
    if object["characters"] != nil, object["character_start_times_seconds"] != nil {
      return .alignment
    }
    if object["alignment"] != nil || object["normalized_alignment"] != nil
      || object["audio_base64"] != nil
    {
      return .textToSpeech
    }
    if let detail = object["detail"] {
      throw ReadError(
        problem: .notATranscript(
          reason: "this is an API error response, not a transcript: \(describe(detail: detail))"))
    }
    if object["request_id"] != nil, object["message"] != nil {
      throw ReadError(
        problem: .notATranscript(
          reason: "this is the acknowledgement of an asynchronous (webhook) request, not a "
            + "transcript; fetch the transcript by its transcription_id once it is ready"))
    }
    throw ReadError(problem: .unrecognizedShape(path: "$", keys: object.keys))
  }

  private static func describe(detail: JSONValue) -> String {
    switch detail {
    case .string(let message): return message
    case .object(let object):
      if case .string(let message)? = object["message"] { return message }
    case .array(let entries):
      let messages = entries.compactMap { entry -> String? in
        guard case .string(let message)? = entry.objectValue?["msg"] else { return nil }
        return message
      }
      if !messages.isEmpty { return messages.joined(separator: "; ") }
    default: break
    }
    return "(no message)"
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
