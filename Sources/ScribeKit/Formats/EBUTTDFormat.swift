import Foundation

/// EBU-TT-D (`.ebu-tt-d.xml`), the subtitle format of European broadcasters' online players
/// (EBU Tech 3380, https://tech.ebu.ch/publications/tech3380), a constrained TTML that
/// hbbTV, DVB-DASH and the BBC's iPlayer read.
///
/// The document follows Tech 3380 and the BBC's published EBU-TT-D example (in the W3C IMSC
/// repository, `imsc1/spec/examples/bbc-ebu-tt-d_example.xml`), whose layout it shares:
///
/// - The `tt` element declares the TTML, parameter, styling and metadata namespaces and EBU's
///   `urn:ebu:tt:style` and `urn:ebu:tt:metadata`, media time (`ttp:timeBase="media"`, the only
///   time base EBU-TT-D has), a cell grid of 32 × 15 (`ttp:cellResolution`) and the
///   transcript's language as `xml:lang` (empty when unknown, as Tech 3380 allows).
/// - The head's metadata says which standards the document conforms to
///   (`ebuttm:conformsToStandard`: EBU-TT-D `urn:ebu:tt:distribution:2018-04`, and the IMSC 1.0.1
///   Text Profile, whose constraints it also meets). EBU-TT-D styles by reference only, so the
///   styles are in the head: a paragraph style (centred, `Arial, proportionalSansSerif`, one
///   cell high, line height 120%, `ebutts:multiRowAlign`, and `ebutts:linePadding` of half a
///   cell on each side of every line) and a span style (white on black).
/// - One region over the bottom of the picture, inside the safe area: `tts:origin="15% 60%"`,
///   `tts:extent="70% 24%"` (three lines of 8%), text aligned to its bottom. 70% of the width
///   holds about 37 characters at this size, the line length of this format's defaults and of
///   the BBC's subtitle guidelines.
/// - One `p` per cue, `begin` and `end` as media times `hh:mm:ss.mmm` (hours grow past two
///   digits), each line a styled `span`, lines separated by `br`. Text is XML-escaped, and
///   characters XML 1.0 forbids are left out.
/// - With speakers on, a cue with a speaker starts with a `[Name] ` label, and speakers take
///   the colours of British subtitling in order of appearance (white, yellow, cyan, green, then
///   again), since EBU-TT-D leaves out TTML's speaker metadata (`ttm:agent`);
///   ``SpeakerLabelStyle/voice`` keeps only the colours and ``SpeakerLabelStyle/text`` only the
///   labels.
public struct EBUTTDFormat: OutputFormat {
  /// Creates the format.
  public init() {}

  /// `ebu-tt-d`.
  public var name: String { "ebu-tt-d" }
  /// `xml`: EBU-TT-D documents are XML files.
  public var fileExtension: String { "xml" }
  /// `ebu-tt-d.xml`, so that the file is not taken for another XML document.
  public var fileNameSuffix: String { "ebu-tt-d.xml" }
  /// `application/ttml+xml`, TTML's type, which EBU-TT-D documents are served with.
  public var contentType: String { "application/ttml+xml" }
  /// Line length, speakers and caption styles.
  public var appliesOptions: FormatOptions { [.lineLength, .speakers, .captionStyle] }

  /// SRT's timing (0.8 s silence, 4 s) with lines of 37 characters and cues of 74, which fit
  /// the region at this font size, as the BBC's subtitle guidelines ask of 16:9 pictures; no
  /// speakers.
  public func defaultOptions(_ defaults: APIDefaults) -> APIExportOptions {
    var options = SRTFormat().defaultOptions(defaults)
    options.maxCharactersPerLine = 37
    options.maxSegmentChars = 74
    return options
  }

  /// The EBU-TT-D document of the cues.
  public func render(_ input: RenderInput) throws(ExportError) -> Data {
    Data(Self.render(input).utf8)
  }

  /// Speakers' text colours, in order of appearance: white, yellow, cyan, green.
  static let speakerColours = ["#FFFFFF", "#FFFF00", "#00FFFF", "#00FF00"]

