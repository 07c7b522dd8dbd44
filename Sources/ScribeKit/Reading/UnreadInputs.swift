/// Inputs ScribeKit recognises but does not read: other engines' transcripts, other ElevenLabs
/// answers, audio and subtitle files. Each gets a message that says what it is instead.
///
/// An engine's JSON is recognised by members ElevenLabs never sends (IBM Watson's
/// `results[].alternatives[].timestamps`, Vosk's `result[].conf`, ...), even where it shares a
/// member name with an ElevenLabs shape (`words`, `results`), so it is never read in the wrong
/// units. When a later version reads one of these, its entry here becomes a shape in `Shapes/`,
/// as AssemblyAI, Deepgram, Rev.ai, Speechmatics, Amazon Transcribe, Google, Azure and the
/// Whisper family did.
enum UnreadInputs {
  /// An engine whose members the input has.
  struct EngineMatch {
    /// The engine's JSON, as a phrase: "an AssemblyAI transcript".
    var what: String
    var evidence: ShapeEvidence
    var problem: ReadError.Problem { .unreadInput(what: what, marks: evidence.marks) }
  }

  /// What the recognisers found.
  struct Recognized {
    /// The engines whose members the input has, the one with the most first.
    var engines: [EngineMatch]
    /// An ElevenLabs answer that holds no transcript (an error, an acknowledgement).
    var answer: ReadError.Problem?
  }

  /// An engine, by the members that give its JSON away.
  private struct Engine: Sendable {
    var name: String
    var marks: @Sendable (ParsedInput) -> [(String, Bool)]
  }

  private static let engines: [Engine] = [
    Engine(name: "an IBM Watson Speech to Text result") { input in
      let result = input.firstElement(of: "results")
      let alternative = result?["alternatives"]?.arrayValue?.first?.objectValue
      return [
        ("results[].final", result?["final"] != nil),
        ("results[].alternatives[].timestamps", alternative?["timestamps"] != nil),
        ("result_index", input.object?["result_index"] != nil),
      ]
    },
    Engine(name: "a Vosk result") { input in
      let word = input.firstElement(of: "result")
      return [
        ("result[].conf", word?["conf"] != nil),
        ("result[].word", word?["word"] != nil && word?["start"] != nil),
      ]
    },
  ]

  /// Every recogniser's verdict on `input`.
  static func recognize(_ input: ParsedInput) -> Recognized {
    let found = engines.compactMap { engine -> EngineMatch? in
      guard let evidence = ShapeEvidence(base: 0, engine.marks(input)) else { return nil }
      return EngineMatch(what: engine.name, evidence: evidence)
    }
    // The most marks first; the registry's order among equals.
    let ranked = found.enumerated().sorted { lhs, rhs in
      lhs.element.evidence.score != rhs.element.evidence.score
        ? lhs.element.evidence.score > rhs.element.evidence.score : lhs.offset < rhs.offset
    }.map(\.element)
    return Recognized(engines: ranked, answer: apiAnswer(input))
  }

