import Foundation
import Testing

@testable import ScribeKit

@Suite("Captioning: the per-language presets")
struct CaptionStylePresetsTests {
  @Test(arguments: [
    ("netflix-es", 42.0, 17.0, "es", CharacterCounting.graphemes),
    ("netflix-fr", 42, 17, "fr", .graphemes),
    ("netflix-de", 42, 17, "de", .graphemes),
    ("netflix-pt-br", 42, 17, "pt-BR", .graphemes),
    ("netflix-it", 42, 17, "it", .graphemes),
    ("netflix-zh-hant", 16, 9, "zh-Hant", .eastAsianWidth),
  ])
  func presetHasTheGuidesNumbers(
    name: String, perLine: Double, perSecond: Double, language: String,
    counting: CharacterCounting
  ) throws {
    let preset = try #require(Preset.named(name))
    #expect(Preset.captionStyles.contains(preset))
    let style = try #require(preset.captionStyle)
    #expect(style.name == name)
    #expect(style.maxLines == 2)
    #expect(style.maxCharactersPerLine == perLine)
    #expect(style.maxCharactersPerSecond == perSecond)
    #expect(style.counting == counting)
    #expect(style.language == language)
    #expect(abs(style.minDuration - 5.0 / 6) < 0.001 && style.maxDuration == 7)
    #expect(BreakWords.forLanguage(style.language) != .none, "the style has break rules")
  }

  @Test func everyCaptionStylePresetHasBreakRulesForItsLanguage() {
    for preset in Preset.captionStyles {
      guard let style = preset.captionStyle, style.language != nil else { continue }
      #expect(BreakWords.forLanguage(style.language) != .none, "\(style.name)")
    }
    #expect(Set(Preset.all.map(\.name)).count == Preset.all.count, "names are unique")
  }

  @Test func thePresetsMakeCuesWithinTheirLimits() {
    let samples: [(Preset, String)] = [
      (.netflixSpanish, "Ayer por la tarde vimos a los niños del barrio jugando en el parque."),
      (.netflixFrench, "Hier soir, j'ai vu l'homme de la maison d'en face qui parlait au voisin."),
      (.netflixGerman, "Gestern haben wir mit dem neuen Nachbarn über die alte Brücke gesprochen."),
      (.netflixBrazilianPortuguese, "Ontem à noite a gente foi pra casa da minha avó comer bolo."),
      (.netflixItalian, "Alla fine dell'anno abbiamo visto un'amica della nonna al mare."),
    ]
    for (preset, text) in samples {
      guard let style = preset.captionStyle else { continue }
      var items: [Word] = []
      var time = 0.0
      for (index, token) in text.split(separator: " ").enumerated() {
        if index > 0 { items.append(space(time, time + 0.05)) }
        time += index > 0 ? 0.05 : 0
        items.append(word(String(token), time, time + 0.3))
        time += 0.3
      }
      let cues = CaptionSegmenter(style: style).cues(items)
      #expect(cues.flatMap(\.items) == items, "\(style.name)")
      for line in cues.flatMap({ $0.lines ?? [] }) {
        #expect(style.width(of: line) <= style.maxCharactersPerLine, "\(style.name): \(line)")
      }
    }
  }
}
