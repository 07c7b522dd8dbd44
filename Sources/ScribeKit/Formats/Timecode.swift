/// Formats times for subtitle files.
package enum Timecode {
  /// Whole milliseconds of `seconds`, correctly rounded (15.199 s is 15 199 ms, where truncating
  /// `15.199 * 1000 = 15198.999…` would give 15 198). Negative and non-finite times give 0.
  package static func milliseconds(_ seconds: Double) -> Int {
    guard seconds.isFinite, seconds > 0 else { return 0 }
    let scaled = (seconds * 1000).rounded(.toNearestOrAwayFromZero)
    return scaled >= Double(Int.max) ? Int.max : Int(scaled)
  }

  /// `HH:MM:SS<separator>mmm`; hours grow past two digits rather than wrap.
  package static func format(_ seconds: Double, separator: Character) -> String {
    var text = ""
    append(seconds, separator: separator, to: &text)
    return text
  }

  /// Appends ``format(_:separator:)``'s text to `text`, which renderers of many cues use to
  /// build one string without a string per field.
  package static func append(_ seconds: Double, separator: Character, to text: inout String) {
    let total = milliseconds(seconds)
    let millis = total % 1000
    let totalSeconds = total / 1000
    let hours = totalSeconds / 3600
    if hours < 100 {
      appendDigits(hours, 2, to: &text)
    } else {
      text += String(hours)
    }
    text.append(":")
    appendDigits(totalSeconds / 60 % 60, 2, to: &text)
    text.append(":")
    appendDigits(totalSeconds % 60, 2, to: &text)
    text.append(separator)
    appendDigits(millis, 3, to: &text)
  }

  private static func appendDigits(_ value: Int, _ width: Int, to text: inout String) {
    var divisor = width == 3 ? 100 : 10
    while divisor > 0 {
      let digit = value / divisor % 10
      text.unicodeScalars.append(Unicode.Scalar(UInt8(48 + digit)))
      divisor /= 10
    }
  }

  /// `HH:MM:SS,mmm`, the SubRip form.
  package static func srt(_ seconds: Double) -> String { format(seconds, separator: ",") }

  /// `HH:MM:SS.mmm`, the WebVTT form.
  package static func vtt(_ seconds: Double) -> String { format(seconds, separator: ".") }
}
