import Foundation

/// TTML (`.ttml`) in the IMSC 1.1 Text Profile (W3C, https://www.w3.org/TR/ttml-imsc1.1/),
/// the timed text of streaming services, DASH and HLS players and broadcasters' catch-up
/// players.
///
/// ```xml
/// <tt xmlns="http://www.w3.org/ns/ttml" … xml:lang="en" ttp:timeBase="media"
///     ttp:contentProfiles="http://www.w3.org/ns/ttml/profile/imsc1.1/text">
///   <head>
///     <metadata><ttm:title>Transcript</ttm:title>
///       <ttm:agent xml:id="agent0" type="person"><ttm:name type="full">Amara</ttm:name></ttm:agent>
///     </metadata>
///     <styling>…</styling><layout><region xml:id="bottom" …/></layout>
///   </head>
///   <body region="bottom"><div>
///     <p begin="00:00:00.420" end="00:00:03.841" style="paragraph"><span style="text"
///       ttm:agent="agent0">[Amara] Welcome back<br/>to the show.</span></p>
///   </div></body>
/// </tt>
/// ```
///
/// - The `tt` element has the transcript's language as `xml:lang` (empty, which TTML reads
///   as "unknown", when the transcript has none), media time (`ttp:timeBase="media"`: times
///   are the audio's), and the IMSC 1.1 Text Profile designator
///   (`http://www.w3.org/ns/ttml/profile/imsc1.1/text`) in `ttp:contentProfiles`, the TTML2
///   attribute IMSC 1.1 documents signal their profile with, as ttconv's IMSC writer (by
///   IMSC's editor) does; no `ttp:profile`, which in TTML2 names a processor profile. The
///   document's title is `ttm:title`.
/// - One `p` per cue with `begin` and `end` as `hh:mm:ss.mmm` (hours grow past two digits),
///   its lines separated by `br`. Text is XML-escaped, and characters XML 1.0 forbids
///   (control characters, U+FFFE, U+FFFF) are left out.
/// - Cues sit in a region over the bottom of the picture (10% margins, `displayAlign="after"`),
///   centred, in the default font (`proportionalSansSerif`, one cell of IMSC's default 32 × 15
///   grid), white on black with half a cell of padding (`ebutts:linePadding`, which IMSC
///   permits).
/// - With speakers on, each speaker is a `ttm:agent` with a `ttm:name` in the head's metadata
///   (identified `agent0`, `agent1`… in order of appearance, since a name need not be an XML
///   name), and a cue's text is a span that points at its agent with `ttm:agent`. Players do
///   not show agents, so by default (``SpeakerLabelStyle/both``) the text also starts with a
///   `[Name] ` label; ``SpeakerLabelStyle/voice`` leaves the label out and
///   ``SpeakerLabelStyle/text`` the agents.
/// - With word timestamps on, every word is a span whose `begin` is when it is spoken, as the
///   lyrics and karaoke players that read TTML expect. As TTML's timing model requires (in a
///   `par` container a child's times are offsets from its parent's begin), the times count
///   from the cue's start: lyrics files that put the audio's times on spans are read wrongly
///   by TTML processors such as ttconv. A span has no `end`, so it lasts until its cue ends: a
///   TTML player shows each word from when it is spoken to the end of the cue, where a span
///   ending with its word would make every word vanish as soon as it was said. A word that
///   starts as its cue ends (a last word of no length) starts with the word before it, or it
///   would never be shown.
public struct TTMLFormat: OutputFormat {
  /// Creates the format.
  public init() {}

  /// `ttml`.
  public var name: String { "ttml" }
  /// `ttml`.
  public var fileExtension: String { "ttml" }
  /// `application/ttml+xml`, TTML's registered media type.
  public var contentType: String { "application/ttml+xml" }
  /// Line length, speakers, caption styles, word timestamps and the title.
  public var appliesOptions: FormatOptions {
    [.lineLength, .speakers, .captionStyle, .wordTimestamps, .title]
  }

  /// SRT's defaults (42 characters per line, 0.8 s silence, 4 s, 84 characters, no speakers):
  /// both are captions over a picture, as WebVTT's are.
  public func defaultOptions(_ defaults: APIDefaults) -> APIExportOptions {
    SRTFormat().defaultOptions(defaults)
  }

  /// The IMSC 1.1 document of the cues.
  public func render(_ input: RenderInput) throws(ExportError) -> Data {
    Data(Self.render(input).utf8)
  }

