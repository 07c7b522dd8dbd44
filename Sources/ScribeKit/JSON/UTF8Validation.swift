/// A UTF-8 validator for byte ranges of the input.
///
/// The standard library's `String(validating:as:)` is generic and looks up type metadata on
/// every call, which dominated reading a transcript of short strings; this loop checks eight
/// ASCII bytes at a time and applies the Unicode well-formedness table (no overlong forms, no
/// surrogates, nothing above U+10FFFF) to the rest.
enum UTF8Validation {
  /// `true` when `bytes` is well-formed UTF-8.
  static func isValid(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let base = bytes.baseAddress else { return true }
    let count = bytes.count
    var index = 0
    while index < count {
      index = ByteScan.skip(bytes, from: index) { $0 & 0x8080_8080_8080_8080 == 0 }
      guard index < count else { break }
      let lead = base[index]
      if lead < 0x80 {
        index += 1
        continue
      }
      let length: Int
      var lower: UInt8 = 0x80
      var upper: UInt8 = 0xBF
      switch lead {
      case 0xC2...0xDF: length = 2
      case 0xE0:
        length = 3
        lower = 0xA0
      case 0xE1...0xEC, 0xEE...0xEF: length = 3
      case 0xED:
        length = 3
        upper = 0x9F
      case 0xF0:
        length = 4
        lower = 0x90
      case 0xF1...0xF3: length = 4
      case 0xF4:
        length = 4
        upper = 0x8F
      default: return false
      }
      guard index + length <= count else { return false }
      let second = base[index + 1]
      guard second >= lower && second <= upper else { return false }
      for offset in 2..<length where base[index + offset] & 0xC0 != 0x80 {
        return false
      }
      index += length
    }
    return true
  }
}
