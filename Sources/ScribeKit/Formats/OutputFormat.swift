import Foundation

/// An output format: what it is called, how its files are named and typed, which options apply
/// to it, its defaults, and how it renders cues.
///
/// Every built-in format is one file with one type conforming to this protocol, listed once in
/// ``OutputFormats/all``. A format of your own works the same way: conform a type and pass it to
/// ``Transcript/export(_:preset:settings:)``; nothing in the library needs to know it.
///
/// ```swift
/// struct CSVFormat: OutputFormat {
///   var name: String { "csv" }
///   var fileExtension: String { "csv" }
///   var contentType: String { "text/csv" }
///   func render(_ input: RenderInput) throws(ExportError) -> Data {
///     Data(input.cues.map { "\($0.start),\($0.end),\($0.text)" }.joined(separator: "\n").utf8)
///   }
/// }
/// let files = try transcript.export(CSVFormat())
/// ```
public protocol OutputFormat: Sendable {
  /// The format's name, as the API's `format` field (and a command line's format list) spells
  /// it: `srt`, `segmented_json`.
  var name: String { get }
  /// The extension the API gives the format's files (`file_extension`), without the dot.
  var fileExtension: String { get }
  /// What ends the name of a file of this format, after the stem and the channel. Default:
  /// ``fileExtension``.
  var fileNameSuffix: String { get }
  /// The MIME type the API gives the format (`content_type`).
  var contentType: String { get }
  /// `true` for binary formats, which the API sends base64-encoded (`is_base64_encoded`).
  /// Default: `false`.
  var isBinary: Bool { get }
  /// `true` when the API's `additional_formats` accepts this format. Default: `false`.
  var isAPIFormat: Bool { get }
  /// `false` for a format that is declared but cannot be rendered by this build, which lists
  /// of formats to choose from leave out. Default: `true`.
  var isAvailable: Bool { get }
  /// The options that change this format's output. Default: speakers and timestamps.
  var appliesOptions: FormatOptions { get }
  /// The server's export options for this format under a generation of defaults
  /// (<doc:APIParity#Defaults-per-format>). Default: no limits, speakers and timestamps on.
  func defaultOptions(_ defaults: APIDefaults) -> APIExportOptions
  /// The file's bytes for one channel's cues.
  ///
  /// - Throws: ``ExportError`` when the format cannot be made here (a missing system
  ///   library, say) or a library it uses fails.
  func render(_ input: RenderInput) throws(ExportError) -> Data
  /// The file for `input` with what its reader should know about it: text no font on this
  /// machine can show, say. Default: ``render(_:)``'s bytes and no warning.
  func rendering(_ input: RenderInput) throws(ExportError) -> Rendering
}

/// A rendered file's bytes and the warnings that go with them.
public struct Rendering: Sendable, Equatable {
  /// The file's bytes.
  public var content: Data
  /// What is not as it should be in the file, in words, one sentence each.
  public var warnings: [String]

  /// Creates a rendering.
  public init(content: Data, warnings: [String] = []) {
    self.content = content
    self.warnings = warnings
  }
}

extension OutputFormat {
  /// ``render(_:)``'s bytes with no warning.
  public func rendering(_ input: RenderInput) throws(ExportError) -> Rendering {
    Rendering(content: try render(input))
  }

  /// ``fileExtension``.
  public var fileNameSuffix: String { fileExtension }
  /// `false`: a text format.
  public var isBinary: Bool { false }
  /// `false`: ScribeKit's own format.
  public var isAPIFormat: Bool { false }
  /// `true`.
  public var isAvailable: Bool { true }
  /// Speakers and timestamps.
  public var appliesOptions: FormatOptions { [.speakers, .timestamps] }
  /// No limits, speakers and timestamps on: the API's defaults for its document formats.
  public func defaultOptions(_ defaults: APIDefaults) -> APIExportOptions { APIExportOptions() }
}

