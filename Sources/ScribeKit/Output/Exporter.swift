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
}

/// Why an export could not be made.
public enum ExportError: Error, Sendable, Equatable, CustomStringConvertible {
  /// A format ScribeKit knows but does not render yet.
  case unsupportedFormat(ExportFormat)
  /// The caller asked for a channel the transcript does not have.
  case channelNotFound(requested: Int, available: [Int])

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
    }
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
  public static let renderableFormats: [ExportFormat] = [.srt]

  /// Renders `transcript` for one request.
  ///
  /// A single-channel transcript gives one output. A multichannel one gives one output per
  /// channel for ``ChannelSelection/each``, in channel order, or one for the other selections.
  ///
  /// - Throws: ``ExportError`` when the format is not rendered or the channel does not exist.
  public static func render(
    _ transcript: Transcript, request: ExportRequest, channels: ChannelSelection = .each
  ) throws(ExportError) -> [RenderedOutput] {
    guard renderableFormats.contains(request.format) else {
      throw ExportError.unsupportedFormat(request.format)
    }
    let selected = try select(channels, from: transcript)
    let segmenter = Segmenter(options: request.options)
    return selected.map { channelIndex, channel in
      let segments = segmenter.segment(channel)
      return RenderedOutput(
        requestedFormat: request.format, channelIndex: channelIndex,
        content: content(of: segments, request: request), options: request.options)
    }
  }

  /// The channels a selection covers, each with the index to report for it.
  static func select(
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

  private static func content(of segments: [Segment], request: ExportRequest) -> Data {
    switch request.format {
    case .srt:
      return Data(SRTRenderer(options: request.options).render(segments).utf8)
    case .txt, .segmentedJSON, .html, .docx, .pdf:
      // `render` refuses these before segmenting; nothing reaches here.
      return Data()
    }
  }
}
