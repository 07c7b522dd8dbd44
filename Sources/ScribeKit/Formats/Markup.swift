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
