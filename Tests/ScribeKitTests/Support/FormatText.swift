import Foundation
import ZIPFoundation

@testable import ScribeKit

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// Pulls the spoken text back out of each format, the way a reader of the file would see it, so
/// tests can check that every word is there once and in order.
enum FormatText {
  /// The characters of `text` other than whitespace, for order-and-completeness comparisons that
  /// do not depend on where lines were wrapped.
  static func visible(_ text: String) -> String {
    // By scalar: a space followed by a combining mark is one Character, and dropping it would
    // drop the mark (pdftotext can part a Hebrew point from its letter with a space).
    var result = ""
    result.unicodeScalars.append(
      contentsOf: text.unicodeScalars.filter { !$0.properties.isWhitespace })
    return result
  }

  /// The spoken words and events of `segments`, in order, as visible characters.
  static func spoken(_ segments: [Cue]) -> String {
    visible(segments.flatMap(\.words).map(\.text).joined())
  }

  static func srt(_ text: String) -> String {
    cues(text).map { $0.dropFirst(2).joined(separator: "\n") }.joined(separator: "\n")
  }

  static func vtt(_ text: String) -> String {
    let body = cues(String(text.dropFirst("WEBVTT\n".count)))
    return body.map { unescape(stripTags($0.dropFirst(1).joined(separator: "\n"))) }
      .joined(separator: "\n")
  }

  static func txt(_ text: String, headers: Bool) -> String {
    cues(text).map { (headers ? $0.dropFirst(1) : $0[...]).joined(separator: "\n") }
      .joined(separator: "\n")
  }

  static func segmentedJSON(_ text: String) throws -> String {
    let document = try JSONParser.parse(Array(text.utf8))
    let segments = document.objectValue?["segments"]?.arrayValue ?? []
    return segments.flatMap { $0.objectValue?["words"]?.arrayValue ?? [] }
      .filter { $0.objectValue?["type"]?.stringValue != "spacing" }
      .compactMap { $0.objectValue?["text"]?.stringValue }
      .joined(separator: " ")
  }

  /// The text of the page's segments, without the speaker and time headings.
  static func html(_ text: String) -> String {
    guard let main = text.range(of: "<main id=\"transcript\">"),
      let end = text.range(of: "</main>")
    else { return "" }
    var body = String(text[main.upperBound..<end.lowerBound])
    while let head = body.range(of: "<p class=\"head\">"),
      let close = body.range(of: "</p>", range: head.upperBound..<body.endIndex)
    {
      body.removeSubrange(head.lowerBound..<close.upperBound)
    }
    return unescape(stripTags(body))
  }

  /// The text runs of the document's `Segment` paragraphs that are not speaker or time labels.
  static func docx(_ data: Data) throws -> String {
    let parts = try unzip(data)
    guard let document = parts["word/document.xml"] else { return "" }
    let collector = DocumentTextCollector()
    let parser = XMLParser(data: document)
    parser.delegate = collector
    guard parser.parse() else {
      throw XMLProblem(part: "word/document.xml", reason: String(describing: parser.parserError))
    }
    return collector.segments.joined(separator: "\n")
  }

  /// Whether poppler's `pdftotext` is installed to read PDFs back with.
  static let canReadPDF = FileManager.default.isExecutableFile(atPath: "/usr/bin/pdftotext")

