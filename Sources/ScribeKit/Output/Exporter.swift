import Foundation

/// Which channels of a multichannel transcript an export covers.
public enum ChannelSelection: Sendable, Equatable, Hashable {
  /// One output per channel, as the API returns one `additional_formats` list per channel.
  case each
  /// Only the channel whose `channel_index` is this value.
  case channel(Int)
  /// One output for all channels on one timeline, each channel as speaker `speaker_N`.
  case merged
}

/// One rendered file, described the way the API describes an `additional_formats` entry.
public struct RenderedOutput: Sendable, Equatable {
  /// The format that was asked for (`requested_format`).
  public var requestedFormat: ExportFormat
  /// The channel this output covers; `nil` for single-channel transcripts and merged timelines.
  public var channelIndex: Int?
  /// The file's bytes.
  public var content: Data
  /// The options it was segmented and rendered with.
  public var options: SegmentationOptions

  /// Creates an output.
  public init(
    requestedFormat: ExportFormat, channelIndex: Int?, content: Data, options: SegmentationOptions
  ) {
    self.requestedFormat = requestedFormat
    self.channelIndex = channelIndex
    self.content = content
    self.options = options
  }

  /// The extension the API gives the format (`file_extension`), without the dot.
  public var fileExtension: String { requestedFormat.fileExtension }
  /// The MIME type the API gives the format (`content_type`).
  public var contentType: String { requestedFormat.contentType }
  /// Whether the API would send ``content`` base64-encoded (`is_base64_encoded`): binary formats.
  public var isBase64Encoded: Bool { requestedFormat == .docx || requestedFormat == .pdf }

  /// This output as the API's `additional_formats` entry: `requested_format`, `file_extension`,
  /// `content_type`, `is_base64_encoded` and `content` (a string; base64 for binary formats).
  public var apiEntry: JSONValue {
    let content =
      isBase64Encoded
      ? self.content.base64EncodedString() : String(decoding: self.content, as: UTF8.self)
    return .object(
      JSONObject(members: [
        .init(key: "requested_format", value: .string(requestedFormat.rawValue)),
        .init(key: "file_extension", value: .string(fileExtension)),
        .init(key: "content_type", value: .string(contentType)),
        .init(key: "is_base64_encoded", value: .bool(isBase64Encoded)),
        .init(key: "content", value: .string(content)),
      ]))
  }

  /// `outputs` as the JSON array the API returns in `additional_formats`.
  public static func apiJSON(_ outputs: [RenderedOutput]) -> String {
    JSONWriter.value(.array(outputs.map(\.apiEntry))) + "\n"
  }
}

/// Why an export could not be made.
public enum ExportError: Error, Sendable, Equatable, CustomStringConvertible {
  /// A format ScribeKit knows but does not render yet.
  case unsupportedFormat(ExportFormat)
  /// The caller asked for a channel the transcript does not have.
  case channelNotFound(requested: Int, available: [Int])
  /// A renderer failed for a reason outside the transcript (a zip library error, say).
  case renderingFailed(format: ExportFormat, reason: String)

  /// One line for a person.
  public var description: String {
    switch self {
    case .unsupportedFormat(let format):
      return
        "the \(format.rawValue) format is not rendered by this version of ScribeKit; it renders "
        + Exporter.renderableFormats.map(\.rawValue).joined(separator: ", ")
    case .channelNotFound(let requested, let available):
      return "the transcript has no channel \(requested); its channels are "
        + available.map(String.init).joined(separator: ", ")
    case .renderingFailed(let format, let reason):
      return "could not render \(format.rawValue): \(reason)"
    }
  }
}

/// What renderers need beyond the API's options: ScribeKit's own settings.
public struct RenderSettings: Sendable, Equatable {
  /// The document title for HTML and DOCX. `nil` (the default) uses "Transcript".
  public var title: String?
  /// An audio file path or URL; HTML with one becomes an interactive transcript.
  public var audioSource: String?
  /// WebVTT: add a timestamp tag before each word, for karaoke-style highlighting.
  public var wordTimestamps: Bool

