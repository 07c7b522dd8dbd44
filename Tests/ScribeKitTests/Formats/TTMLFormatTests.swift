import Foundation
import Testing

@testable import ScribeKit

#if canImport(FoundationXML)
  import FoundationXML
#endif

@Suite("Formats: TTML (IMSC 1.1 Text Profile)")
struct TTMLFormatTests {
  /// One `p` of a TTML document as a reader sees it: its times in milliseconds, its text with
  /// `br` as a line break, and the spans' `begin` and `ttm:agent` attributes in order.
  struct Paragraph: Equatable {
    var begin: Int
    var end: Int
    var text: String
    var wordBegins: [Int] = []
    var agents: [String] = []
  }

  /// Reads the `p` elements of a TTML or EBU-TT-D document with a namespace-aware XML parser,
  /// failing on any XML error.
  static func paragraphs(_ data: Data) throws -> [Paragraph] {
    let collector = ParagraphCollector()
    let parser = XMLParser(data: data)
    parser.shouldProcessNamespaces = true
    parser.delegate = collector
    guard parser.parse() else {
      throw FormatText.XMLProblem(part: "ttml", reason: String(describing: parser.parserError))
    }
    return collector.paragraphs
  }

  /// Milliseconds of a clock time `hh:mm:ss.mmm`.
  static func milliseconds(_ clock: String) -> Int {
    let parts = clock.split(separator: ":")
    guard parts.count == 3 else { return -1 }
    let seconds = parts[2].split(separator: ".")
    return
      ((Int(parts[0]) ?? 0) * 3600 + (Int(parts[1]) ?? 0) * 60
      + (Int(seconds[0]) ?? 0)) * 1000 + (seconds.count > 1 ? Int(seconds[1]) ?? 0 : 0)
  }

  /// The spoken text of a document: the paragraphs' text, without `[Name] ` labels when
  /// speakers are included.
  static func spokenText(_ data: Data, speakers: Bool) throws -> String {
    try paragraphs(data).map { paragraph in
      speakers
        ? paragraph.text.replacingOccurrences(
          of: #"^\[[^\]\n]*\] "#, with: "", options: .regularExpression)
        : paragraph.text
    }
    .joined(separator: "\n")
  }

  private func render(
    _ cues: [Cue], speakers: Bool = false, words: Bool = false, language: String? = "eng",
    title: String = "Talk", labels: SpeakerLabelStyle = .both, lineLength: Int? = 42
  ) -> String {
    var options = TTMLFormat().defaultOptions(.current)
    options.includeSpeakers = speakers
    options.maxCharactersPerLine = lineLength
    return TTMLFormat.render(
      RenderInput(
        cues: cues, options: options,
        document: DocumentInfo(title: title, languageCode: language), wordTimestamps: words,
        speakerLabels: labels))
  }

  private static let head = """
    <?xml version="1.0" encoding="UTF-8"?>
    <tt xmlns="http://www.w3.org/ns/ttml" xmlns:ttp="http://www.w3.org/ns/ttml#parameter" \
    xmlns:tts="http://www.w3.org/ns/ttml#styling" xmlns:ttm="http://www.w3.org/ns/ttml#metadata" \
    xmlns:ebutts="urn:ebu:tt:style" xml:lang="en" ttp:timeBase="media" \
    ttp:contentProfiles="http://www.w3.org/ns/ttml/profile/imsc1.1/text">
      <head>
        <metadata>
          <ttm:title>Talk</ttm:title>

    """

  private static let styling = """
        </metadata>
        <styling>
          <style xml:id="paragraph" tts:textAlign="center" tts:fontFamily="proportionalSansSerif" \
    tts:lineHeight="125%" ebutts:linePadding="0.5c" ebutts:multiRowAlign="center"/>
          <style xml:id="text" tts:color="#FFFFFF" tts:backgroundColor="#000000C2"/>
        </styling>
        <layout>
          <region xml:id="bottom" tts:origin="10% 10%" tts:extent="80% 80%" tts:displayAlign="after"/>
        </layout>
      </head>
      <body region="bottom">
        <div>

    """

  private static let tail = "    </div>\n  </body>\n</tt>\n"

  @Test func exactDocumentForTwoCues() {
    let cues = [
      Cue(items: [], text: "Hello there.", start: 0.5, end: 1.25, speakerID: "speaker_0"),
      Cue(
        items: [], text: "General Kenobi, you are a bold one.", start: 2, end: 15.199,
        speakerID: "speaker_1"),
    ]
    #expect(
      render(cues, lineLength: 20)
        == Self.head + Self.styling
        + "      <p begin=\"00:00:00.500\" end=\"00:00:01.250\" style=\"paragraph\">"
        + "<span style=\"text\">Hello there.</span></p>\n"
        + "      <p begin=\"00:00:02.000\" end=\"00:00:15.199\" style=\"paragraph\">"
        + "<span style=\"text\">General Kenobi, you<br/>are a bold one.</span></p>\n" + Self.tail)
  }