  /// The transcript text of a PDF as `pdftotext` reads it (in layout mode, which keeps lines in
  /// reading order beside pictures): without the title, summary, running headers, page
  /// footers and the head lines of speakers and times, without bidi controls, which only
  /// steer display, and without emoji, which a colour font draws as pictures that hold no
  /// text. `nil` when `pdftotext` is not installed.
  static func pdf(_ data: Data, title: String) throws -> String? {
    guard canReadPDF else { return nil }
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "scribekit-pdf-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let input = folder.appendingPathComponent("in.pdf")
    let output = folder.appendingPathComponent("out.txt")
    try data.write(to: input)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/pdftotext")
    process.arguments = ["-layout", "-enc", "UTF-8", input.path, output.path]
    try process.run()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
      throw XMLProblem(part: "pdf", reason: "pdftotext exited with \(process.terminationStatus)")
    }
    let text = try String(contentsOf: output, encoding: .utf8)
    let time = #"\d\d:\d\d:\d\d\.\d{3} – \d\d:\d\d:\d\d\.\d{3}"#
    let head = try Regex(#"^(\S.*?\s+)?"# + time + #"(\s+\S.*)?$"#)
    let footer = try Regex(#"^Page \d+ of \d+$"#)
    let summary = try Regex(#"^(Language: \S+ · )?\d+ segments? · "#)
    var lines: [String] = []
    for raw in text.split(whereSeparator: { $0 == "\n" || $0 == "\u{0C}" }) {
      let line = withoutBidiControls(String(raw)).trimmingCharacters(in: .whitespaces)
      if line.isEmpty || line == title || line.wholeMatch(of: head) != nil
        || line.wholeMatch(of: footer) != nil || line.prefixMatch(of: summary) != nil
      {
        continue
      }
      lines.append(line)
    }
    return withoutEmoji(lines.joined(separator: "\n"))
  }

  /// `text` with every right-to-left run's characters sorted: a PDF draws right-to-left text
  /// in visual order and `pdftotext` rebuilds its logical order by heuristics that move
  /// punctuation (an Arabic comma, a question mark) within the run. Comparing runs as sets of
  /// characters still finds a lost, doubled or misplaced word; the pages are looked at to see
  /// the order.
  static func sortingRightToLeftRuns(_ text: String) -> String {
    func isRightToLeft(_ character: Character) -> Bool {
      guard let value = character.unicodeScalars.first?.value else { return false }
      return (0x0590...0x08FF).contains(value) || (0xFB1D...0xFDFF).contains(value)
        || (0xFE70...0xFEFF).contains(value)
    }
    func isNeutral(_ character: Character) -> Bool {
      !character.isLetter && !character.isNumber
    }
    var result = ""
    var run: [Character] = []
    var hasRightToLeft = false
    func flush() {
      if hasRightToLeft {
        // By scalar: pdftotext may part a Hebrew point from its letter.
        var sorted = ""
        sorted.unicodeScalars.append(
          contentsOf: String(run).unicodeScalars.sorted { $0.value < $1.value })
        result += sorted
      } else {
        result += String(run)
      }
      run = []
      hasRightToLeft = false
    }
    for character in text {
      if isRightToLeft(character) || isNeutral(character) {
        run.append(character)
        hasRightToLeft = hasRightToLeft || isRightToLeft(character)
      } else {
        flush()
        result.append(character)
      }
    }
    flush()
    return result
  }

  /// `text` without the invisible controls of the bidirectional algorithm.
  static func withoutBidiControls(_ text: String) -> String {
    var result = ""
    result.unicodeScalars.append(
      contentsOf: text.unicodeScalars.filter { scalar in
        !(0x200E...0x200F).contains(scalar.value) && !(0x202A...0x202E).contains(scalar.value)
          && !(0x2066...0x2069).contains(scalar.value)
      })
    return result
  }

  /// `text` without emoji and the joiners, selectors and modifiers of their sequences.
  static func withoutEmoji(_ text: String) -> String {
    var result = ""
    result.unicodeScalars.append(
      contentsOf: text.unicodeScalars.filter { scalar in
        let properties = scalar.properties
        let pictographic = properties.isEmojiPresentation || properties.isEmojiModifier
        return !pictographic && scalar.value != 0x200D && scalar.value != 0xFE0F
      })
    return result
  }

  /// Every entry of a zip archive, by path.
  static func unzip(_ data: Data) throws -> [String: Data] {
    let archive = try Archive(data: data, accessMode: .read)
    var parts: [String: Data] = [:]
    for entry in archive {
      var content = Data()
      _ = try archive.extract(entry) { content.append($0) }
      parts[entry.path] = content
    }
    return parts
  }

  struct XMLProblem: Error, CustomStringConvertible {
    var part: String
    var reason: String
    var description: String { "\(part): \(reason)" }
  }

  /// Parses `data` with libxml2 (through Foundation's XMLParser), failing on any error.
  static func parseXMLStrictly(_ data: Data, part: String) throws {
    let parser = XMLParser(data: data)
    parser.shouldProcessNamespaces = true
    guard parser.parse() else {
      throw XMLProblem(part: part, reason: String(describing: parser.parserError))
    }
  }

  private static func cues(_ text: String) -> [[String]] {
    text.components(separatedBy: "\n\n")
      .map { $0.split(separator: "\n", omittingEmptySubsequences: true).map(String.init) }
      .filter { !$0.isEmpty }
  }

  private static func stripTags(_ text: String) -> String {
    var result = ""
    var inTag = false
    for character in text {
      if character == "<" {
        inTag = true
        result.append(" ")
      } else if character == ">" && inTag {
        inTag = false
      } else if !inTag {
        result.append(character)
      }
    }
    return result
  }

  static func unescape(_ text: String) -> String {
    text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
      .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
  }
}

private final class DocumentTextCollector: NSObject, XMLParserDelegate {
  var segments: [String] = []
  private var paragraphStyle: String?
  private var runStyle: String?
  private var inText = false
  private var current = ""

  func parser(
    _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
    qualifiedName: String?, attributes: [String: String] = [:]
  ) {
    switch elementName {
    case "w:p":
      paragraphStyle = nil
      current = ""
    case "w:pStyle": paragraphStyle = attributes["w:val"]
    case "w:r": runStyle = nil
    case "w:rStyle": runStyle = attributes["w:val"]
    case "w:t": inText = true
    default: break
    }
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) {
    if inText && paragraphStyle == "Segment" && runStyle == nil { current += string }
  }

  func parser(
    _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
    qualifiedName: String?
  ) {
    if elementName == "w:t" { inText = false }
    if elementName == "w:p" && paragraphStyle == "Segment" { segments.append(current) }
  }
}
