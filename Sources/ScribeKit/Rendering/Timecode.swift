/// Formats times for subtitle files.
public enum Timecode {
  /// Whole milliseconds of `seconds`, correctly rounded (15.199 s is 15 199 ms, where truncating
  /// `15.199 * 1000 = 15198.999…` would give 15 198). Negative and non-finite times give 0.
  public static func milliseconds(_ seconds: Double) -> Int {
    guard seconds.isFinite, seconds > 0 else { return 0 }
    let scaled = (seconds * 1000).rounded(.toNearestOrAwayFromZero)
    return scaled >= Double(Int.max) ? Int.max : Int(scaled)
  }

  /// `HH:MM:SS<separator>mmm`; hours grow past two digits rather than wrap.
  public static func format(_ seconds: Double, separator: Character) -> String {
    let total = milliseconds(seconds)
    let millis = total % 1000
    let totalSeconds = total / 1000
    return pad(totalSeconds / 3600, 2) + ":" + pad(totalSeconds / 60 % 60, 2) + ":"
      + pad(totalSeconds % 60, 2) + String(separator) + pad(millis, 3)
  }

  /// `HH:MM:SS,mmm`, the SubRip form.
  public static func srt(_ seconds: Double) -> String { format(seconds, separator: ",") }

  /// `HH:MM:SS.mmm`, the WebVTT form.
  public static func vtt(_ seconds: Double) -> String { format(seconds, separator: ".") }

  private static func pad(_ value: Int, _ width: Int) -> String {
    let digits = String(value)
    return digits.count >= width
      ? digits : String(repeating: "0", count: width - digits.count) + digits
  }
}