  /// Creates settings; every one is off by default.
  public init(title: String? = nil, audioSource: String? = nil, wordTimestamps: Bool = false) {
    self.title = title
    self.audioSource = audioSource
    self.wordTimestamps = wordTimestamps
  }
}

/// Segments a transcript and renders it in the requested formats: the whole pipeline in one call.
///
/// ```swift
/// let transcript = try TranscriptReader().read(contentsOf: url).transcript
/// let outputs = try Exporter.render(transcript, request: ExportRequest(format: .srt))
/// ```
public enum Exporter {
  /// The formats this version renders.
  public static let renderableFormats: [ExportFormat] = [
    .srt, .vtt, .txt, .segmentedJSON, .html, .docx,
  ]

  /// Renders `transcript` for one request.
  ///
  /// A single-channel transcript gives one output. A multichannel one gives one output per
  /// channel for ``ChannelSelection/each``, in channel order, or one for the other selections.
  ///
  /// - Throws: ``ExportError`` when the format is not rendered or the channel does not exist.
  public static func render(
    _ transcript: Transcript, request: ExportRequest, channels: ChannelSelection = .each,
    settings: RenderSettings = RenderSettings()
  ) throws(ExportError) -> [RenderedOutput] {
    guard renderableFormats.contains(request.format) else {
      throw ExportError.unsupportedFormat(request.format)
    }
    let selected = try select(channels, from: transcript)
    var outputs: [RenderedOutput] = []
    for (channelIndex, channel) in selected {
      let segments = self.segments(of: channel, request: request)
      var info = DocumentInfo(
        title: settings.title ?? "Transcript",
        languageCode: channel.languageCode ?? transcript.languageCode,
        audioSource: settings.audioSource)
      if let channelIndex, transcript.isMultichannel, settings.title == nil {
        info.title = "Transcript, channel \(channelIndex)"
      }
      let content = try content(
        of: segments, request: request, info: info, settings: settings)
      outputs.append(
        RenderedOutput(
          requestedFormat: request.format, channelIndex: channelIndex, content: content,
          options: request.options))
    }
    return outputs
  }

  /// The segments a request renders for one channel: the API's rule, or the caption style's
  /// cues when the request has one.
  public static func segments(of channel: Channel, request: ExportRequest) -> [Segment] {
    if request.usesCaptionStyle, let style = request.style {
      return CaptionSegmenter(style: style).cues(channel).map(\.segment)
    }
    return Segmenter(options: request.options).segment(channel)
  }

  /// The channels a selection covers, each with the index to report for it.
  public static func select(
    _ selection: ChannelSelection, from transcript: Transcript
  ) throws(ExportError) -> [(index: Int?, channel: Channel)] {
    let indexed = transcript.channels.enumerated().map { position, channel in
      (index: channel.index ?? position, channel: channel)
    }
    switch selection {
    case .each:
      if !transcript.isMultichannel, let only = transcript.channels.first {
        return [(nil, only)]
      }
      return indexed.map { ($0.index, $0.channel) }
    case .merged:
      return [(nil, transcript.mergedChannels())]
    case .channel(let wanted):
      guard let match = indexed.first(where: { $0.index == wanted }) else {
        throw ExportError.channelNotFound(requested: wanted, available: indexed.map(\.index))
      }
      return [(wanted, match.channel)]
    }
  }

  private static func content(
    of segments: [Segment], request: ExportRequest, info: DocumentInfo, settings: RenderSettings
  ) throws(ExportError) -> Data {
    let options = request.options
    switch request.format {
    case .srt:
      return Data(SRTRenderer(options: options).render(segments).utf8)
    case .vtt:
      let renderer = WebVTTRenderer(options: options, wordTimestamps: settings.wordTimestamps)
      return Data(renderer.render(segments).utf8)
    case .txt:
      return Data(TextRenderer(options: options).render(segments).utf8)
    case .segmentedJSON:
      return Data(SegmentedJSONRenderer(options: options).render(segments).utf8)
    case .html:
      return Data(HTMLRenderer(options: options, info: info).render(segments).utf8)
    case .docx:
      return try DOCXRenderer(options: options, info: info).render(segments)
    case .pdf:
      throw ExportError.unsupportedFormat(.pdf)
    }
  }
}
