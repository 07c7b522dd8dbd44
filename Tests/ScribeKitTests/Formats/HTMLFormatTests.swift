import Foundation
import Testing

@testable import ScribeKit

@Suite("Formats: HTML")
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
    #expect(try page(audio: "talk \"1\".mp3").contains("src=\"talk%20%221%22.mp3\""))
    #expect(
      try page(audio: "https://x.test/\"1\".mp3").contains(
        "src=\"https://x.test/&quot;1&quot;.mp3\""))
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
    #expect(html.contains("<a class=\"time\" dir=\"ltr\" href=\"#t=6.700\" data-start=\"6.700\""))
  }
}

@Suite("Formats: HTML audio, language, direction and keyboard")
struct HTMLPageTests {
  /// A page for `words` (one speaker) with `settings`.
  private func page(
    _ words: [Word], language: String? = nil, settings: ExportSettings = ExportSettings()
  ) throws -> String {
    let transcript = Transcript(
      languageCode: language, channels: [Channel(index: nil, words: words)])
    let outputs = try transcript.export(.html, settings: settings)
    return String(decoding: outputs[0].content, as: UTF8.self)
  }

  /// Words of `text` split at spaces, half a second each, with spacing between.
  private func spoken(_ text: String, from start: Double = 0) -> [Word] {
    var words: [Word] = []
    var time = start
    for (index, piece) in text.split(separator: " ").enumerated() {
      if index > 0 { words.append(space(time, time)) }
      words.append(word(String(piece), time, time + 0.5))
      time += 0.5
    }
    return words
  }

  @Test func localAudioPathsArePercentEncodedPerSegmentAndURLsPassThrough() throws {
    let cases: [(String, String)] = [
      ("take#1.wav", "take%231.wav"),
      ("what?.wav", "what%3F.wav"),
      ("my talk.wav", "my%20talk.wav"),
      ("../audio/día 1/grabación.m4a", "../audio/d%C3%ADa%201/grabaci%C3%B3n.m4a"),
      ("/home/ann/100% take #2.wav", "/home/ann/100%25%20take%20%232.wav"),
      ("notes:1.wav", "notes%3A1.wav"),
      ("a&b \"c\".wav", "a%26b%20%22c%22.wav"),
      (
        "https://cdn.example.com/a b.mp3?x=1&y=2#t=3", "https://cdn.example.com/a b.mp3?x=1&y=2#t=3"
      ),
      ("HTTP://example.com/talk.mp3", "HTTP://example.com/talk.mp3"),
      ("file:///tmp/take%231.wav", "file:///tmp/take%231.wav"),
      ("data:audio/wav;base64,UklGRg==", "data:audio/wav;base64,UklGRg=="),
      ("blob:https://example.com/1234", "blob:https://example.com/1234"),
    ]
    for (source, url) in cases {
      #expect(Markup.mediaURL(source) == url, "\(source)")
    }
    let words = spoken("hello there")
    let local = try page(words, settings: ExportSettings(audioSource: "sub dir/take #1 what?.wav"))
    #expect(local.contains("src=\"sub%20dir/take%20%231%20what%3F.wav\""))
    let remote = try page(
      words, settings: ExportSettings(audioSource: "https://x.test/a.mp3?a=1&b=2"))
    #expect(remote.contains("src=\"https://x.test/a.mp3?a=1&amp;b=2\""), "URLs only escaped")
  }

  @Test func languageIsInferredFromAnUnambiguousScript() {
    let cases: [(String, String?)] = [
      ("こんにちは。今日は「晴れ」です。", "ja"),
      ("今日はGitHubで会議があります", "ja"),
      ("東京カテゴリー", "ja"),
      ("안녕하세요. 오늘은 맑습니다.", "ko"),
      ("大韓民國 헌법 제1조", "ko"),
      ("今天天气很好，我们去公园吧。", "zh"),
      ("שלום לכולם ותודה", "he"),
      ("สวัสดีครับ วันนี้อากาศดี", "th"),
      ("مرحبا بكم في البرنامج", nil),
      ("سلام، حال شما چطور است؟", nil),
      ("Hello and welcome to the show.", nil),
      ("Привет, как дела?", nil),
      ("Xi said 你好 to the press before the meeting", nil),
      ("こんにちは 안녕하세요", nil),
      ("12:30 — ¡!", nil),
      ("", nil),
    ]
    for (text, tag) in cases {
      #expect(ScriptLanguage.tag(inferredFrom: [text]) == tag, "\(text)")
    }
  }

  @Test func pagesWithoutALanguageTakeTheOneTheirScriptNames() throws {
    let japanese = try Transcript(data: Files.input("tts-japanese.json"))
    let html = String(decoding: try japanese.export(.html)[0].content, as: UTF8.self)
    #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"ja\">"))
    let hebrew = try page(spoken("שלום לכולם ותודה רבה"))
    #expect(hebrew.hasPrefix("<!DOCTYPE html>\n<html lang=\"he\" dir=\"rtl\">"))
    let english = try page(spoken("hello and welcome"))
    #expect(english.hasPrefix("<!DOCTYPE html>\n<html>"), "Latin script names no language")
    // The transcript's language, or --language, wins over the script.
    let said = try page(spoken("今日は晴れ"), language: "zho")
    #expect(said.hasPrefix("<!DOCTYPE html>\n<html lang=\"zh\">"))
    let asked = try page(spoken("今日は晴れ"), settings: ExportSettings(language: "ko"))
    #expect(asked.hasPrefix("<!DOCTYPE html>\n<html lang=\"ko\">"))
  }

