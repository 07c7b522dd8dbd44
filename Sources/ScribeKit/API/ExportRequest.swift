import Foundation

/// One requested output: a format, the API's options to make its cues with, and the caption
/// style, if any, that chooses them instead.
///
/// Build one from a format and a preset, or parse the API's `additional_formats` array with
/// ``additionalFormats(_:preset:base:)`` to get exactly the requests the server would have
/// honoured.
public struct ExportRequest: Sendable, Equatable {
  /// The format to render.
  public var format: any OutputFormat
  /// The API's options, already merged with the format's defaults.
  public var options: APIExportOptions
  /// The caption rules that choose this request's cues and lines, or `nil` for the API's rule.
  /// Only formats that take caption styles (``FormatOptions/captionStyle``) use it.
  public var style: CaptionStyle?
  /// How a document's paragraphs are made when no segmentation option was given, or `nil`
  /// for the API's rule with ``options``. Only formats that take paragraphs
  /// (``FormatOptions/paragraphs``) use it.
  public var paragraphs: ParagraphStyle?

  /// Creates a request for `format` under `preset`.
  ///
  /// - Parameters:
  ///   - format: the format to render.
  ///   - preset: the API defaults to start from and, for formats that take one, the caption
  ///     style. Default: ``Preset/elevenlabs``.
  ///   - options: the API's options; `nil` (the default) takes the format's defaults under the
  ///     preset's generation of API defaults.
  public init(
    _ format: any OutputFormat, preset: Preset = .elevenlabs, options: APIExportOptions? = nil
  ) {
    self.format = format
    self.options = options ?? format.defaultOptions(preset.apiDefaults)
    self.style = format.appliesOptions.contains(.captionStyle) ? preset.captionStyle : nil
    // Options given explicitly are honoured as the API would honour them.
    self.paragraphs =
      format.appliesOptions.contains(.paragraphs) && options == nil ? preset.paragraphs : nil
  }

  /// `true` when a caption style, not the API's rule, makes this request's cues.
  public var usesCaptionStyle: Bool { style != nil }

  /// Two requests are equal when they name the same format with the same options and style.
  public static func == (lhs: ExportRequest, rhs: ExportRequest) -> Bool {
    lhs.format.name == rhs.format.name && lhs.options == rhs.options && lhs.style == rhs.style
      && lhs.paragraphs == rhs.paragraphs
  }

  /// Parses the JSON array a user would send as `additional_formats` to `POST /v1/speech-to-text`.
  ///
  /// Each entry's absent fields take the format's defaults under `preset`, after `base` (a
  /// function that may override defaults, for example with a command line's explicit flags).
  /// Fields that the API does not know, or does not accept for that format, are reported in the
  /// returned warnings and ignored, as the API ignores them; a field of the wrong type or an
  /// impossible value (a negative duration, a line length of 0) is an error.
  public static func additionalFormats(
    _ json: String,
    preset: Preset = .elevenlabs,
    base: (any OutputFormat, inout APIExportOptions) -> Void = { _, _ in }
  ) throws(OptionsError) -> (requests: [ExportRequest], warnings: [String]) {
    let value: JSONValue
    do {
      value = try JSONParser.parse(Array(json.utf8))
    } catch {
      throw OptionsError.invalidJSON(
        line: error.location.line, column: error.location.column, reason: error.reason)
    }
    guard case .array(let entries) = value else {
      throw OptionsError.wrongType(
        path: "$", expected: "an array of export option objects", found: value.kindDescription)
    }
    var requests: [ExportRequest] = []
    var warnings: [String] = []
    // The API takes at most ten entries (<doc:APIParity#The-request-and-the-response>); every
    // entry is still rendered here, with a warning, since nothing is lost by it.
    if entries.count > 10 {
      warnings.append(
        "$: \(entries.count) entries; the API accepts at most 10 and would refuse this request")
    }
    for (index, entry) in entries.enumerated() {
      let path = "$[\(index)]"
      guard case .object(let object) = entry else {
        throw OptionsError.wrongType(
          path: path, expected: "an object such as {\"format\": \"srt\"}",
          found: entry.kindDescription)
      }
      guard let formatValue = object["format"] else {
        throw OptionsError.missingFormat(path: path)
      }
      guard case .string(let name) = formatValue else {
        throw OptionsError.wrongType(
          path: "\(path).format", expected: "a string", found: formatValue.kindDescription)
      }
      guard let format = OutputFormats.named(name) else {
        throw OptionsError.unknownFormat(path: "\(path).format", name: name)
      }
      if !format.isAPIFormat {
        warnings.append(
          "\(path).format: \"\(name)\" is a ScribeKit format; the API would refuse this entry")
      }
      var options = format.defaultOptions(preset.apiDefaults)
      base(format, &options)
      for member in object.members where member.key != "format" {
        let memberPath = "\(path).\(member.key)"
        switch member.key {
        case "segment_on_silence_longer_than_s":
          options.segmentOnSilenceLongerThan = try seconds(member.value, memberPath)
        case "max_segment_duration_s":
          options.maxSegmentDuration = try seconds(member.value, memberPath)
        case "max_segment_chars":
          options.maxSegmentChars = try count(member.value, memberPath)
        case "max_characters_per_line" where format.appliesOptions.contains(.lineLength):
          options.maxCharactersPerLine = try count(member.value, memberPath)
        case "include_speakers":
          options.includeSpeakers = try flag(member.value, memberPath)
        case "include_timestamps":
          options.includeTimestamps = try flag(member.value, memberPath)
        case "max_characters_per_line":
          let wrapping = OutputFormats.all.filter { $0.appliesOptions.contains(.lineLength) }
            .map(\.name)
          let listed =
            wrapping.dropLast().joined(separator: ", ") + " and " + (wrapping.last ?? "")
          warnings.append(
            "\(memberPath): ignored; max_characters_per_line applies to \(listed) only")
        default:
          warnings.append("\(memberPath): ignored; not an export option the API knows")
        }
      }
      var request = ExportRequest(format, preset: preset, options: options)
      let segmentation = [
        "segment_on_silence_longer_than_s", "max_segment_duration_s", "max_segment_chars",
      ]
      if format.appliesOptions.contains(.paragraphs),
        !object.members.contains(where: { segmentation.contains($0.key) }),
        options.splitsLike(format.defaultOptions(preset.apiDefaults))
      {
        // An entry that sets no segmentation option gets the preset's paragraphs.
        request.paragraphs = preset.paragraphs
      }
      requests.append(request)
    }
    return (requests, warnings)
  }

