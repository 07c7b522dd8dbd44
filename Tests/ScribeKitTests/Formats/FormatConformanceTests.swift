import Foundation
import Testing

@testable import ScribeKit

/// Every format in the registry, on every test input: it renders, keeps every spoken word once
/// and in order, gives the same bytes twice, and names its file. A format added to
/// ``OutputFormats/all`` is tested here without a line of this file changing, except for a
/// way to read its text back (``spokenText(of:)``), which the suite asks for by failing.
@Suite("Formats: conformance of every registered format")
struct FormatConformanceTests {
  static let names = OutputFormats.all.map(\.name)

  /// The spoken text of a rendered file as its reader would see it, or `nil` for a format this
  /// suite cannot read back yet.
  static func spokenText(of file: ExportedFile) throws -> String? {
    let text = String(decoding: file.content, as: UTF8.self)
    let options = file.options
    switch file.format.name {
    case "srt":
      // Markup-like text is kept plain with zero-width spaces (SRTRenderer.neutralized).
      var body = FormatText.srt(text).replacingOccurrences(of: "\u{200B}", with: "")
      if options.includeSpeakers {
        // Labels are speaker IDs (`speaker_1`, and other engines' `A`, `S1`, `1`) or roles
        // (`agent`).
        body = body.replacingOccurrences(
          of: #"\[[A-Za-z0-9_]+\] "#, with: "", options: .regularExpression)
      }
      return body
    case "vtt":
      // Speakers show as voice spans and as [name] labels (SpeakerLabelStyle.both).
      var body = FormatText.vtt(text)
      if options.includeSpeakers {
        body = body.replacingOccurrences(
          of: #"(^|\n)( ?)\[[^\]\n]*\] "#, with: "$1$2", options: .regularExpression)
      }
      return body
    case "ass": return ASSFormatTests.text(of: text, speakers: options.includeSpeakers)
    case "sbv": return SBVFormatTests.text(of: text, speakers: options.includeSpeakers)
    case "scc":
      // Speakers show as ">> " where the speaker changes.
      var body = SCCFormatTests.decodedText(text)
      if options.includeSpeakers {
        body = body.replacingOccurrences(
          of: #"(^|\n)>> "#, with: "$1", options: .regularExpression)
      }
      return body
    case "fcpxml":
      var body = FCPXMLFormatTests.captionTexts(text).joined(separator: "\n")
      if options.includeSpeakers {
        body = body.replacingOccurrences(
          of: #"(^|\n)\[[^\]\n]*\] "#, with: "$1", options: .regularExpression)
      }
      return body
    case "ttml", "ebu-tt-d":
      return try TTMLFormatTests.spokenText(file.content, speakers: options.includeSpeakers)
    case "lrc": return LRCFormatTests.spokenText(text, speakers: options.includeSpeakers)
    case "txt":
      return FormatText.txt(text, headers: options.includeTimestamps || options.includeSpeakers)
    case "segmented_json": return try FormatText.segmentedJSON(text)
    case "html": return FormatText.html(text)
    case "docx": return try FormatText.docx(file.content)
    case "pdf": return try FormatText.pdf(file.content, title: title(of: file))
    default: return nil
    }
  }

  /// The title the suite's exports have (no title is set).
  private static func title(of file: ExportedFile) -> String {
    file.channelIndex.map { "Transcript, channel \($0)" } ?? "Transcript"
  }

  @Test(arguments: names)
  func rendersEveryInputKeepingEveryWordInOrder(name: String) throws {
    let format = try #require(OutputFormats.named(name))
    let inputs = try FormatInputs.all()
    #expect(inputs.count >= 5)
    for (inputName, transcript) in inputs {
      for (preset, speakers) in [
        (Preset.elevenlabs, false), (.elevenlabs, true), (.netflixEnglish, true),
      ] {
        var options = ExportRequest(format, preset: preset).options
        options.includeSpeakers = speakers
        let request = ExportRequest(format, preset: preset, options: options)
        let settings = ExportSettings(audioSource: "a.mp3", wordTimestamps: true)
        let exported = Result { () throws(ExportError) in
          try transcript.export([request], settings: settings)
        }
        if case .failure(.formatUnavailable(let unavailable, let reason)) = exported {
          // Only a format that says so may be unavailable, and it must say why in words.
          #expect(format is PDFFormat, "\(unavailable): \(reason)")
          #expect(reason.contains("Pango") && reason.contains("install"))
          return
        }
        let files = try exported.get()
        #expect(files.count == transcript.channels.count)
        let context = "\(name) of \(inputName) (\(preset.name), speakers \(speakers))"
        for file in files {
          let channel = try #require(
            transcript.channels.first { $0.index == file.channelIndex } ?? transcript.channels.first
          )
          let cues = try #require(
            transcript.cues(for: request).first { $0.channelIndex == file.channelIndex }?.cues)
          if name == "pdf", !FormatText.canReadPDF {
            try #require(
              ProcessInfo.processInfo.environment["SCRIBEKIT_REQUIRE_EXTERNAL"] == nil,
              "pdftotext (poppler-utils) is needed to read PDFs back")
            continue
          }
          let spoken = try #require(
            try Self.spokenText(of: file),
            "no way to read \(name) back: add one to FormatConformanceTests.spokenText(of:)")
          // Every character of every word, once and in order (a caption style leaves out only
          // closing punctuation before the first word, which closes nothing)...
          var expected = FormatText.spoken(cues)
          // Emoji in a PDF are pictures from a colour font, which hold no text, and its
          // right-to-left runs come back in pdftotext's order (FormatText.sortingRightToLeftRuns).
          var visible = FormatText.visible(spoken)
          if name == "pdf" {
            expected = FormatText.sortingRightToLeftRuns(FormatText.withoutEmoji(expected))
            visible = FormatText.sortingRightToLeftRuns(visible)
          }
          // CEA-608 shows what its character sets have: the rest is its documented fallback.
          if name == "scc" { expected = FormatText.visible(SCCFormatTests.shown(expected)) }
          if request.style != nil {
            let orphans = cues.first?.words.prefix {
              $0.text.allSatisfy { $0.isPunctuation || $0.isWhitespace }
                && $0.text.contains(where: CaptionSegmenter.isClosing)
            }
            var dropped = FormatText.spoken([
              Cue(items: Array(orphans ?? []), text: "", start: 0, end: 0, speakerID: nil)
            ])
            if name == "scc" { dropped = FormatText.visible(SCCFormatTests.shown(dropped)) }
            expected = String(expected.dropFirst(dropped.count))
          }
          #expect(visible == expected, "\(context) lost, repeated or reordered words")
          // ...and no two words run together: line breaks may split text, never join it.
          let shown = spoken.split(whereSeparator: \.isWhitespace).count
          let written = cues.map { $0.lines?.joined(separator: " ") ?? $0.text }
            .joined(separator: " ").split(whereSeparator: \.isWhitespace).count
          #expect(shown >= written, "\(context) glued words together (\(shown) < \(written))")
          // The cues themselves cover every word of the channel once.
          #expect(
            FormatText.spoken(cues)
              == FormatText.visible(channel.words.filter(\.isTimed).map(\.text).joined()))
        }
        // The same input gives the same bytes.
        let again = try transcript.export([request], settings: settings)
        #expect(again == files, "\(context) differs between two runs")
      }
    }
  }

  @Test(arguments: names)
  func namesItsFilesAndDescribesThemAsTheAPIDoes(name: String) throws {
    let format = try #require(OutputFormats.named(name))
    #expect(OutputFormats.all.filter { $0.name == name }.count == 1, "\(name) is listed twice")
    #expect(!format.fileExtension.isEmpty && !format.fileExtension.contains("."))
    #expect(format.fileNameSuffix.hasSuffix(format.fileExtension))
    #expect(format.contentType.contains("/"))
    let transcript = try Transcript(data: Files.input("multichannel.json"))
    let exported = Result { () throws(ExportError) in
      try transcript.export(format, settings: ExportSettings(fileStem: "talk"))
    }
    if case .failure(.formatUnavailable) = exported {
      #expect(format is PDFFormat)
      return
    }
    let files = try exported.get()
    #expect(
      files.map(\.fileName)
        == transcript.channels.map { "talk.channel-\($0.index ?? -1).\(format.fileNameSuffix)" })
    let merged = try transcript.export(format, settings: ExportSettings(channels: .merged))
    #expect(merged.map(\.fileName) == ["\(transcript.defaultFileStem).\(format.fileNameSuffix)"])
    let entry = try #require(
      JSONParser.parse(Array(ExportedFile.apiJSON(merged).utf8))
        .arrayValue?.first?.objectValue)
    #expect(entry["requested_format"]?.stringValue == name)
    #expect(entry["file_extension"]?.stringValue == format.fileExtension)
    #expect(entry["content_type"]?.stringValue == format.contentType)
    #expect(entry["is_base64_encoded"] == .bool(format.isBinary))
  }

  @Test func twoRequestsForOneFormatGetDistinctNames() throws {
    let transcript = try Transcript(data: Files.sample("interview.json"))
    let files = try transcript.export(
      [ExportRequest(.srt), ExportRequest(.srt, preset: .elevenlabsLegacy), ExportRequest(.vtt)],
      settings: ExportSettings(fileStem: "interview"))
    #expect(files.map(\.fileName) == ["interview.srt", "interview-2.srt", "interview.vtt"])
  }

  @Test func onlyTheLineWrappingFormatsTakeALineLength() {
    for format in OutputFormats.all {
      let options = format.defaultOptions(.current)
      #expect(
        (options.maxCharactersPerLine != nil) == format.appliesOptions.contains(.lineLength),
        "\(format.name): a default line length exactly when the format wraps lines")
    }
  }

  @Test func cjkRightToLeftAndEmojiSurviveEveryFormat() throws {
    let transcript = try Files.readInput("multilingual.json")
    // CEA-608 has no Arabic, Hebrew, Japanese or emoji: SCCFormatTests checks its fallback.
    for format in OutputFormats.all where !(format is PDFFormat) && !(format is SCCFormat) {
      let output = try transcript.export([ExportRequest(format)])[0]
      let text = try #require(try Self.spokenText(of: output))
      for phrase in ["مرحبا", "البرنامج", "שלום", "ותודה", "今日は", "「晴れ」です。", "👩‍👩‍👧", "café", "naïve."]
      {
        #expect(
          FormatText.visible(text).contains(FormatText.visible(phrase)),
          "\(format.name) lost \(phrase)")
      }
    }
  }
}
