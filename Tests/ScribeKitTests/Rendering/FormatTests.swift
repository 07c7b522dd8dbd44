import Foundation
import Testing

@testable import ScribeKit

/// Loads the inputs every format test runs on: the shared fixtures (when present), the samples
/// and the hand-built multilingual input.
enum FormatInputs {
  static var all: [(name: String, transcript: Transcript)] {
    var inputs: [(String, Transcript)] = []
    if Files.sharedFixturesAvailable {
      for name in Files.speechToTextFixtures + Files.textToSpeechFixtures {
        if let result = try? Files.readShared(name) {
          inputs.append(
            (
              URL(fileURLWithPath: name).deletingPathExtension().lastPathComponent,
              result
            ))
        }
      }
    }
    for sample in ["interview", "speech-with-timestamps"] {
      if let result = try? TranscriptReader().read(Files.sample("\(sample).json")) {
        inputs.append((sample, result))
      }
    }
    for input in ["multilingual", "webhook"] {
      if let result = try? Files.readInput("\(input).json") {
        inputs.append((input, result))
      }
    }
    return inputs
  }
}

@Suite("Rendering: every format keeps every word")
struct EveryFormatTests {
  static let formats: [any OutputFormat] = [
    SRTFormat(), WebVTTFormat(), PlainTextFormat(), SegmentedJSONFormat(), HTMLFormat(),
    DOCXFormat(),
  ]

  private func extracted(_ output: ExportedFile) throws -> String {
    let text = String(decoding: output.content, as: UTF8.self)
    switch output.format.name {
    case "srt":
      // Markup-like text is kept plain with zero-width spaces (SRTRenderer.neutralized).
      var body = FormatText.srt(text).replacingOccurrences(of: "\u{200B}", with: "")
      if output.options.includeSpeakers {
        body = body.replacingOccurrences(
          of: #"\[speaker_\d+\] "#, with: "", options: .regularExpression)
      }
      return body
    case "vtt": return FormatText.vtt(text)
    case "txt":
      return FormatText.txt(
        text, headers: output.options.includeTimestamps || output.options.includeSpeakers)
    case "segmented_json": return try FormatText.segmentedJSON(text)
    case "html": return FormatText.html(text)
    case "docx": return try FormatText.docx(output.content)
    default: return ""
    }
  }

  @Test(arguments: formats)
  func everySpokenWordOnceAndInOrder(format: any OutputFormat) throws {
    let inputs = FormatInputs.all
    #expect(inputs.count >= 4)
    for (name, transcript) in inputs {
      for speakers in [false, true] {
        var options = format.defaultOptions(.current)
        options.includeSpeakers = speakers
        let request = ExportRequest(format, options: options)
        for settings in [
          ExportSettings(), ExportSettings(audioSource: "a.mp3", wordTimestamps: true),
        ] {
          let outputs = try transcript.export([request], settings: settings)
          for output in outputs {
            let channel =
              transcript.channels.first { $0.index == output.channelIndex }
              ?? transcript.channels[0]
            let expected = FormatText.spoken(Segmenter(options: options).cues(channel))
            let got = FormatText.visible(try extracted(output))
            #expect(
              got == expected, "\(name) as \(format.name), speakers \(speakers), \(settings)")
          }
        }
      }
    }
  }

  @Test func cjkRightToLeftAndEmojiSurviveEveryFormat() throws {
    let transcript = try Files.readInput("multilingual.json")
    for format in Self.formats {
      let output = try transcript.export([ExportRequest(format)])[0]
      let text = try extracted(output)
      for phrase in ["مرحبا", "البرنامج", "שלום", "ותודה", "今日は", "「晴れ」です。", "👩‍👩‍👧", "café", "naïve."]
      {
        #expect(
          FormatText.visible(text).contains(FormatText.visible(phrase)),
          "\(format.name) lost \(phrase)")
      }
    }
  }
}

@Suite("Rendering: TXT")
struct TextRendererTests {
  private let segments = [
    Cue(
      items: [], text: "Hey. Hello. Hey, there. How are you?", start: 5.689, end: 8.14,
      speakerID: "speaker_1"),
    Cue(items: [], text: "Fine.", start: 9, end: 9.5, speakerID: nil),
  ]