  @Test func speakersAreAgentsWithNamesAndLabels() throws {
    let cues = [
      Cue(items: [], text: "Hi.", start: 0, end: 1, speakerID: "<b>Amara & co</b>"),
      Cue(items: [], text: "Yes.", start: 1, end: 2, speakerID: "speaker_1"),
      Cue(items: [], text: "No.", start: 2, end: 3, speakerID: "<b>Amara & co</b>"),
      Cue(items: [], text: "Who?", start: 3, end: 4, speakerID: nil),
    ]
    let ttml = render(cues, speakers: true)
    #expect(
      ttml.contains(
        "<ttm:agent xml:id=\"agent0\" type=\"person\"><ttm:name type=\"full\">"
          + "&lt;b&gt;Amara &amp; co&lt;/b&gt;</ttm:name></ttm:agent>\n"
          + "      <ttm:agent xml:id=\"agent1\" type=\"person\"><ttm:name type=\"full\">"
          + "speaker_1</ttm:name></ttm:agent>\n"))
    #expect(
      ttml.contains(
        "<span style=\"text\" ttm:agent=\"agent0\">[&lt;b&gt;Amara &amp; co&lt;/b&gt;] Hi.</span>"))
    #expect(ttml.contains("<span style=\"text\" ttm:agent=\"agent0\">[&lt;b&gt;Amara"))
    #expect(ttml.contains("<span style=\"text\">Who?</span>"))
    let paragraphs = try Self.paragraphs(Data(ttml.utf8))
    #expect(paragraphs.map(\.agents) == [["agent0"], ["agent1"], ["agent0"], []])
    #expect(paragraphs[0].text == "[<b>Amara & co</b>] Hi.")
    // Agents only, or labels only.
    let voice = render(cues, speakers: true, labels: .voice)
    #expect(voice.contains("<span style=\"text\" ttm:agent=\"agent1\">Yes.</span>"))
    let text = render(cues, speakers: true, labels: .text)
    #expect(!text.contains("ttm:agent") && text.contains("<span style=\"text\">[speaker_1] Yes."))
    // Off: neither.
    #expect(!render(cues).contains("ttm:agent") && !render(cues).contains("[speaker_1]"))
  }

  @Test func wordsAreSpansTimedFromTheirCue() throws {
    let items = [
      word("Welcome", 10.0, 10.4), space(10.4, 10.5), word("back", 10.5, 10.9),
      space(10.9, 11.0), word("to", 11.0, 11.1), space(11.1, 11.2), word("it.", 11.2, 11.6),
    ]
    let cue = Cue(
      items: items, text: "Welcome back to it.", start: 10, end: 11.8, speakerID: "speaker_0",
      lines: ["Welcome back", "to it."])
    let ttml = render([cue], speakers: true, words: true)
    #expect(
      ttml.contains(
        "<p begin=\"00:00:10.000\" end=\"00:00:11.800\" style=\"paragraph\">"
          + "<span style=\"text\" ttm:agent=\"agent0\">[speaker_0] "
          + "<span begin=\"00:00:00.000\">Welcome </span><span begin=\"00:00:00.500\">back</span>"
          + "<br/><span begin=\"00:00:01.000\">to </span><span begin=\"00:00:01.200\">it.</span>"
          + "</span></p>"))
    let paragraph = try #require(try Self.paragraphs(Data(ttml.utf8)).first)
    #expect(paragraph.wordBegins == [0, 500, 1000, 1200])
    #expect(paragraph.text == "[speaker_0] Welcome back\nto it.")
  }

  @Test func aWordCutByALineBreakIsTwoSpansWithOneTime() {
    let items = [word("今日は", 1, 2), word("晴れ", 2, 3)]
    let cue = Cue(
      items: items, text: "今日は晴れ", start: 1, end: 3, speakerID: nil, lines: ["今日", "は晴れ"])
    #expect(
      render([cue], words: true).contains(
        "<span begin=\"00:00:00.000\">今日</span><br/><span begin=\"00:00:00.000\">は</span>"
          + "<span begin=\"00:00:01.000\">晴れ</span>"))
  }

  @Test func wordTimesNeverDecreaseAndStayInsideTheCue() throws {
    let items = [
      word("a", 5, 5.5), space(5.5, 5.6), word("b", 4, 4.5), space(4.5, 5), word("c", 9, 9.5),
    ]
    let cue = Cue(items: items, text: "a b c", start: 5, end: 6, speakerID: nil)
    let paragraph = try #require(
      try Self.paragraphs(Data(render([cue], words: true).utf8)).first)
    // "c" starts after the cue ends: it starts with the word before, or it would never show.
    #expect(paragraph.wordBegins == [0, 0, 0])
  }

  @Test func escapesTextAndDropsWhatXMLForbids() throws {
    let text = "<b>&amp; \"x\" ]]> \u{1}bell\u{FFFE} <!-- -->"
    let cue = Cue(items: [], text: text, start: 0, end: 1, speakerID: nil)
    let ttml = render([cue], title: "Q&A <1>", lineLength: nil)
    #expect(ttml.contains("<ttm:title>Q&amp;A &lt;1&gt;</ttm:title>"))
    #expect(ttml.contains("&lt;b&gt;&amp;amp; \"x\" ]]&gt; bell &lt;!-- --&gt;"))
    try FormatText.parseXMLStrictly(Data(ttml.utf8), part: "ttml")
    #expect(try Self.paragraphs(Data(ttml.utf8)).first?.text == "<b>&amp; \"x\" ]]> bell <!-- -->")
  }

  @Test func languageTimesPastTenAndAHundredHoursAndScripts() throws {
    let cues = [
      Cue(items: [], text: "مرحبا بكم", start: 36_000.25, end: 36_001, speakerID: nil),
      Cue(items: [], text: "今日は「晴れ」です。", start: 360_000, end: 360_001.5, speakerID: nil),
      Cue(items: [], text: "👩‍👩‍👧 שלום", start: 360_002, end: 360_003, speakerID: nil),
    ]
    let ttml = render(cues, language: "ara")
    #expect(ttml.contains("xml:lang=\"ar\""))
    #expect(ttml.contains("<p begin=\"10:00:00.250\" end=\"10:00:01.000\""))
    #expect(ttml.contains("<p begin=\"100:00:00.000\" end=\"100:00:01.500\""))
    let paragraphs = try Self.paragraphs(Data(ttml.utf8))
    #expect(paragraphs.map(\.text) == ["مرحبا بكم", "今日は「晴れ」です。", "👩‍👩‍👧 שלום"])
    #expect(paragraphs.map(\.begin) == [36_000_250, 360_000_000, 360_002_000])
    #expect(render(cues, language: nil).contains("xml:lang=\"\""))
  }

  @Test func noCuesIsAnEmptyButValidDocument() throws {
    let empty = Cue(items: [], text: "  ", start: 0, end: 1, speakerID: nil)
    let ttml = render([empty])
    #expect(ttml == Self.head + Self.styling + Self.tail)
    try FormatText.parseXMLStrictly(Data(ttml.utf8), part: "ttml")
  }

  @Test func sameInputSameBytesAndOptionsDeclared() throws {
    let transcript = try TranscriptReader().read(Files.sample("interview.json"))
    let settings = ExportSettings(wordTimestamps: true)
    let first = try transcript.export(.ttml, preset: .netflixEnglish, settings: settings)
    let second = try transcript.export(.ttml, preset: .netflixEnglish, settings: settings)
    #expect(first == second)
    #expect(TTMLFormat().appliesOptions.contains(.wordTimestamps))
    #expect(TTMLFormat().appliesOptions.contains(.captionStyle))
    #expect(OutputFormats.named("ttml") is TTMLFormat)
    #expect(first[0].fileName.hasSuffix(".ttml"))
  }
}

