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
    String(text.filter { !$0.isWhitespace })
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
