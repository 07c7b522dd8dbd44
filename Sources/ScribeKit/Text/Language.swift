/// Language tags and text direction, for the formats that declare them (HTML, DOCX).
package enum Language {
  /// A BCP 47 tag for an API `language_code`: the API gives ISO 639-3 codes such as `eng`, which
  /// are not valid where a two-letter code exists, so those become `en`. Unknown codes are kept
  /// if they look like a tag and dropped (`nil`) otherwise.
  package static func tag(forAPICode code: String?) -> String? {
    guard let code = code?.lowercased(), !code.isEmpty else { return nil }
    if let short = twoLetter[code] { return short }
    let valid = code.unicodeScalars.allSatisfy { ($0 >= "a" && $0 <= "z") || $0 == "-" }
    return valid && code.count <= 35 ? code : nil
  }

  /// `true` when the language is written right to left.
  package static func isRightToLeft(tag: String?) -> Bool {
    guard let primary = tag?.split(separator: "-").first else { return false }
    return ["ar", "he", "fa", "ur", "yi", "ps", "sd", "dv", "ug", "ckb"].contains(String(primary))
  }

  /// `true` when the first strongly directional character of `text` is right-to-left (Hebrew,
  /// Arabic, Syriac, Thaana, N'Ko and their presentation forms): the rule of Unicode's
  /// bidirectional algorithm (P2, P3) for a paragraph's direction.
  package static func isRightToLeft(text: String) -> Bool {
    for scalar in text.unicodeScalars {
      if isRightToLeftScalar(scalar) { return true }
      if scalar.properties.isAlphabetic { return false }
    }
    return false
  }

  private static func isRightToLeftScalar(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x0590...0x08FF, 0xFB1D...0xFDFF, 0xFE70...0xFEFF, 0x10800...0x10FFF, 0x1E800...0x1EFFF:
      return scalar.properties.isAlphabetic
    default:
      return false
    }
  }

  private static let twoLetter: [String: String] = [
    "afr": "af", "amh": "am", "ara": "ar", "hye": "hy", "asm": "as", "ast": "ast", "aze": "az",
    "bel": "be", "ben": "bn", "bos": "bs", "bul": "bg", "mya": "my", "yue": "yue", "cat": "ca",
    "ceb": "ceb", "nya": "ny", "hrv": "hr", "ces": "cs", "dan": "da", "nld": "nl", "eng": "en",
    "est": "et", "fil": "fil", "fin": "fi", "fra": "fr", "ful": "ff", "glg": "gl", "lug": "lg",
    "kat": "ka", "deu": "de", "ell": "el", "guj": "gu", "hau": "ha", "heb": "he", "hin": "hi",
    "hun": "hu", "isl": "is", "ibo": "ig", "ind": "id", "gle": "ga", "ita": "it", "jpn": "ja",
    "jav": "jv", "kea": "kea", "kan": "kn", "kaz": "kk", "khm": "km", "kor": "ko", "kur": "ku",
    "kir": "ky", "lao": "lo", "lav": "lv", "lin": "ln", "lit": "lt", "luo": "luo", "ltz": "lb",
    "mkd": "mk", "msa": "ms", "mal": "ml", "mlt": "mt", "zho": "zh", "cmn": "zh", "mri": "mi",
    "mar": "mr", "mon": "mn", "nep": "ne", "nso": "nso", "nor": "no", "oci": "oc", "ori": "or",
    "pus": "ps", "fas": "fa", "pol": "pl", "por": "pt", "pan": "pa", "ron": "ro", "rus": "ru",
    "srp": "sr", "sna": "sn", "snd": "sd", "slk": "sk", "slv": "sl", "som": "so", "spa": "es",
    "swa": "sw", "swe": "sv", "tam": "ta", "tgk": "tg", "tel": "te", "tha": "th", "tur": "tr",
    "ukr": "uk", "umb": "umb", "urd": "ur", "uzb": "uz", "vie": "vi", "cym": "cy", "wol": "wo",
    "xho": "xh", "zul": "zu", "yid": "yi", "yor": "yo",
  ]
}
