import Foundation

/// One rendered file: its name, its bytes, and how the API would describe it.
///
/// Files come from ``Transcript/export(_:preset:settings:)``. Their names follow one rule, so
/// pipelines and the command line name files alike: `stem[.channel-N].suffix`, with `-2`,
/// `-3`, ... added to names that would repeat in one export (`talk.srt`,
/// `talk.channel-1.vtt`, `talk.segmented.json`).
public struct ExportedFile: Sendable, Equatable {
  /// The format that made it (`requested_format`).
  public var format: any OutputFormat
  /// The channel this file covers; `nil` for single-channel transcripts and merged timelines.
  public var channelIndex: Int?
  /// The file's name, without a folder.
  public var fileName: String
  /// The file's bytes.
  public var content: Data
  /// The API's options its cues were made with.
  public var options: APIExportOptions
  /// What is not as it should be in the file (``Rendering/warnings``): show them to the user.
  public var warnings: [String]

  /// Creates a file.
  public init(
    format: any OutputFormat, channelIndex: Int?, fileName: String, content: Data,
    options: APIExportOptions, warnings: [String] = []
  ) {
    self.format = format
    self.channelIndex = channelIndex
    self.fileName = fileName
    self.content = content
    self.options = options
    self.warnings = warnings
  }

  /// The extension the API gives the format (`file_extension`), without the dot.
  public var fileExtension: String { format.fileExtension }
  /// The MIME type the API gives the format (`content_type`).
  public var contentType: String { format.contentType }
  /// Whether the API would send ``content`` base64-encoded (`is_base64_encoded`).
  public var isBase64Encoded: Bool { format.isBinary }

  /// Writes the file into `folder` under ``fileName``, atomically: a reader never sees half of
  /// it, and a failure leaves the folder as it was.
  ///
  /// - Parameters:
  ///   - folder: the folder to write into; it must exist.
  ///   - replacing: allow replacing a file of that name. When `false` (the default), an
  ///     existing file is kept and ``OutputError/fileExists(path:)`` is thrown.
  public func write(into folder: URL, replacing: Bool = false) throws(OutputError) {
    // A name comes partly from the caller (the stem) and partly from the format (the
    // suffix); neither may place the file in another folder.
    guard !fileName.contains("/"), fileName != ".", fileName != ".." else {
      throw OutputError.cannotWrite(
        path: fileName, reason: "a file name cannot hold a folder separator")
    }
    try AtomicFile.write(
      content, to: folder.appendingPathComponent(fileName), replacing: replacing)
  }

  /// Two files are equal when their format, channel, name, bytes and options are.
  public static func == (lhs: ExportedFile, rhs: ExportedFile) -> Bool {
    lhs.format.name == rhs.format.name && lhs.channelIndex == rhs.channelIndex
      && lhs.fileName == rhs.fileName && lhs.content == rhs.content && lhs.options == rhs.options
  }

  /// This file as the API's `additional_formats` entry: `requested_format`, `file_extension`,
  /// `content_type`, `is_base64_encoded` and `content` (a string; base64 for binary formats).
  var apiEntry: JSONValue {
    let content =
      isBase64Encoded
      ? self.content.base64EncodedString() : String(decoding: self.content, as: UTF8.self)
    return .object(
      JSONObject(members: [
        .init(key: "requested_format", value: .string(format.name)),
        .init(key: "file_extension", value: .string(fileExtension)),
        .init(key: "content_type", value: .string(contentType)),
        .init(key: "is_base64_encoded", value: .bool(isBase64Encoded)),
        .init(key: "content", value: .string(content)),
      ]))
  }

  /// `files` as the JSON array the API returns in `additional_formats`, ending in a newline.
  public static func apiJSON(_ files: [ExportedFile]) -> String {
    JSONWriter.value(.array(files.map(\.apiEntry))) + "\n"
  }

  /// `stem[.channel-N].suffix` for each output, with `-2`, `-3`, ... added to names that
  /// would repeat.
  static func fileNames(
    for outputs: [(format: any OutputFormat, channelIndex: Int?)], stem: String
  ) -> [String] {
    var seen: [String: Int] = [:]
    return outputs.map { format, channelIndex in
      let base = stem + (channelIndex.map { ".channel-\($0)" } ?? "")
      let key = base + "." + format.fileNameSuffix
      let count = (seen[key] ?? 0) + 1
      seen[key] = count
      return (count == 1 ? base : "\(base)-\(count)") + "." + format.fileNameSuffix
    }
  }

  /// A file stem made from data, not from a person (a transcription ID): only characters that
  /// cannot name another folder or hide the file, at most 100; `transcript` when none are left.
  static func safeStem(_ text: String?) -> String {
    let safe = String(
      (text ?? "").unicodeScalars.map { scalar -> Character in
        let allowed =
          scalar.isASCII
          && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-"
            || scalar == "_")
        return allowed ? Character(scalar) : "_"
      }
    ).prefix(100)
    return safe.isEmpty ? "transcript" : String(safe)
  }
}

extension [ExportRequest] {
  /// The names an export of these requests gives a single-channel transcript's files.
  package func fileNames(stem: String) -> [String] {
    ExportedFile.fileNames(for: map { ($0.format, nil) }, stem: stem)
  }
}
