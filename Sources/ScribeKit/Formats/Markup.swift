/// Escaping for the markup formats (WebVTT, HTML, XML), in one place so every renderer agrees.
enum Markup {
  /// `&`, `<`, `>` escaped: enough for WebVTT cue text and HTML or XML text content.
  static func escapeText(_ text: String) -> String {
    var result = ""
    result.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      default: result.unicodeScalars.append(scalar)
      }
    }
    return result
  }

  /// Text escaped for a double-quoted HTML or XML attribute.
  static func escapeAttribute(_ text: String) -> String {
    escapeText(text).replacingOccurrences(of: "\"", with: "&quot;")
  }

  /// `true` for the scalars XML 1.0 allows in a document (§2.2 Char).
  static func isXMLCharacter(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
    default: return false
    }
  }

  /// `text` without the scalars XML forbids (control characters, U+FFFE, U+FFFF), then escaped.
  static func escapeXML(_ text: String) -> String {
    var kept = String.UnicodeScalarView()
    kept.append(contentsOf: text.unicodeScalars.filter(isXMLCharacter))
    return escapeText(String(kept))
  }
}

extension Markup {
  /// The URL schemes an `<audio src>` is given as is: everything else is a file path.
  static let passThroughSchemes: Set<String> = ["https", "http", "file", "data", "blob"]

  /// `source` as a URL for a `src` or `href` attribute (not yet attribute-escaped): a URL with
  /// one of ``passThroughSchemes`` unchanged, any other value a relative or absolute file path
  /// percent-encoded one segment at a time (``percentEncodedPath(_:)``).
  static func mediaURL(_ source: String) -> String {
    if let colon = source.firstIndex(of: ":"),
      passThroughSchemes.contains(source[..<colon].lowercased())
    {
      return source
    }
    return percentEncodedPath(source)
  }

  /// A file path as a URL path: every byte of its UTF-8 except the unreserved characters of
  /// RFC 3986 (`A-Z a-z 0-9 - . _ ~`) percent-encoded, segment by segment, with the `/`
  /// separators kept. `take #1/what?.wav` gives `take%20%231/what%3F.wav`; `%` itself becomes
  /// `%25`, so a name is never decoded into another one, and a `:` in the first segment cannot
  /// be read as a scheme.
  static func percentEncodedPath(_ path: String) -> String {
    let hex = Array("0123456789ABCDEF".utf8)
    var bytes: [UInt8] = []
    bytes.reserveCapacity(path.utf8.count)
    for byte in path.utf8 {
      switch byte {
      case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
        UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
        UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
        bytes.append(byte)
      default:
        bytes += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
      }
    }
    return String(decoding: bytes, as: UTF8.self)
  }
}