  /// `requests` as the `additional_formats` array to send to the API: every option written
  /// out, so that the server's defaults cannot differ from the ones these requests were made
  /// with. The inverse of ``additionalFormats(_:preset:base:)``.
  public static func additionalFormatsJSON(_ requests: [ExportRequest]) -> String {
    let entries = requests.map { request -> JSONValue in
      let options = request.options
      func number(_ value: Double?) -> JSONValue { value.map(JSONValue.number) ?? .null }
      var members: [JSONObject.Member] = [
        .init(key: "format", value: .string(request.format.name)),
        .init(key: "include_speakers", value: .bool(options.includeSpeakers)),
        .init(key: "include_timestamps", value: .bool(options.includeTimestamps)),
        .init(
          key: "segment_on_silence_longer_than_s", value: number(options.segmentOnSilenceLongerThan)
        ),
        .init(key: "max_segment_duration_s", value: number(options.maxSegmentDuration)),
        .init(key: "max_segment_chars", value: number(options.maxSegmentChars.map(Double.init))),
      ]
      if request.format.appliesOptions.contains(.lineLength) {
        members.append(
          .init(
            key: "max_characters_per_line",
            value: number(options.maxCharactersPerLine.map(Double.init))))
      }
      return .object(JSONObject(members: members))
    }
    return JSONValue.array(entries).jsonText
  }

  private static func seconds(_ value: JSONValue, _ path: String) throws(OptionsError) -> Double? {
    switch value {
    case .null: return nil
    case .number(let number) where number >= 0: return number
    case .number(let number):
      throw OptionsError.invalidValue(path: path, reason: "\(number) is negative")
    default:
      throw OptionsError.wrongType(
        path: path, expected: "a number of seconds or null", found: value.kindDescription)
    }
  }

  private static func count(_ value: JSONValue, _ path: String) throws(OptionsError) -> Int? {
    switch value {
    case .null: return nil
    case .number(let number):
      guard let integer = Int(exactly: number), integer >= 1 else {
        throw OptionsError.invalidValue(
          path: path, reason: "expected a whole number of at least 1, found \(number)")
      }
      return integer
    default:
      throw OptionsError.wrongType(
        path: path, expected: "a whole number or null", found: value.kindDescription)
    }
  }

  private static func flag(_ value: JSONValue, _ path: String) throws(OptionsError) -> Bool {
    guard case .bool(let flag) = value else {
      throw OptionsError.wrongType(
        path: path, expected: "true or false", found: value.kindDescription)
    }
    return flag
  }
}

/// Why a set of export options was refused.
public enum OptionsError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The `additional_formats` text is not valid JSON.
  case invalidJSON(line: Int, column: Int, reason: String)
  /// A value has the wrong JSON type.
  case wrongType(path: String, expected: String, found: String)
  /// An entry has no `format`.
  case missingFormat(path: String)
  /// An entry names a format the API does not have.
  case unknownFormat(path: String, name: String)
  /// A value is of the right type but impossible.
  case invalidValue(path: String, reason: String)

  /// One line for a person.
  public var description: String {
    switch self {
    case .invalidJSON(let line, let column, let reason):
      return "additional formats: not valid JSON at line \(line), column \(column): \(reason)"
    case .wrongType(let path, let expected, let found):
      return "additional formats at \(path): expected \(expected), found \(found)"
    case .missingFormat(let path):
      return "additional formats at \(path): missing \"format\"; expected one of "
        + OutputFormats.namesList
    case .unknownFormat(let path, let name):
      return "additional formats at \(path): unknown format \"\(name)\"; expected one of "
        + OutputFormats.namesList
    case .invalidValue(let path, let reason):
      return "additional formats at \(path): \(reason)"
    }
  }
}