  @Test func headersFollowTheIncludeFlags() {
    #expect(
      TextRenderer().render(segments)
        == "00:00:05,689 --> 00:00:08,140 [speaker_1]\nHey. Hello. Hey, there. How are you?\n\n"
        + "00:00:09,000 --> 00:00:09,500\nFine.\n")
    #expect(
      TextRenderer(includeSpeakers: false).render(segments)
        == "00:00:05,689 --> 00:00:08,140\nHey. Hello. Hey, there. How are you?\n\n"
        + "00:00:09,000 --> 00:00:09,500\nFine.\n")
    #expect(
      TextRenderer(includeTimestamps: false).render(segments)
        == "[speaker_1]\nHey. Hello. Hey, there. How are you?\n\nFine.\n")
    #expect(
      TextRenderer(includeSpeakers: false, includeTimestamps: false).render(segments)
        == "Hey. Hello. Hey, there. How are you?\n\nFine.\n")
    #expect(TextRenderer().render([]) == "")
  }

  @Test func wrapsBetweenWords() {
    let text = TextRenderer(
      maxCharactersPerLine: 12, includeSpeakers: false, includeTimestamps: false
    )
    .render(Array(segments.prefix(1)))
    #expect(text == "Hey. Hello.\nHey, there.\nHow are you?\n")
  }

  @Test func withTheAPIsDefaultsSegmentsSplitOnlyAtSpeakerTurns() throws {
    let transcript = try Files.readInput("webhook.json")
    let output = try transcript.export(.txt)[0]
    let text = String(decoding: output.content, as: UTF8.self)
    #expect(
      text
        == "00:00:00,000 --> 00:00:02,100 [speaker_0]\nSo who goes first? (laughter)\n\n"
        + "00:00:02,200 --> 00:00:02,500 [speaker_1]\nMe.\n\n"
        + "00:00:02,900 --> 00:00:05,000 [speaker_2]\nNo, me! (applause)\n")
  }
}

@Suite("Rendering: WebVTT")
struct WebVTTRendererTests {
  @Test func escapesMarkupAndCannotEndACueEarly() throws {
    let transcript = try Files.readInput("multilingual.json")
    var options = WebVTTFormat().defaultOptions(.current)
    options.includeSpeakers = true
    let vtt = String(
      decoding: try transcript.export([ExportRequest(.vtt, options: options)])[0].content,
      as: UTF8.self)
    #expect(vtt.hasPrefix("WEBVTT\n\n"))
    #expect(vtt.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; then --&gt;"))
    #expect(vtt.contains("&amp;amp;"))
    #expect(vtt.contains("<v speaker_1>مرحبا بكم في البرنامج اليوم</v>"))
    try Self.validate(vtt)
  }

  @Test func wordTimestampsIncreaseInsideTheirCue() throws {
    let transcript = try TranscriptReader().read(Files.sample("interview.json"))
    let request = ExportRequest(.vtt)
    let vtt = String(
      decoding: try transcript.export([request], settings: ExportSettings(wordTimestamps: true))[0]
        .content,
      as: UTF8.self)
    #expect(
      vtt.contains("00:00:00.420 --> 00:00:03.841\nWelcome <00:00:01.036>back <00:00:01.438>to"))
    try Self.validate(vtt)
  }

  /// Checks the structure the W3C parser relies on: the header, a timing line per cue, no blank
  /// line or `-->` inside a payload, and timestamp tags that increase strictly inside the cue.
  static func validate(_ vtt: String) throws {
    #expect(vtt.hasPrefix("WEBVTT\n\n") || vtt == "WEBVTT\n")
    #expect(vtt.hasSuffix("\n") && !vtt.hasSuffix("\n\n"))
    let blocks = vtt.dropFirst("WEBVTT\n\n".count).dropLast().components(separatedBy: "\n\n")
    let timing = #/^(\d{2,}):(\d{2}):(\d{2})\.(\d{3}) --> (\d{2,}):(\d{2}):(\d{2})\.(\d{3})$/#
    for block in blocks where !block.isEmpty {
      let lines = block.split(separator: "\n", omittingEmptySubsequences: false)
      guard let match = try timing.wholeMatch(in: String(lines[0])) else {
        Issue.record("not a timing line: \(lines[0])")
        continue
      }
      func millis(_ h: Substring, _ m: Substring, _ s: Substring, _ f: Substring) -> Int {
        ((Int(h) ?? 0) * 3600 + (Int(m) ?? 0) * 60 + (Int(s) ?? 0)) * 1000 + (Int(f) ?? 0)
      }
      let start = millis(match.1, match.2, match.3, match.4)
      let end = millis(match.5, match.6, match.7, match.8)
      #expect(start <= end)
      let payload = lines.dropFirst().joined(separator: "\n")
      #expect(
        !payload.isEmpty && !payload.contains("-->") && lines.dropFirst().allSatisfy { !$0.isEmpty }
      )
      var last = start
      for tag in payload.matches(of: #/<(\d{2,}):(\d{2}):(\d{2})\.(\d{3})>/#) {
        let time = millis(tag.1, tag.2, tag.3, tag.4)
        #expect(time > last && time < end, "timestamp tag out of order in \(block)")
        last = time
      }
    }
  }
}