/// Collects the `p` elements of a TTML document.
private final class ParagraphCollector: NSObject, XMLParserDelegate {
  var paragraphs: [TTMLFormatTests.Paragraph] = []
  private var current: TTMLFormatTests.Paragraph?
  private static let ttml = "http://www.w3.org/ns/ttml"

  func parser(
    _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
    qualifiedName: String?, attributes: [String: String] = [:]
  ) {
    guard namespaceURI == Self.ttml else { return }
    switch elementName {
    case "p":
      current = TTMLFormatTests.Paragraph(
        begin: TTMLFormatTests.milliseconds(attributes["begin"] ?? ""),
        end: TTMLFormatTests.milliseconds(attributes["end"] ?? ""), text: "")
    case "br": current?.text += "\n"
    case "span":
      if let begin = attributes["begin"] {
        current?.wordBegins.append(TTMLFormatTests.milliseconds(begin))
      }
      // Foundation's parser reports prefixed attributes by their qualified name.
      if let agent = attributes["ttm:agent"] { current?.agents.append(agent) }
    default: break
    }
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) {
    current?.text += string
  }

  func parser(
    _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
    qualifiedName: String?
  ) {
    if namespaceURI == Self.ttml, elementName == "p", let paragraph = current {
      paragraphs.append(paragraph)
      current = nil
    }
  }
}
