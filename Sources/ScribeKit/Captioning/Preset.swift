/// A named way of making cues: the API's own rule with its defaults, or a caption style.
///
/// The `elevenlabs` presets reproduce the server's `additional_formats` export byte for byte:
/// cues come from the API's greedy rule with the format's defaults for that generation
/// (``apiDefaults``). The caption-style presets (``netflixEnglish``, ``bbc``, ...) make the
/// caption formats' cues with the caption segmenter's rules instead, and use the current API
/// defaults for every other format and option.
///
/// ```swift
/// let files = try transcript.export(.srt, preset: .netflixEnglish)
/// let preset = Preset.named("elevenlabs-legacy")
/// ```
public struct Preset: Sendable, Equatable, Hashable {
  /// The preset's name, as a command line takes it: `elevenlabs`, `netflix-en`, ...
  public var name: String
  /// The generation of the API's defaults that formats start from.
  public var apiDefaults: APIDefaults
  /// The caption rules for the formats that take them (``FormatOptions/captionStyle``), or
  /// `nil` for the API's rule.
  public var captionStyle: CaptionStyle?
  /// How documents (``FormatOptions/paragraphs``) are divided when no segmentation option is
  /// given: the API's speaker turns for the `elevenlabs` presets, readable paragraphs for the
  /// others.
  public var paragraphs: ParagraphStyle

  /// Creates a preset.
  public init(
    name: String, apiDefaults: APIDefaults = .current, captionStyle: CaptionStyle? = nil,
    paragraphs: ParagraphStyle = .readable
  ) {
    self.name = name
    self.apiDefaults = apiDefaults
    self.captionStyle = captionStyle
    self.paragraphs = paragraphs
  }

  /// A preset that makes captions with `style`, readable paragraphs for documents, and
  /// otherwise follows the current API defaults. The style's name becomes the preset's.
  public init(_ style: CaptionStyle) {
    self.init(name: style.name, captionStyle: style)
  }

  /// The API's current defaults (since 2025-08-24). The default everywhere.
  public static let elevenlabs = Preset(name: "elevenlabs", paragraphs: .speakerTurns)
  /// The API's SRT defaults before 2025-08-24 (50 / 0.6 s / 5 s / 90), to reproduce older
  /// exports.
  public static let elevenlabsLegacy = Preset(
    name: "elevenlabs-legacy", apiDefaults: .legacy, paragraphs: .speakerTurns)
  /// ``CaptionStyle/netflixEnglish``.
  public static let netflixEnglish = Preset(.netflixEnglish)
  /// ``CaptionStyle/netflixJapanese``.
  public static let netflixJapanese = Preset(.netflixJapanese)
  /// ``CaptionStyle/netflixChinese``.
  public static let netflixChinese = Preset(.netflixChinese)
  /// ``CaptionStyle/netflixKorean``.
  public static let netflixKorean = Preset(.netflixKorean)
  /// ``CaptionStyle/netflixSpanish``.
  public static let netflixSpanish = Preset(.netflixSpanish)
  /// ``CaptionStyle/netflixFrench``.
  public static let netflixFrench = Preset(.netflixFrench)
  /// ``CaptionStyle/netflixGerman``.
  public static let netflixGerman = Preset(.netflixGerman)
  /// ``CaptionStyle/netflixBrazilianPortuguese``.
  public static let netflixBrazilianPortuguese = Preset(.netflixBrazilianPortuguese)
  /// ``CaptionStyle/netflixItalian``.
  public static let netflixItalian = Preset(.netflixItalian)
  /// ``CaptionStyle/netflixTraditionalChinese``.
  public static let netflixTraditionalChinese = Preset(.netflixTraditionalChinese)
  /// ``CaptionStyle/bbc``.
  public static let bbc = Preset(.bbc)
  /// ``CaptionStyle/vertical``.
  public static let vertical = Preset(.vertical)

  /// Every built-in preset: the API's two, then the caption styles.
  public static let all: [Preset] = [
    elevenlabs, elevenlabsLegacy, netflixEnglish, netflixJapanese, netflixChinese, netflixKorean,
    netflixSpanish, netflixFrench, netflixGerman, netflixBrazilianPortuguese, netflixItalian,
    netflixTraditionalChinese, bbc, vertical,
  ]

  /// The built-in preset called `name`, or `nil`.
  public static func named(_ name: String) -> Preset? {
    all.first { $0.name == name }
  }

  /// The built-in presets that are caption styles.
  public static var captionStyles: [Preset] { all.filter { $0.captionStyle != nil } }
}
