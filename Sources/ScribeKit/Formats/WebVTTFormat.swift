import Foundation

/// WebVTT (`.vtt`), which the API does not export: escaped text, voice spans, word timestamps.
public struct WebVTTFormat: OutputFormat {
  /// Creates the format.
  public init() {}

  /// `vtt`.
  public var name: String { "vtt" }
  /// `vtt`.
  public var fileExtension: String { "vtt" }
  /// `text/vtt`.
  public var contentType: String { "text/vtt" }
  /// Line length, speakers, caption styles and word timestamps.
  public var appliesOptions: FormatOptions {
    [.lineLength, .speakers, .captionStyle, .wordTimestamps]
  }

  /// SRT's defaults: both are captions for players.
  public func defaultOptions(_ defaults: APIDefaults) -> APIExportOptions {
    SRTFormat().defaultOptions(defaults)
  }

  /// The WebVTT text of the cues.
  public func render(_ input: RenderInput) throws(ExportError) -> Data {
    var renderer = WebVTTRenderer(options: input.options, wordTimestamps: input.wordTimestamps)
    renderer.speakerLabels = input.speakerLabels
    return Data(renderer.render(input.cues).utf8)
  }
}

/// How WebVTT shows a cue's speaker when speakers are included.
///
/// A voice span (`<v Amara>`) is WebVTT's own markup, which players can style per speaker, but
/// which neither Chromium nor ffmpeg shows; a label in the text (`[Amara] `) is seen
/// everywhere. The default gives both, since turning speakers on asks to see them.
public enum SpeakerLabelStyle: String, Sendable, Equatable, Hashable, CaseIterable {
  /// A voice span only: `<v Amara>Hello.</v>`.
  case voice
  /// A label in the text only: `[Amara] Hello.`, as in SRT.
  case text
  /// Both: `<v Amara>[Amara] Hello.</v>`.
  case both
}

extension OutputFormat where Self == WebVTTFormat {
  /// WebVTT (``WebVTTFormat``).
  public static var vtt: WebVTTFormat { WebVTTFormat() }
}

/// Renders segments as WebVTT (`.vtt`), valid per the W3C WebVTT specification.
///
/// The file starts with `WEBVTT` and a blank line; each cue is `HH:MM:SS.mmm --> HH:MM:SS.mmm`
/// and its text wrapped at ``maxCharactersPerLine``. Text is escaped (`&`, `<`, `>`), so a word
/// such as `<b>` or `-->` shows as itself, and whitespace runs become single spaces, so no blank
/// line can end a cue early.
///
/// With ``includeSpeakers`` on, a cue with a speaker is a voice span, `<v speaker_0>...</v>`,
/// which players can style per speaker. With ``wordTimestamps`` on, every word after the first
/// is preceded by its start time (`<00:00:01.250>`), so players that support it (karaoke-style
/// highlighting, the `::past` and `::future` pseudo-classes) can follow the speech word by word.
struct WebVTTRenderer: Sendable {
  /// Wrap cue text at this many characters; `nil` keeps each cue on one line.
  var maxCharactersPerLine: Int?
  /// Wrap each cue in a voice span naming its speaker.
  var includeSpeakers: Bool
  /// Add a timestamp tag before every word after a cue's first.
  var wordTimestamps: Bool
  /// How a speaker is shown.
  var speakerLabels = SpeakerLabelStyle.both

  /// Creates a renderer; the defaults are those of the API's SRT export.
  init(
    maxCharactersPerLine: Int? = 42, includeSpeakers: Bool = false, wordTimestamps: Bool = false
  ) {
    self.maxCharactersPerLine = maxCharactersPerLine
    self.includeSpeakers = includeSpeakers
    self.wordTimestamps = wordTimestamps
  }

  /// Creates a renderer from export options.
  init(options: APIExportOptions, wordTimestamps: Bool = false) {
    self.init(
      maxCharactersPerLine: options.maxCharactersPerLine, includeSpeakers: options.includeSpeakers,
      wordTimestamps: wordTimestamps)
  }

  /// The WebVTT text of `segments`.
  func render(_ segments: [Cue]) -> String {
    let wrapper = LineWrapper(maxCharactersPerLine: maxCharactersPerLine)
    var output = "WEBVTT\n"
    for segment in segments {
      let lines = wrapper.lines(for: segment)
      guard !lines.isEmpty else { continue }
      output += "\n" + Timecode.vtt(segment.start) + " --> " + Timecode.vtt(segment.end) + "\n"
      var payload = markedUp(lines, segment: segment)
      if includeSpeakers, let speaker = segment.speakerID {
        let name = Markup.escapeText(TextRenderer.singleLine(speaker))
        if speakerLabels != .voice { payload = "[\(name)] " + payload }
        if speakerLabels != .text { payload = "<v \(name)>" + payload + "</v>" }
      }
      output += payload + "\n"
    }
    return output
  }

  /// The lines, escaped and joined, with word timestamps inserted where asked.
  private func markedUp(_ lines: [String], segment: Cue) -> String {
    let tags = wordTimestamps ? timestampTags(for: segment) : [:]
    var result = ""
    var visible = 0
    for (number, line) in lines.enumerated() {
      if number > 0 { result += "\n" }
      for character in line {
        if !character.isWhitespace {
          if let tag = tags[visible] { result += tag }
          visible += 1
        }
        result += Markup.escapeText(String(character))
      }
    }
    return result
  }

  /// Timestamp tags keyed by the index, among the cue's non-whitespace characters, of the word
  /// they precede. Tags must increase and lie inside the cue, so overlapping words get none.
  private func timestampTags(for segment: Cue) -> [Int: String] {
    var tags: [Int: String] = [:]
    var visible = 0
    var last = Timecode.milliseconds(segment.start)
    let end = Timecode.milliseconds(segment.end)
    var first = true
    for item in segment.itemSlice where item.kind != .spacing {
      let time = Timecode.milliseconds(item.start)
      if !first, time > last, time < end {
        tags[visible] = "<" + Timecode.vtt(item.start) + ">"
        last = time
      }
      first = false
      visible += item.text.filter { !$0.isWhitespace }.count
    }
    return tags
  }
}
