import Foundation
import Testing

@testable import ScribeKit

@Suite("Formats: EBU-TT-D (EBU Tech 3380)")
struct EBUTTDFormatTests {
  private func render(
    _ cues: [Cue], speakers: Bool = false, language: String? = "eng",
    labels: SpeakerLabelStyle = .both, lineLength: Int? = 37
  ) -> String {
    var options = EBUTTDFormat().defaultOptions(.current)
    options.includeSpeakers = speakers
    options.maxCharactersPerLine = lineLength
    return EBUTTDFormat.render(
      RenderInput(
        cues: cues, options: options, document: DocumentInfo(languageCode: language),
        speakerLabels: labels))
  }

  private static func head(speakers: Bool = false) -> String {
    """
    <?xml version="1.0" encoding="UTF-8"?>
    <tt xmlns="http://www.w3.org/ns/ttml" xmlns:ttp="http://www.w3.org/ns/ttml#parameter" \
    xmlns:tts="http://www.w3.org/ns/ttml#styling" xmlns:ttm="http://www.w3.org/ns/ttml#metadata" \
    xmlns:ebutts="urn:ebu:tt:style" xmlns:ebuttm="urn:ebu:tt:metadata" xml:lang="en" \
    ttp:timeBase="media" ttp:cellResolution="32 15">
      <head>
        <metadata>
          <ebuttm:documentMetadata>
            <ebuttm:conformsToStandard>urn:ebu:tt:distribution:2018-04</ebuttm:conformsToStandard>
            <ebuttm:conformsToStandard>http://www.w3.org/ns/ttml/profile/imsc1/text</ebuttm:conformsToStandard>
          </ebuttm:documentMetadata>
        </metadata>
        <styling>
          <style xml:id="paragraph" tts:fontFamily="Arial, proportionalSansSerif" tts:fontSize="100%" \
    tts:lineHeight="120%" tts:textAlign="center" ebutts:multiRowAlign="center" ebutts:linePadding="0.5c"/>
          <style xml:id="text" tts:color="#FFFFFF" tts:backgroundColor="#000000"/>

    """
      + (speakers
        ? (0..<4).map {
          "      <style xml:id=\"text\($0)\" tts:color=\"\(EBUTTDFormat.speakerColours[$0])\""
            + " tts:backgroundColor=\"#000000\"/>\n"
        }
        .joined() : "")
      + "    </styling>\n    <layout>\n"
      + "      <region xml:id=\"bottom\" tts:origin=\"15% 60%\" tts:extent=\"70% 24%\""
      + " tts:displayAlign=\"after\" tts:overflow=\"visible\"/>\n"
      + "    </layout>\n  </head>\n"
  }

  @Test func exactDocumentForTwoCues() {
    let cues = [
      Cue(items: [], text: "Hello there.", start: 0.5, end: 1.25, speakerID: "speaker_0"),
      Cue(
        items: [], text: "General Kenobi, you are a bold one.", start: 2, end: 15.199,
        speakerID: "speaker_1"),
    ]
    #expect(
      render(cues, lineLength: 20)
        == Self.head() + "  <body>\n    <div>\n"
        + "      <p begin=\"00:00:00.500\" end=\"00:00:01.250\" region=\"bottom\" style=\"paragraph\">"
        + "<span style=\"text\">Hello there.</span></p>\n"
        + "      <p begin=\"00:00:02.000\" end=\"00:00:15.199\" region=\"bottom\" style=\"paragraph\">"
        + "<span style=\"text\">General Kenobi, you</span><br/>"
        + "<span style=\"text\">are a bold one.</span></p>\n"
        + "    </div>\n  </body>\n</tt>\n")
  }

  @Test func speakersTakeColoursInOrderAndLabelsCountInTheLine() throws {
    let names = ["a&b", "speaker_1", "c", "d", "e"]
    let cues = names.enumerated().map { index, name in
      Cue(
        items: [], text: "one two three", start: Double(index), end: Double(index) + 1,
        speakerID: name)
    }
    let xml = render(cues, speakers: true, lineLength: 16)
    #expect(xml.hasPrefix(Self.head(speakers: true)))
    #expect(
      xml.contains(
        "<span style=\"text0\">[a&amp;b] one two</span><br/><span style=\"text0\">three</span>"))
    #expect(xml.contains("<span style=\"text1\">[speaker_1] one</span>"))
    #expect(xml.contains("<span style=\"text0\">[e] one two</span>"), "colours cycle")
    let voice = render(cues, speakers: true, labels: .voice)
    #expect(voice.contains("<span style=\"text1\">one two three</span>"))
    let text = render(cues, speakers: true, labels: .text)
    #expect(
      !text.contains("text1") && text.contains("<span style=\"text\">[c] one two three</span>"))
    let paragraphs = try TTMLFormatTests.paragraphs(Data(xml.utf8))
    #expect(paragraphs.first?.text == "[a&b] one two\nthree")
  }

  @Test func escapesTextAndKeepsScriptsAndLongTimes() throws {
    let cues = [
      Cue(items: [], text: "<i>x</i> & ]]> \u{B}", start: 36_000, end: 36_001, speakerID: nil),
      Cue(items: [], text: "שלום 👩‍👩‍👧 今日は", start: 360_000.5, end: 360_001, speakerID: nil),
    ]
    let xml = render(cues, language: "heb")
    #expect(xml.contains("xml:lang=\"he\""))
    #expect(xml.contains("&lt;i&gt;x&lt;/i&gt; &amp; ]]&gt;</span>"))
    #expect(xml.contains("<p begin=\"100:00:00.500\" end=\"100:00:01.000\""))
    try FormatText.parseXMLStrictly(Data(xml.utf8), part: "ebu-tt-d")
    let paragraphs = try TTMLFormatTests.paragraphs(Data(xml.utf8))
    #expect(paragraphs.map(\.text) == ["<i>x</i> & ]]>", "שלום 👩‍👩‍👧 今日は"])
    #expect(paragraphs.map(\.begin) == [36_000_000, 360_000_500])
  }

  @Test func noCuesHasNoEmptyDiv() throws {
    let xml = render([])
    #expect(xml == Self.head() + "  <body/>\n</tt>\n")
    try FormatText.parseXMLStrictly(Data(xml.utf8), part: "ebu-tt-d")
  }

  @Test func nameFilesAndDefaultsAndDeterminism() throws {
    let format = EBUTTDFormat()
    #expect(format.fileNameSuffix == "ebu-tt-d.xml")
    #expect(format.defaultOptions(.current).maxCharactersPerLine == 37)
    #expect(!format.appliesOptions.contains(.wordTimestamps))
    let transcript = try TranscriptReader().read(Files.sample("interview.json"))
    let first = try transcript.export(.ebuTTD, preset: .netflixEnglish)
    #expect(first == (try transcript.export(.ebuTTD, preset: .netflixEnglish)))
    #expect(first[0].fileName.hasSuffix(".ebu-tt-d.xml"))
  }
}