  static func render(_ input: RenderInput) -> String {
    let wrapper = LineWrapper(maxCharactersPerLine: input.options.maxCharactersPerLine)
    let speakers = input.options.includeSpeakers
    let colours = speakers && input.speakerLabels != .text
    let labels = speakers && input.speakerLabels != .voice
    var order: [String: Int] = [:]
    var body = ""
    for cue in input.cues {
      var label = ""
      if speakers, labels, let speaker = cue.speakerID { label = TimedTextMarkup.label(speaker) }
      let lines = TimedTextMarkup.lines(of: cue, label: label, wrapper: wrapper)
      guard !lines.isEmpty else { continue }
      var style = "text"
      if colours, let speaker = cue.speakerID {
        let number = order[speaker] ?? order.count
        order[speaker] = number
        style = "text\(number % speakerColours.count)"
      }
      let start = Timecode.milliseconds(cue.start)
      let end = max(start, Timecode.milliseconds(cue.end))
      body += "      <p begin=\"" + TimedTextMarkup.clock(milliseconds: start) + "\" end=\""
      body += TimedTextMarkup.clock(milliseconds: end) + "\" region=\"bottom\" style=\"paragraph\">"
      body +=
        lines.map {
          "<span style=\"\(style)\">" + TimedTextMarkup.content(lines: [$0]) + "</span>"
        }
        .joined(separator: "<br/>")
      body += "</p>\n"
    }
    let language = TimedTextMarkup.languageAttribute(input.document)
    var output = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    output += "<tt xmlns=\"\(TimedTextMarkup.ttml)\" xmlns:ttp=\"\(TimedTextMarkup.parameter)\""
    output += " xmlns:tts=\"\(TimedTextMarkup.styling)\" xmlns:ttm=\"\(TimedTextMarkup.metadata)\""
    output += " xmlns:ebutts=\"\(TimedTextMarkup.ebuStyling)\" xmlns:ebuttm=\"urn:ebu:tt:metadata\""
    output += " xml:lang=\"\(language)\" ttp:timeBase=\"media\" ttp:cellResolution=\"32 15\">\n"
    output += "  <head>\n"
    output += "    <metadata>\n"
    output += "      <ebuttm:documentMetadata>\n"
    output += "        <ebuttm:conformsToStandard>urn:ebu:tt:distribution:2018-04"
    output += "</ebuttm:conformsToStandard>\n"
    output += "        <ebuttm:conformsToStandard>http://www.w3.org/ns/ttml/profile/imsc1/text"
    output += "</ebuttm:conformsToStandard>\n"
    output += "      </ebuttm:documentMetadata>\n"
    output += "    </metadata>\n"
    output += "    <styling>\n"
    output += "      <style xml:id=\"paragraph\" tts:fontFamily=\"Arial, proportionalSansSerif\""
    output += " tts:fontSize=\"100%\" tts:lineHeight=\"120%\" tts:textAlign=\"center\""
    output += " ebutts:multiRowAlign=\"center\" ebutts:linePadding=\"0.5c\"/>\n"
    output +=
      "      <style xml:id=\"text\" tts:color=\"#FFFFFF\" tts:backgroundColor=\"#000000\"/>\n"
    if colours {
      for (number, colour) in speakerColours.enumerated() {
        output += "      <style xml:id=\"text\(number)\" tts:color=\"\(colour)\""
        output += " tts:backgroundColor=\"#000000\"/>\n"
      }
    }
    output += "    </styling>\n"
    output += "    <layout>\n"
    output += "      <region xml:id=\"bottom\" tts:origin=\"15% 60%\" tts:extent=\"70% 24%\""
    output += " tts:displayAlign=\"after\" tts:overflow=\"visible\"/>\n"
    output += "    </layout>\n"
    output += "  </head>\n"
    // A div holds one p or more (Tech 3380's schema): with no cue there is none.
    output +=
      body.isEmpty ? "  <body/>\n" : "  <body>\n    <div>\n" + body + "    </div>\n  </body>\n"
    output += "</tt>\n"
    return output
  }
}

extension OutputFormat where Self == EBUTTDFormat {
  /// EBU-TT-D (``EBUTTDFormat``).
  public static var ebuTTD: EBUTTDFormat { EBUTTDFormat() }
}