@Suite("Rendering: segmented JSON")
struct SegmentedJSONTests {
  @Test func keepsTheWordObjectsAndDropsFieldsPerFlag() throws {
    let segment = Cue(
      items: [
        Word(text: "Hi", start: 0.5, end: 0.9, kind: .word, speakerID: "speaker_0", logprob: -0.25),
        Word(text: " ", start: 0.9, end: 1, kind: .spacing, speakerID: "speaker_0"),
      ], text: "Hi", start: 0.5, end: 0.9, speakerID: "speaker_0")
    #expect(
      SegmentedJSONRenderer().render([segment])
        == """
        {
          "segments": [
            {
              "text": "Hi",
              "words": [
                {
                  "text": "Hi",
                  "start": 0.5,
                  "end": 0.9,
                  "type": "word",
                  "speaker_id": "speaker_0",
                  "logprob": -0.25
                },
                {
                  "text": " ",
                  "start": 0.9,
                  "end": 1,
                  "type": "spacing",
                  "speaker_id": "speaker_0"
                }
              ]
            }
          ]
        }

        """)
    let bare = SegmentedJSONRenderer(includeSpeakers: false, includeTimestamps: false).render([
      segment
    ])
    #expect(!bare.contains("speaker_id") && !bare.contains("start") && bare.contains("logprob"))
  }

  @Test func readsBackToTheSameSegments() throws {
    for (name, transcript) in FormatInputs.all {
      for format in [SRTFormat(), SegmentedJSONFormat()] as [any OutputFormat] {
        var options = format.defaultOptions(.current)
        options.includeSpeakers = true
        let segmenter = Segmenter(options: options)
        for channel in transcript.channels {
          let segments = segmenter.cues(channel)
          let json = SegmentedJSONRenderer(options: options).render(segments)
          let back = try TranscriptReader().read(Data(json.utf8), source: name)
          #expect(back.inputShape == .segmentedJSON)
          #expect(back.warnings.isEmpty, "\(name): \(back.warnings)")
          let again = segmenter.cues(back.channels[0])
          #expect(again == segments, "\(name) with \(format.name) options")
        }
      }
    }
  }

  @Test func escapesEveryStringJSONMustEscape() throws {
    let segment = Cue(
      items: [Word(text: "a\"b\\c\u{01}\n\u{2028}", start: 0, end: 1)], text: "x", start: 0, end: 1,
      speakerID: nil)
    let json = SegmentedJSONRenderer().render([segment])
    #expect(json.contains(#""a\"b\\c\u0001\n\u2028""#))
    let parsed = try JSONParser.parse(Array(json.utf8))
    let word = parsed.objectValue?["segments"]?.arrayValue?.first?.objectValue?["words"]?
      .arrayValue?.first
    #expect(word?.objectValue?["text"]?.stringValue == "a\"b\\c\u{01}\n\u{2028}")
  }
}

@Suite("Rendering: HTML")
struct HTMLRendererTests {
  private func page(audio: String? = nil) throws -> String {
    let transcript = try Files.readInput("multilingual.json")
    let outputs = try transcript.export(
      .html, settings: ExportSettings(title: "Q&A <live>", audioSource: audio))
    return String(decoding: outputs[0].content, as: UTF8.self)
  }

