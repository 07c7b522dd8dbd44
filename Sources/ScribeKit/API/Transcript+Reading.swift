import Foundation

extension Transcript {
  /// Reads timing data from a file, whatever its shape.
  ///
  /// ```swift
  /// let transcript = try Transcript(contentsOf: URL(filePath: "talk.json"))
  /// for warning in transcript.warnings { print("repaired:", warning) }
  /// ```
  ///
  /// The shape is detected (``InputShape/all`` lists what is read); set ``ReadOptions/shape``
  /// to insist on one. Input is UTF-8, with or without a byte order mark, or UTF-16 with one.
  /// Unknown members are ignored, because the API adds fields over time; members that belong
  /// to another engine are not, so another engine's JSON is never read as ElevenLabs'.
  ///
  /// - Throws: ``ReadError`` naming the file, the place (a JSON path or a line and column) and
  ///   what was expected; ``ReadError/Problem/cannotOpen(reason:)`` when the file cannot be
  ///   read.
  public init(contentsOf url: URL, options: ReadOptions = ReadOptions()) throws(ReadError) {
    let data: Data
    do {
      data = try InputFile.read(url)
    } catch {
      throw ReadError(source: url.path, problem: .cannotOpen(reason: error.localizedDescription))
    }
    self = try TranscriptReader(options: options).read(data, source: url.path)
    sourceName = url.deletingPathExtension().lastPathComponent
  }

  /// Reads timing data from bytes; `source` names them in errors (a file name, `<stdin>`).
  ///
  /// - Throws: ``ReadError``.
  public init(
    data: Data, source: String? = nil, options: ReadOptions = ReadOptions()
  ) throws(ReadError) {
    self = try TranscriptReader(options: options).read(data, source: source)
  }

  /// Reads JSON documents already parsed, each with the 1-based line it starts on, as
  /// ``init(data:source:options:)`` reads newline-delimited text holding them.
  ///
  /// For a reader that receives a stream line by line and reads it again as it grows (`speak
  /// --stream`): each line is parsed once, not once per line that follows it.
  package init(
    parsed values: [(value: JSONValue, line: Int)], source: String? = nil,
    options: ReadOptions = ReadOptions()
  ) throws(ReadError) {
    do {
      self = try TranscriptReader(options: options).read(parsed: values)
    } catch var error {
      error.source = error.source ?? source
      throw error
    }
  }
}
