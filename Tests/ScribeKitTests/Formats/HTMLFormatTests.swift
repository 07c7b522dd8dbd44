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