  @Test func escapesTranscriptTextSoItNeverBecomesMarkup() throws {
    for html in [try page(), try page(audio: "talk \"1\".mp3")] {
      #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
      #expect(!html.contains("<script>alert"))
      #expect(html.contains("<title>Q&amp;A &lt;live&gt;</title>"))
      #expect(html.components(separatedBy: "<script>").count <= 2, "only our own script")
    }
    #expect(try page(audio: "talk \"1\".mp3").contains("src=\"talk &quot;1&quot;.mp3\""))
  }

  @Test func isSelfContainedAndDeclaresLanguageAndDirection() throws {
    let html = try page()
    #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
    #expect(!html.contains("http://") && !html.contains("https://") && !html.contains("<link"))
    #expect(!html.contains("<script"), "no script without audio")
    #expect(html.contains("<p class=\"text\" dir=\"auto\">مرحبا"))
  }

  @Test func speakersKeepOneColourEach() throws {
    let html = try page()
    let classes = html.matches(of: #/<section class="segment (speaker-\d)"/#).map { String($0.1) }
    #expect(classes == ["speaker-0", "speaker-1", "speaker-2", "speaker-0"])
  }

  @Test func withAudioEveryWordCarriesItsTime() throws {
    let html = try page(audio: "talk.mp3")
    #expect(html.contains("<audio id=\"player\" controls preload=\"metadata\" src=\"talk.mp3\">"))
    #expect(html.contains("<span class=\"w\" data-start=\"0.100\" data-end=\"0.450\">Type</span>"))
    #expect(html.contains("<span class=\"w event\""))
    #expect(html.contains("<a class=\"time\" href=\"#t=6.700\" data-start=\"6.700\""))
  }
}

@Suite("Rendering: DOCX")
struct DOCXRendererTests {
  private func docx(_ input: String = "multilingual.json") throws -> Data {
    let transcript = try Files.readInput(input)
    var options = DOCXFormat().defaultOptions(.current)
    options.includeSpeakers = true
    return try transcript.export(
      [ExportRequest(.docx, options: options)], settings: ExportSettings(title: "Q&A"))[0].content
  }

  @Test func isAZipOfStrictlyWellFormedPartsWithTheRequiredOnes() throws {
    let parts = try FormatText.unzip(try docx())
    #expect(
      Set(parts.keys) == [
        "[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "docProps/app.xml",
        "word/_rels/document.xml.rels", "word/styles.xml", "word/document.xml",
      ])
    for (path, data) in parts {
      try FormatText.parseXMLStrictly(data, part: path)
    }
    let styles = String(decoding: parts["word/styles.xml"] ?? Data(), as: UTF8.self)
    for style in ["Title", "Subtitle", "Segment", "Speaker", "Timestamp"] {
      #expect(styles.contains("w:styleId=\"\(style)\""))
    }
    let core = String(decoding: parts["docProps/core.xml"] ?? Data(), as: UTF8.self)
    #expect(
      core.contains("<dc:title>Q&amp;A</dc:title>")
        && core.contains("<dc:language>en</dc:language>"))
  }

  @Test func isByteForByteTheSameForTheSameInput() throws {
    #expect(try docx() == docx())
  }

  @Test func removesCharactersXMLForbidsAndMarksRightToLeft() throws {
    let segment = Cue(
      items: [], text: "bell\u{07} tab\u{0B} ok <&> \u{FFFE}", start: 0, end: 1, speakerID: nil)
    let arabic = Cue(items: [], text: "مرحبا بكم", start: 1, end: 2, speakerID: nil)
    let data = try DOCXRenderer().render([segment, arabic])
    let document = try FormatText.unzip(data)["word/document.xml"] ?? Data()
    try FormatText.parseXMLStrictly(document, part: "word/document.xml")
    let xml = String(decoding: document, as: UTF8.self)
    #expect(xml.contains(">bell tab ok &lt;&amp;&gt; </w:t>"))
    #expect(xml.contains("<w:bidi/></w:pPr><w:r><w:t") == false)
    #expect(xml.contains("<w:pPr><w:pStyle w:val=\"Segment\"/><w:bidi/></w:pPr>"))
    #expect(xml.contains("<w:rPr><w:rtl/></w:rPr><w:t xml:space=\"preserve\">مرحبا بكم</w:t>"))
  }
}