  /// The IMSC 1.1 Text Profile designator.
  static let profile = "http://www.w3.org/ns/ttml/profile/imsc1.1/text"

  static func render(_ input: RenderInput) -> String {
    let wrapper = LineWrapper(maxCharactersPerLine: input.options.maxCharactersPerLine)
    let speakers = input.options.includeSpeakers
    let agents = speakers && input.speakerLabels != .text
    let labels = speakers && input.speakerLabels != .voice
    var agentIDs: [String: String] = [:]
    var agentOrder: [String] = []
    var body = ""
    for cue in input.cues {
      var label = ""
      if speakers, labels, let speaker = cue.speakerID { label = TimedTextMarkup.label(speaker) }
      let lines = TimedTextMarkup.lines(of: cue, label: label, wrapper: wrapper)
      guard !lines.isEmpty else { continue }
      let labelLength = TimedTextMarkup.visibleCount(label)
      let start = Timecode.milliseconds(cue.start)
      let end = max(start, Timecode.milliseconds(cue.end))
      body += "      <p begin=\"" + TimedTextMarkup.clock(milliseconds: start) + "\" end=\""
      body += TimedTextMarkup.clock(milliseconds: end) + "\" style=\"paragraph\">"
      body += "<span style=\"text\""
      if let speaker = cue.speakerID, agents {
        let id =
          agentIDs[speaker]
          ?? {
            let id = "agent\(agentOrder.count)"
            agentIDs[speaker] = id
            agentOrder.append(speaker)
            return id
          }()
        body += " ttm:agent=\"" + id + "\""
      }
      body += ">"
      let starts =
        input.wordTimestamps
        ? TimedTextMarkup.wordStarts(of: cue, lines: lines, labelLength: labelLength) : nil
      body += TimedTextMarkup.content(lines: lines, labelLength: labelLength, wordStarts: starts)
      body += "</span></p>\n"
    }
    let language = TimedTextMarkup.languageAttribute(input.document)
    var output = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    output += "<tt xmlns=\"\(TimedTextMarkup.ttml)\" xmlns:ttp=\"\(TimedTextMarkup.parameter)\""
    output += " xmlns:tts=\"\(TimedTextMarkup.styling)\" xmlns:ttm=\"\(TimedTextMarkup.metadata)\""
    output += " xmlns:ebutts=\"\(TimedTextMarkup.ebuStyling)\""
    output += " xml:lang=\"\(language)\" ttp:timeBase=\"media\""
    output += " ttp:contentProfiles=\"\(profile)\">\n"
    output += "  <head>\n"
    output += "    <metadata>\n"
    output += "      <ttm:title>" + Markup.escapeXML(input.document.title) + "</ttm:title>\n"
    for speaker in agentOrder {
      output += "      <ttm:agent xml:id=\"" + (agentIDs[speaker] ?? "") + "\" type=\"person\">"
      output += "<ttm:name type=\"full\">" + Markup.escapeXML(TextRenderer.singleLine(speaker))
      output += "</ttm:name></ttm:agent>\n"
    }
    output += "    </metadata>\n"
    output += "    <styling>\n"
    output += "      <style xml:id=\"paragraph\" tts:textAlign=\"center\""
    output += " tts:fontFamily=\"proportionalSansSerif\" tts:lineHeight=\"125%\""
    output += " ebutts:linePadding=\"0.5c\" ebutts:multiRowAlign=\"center\"/>\n"
    output +=
      "      <style xml:id=\"text\" tts:color=\"#FFFFFF\" tts:backgroundColor=\"#000000C2\"/>\n"
    output += "    </styling>\n"
    output += "    <layout>\n"
    output += "      <region xml:id=\"bottom\" tts:origin=\"10% 10%\" tts:extent=\"80% 80%\""
    output += " tts:displayAlign=\"after\"/>\n"
    output += "    </layout>\n"
    output += "  </head>\n"
    output += "  <body region=\"bottom\">\n"
    output += "    <div>\n"
    output += body
    output += "    </div>\n"
    output += "  </body>\n"
    output += "</tt>\n"
    return output
  }
}

extension OutputFormat where Self == TTMLFormat {
  /// TTML in the IMSC 1.1 Text Profile (``TTMLFormat``).
  public static var ttml: TTMLFormat { TTMLFormat() }
}
