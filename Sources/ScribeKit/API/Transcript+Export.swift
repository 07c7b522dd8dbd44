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

/// ScribeKit's own export settings, beyond the API's options: which channels, what the
/// documents say, and what the files are called. Every one has a default.
public struct ExportSettings: Sendable, Equatable {
  /// Which channels of a multichannel transcript to export. Default: ``ChannelSelection/each``.
  public var channels: ChannelSelection
  /// The document title (``FormatOptions/title``). `nil` (the default) uses "Transcript", or
  /// "Transcript, channel N" for one channel of several.
  public var title: String?
  /// An audio file path or URL (``FormatOptions/audio``); HTML with one becomes an interactive
  /// transcript. Default: none.
  public var audioSource: String?
  /// Time every word where the format can (``FormatOptions/wordTimestamps``). Default: off.
  public var wordTimestamps: Bool
  /// The start of every file name. `nil` (the default) uses ``Transcript/defaultFileStem``.
  public var fileStem: String?
  /// The transcript's language, as an API `language_code` (`eng`, `jpn`) or a BCP 47 tag
  /// (`en`, `pt-BR`), for the caption styles' break rules and the documents' language. `nil`
  /// (the default) uses the channel's or the transcript's `language_code`.
  public var language: String?
  /// Names to show for speakers, by speaker ID: `["speaker_0": "Amara"]`. Speakers without
  /// one keep their ID. Default: none.
  public var speakerNames: [String: String]
  /// How WebVTT shows speakers when they are included. Default: ``SpeakerLabelStyle/both``.
  public var speakerLabels: SpeakerLabelStyle
  /// The paper of paged documents (``FormatOptions/paper``). `nil` (the default) uses the
  /// convention of the user's locale (``PaperSize/localeDefault``).
  public var paper: PaperSize?
  /// Highlight words as they are spoken, where the format can (``FormatOptions/karaoke``).
  /// Default: `nil`, no highlighting.
  public var karaoke: Karaoke?
  /// The video's frame rate, for formats timed in frames (``FormatOptions/frameRate``). `nil`
  /// (the default) uses each format's own default.
  public var frameRate: FrameRate?
  /// Leave out each output's last cue, which words still to come may extend or break
  /// differently: for captions written while the timings are still arriving (a stream), so
  /// that a player following the file only ever shows cues that are final. An output with no
  /// other cue is not made (the others keep the names they would have had). Default: off.
  public var leavesOutLastCue: Bool

  /// Creates settings.
  public init(
    channels: ChannelSelection = .each, title: String? = nil, audioSource: String? = nil,
    wordTimestamps: Bool = false, fileStem: String? = nil, language: String? = nil,
    speakerNames: [String: String] = [:], speakerLabels: SpeakerLabelStyle = .both,
    paper: PaperSize? = nil, karaoke: Karaoke? = nil, frameRate: FrameRate? = nil,
    leavesOutLastCue: Bool = false
  ) {
    self.channels = channels
    self.title = title
    self.audioSource = audioSource
    self.wordTimestamps = wordTimestamps
    self.fileStem = fileStem
    self.language = language
    self.speakerNames = speakerNames
    self.speakerLabels = speakerLabels
    self.paper = paper
    self.karaoke = karaoke
    self.frameRate = frameRate
    self.leavesOutLastCue = leavesOutLastCue
  }
}

extension Transcript {
  /// Renders the transcript in one format: the whole pipeline in one call.
  ///
  /// ```swift
  /// let transcript = try Transcript(contentsOf: url)
  /// for file in try transcript.export(.srt, preset: .netflixEnglish) {
  ///   try file.write(into: folder)
  /// }
  /// ```
  ///
  /// A single-channel transcript gives one file. A multichannel one gives one file per channel
  /// for ``ChannelSelection/each``, in channel order, or one for the other selections.
  ///
  /// - Throws: ``ExportError`` when the format cannot be made or the channel does not exist.
  public func export(
    _ format: some OutputFormat, preset: Preset = .elevenlabs,
    settings: ExportSettings = ExportSettings()
  ) throws(ExportError) -> [ExportedFile] {
    try export([ExportRequest(format, preset: preset)], settings: settings)
  }

