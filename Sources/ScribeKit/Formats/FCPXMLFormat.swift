import Foundation

/// Final Cut Pro XML (`.fcpxml`, version 1.9) holding the cues as captions, to import into
/// Final Cut Pro 10.5 or later (File ▸ Import ▸ XML).
///
/// The document follows Apple's FCPXML DTD (the `caption`, `text`, `text-style-def` and `gap`
/// elements of "Final Cut Pro XML Interchange Format", Apple Developer documentation; captions
/// exist since version 1.8): one `format` resource whose `frameDuration` is the frame rate's
/// (``RenderInput/frameRate``, 23.976 fps by default), and a library with one event and one
/// project, named after the document's title, whose spine is one `gap` as long as the
/// captions. Each cue is a `caption` connected to that gap in lane 1, with its text in a `text`
/// element (lines separated by line breaks) and a style of its own, as Final Cut Pro writes them.
///
/// Decisions where the format leaves a choice:
/// - The caption role is `iTT?captionFormat=ITT.<language>`: iTT is Final Cut Pro's own
///   caption format (SRT captions cannot be placed), and the language is the transcript's BCP 47
///   tag, or `en` when the transcript has none. FCPXML has no other place for a language.
/// - Times are whole frames as rational seconds in the frame duration's units
///   (`86086/24000s`), or whole seconds when exact (`0s`), as Final Cut Pro writes them. A cue
///   starts on the frame nearest its start and lasts at least one frame; a cue that would
///   overlap the one before it after rounding goes to the next free lane, so none is lost.
/// - Speakers, when included, are a `[name] ` label before the text, as in SRT.
public struct FCPXMLFormat: OutputFormat {
  /// Creates the format.
  public init() {}

  /// `fcpxml`.
  public var name: String { "fcpxml" }
  /// `fcpxml`.
  public var fileExtension: String { "fcpxml" }
  /// `application/xml`: FCPXML has no registered type of its own.
  public var contentType: String { "application/xml" }
  /// Line length, speakers, caption styles, the frame rate and the title (the project's name).
  public var appliesOptions: FormatOptions {
    [.lineLength, .speakers, .captionStyle, .frameRate, .title]
  }

  /// SRT's defaults: both are subtitles of two lines of 42 characters.
  public func defaultOptions(_ defaults: APIDefaults) -> APIExportOptions {
    SRTFormat().defaultOptions(defaults)
  }

  /// The FCPXML document of the cues.
  public func render(_ input: RenderInput) throws(ExportError) -> Data {
    Data(FCPXMLRenderer(input: input).render().utf8)
  }
}

extension OutputFormat where Self == FCPXMLFormat {
  /// Final Cut Pro XML captions (``FCPXMLFormat``).
  public static var fcpxml: FCPXMLFormat { FCPXMLFormat() }
}

/// Builds an FCPXML document from cues.
struct FCPXMLRenderer {
  let input: RenderInput
  let rate: FrameRate

  init(input: RenderInput) {
    self.input = input
    rate = input.frameRate ?? .film
  }

  /// A caption: its lines, lane and frames.
  struct Caption {
    var lines: [String]
    var lane: Int
    var start: Int
    var duration: Int
  }

  func render() -> String {
    let captions = self.captions()
    let total = max(captions.map { $0.start + $0.duration }.max() ?? 0, 1)
    let language = input.document.languageTag ?? "en"
    let role = "iTT?captionFormat=ITT." + attribute(language)
    let title = attribute(input.document.title)
    var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE fcpxml>\n"
    xml += "<fcpxml version=\"1.9\">\n  <resources>\n"
    xml += "    <format id=\"r1\" name=\"\(formatName)\" frameDuration=\"\(frameDuration)\""
    xml += " width=\"1920\" height=\"1080\"/>\n  </resources>\n  <library>\n"
    xml += "    <event name=\"\(title)\">\n      <project name=\"\(title)\">\n"
    xml += "        <sequence format=\"r1\" duration=\"\(time(total))\" tcStart=\"0s\""
    xml += " tcFormat=\"\(rate == .ntsc ? "DF" : "NDF")\">\n          <spine>\n"
    xml += "            <gap name=\"Gap\" offset=\"0s\" start=\"0s\" duration=\"\(time(total))\">\n"
    for (index, caption) in captions.enumerated() {
      let style = "ts\(index + 1)"
      let name = attribute(caption.lines.joined(separator: " "))
      xml += "              <caption lane=\"\(caption.lane)\" offset=\"\(time(caption.start))\""
      xml += " name=\"\(name)\" start=\"0s\" duration=\"\(time(caption.duration))\""
      xml += " role=\"\(role)\">\n"
      xml += "                <text placement=\"bottom\"><text-style ref=\"\(style)\">"
      xml += caption.lines.map(text).joined(separator: "\n") + "</text-style></text>\n"
      xml +=
        "                <text-style-def id=\"\(style)\"><text-style font=\".AppleSystemUIFont\""
      xml += " fontSize=\"13\" fontFace=\"Regular\" fontColor=\"1 1 1 1\""
      xml += " backgroundColor=\"0 0 0 1\"/></text-style-def>\n"
      xml += "              </caption>\n"
    }
    xml += "            </gap>\n          </spine>\n        </sequence>\n      </project>\n"
    xml += "    </event>\n  </library>\n</fcpxml>\n"
    return xml
  }