/// The options a format takes into account, so that a caller can tell which settings matter.
public struct FormatOptions: OptionSet, Sendable, Hashable {
  /// The set's bits.
  public let rawValue: Int

  /// Creates a set from its raw value.
  public init(rawValue: Int) { self.rawValue = rawValue }

  /// `max_characters_per_line`: the format wraps lines.
  public static let lineLength = FormatOptions(rawValue: 1 << 0)
  /// `include_speakers`: the format can label speakers.
  public static let speakers = FormatOptions(rawValue: 1 << 1)
  /// `include_timestamps`: the format can show or omit times.
  public static let timestamps = FormatOptions(rawValue: 1 << 2)
  /// A preset's ``CaptionStyle`` chooses this format's cues and lines.
  public static let captionStyle = FormatOptions(rawValue: 1 << 3)
  /// ``ExportSettings/wordTimestamps``: a time for every word.
  public static let wordTimestamps = FormatOptions(rawValue: 1 << 4)
  /// ``ExportSettings/audioSource``: the document links to the audio.
  public static let audio = FormatOptions(rawValue: 1 << 5)
  /// ``ExportSettings/title``: the document has a title.
  public static let title = FormatOptions(rawValue: 1 << 6)
  /// ``ParagraphStyle``: the format is a document read as paragraphs, which a preset may make
  /// readable rather than one block per speaker turn.
  public static let paragraphs = FormatOptions(rawValue: 1 << 7)
  /// ``ExportSettings/paper``: the format is set on pages of paper.
  public static let paper = FormatOptions(rawValue: 1 << 8)
  /// ``ExportSettings/karaoke``: the format can highlight each word as it is sung or spoken.
  public static let karaoke = FormatOptions(rawValue: 1 << 9)
  /// ``ExportSettings/frameRate``: the format's times are video frames.
  public static let frameRate = FormatOptions(rawValue: 1 << 10)
}

/// How a format that can highlight words as they are spoken does it (ASS's `\k` tags).
public enum Karaoke: String, Sendable, Equatable, CaseIterable {
  /// Each word lights up at once when it starts (`\k`).
  case word
  /// Each word fills from left to right over its duration (`\kf`).
  case sweep
}

/// A video frame rate as a fraction of frames per second: `24000/1001` (23.976), `25`.
public struct FrameRate: Sendable, Hashable, CustomStringConvertible {
  /// Frames in ``denominator`` seconds.
  public let numerator: Int
  /// Seconds the ``numerator`` frames take.
  public let denominator: Int

  /// A rate of `numerator` frames in `denominator` seconds; `nil` unless both are positive.
  public init?(numerator: Int, denominator: Int = 1) {
    guard numerator > 0, denominator > 0 else { return nil }
    self.numerator = numerator
    self.denominator = denominator
  }

  /// Reads `24000/1001`, `25`, or the usual decimal names of the NTSC rates (`23.976`,
  /// `29.97`, `59.94`, which mean `24000/1001`, `30000/1001`, `60000/1001`); `nil` otherwise.
  public init?(_ text: String) {
    let parts = text.split(separator: "/", omittingEmptySubsequences: false)
    if parts.count == 2, let top = Int(parts[0]), let bottom = Int(parts[1]) {
      self.init(numerator: top, denominator: bottom)
      return
    }
    switch text {
    case "23.976", "23.98": self.init(numerator: 24000, denominator: 1001)
    case "29.97": self.init(numerator: 30000, denominator: 1001)
    case "59.94": self.init(numerator: 60000, denominator: 1001)
    case "47.952": self.init(numerator: 48000, denominator: 1001)
    default:
      guard let whole = Int(text) else { return nil }
      self.init(numerator: whole)
    }
  }

  /// 23.976 fps, the rate of most film and television delivered in North America.
  public static let film = FrameRate(unchecked: 24000, 1001)
  /// 25 fps, the rate of European television.
  public static let pal = FrameRate(unchecked: 25, 1)
  /// 29.97 fps, NTSC television (and CEA-608 captions).
  public static let ntsc = FrameRate(unchecked: 30000, 1001)