  @Test(arguments: [nil, "talk.wav"])
  func timesReadLeftToRightInRightToLeftParagraphs(audio: String?) throws {
    let words =
      spoken("שלום לכולם ותודה רבה", from: 3_722.25) + [space(3_724.25, 3_724.5)]
      + spoken("مرحبا بكم في البرنامج اليوم", from: 3_724.5)
    let html = try page(
      words, language: "heb", settings: ExportSettings(audioSource: audio))
    #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"he\" dir=\"rtl\">"))
    let times = html.matches(of: #/<a class="time"[^>]*>[^<]*</a>/#).map { String($0.0) }
    #expect(!times.isEmpty)
    for time in times {
      #expect(time.hasPrefix("<a class=\"time\" dir=\"ltr\" "), "\(time)")
    }
    #expect(times.first?.hasSuffix(">01:02:02</a>") == true, "\(times)")
  }

  @Test func withAudioEachParagraphIsOneTabStopWithWordsReachedByArrows() throws {
    let words = spoken("one two three") + [space(1.5, 2)] + spoken("four five six", from: 2)
    let settings = ExportSettings(audioSource: "talk.wav")
    let html = try page(words, settings: settings)
    let sections = html.matches(of: #/<section /#).count
    #expect(sections >= 1)
    #expect(html.matches(of: #/<p class="text" dir="auto" tabindex="0"/#).count == sections)
    #expect(html.matches(of: #/tabindex="0"/#).count == sections, "no word is its own tab stop")
    #expect(html.contains("role=\"status\" aria-live=\"polite\""))
    let live = try #require(html.range(of: "aria-live"))
    let main = try #require(html.range(of: "<main"))
    #expect(live.lowerBound < main.lowerBound, "the live region is not transcript text")
    #expect(html.contains("@media (prefers-reduced-motion: no-preference)"))
    #expect(html.contains("prefers-reduced-motion: reduce"))
    for key in ["ArrowRight", "ArrowLeft", "Enter", "Home", "End"] {
      #expect(html.contains("\"\(key)\""), "\(key)")
    }
    let still = try page(words)
    #expect(
      !still.contains("tabindex") && !still.contains("<script") && !still.contains("aria-live"))
  }
}

/// Named entities and poorly aligned words on the page.
@Suite("Formats: HTML marks entities and poorly aligned words")
struct HTMLMarksTests {
  @Test(arguments: [nil, "call.mp3"])
  func entitiesAreUnderlinedWithTheirTypeOnHover(audio: String?) throws {
    let transcript = try Files.readInput("stt-entities.json")
    let settings = ExportSettings(audioSource: audio)
    let file = try #require(
      try transcript.export(.html, preset: .elevenlabs, settings: settings).first)
    let page = String(decoding: file.content, as: UTF8.self)
    #expect(page.contains(".entity { text-decoration: underline dotted"))
    let open = #"<span class="entity" data-entity="credit_card" title="credit card">"#
    #expect(page.contains(open))
    if audio == nil {
      // The full stop the word carries stays outside the mark.
      #expect(page.contains(#"title="person name">Dana Reyes</span>. How"#))
    } else {
      #expect(page.contains(#"title="person name"><span class="w""#))
    }
    #expect(page.components(separatedBy: #"class="entity""#).count - 1 == 4)
  }

  @Test func onlyWordsMuchWorseThanTheRestAreMarkedPoorlyAligned() throws {
    var transcript = try Files.readInput("forced-alignment.json")
    let plain = try #require(try transcript.export(.html, preset: .elevenlabs).first)
    // The fixture's losses are alike: nothing stands out, and the page is as it was.
    #expect(!String(decoding: plain.content, as: UTF8.self).contains("poor"))
    let index = try #require(transcript.channels[0].words.firstIndex { $0.isTimed })
    transcript.channels[0].words[index].loss = 2.5
    let marked = try #require(try transcript.export(.html, preset: .elevenlabs).first)
    let page = String(decoding: marked.content, as: UTF8.self)
    #expect(page.components(separatedBy: #"class="poor""#).count - 1 == 1)
    #expect(page.contains(#"title="alignment loss 2.5">"#))
  }

  @Test func pagesWithoutMarksAreUnchanged() throws {
    let transcript = try TranscriptReader().read(Files.sample("interview.json"))
    let file = try #require(try transcript.export(.html, preset: .elevenlabs).first)
    let page = String(decoding: file.content, as: UTF8.self)
    #expect(!page.contains(".entity") && !page.contains(".poor"))
  }
}