  /// The cues as captions on frames, each on the lowest lane free at its start.
  func captions() -> [Caption] {
    let wrapper = LineWrapper(maxCharactersPerLine: input.options.maxCharactersPerLine)
    var laneEnds: [Int] = []
    var captions: [Caption] = []
    for cue in input.cues {
      // The speaker's label counts towards the first line, as in SRT.
      let label = input.options.includeSpeakers ? cue.speakerID.map { "[\($0)] " } : nil
      var lines: [String]
      if let chosen = cue.lines {
        lines = LineWrapper.normalized(chosen)
        if let label, !lines.isEmpty { lines[0] = label + lines[0] }
      } else {
        let text = LineWrapper(maxCharactersPerLine: nil).wrap(cue.text).first ?? ""
        lines = text.isEmpty ? [] : wrapper.wrap((label ?? "") + text)
      }
      guard !lines.isEmpty else { continue }
      let start = frame(cue.start)
      let duration = max(frame(cue.end) - start, 1)
      let lane = laneEnds.firstIndex { $0 <= start } ?? laneEnds.count
      if lane == laneEnds.count { laneEnds.append(0) }
      laneEnds[lane] = start + duration
      captions.append(Caption(lines: lines, lane: lane + 1, start: start, duration: duration))
    }
    return captions
  }

  /// The frame nearest `seconds`.
  func frame(_ seconds: Double) -> Int {
    guard seconds.isFinite, seconds > 0 else { return 0 }
    let frames = (seconds * Double(rate.numerator) / Double(rate.denominator)).rounded()
    return frames >= 1e15 ? Int(1e15) : Int(frames)
  }

  /// The frame duration in the units Final Cut Pro uses: `1001/24000s`, `100/2500s`.
  var timebase: (numerator: Int, denominator: Int) {
    rate.denominator == 1
      ? (100, rate.numerator * 100) : (rate.denominator, rate.numerator)
  }

  var frameDuration: String { "\(timebase.numerator)/\(timebase.denominator)s" }

  /// `frames` as rational seconds: `0s`, `3s`, `86086/24000s`.
  func time(_ frames: Int) -> String {
    let units = frames * timebase.numerator
    if units % timebase.denominator == 0 { return "\(units / timebase.denominator)s" }
    return "\(units)/\(timebase.denominator)s"
  }

  /// Final Cut Pro's name for a 1080p format of the frame rate, or a plain description.
  var formatName: String {
    switch rate.description {
    case "24000/1001": return "FFVideoFormat1080p2398"
    case "24": return "FFVideoFormat1080p24"
    case "25": return "FFVideoFormat1080p25"
    case "30000/1001": return "FFVideoFormat1080p2997"
    case "30": return "FFVideoFormat1080p30"
    case "50": return "FFVideoFormat1080p50"
    case "60000/1001": return "FFVideoFormat1080p5994"
    case "60": return "FFVideoFormat1080p60"
    default: return "1080p " + rate.description
    }
  }

  /// Text content: characters XML forbids removed, markup escaped.
  func text(_ line: String) -> String { Markup.escapeXML(line) }

  /// An attribute value on one line.
  func attribute(_ value: String) -> String {
    Markup.escapeXML(TextRenderer.singleLine(value)).replacingOccurrences(of: "\"", with: "&quot;")
  }
}