  /// Renders the transcript for several requests (such as the entries of an
  /// `additional_formats` array) at once, naming every file uniquely.
  ///
  /// - Throws: ``ExportError`` for the first request that cannot be made; nothing is returned
  ///   for the others.
  public func export(
    _ requests: [ExportRequest], settings: ExportSettings = ExportSettings()
  ) throws(ExportError) -> [ExportedFile] {
    let selected = try channels(settings.channels)
    // Requests that segment alike (SRT and WebVTT with one preset) share one segmentation: a
    // caption style's search costs more than rendering.
    var segmented: [(recipe: CueRecipe, channel: Int, cues: [Cue])] = []
    var rendered:
      [(
        format: any OutputFormat, channelIndex: Int?, rendering: Rendering?,
        options: APIExportOptions
      )] = []
    for request in requests {
      for (position, (channelIndex, channel)) in selected.enumerated() {
        var info = DocumentInfo(
          title: settings.title ?? "Transcript",
          languageCode: settings.language ?? channel.languageCode ?? languageCode,
          audioSource: settings.audioSource, paper: settings.paper)
        if let channelIndex, isMultichannel, settings.title == nil {
          info.title = "Transcript, channel \(channelIndex)"
        }
        let recipe = CueRecipe(request)
        var cues: [Cue]
        if let earlier = segmented.first(where: { $0.recipe == recipe && $0.channel == position }) {
          cues = earlier.cues
        } else {
          cues = self.cues(of: channel, for: request, language: settings.language)
          segmented.append((recipe, position, cues))
        }
        if settings.leavesOutLastCue {
          cues.removeLast(min(1, cues.count))
          // Nothing final yet: no file, rather than an empty one.
          if cues.isEmpty {
            rendered.append((request.format, channelIndex, nil, request.options))
            continue
          }
        }
        if !settings.speakerNames.isEmpty {
          for index in cues.indices {
            if let id = cues[index].speakerID, let name = settings.speakerNames[id] {
              cues[index].speakerID = name
            }
          }
        }
        let input = RenderInput(
          cues: cues, options: request.options, document: info,
          wordTimestamps: settings.wordTimestamps, channelIndex: channelIndex,
          speakerLabels: settings.speakerLabels, karaoke: settings.karaoke,
          frameRate: settings.frameRate)
        rendered.append(
          (request.format, channelIndex, try request.format.rendering(input), request.options))
      }
    }
    // Named as if every output were made, so that a file's name never depends on whether
    // another one was left out.
    let names = ExportedFile.fileNames(
      for: rendered.map { ($0.format, $0.channelIndex) },
      stem: settings.fileStem ?? defaultFileStem)
    return zip(rendered, names).compactMap { output, name in
      guard let rendering = output.rendering else { return nil }
      return ExportedFile(
        format: output.format, channelIndex: output.channelIndex, fileName: name,
        content: rendering.content, options: output.options, warnings: rendering.warnings)
    }
  }

  /// What file names start with when ``ExportSettings/fileStem`` is `nil`: the name of the
  /// file the transcript was read from (``sourceName``), else the transcription ID with
  /// anything that could name another folder or hide the file replaced, else `transcript`.
  public var defaultFileStem: String {
    if let sourceName, !sourceName.isEmpty, !sourceName.contains("/") { return sourceName }
    return ExportedFile.safeStem(transcriptionID)
  }

  /// The cues a request makes of each selected channel, without rendering them: the API's
  /// rule, or the caption style's cues and lines when the request has one.
  ///
  /// - Throws: ``ExportError/channelNotFound(requested:available:)``.
  public func cues(
    for request: ExportRequest, channels selection: ChannelSelection = .each,
    language: String? = nil
  ) throws(ExportError) -> [(channelIndex: Int?, cues: [Cue])] {
    try channels(selection).map {
      ($0.index, cues(of: $0.channel, for: request, language: language))
    }
  }

  func cues(of channel: Channel, for request: ExportRequest, language: String? = nil) -> [Cue] {
    switch CueRecipe(request) {
    case .captionStyle(let style):
      return CaptionSegmenter(
        style: style, language: language ?? channel.languageCode ?? languageCode
      ).cues(channel)
    case .readableParagraphs:
      return Paragrapher().cues(channel.words)
    case .api(let options):
      return Segmenter(options: options).cues(channel)
    }
  }

  /// The channels a selection covers, each with the index to report for it.
  func channels(
    _ selection: ChannelSelection
  ) throws(ExportError) -> [(index: Int?, channel: Channel)] {
    let indexed = channels.enumerated().map { position, channel in
      (index: channel.index ?? position, channel: channel)
    }
    switch selection {
    case .each:
      if !isMultichannel, let only = channels.first {
        return [(nil, only)]
      }
      return indexed.map { ($0.index, $0.channel) }
    case .merged:
      return [(nil, mergedChannels())]
    case .channel(let wanted):
      guard let match = indexed.first(where: { $0.index == wanted }) else {
        throw ExportError.channelNotFound(requested: wanted, available: indexed.map(\.index))
      }
      return [(wanted, match.channel)]
    }
  }
}

/// Everything about a request that decides its cues: requests with equal recipes get the same
/// cues of a channel.
enum CueRecipe: Equatable {
  case captionStyle(CaptionStyle)
  case readableParagraphs
  case api(APIExportOptions)

  init(_ request: ExportRequest) {
    // A style set on a request whose format was changed afterwards does not follow it.
    let applies = request.format.appliesOptions
    if let style = request.style, applies.contains(.captionStyle) {
      self = .captionStyle(style)
    } else if request.paragraphs == .readable, applies.contains(.paragraphs) {
      self = .readableParagraphs
    } else {
      self = .api(request.options)
    }
  }
}
