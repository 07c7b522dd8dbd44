import Foundation

/// One requested output: a format and the options to segment it with.
///
/// Parse the API's `additional_formats` array with ``parseAdditionalFormats(_:preset:base:)`` to
/// get exactly the requests the server would have honoured.
public struct ExportRequest: Sendable, Equatable {
  /// The format to render.
  public var format: ExportFormat
  /// The options, already merged with the format's defaults.
  public var options: SegmentationOptions
  /// Caption rules for the caption formats (SRT, WebVTT, TXT). `nil` (the default) segments
  /// exactly as the API does; a style makes ``CaptionSegmenter`` choose cues and lines.
  public var style: CaptionStyle?

  /// Creates a request; `options` defaults to the API's defaults for `format`.
  public init(format: ExportFormat, options: SegmentationOptions? = nil, style: CaptionStyle? = nil)
  {
    self.format = format
    self.options = options ?? .defaults(for: format)
    self.style = style
  }

  /// `true` when this request's segments come from ``CaptionSegmenter``.
  public var usesCaptionStyle: Bool {
    style != nil && (format == .srt || format == .vtt || format == .txt)
  }

  /// Parses the JSON array a user would send as `additional_formats` to `POST /v1/speech-to-text`.
  ///
  /// Each entry's absent fields take the format's defaults under `preset`, after `base` (a
  /// function that may override defaults, for example with a command line's explicit flags).
  /// Fields that the API does not know, or does not accept for that format, are reported in the
  /// returned warnings and ignored, as the API ignores them; a field of the wrong type or an
  /// impossible value (a negative duration, a line length of 0) is an error.
  public static func parseAdditionalFormats(
    _ json: String,
    preset: Preset = .elevenlabs,
    base: (ExportFormat, inout SegmentationOptions) -> Void = { _, _ in }
  ) throws(OptionsError) -> (requests: [ExportRequest], warnings: [String]) {
    let value: JSONValue
    do {
      value = try JSONParser.parse(Array(json.utf8))
    } catch {
      throw OptionsError.invalidJSON(error)
    }
    guard case .array(let entries) = value else {
      throw OptionsError.wrongType(
        path: "$", expected: "an array of export option objects", found: value.kindDescription)
    }
    var requests: [ExportRequest] = []
    var warnings: [String] = []
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
      guard let format = ExportFormat(rawValue: name) else {
        throw OptionsError.unknownFormat(path: "\(path).format", name: name)
      }
      if !format.isAPIFormat {
        warnings.append(
          "\(path).format: \"\(name)\" is a ScribeKit format; the API would refuse this entry")
      }
      var options = SegmentationOptions.defaults(for: format, preset: preset)
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
        case "max_characters_per_line" where format.hasLineLength:
          options.maxCharactersPerLine = try count(member.value, memberPath)
        case "include_speakers":
          options.includeSpeakers = try flag(member.value, memberPath)
        case "include_timestamps":
          options.includeTimestamps = try flag(member.value, memberPath)
        case "max_characters_per_line":
          warnings.append(
            "\(memberPath): ignored; max_characters_per_line applies to srt, txt and vtt only")
        default:
          warnings.append("\(memberPath): ignored; not an export option the API knows")
        }
      }
      requests.append(ExportRequest(format: format, options: options))
    }
    return (requests, warnings)
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
  case invalidJSON(JSONSyntaxError)
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
    case .invalidJSON(let error):
      return "additional formats: not valid JSON at \(error.location): \(error.reason)"
    case .wrongType(let path, let expected, let found):
      return "additional formats at \(path): expected \(expected), found \(found)"
    case .missingFormat(let path):
      return "additional formats at \(path): missing \"format\"; expected one of "
        + ExportFormat.allCases.map(\.rawValue).joined(separator: ", ")
    case .unknownFormat(let path, let name):
      return "additional formats at \(path): unknown format \"\(name)\"; expected one of "
        + ExportFormat.allCases.map(\.rawValue).joined(separator: ", ")
    case .invalidValue(let path, let reason):
      return "additional formats at \(path): \(reason)"
    }
  }
}