  /// ElevenLabs answers that hold no transcript: an error, or the acknowledgement of an
  /// asynchronous request. Detection turns to them only when no shape matches, so a
  /// transcript that happens to carry a `message` is still read.
  private static func apiAnswer(_ input: ParsedInput) -> ReadError.Problem? {
    guard let object = input.object else { return nil }
    if let detail = object["detail"] {
      return .notATranscript(
        reason: "this is an API error response, not a transcript: \(describe(detail: detail))")
    }
    if object["request_id"] != nil, object["message"] != nil {
      return .notATranscript(
        reason: "this is the acknowledgement of an asynchronous (webhook) request, not a "
          + "transcript; fetch the transcript by its transcription_id once it is ready")
    }
    return nil
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

  /// What non-JSON bytes are, when their first bytes say: audio or a subtitle file.
  static func sniff(_ bytes: UnsafeBufferPointer<UInt8>) -> ReadError.Problem? {
    func starts(_ prefix: [UInt8], at offset: Int = 0) -> Bool {
      bytes.count >= offset + prefix.count
        && zip(bytes[offset...], prefix).allSatisfy { $0 == $1 }
    }
    func ascii(_ text: String) -> [UInt8] { Array(text.utf8) }
    let audio: String?
    if starts(ascii("RIFF")) && starts(ascii("WAVE"), at: 8) {
      audio = "WAV audio"
    } else if starts(ascii("ID3")) || isMPEGFrame(bytes) {
      audio = "MP3 audio"
    } else if starts(ascii("fLaC")) {
      audio = "FLAC audio"
    } else if starts(ascii("OggS")) {
      audio = "Ogg audio"
    } else if starts(ascii("ftyp"), at: 4) {
      audio = "MP4 or M4A media"
    } else if starts([0x1A, 0x45, 0xDF, 0xA3]) {
      audio = "WebM or Matroska media"
    } else {
      audio = nil
    }
    if let audio { return .notTimingData(.audio(audio)) }
    if multipartBoundary(bytes) != nil {
      return .notATranscript(
        reason: "this is a multipart response without a JSON part to read (a JSON part starts "
          + "with its Content-Type: application/json header); save the response's JSON part")
    }
    // Text: look past a byte order mark and blank lines at the first line.
    var index = starts([0xEF, 0xBB, 0xBF]) ? 3 : 0
    while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
    let head = String(
      decoding: UnsafeBufferPointer(rebasing: bytes[index..<min(bytes.count, index + 400)]),
      as: UTF8.self)
    if head.hasPrefix("WEBVTT") { return .notTimingData(.subtitles("a WebVTT file")) }
    let lines = head.split(whereSeparator: \.isNewline).prefix(2)
    if lines.count == 2, lines[0].allSatisfy(\.isNumber), lines[1].contains("-->") {
      return .notTimingData(.subtitles("a SubRip (SRT) file"))
    }
    if head.hasPrefix("[Script Info]") {
      return .notTimingData(.subtitles("an Advanced SubStation Alpha (ASS) file"))
    }
    return nil
  }

  /// The bytes of the JSON part of a `multipart/mixed` body, such as the answer of
  /// `/v1/music/detailed` saved whole (a JSON part, then the audio), or `nil` when `bytes` are
  /// not such a body or have no JSON part.
  ///
  /// Only the parts' header lines are read as text; a part's body is found by searching for the
  /// boundary line after it, so the audio's bytes are never decoded.
  static func multipartJSONPart(_ bytes: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
    guard let boundary = multipartBoundary(bytes) else { return nil }
    var index = boundary.count
    while index < bytes.count {
      // The rest of the boundary line: "--" ends the body, anything else is padding.
      guard let lineEnd = nextLine(bytes, from: index) else { return nil }
      if starts(bytes, with: Array("--".utf8), at: index) { return nil }
      index = lineEnd
      var isJSON = false
      // Header lines, up to an empty line.
      while true {
        guard let end = nextLine(bytes, from: index) else { return nil }
        let line = bytes[index..<end].prefix { $0 != 0x0A && $0 != 0x0D }
        index = end
        if line.isEmpty { break }
        let header = String(decoding: line, as: UTF8.self).lowercased()
        if header.hasPrefix("content-type:"), header.contains("application/json") {
          isJSON = true
        }
      }
      // The body runs to the line break before the next boundary line.
      let next = search(bytes, for: [0x0A] + boundary, from: index) ?? bytes.count
      var bodyEnd = next
      if bodyEnd > index, bodyEnd < bytes.count, bytes[bodyEnd - 1] == 0x0D { bodyEnd -= 1 }
      if isJSON { return index..<max(index, bodyEnd) }
      guard next < bytes.count else { return nil }
      index = next + 1 + boundary.count
    }
    return nil
  }

  /// The boundary line's `--boundary` (without its line break) when `bytes` start like a
  /// `multipart/mixed` body: that line, then a header line.
  private static func multipartBoundary(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
    guard starts(bytes, with: Array("--".utf8), at: 0),
      let end = nextLine(bytes, from: 0), end <= 202
    else { return nil }
    let boundary = Array(bytes[0..<end].prefix { $0 != 0x0A && $0 != 0x0D })
    guard boundary.count > 2, boundary.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else { return nil }
    let headerEnd = nextLine(bytes, from: end) ?? bytes.count
    let header = String(decoding: bytes[end..<min(headerEnd, end + 200)], as: UTF8.self)
    guard header.lowercased().hasPrefix("content-") else { return nil }
    return boundary
  }

  /// The index after the next line feed at or after `start`, or `nil` when there is none.
  private static func nextLine(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
    var index = start
    while index < bytes.count {
      if bytes[index] == 0x0A { return index + 1 }
      index += 1
    }
    return nil
  }

  /// `true` when `bytes` hold `prefix` at `offset`.
  private static func starts(
    _ bytes: UnsafeBufferPointer<UInt8>, with prefix: [UInt8], at offset: Int
  ) -> Bool {
    bytes.count >= offset + prefix.count && zip(bytes[offset...], prefix).allSatisfy { $0 == $1 }
  }

  /// Where `pattern` next occurs at or after `start`.
  private static func search(
    _ bytes: UnsafeBufferPointer<UInt8>, for pattern: [UInt8], from start: Int
  ) -> Int? {
    guard let first = pattern.first, bytes.count >= pattern.count else { return nil }
    var index = start
    while index + pattern.count <= bytes.count {
      if bytes[index] == first, starts(bytes, with: pattern, at: index) { return index }
      index += 1
    }
    return nil
  }

  /// `true` for an MPEG audio frame header (11 sync bits), but not for a UTF-16 byte order
  /// mark (`FF FE`), which has them too.
  private static func isMPEGFrame(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    bytes.count > 1 && bytes[0] == 0xFF && bytes[1] & 0xE0 == 0xE0 && bytes[1] < 0xFE
  }
}