  private init(unchecked numerator: Int, _ denominator: Int) {
    self.numerator = numerator
    self.denominator = denominator
  }

  /// Frames per second.
  public var framesPerSecond: Double { Double(numerator) / Double(denominator) }

  /// `24000/1001` or `25`.
  public var description: String {
    denominator == 1 ? "\(numerator)" : "\(numerator)/\(denominator)"
  }
}

/// What a format renders: one channel's cues, the options they were made with, and what the
/// document says about the transcript.
public struct RenderInput: Sendable {
  /// The cues, in time order.
  public var cues: [Cue]
  /// The API's options the cues were made with (line length, speakers, timestamps).
  public var options: APIExportOptions
  /// Title, language and audio.
  public var document: DocumentInfo
  /// Whether to time every word where the format can (``FormatOptions/wordTimestamps``).
  public var wordTimestamps: Bool
  /// The channel the cues come from, or `nil` for single-channel and merged transcripts.
  public var channelIndex: Int?
  /// How WebVTT (and any format that can choose) shows speakers. Default: both a voice span
  /// and a visible label.
  public var speakerLabels: SpeakerLabelStyle
  /// Whether and how to highlight words as they are spoken (``FormatOptions/karaoke``), or
  /// `nil` (the default) for no highlighting.
  public var karaoke: Karaoke?
  /// The video's frame rate, for formats timed in frames (``FormatOptions/frameRate``), or
  /// `nil` (the default) for the format's own default.
  public var frameRate: FrameRate?

  /// Creates an input.
  public init(
    cues: [Cue], options: APIExportOptions, document: DocumentInfo = DocumentInfo(),
    wordTimestamps: Bool = false, channelIndex: Int? = nil,
    speakerLabels: SpeakerLabelStyle = .both, karaoke: Karaoke? = nil, frameRate: FrameRate? = nil
  ) {
    self.cues = cues
    self.options = options
    self.document = document
    self.wordTimestamps = wordTimestamps
    self.channelIndex = channelIndex
    self.speakerLabels = speakerLabels
    self.karaoke = karaoke
    self.frameRate = frameRate
  }
}

/// The built-in formats: the one list that names every format ScribeKit has.
public enum OutputFormats {
  /// Every built-in format, in the order they are listed to people.
  public static let all: [any OutputFormat] = [
    SRTFormat(), WebVTTFormat(), ASSFormat(), SBVFormat(), TTMLFormat(), EBUTTDFormat(),
    LRCFormat(), SCCFormat(), FCPXMLFormat(), PlainTextFormat(), SegmentedJSONFormat(),
    HTMLFormat(), DOCXFormat(), PDFFormat(),
  ]

  /// The built-in format called `name` (as the API spells it), or `nil`.
  public static func named(_ name: String) -> (any OutputFormat)? {
    all.first { $0.name == name }
  }

  /// The built-in formats this build renders.
  public static var available: [any OutputFormat] { all.filter(\.isAvailable) }

  /// The names of every format this build renders, for messages: `srt, vtt, txt, ...`.
  static var namesList: String { available.map(\.name).joined(separator: ", ") }
}

/// Why an export could not be made.
public enum ExportError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The format cannot be made by this build or on this machine; `reason` says why.
  case formatUnavailable(format: String, reason: String)
  /// The caller asked for a channel the transcript does not have.
  case channelNotFound(requested: Int, available: [Int])
  /// A format failed for a reason outside the transcript (a zip library error, say).
  case renderingFailed(format: String, reason: String)

  /// One line for a person.
  public var description: String {
    switch self {
    case .formatUnavailable(let format, let reason):
      return "the \(format) format \(reason)"
    case .channelNotFound(let requested, let available):
      return "the transcript has no channel \(requested); its channels are "
        + available.map(String.init).joined(separator: ", ")
    case .renderingFailed(let format, let reason):
      return "could not render \(format): \(reason)"
    }
  }
}
