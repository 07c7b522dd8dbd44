import Foundation
import Testing

@testable import ScribeKit

@Suite("Formats: FCPXML captions")
struct FCPXMLFormatTests {
  static func render(
    _ cues: [Cue], options: APIExportOptions? = nil, frameRate: FrameRate? = nil,
    document: DocumentInfo = DocumentInfo(title: "Talk", languageCode: "eng")
  ) throws -> String {
    let input = RenderInput(
      cues: cues, options: options ?? FCPXMLFormat().defaultOptions(.current), document: document,
      frameRate: frameRate)
    return String(decoding: try FCPXMLFormat().render(input), as: UTF8.self)
  }

  @Test func writesALibraryEventProjectAndCaptionsExactly() throws {
    let xml = try Self.render([
      SCCFormatTests.cue("Hello & <you>", start: 1, end: 2.5),
      SCCFormatTests.cue("Bye", start: 3, end: 4),
    ])
    #expect(
      xml == """
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE fcpxml>
        <fcpxml version="1.9">
          <resources>
            <format id="r1" name="FFVideoFormat1080p2398" frameDuration="1001/24000s" width="1920" height="1080"/>
          </resources>
          <library>
            <event name="Talk">
              <project name="Talk">
                <sequence format="r1" duration="96096/24000s" tcStart="0s" tcFormat="NDF">
                  <spine>
                    <gap name="Gap" offset="0s" start="0s" duration="96096/24000s">
                      <caption lane="1" offset="24024/24000s" name="Hello &amp; &lt;you&gt;" start="0s" duration="36036/24000s" role="iTT?captionFormat=ITT.en">
                        <text placement="bottom"><text-style ref="ts1">Hello &amp; &lt;you&gt;</text-style></text>
                        <text-style-def id="ts1"><text-style font=".AppleSystemUIFont" fontSize="13" fontFace="Regular" fontColor="1 1 1 1" backgroundColor="0 0 0 1"/></text-style-def>
                      </caption>
                      <caption lane="1" offset="72072/24000s" name="Bye" start="0s" duration="24024/24000s" role="iTT?captionFormat=ITT.en">
                        <text placement="bottom"><text-style ref="ts2">Bye</text-style></text>
                        <text-style-def id="ts2"><text-style font=".AppleSystemUIFont" fontSize="13" fontFace="Regular" fontColor="1 1 1 1" backgroundColor="0 0 0 1"/></text-style-def>
                      </caption>
                    </gap>
                  </spine>
                </sequence>
              </project>
            </event>
          </library>
        </fcpxml>

        """)
  }

  @Test(arguments: [
    (FrameRate.pal, "100/2500s", "3s", "FFVideoFormat1080p25"),
    (FrameRate.ntsc, "1001/30000s", "90090/30000s", "FFVideoFormat1080p2997"),
    (FrameRate(numerator: 30)!, "100/3000s", "3s", "FFVideoFormat1080p30"),
  ])
  func framesFollowTheFrameRate(rate: FrameRate, duration: String, offset: String, name: String)
    throws
  {
    let xml = try Self.render([SCCFormatTests.cue("Hi", start: 3, end: 4)], frameRate: rate)
    #expect(xml.contains("frameDuration=\"\(duration)\""))
    #expect(xml.contains("offset=\"\(offset)\""))
    #expect(xml.contains("name=\"\(name)\""))
  }

  @Test func languageSpeakersAndLinesComeFromTheTranscriptAndOptions() throws {
    var options = FCPXMLFormat().defaultOptions(.current)
    options.includeSpeakers = true
    options.maxCharactersPerLine = 12
    let xml = try Self.render(
      [SCCFormatTests.cue("مرحبا بكم في البرنامج", start: 1, end: 3, speaker: "<b>\"Ann\"</b>")],
      options: options, document: DocumentInfo(title: "A \"q\" & b", languageCode: "ara"))
    #expect(xml.contains("role=\"iTT?captionFormat=ITT.ar\""))
    #expect(xml.contains("<event name=\"A &quot;q&quot; &amp; b\">"))
    #expect(Self.captionTexts(xml) == ["[<b>\"Ann\"</b>]\nمرحبا بكم في\nالبرنامج"])
  }

  @Test func overlappingCuesGoToAnotherLaneAndShortOnesLastAFrame() throws {
    let xml = try Self.render([
      SCCFormatTests.cue("One", start: 1, end: 3), SCCFormatTests.cue("Two", start: 2, end: 2),
      SCCFormatTests.cue("Three", start: 360_000.5, end: 360_001),
    ])
    #expect(xml.contains("<caption lane=\"1\" offset=\"24024/24000s\""))
    #expect(
      xml.contains(
        "<caption lane=\"2\" offset=\"48048/24000s\" name=\"Two\" start=\"0s\" duration=\"1001/24000s\""
      ))
    // 100 hours in: frame 8 631 381, still a whole frame.
    #expect(xml.contains("offset=\"8640012381/24000s\" name=\"Three\""))
  }

  @Test func controlCharactersAreLeftOutAndTheDocumentIsDeterministic() throws {
    let transcript = try Files.readInput("multilingual.json")
    let request = ExportRequest(.fcpxml)
    let first = try transcript.export([request])
    #expect(first == (try transcript.export([request])))
    let xml = try Self.render([SCCFormatTests.cue("a\u{1}b \u{FFFE}c", start: 1, end: 2)])
    #expect(Self.captionTexts(xml) == ["ab c"])
  }

  /// The text of each caption, as an XML reader gives it (entities decoded).
  static func captionTexts(_ xml: String) -> [String] {
    xml.matches(of: #/<text-style ref="[^"]*">([^<]*)</text-style>/#).map { match in
      String(match.1).replacingOccurrences(of: "&lt;", with: "<")
        .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&quot;", with: "\"")
        .replacingOccurrences(of: "&amp;", with: "&")
    }
  }
}
