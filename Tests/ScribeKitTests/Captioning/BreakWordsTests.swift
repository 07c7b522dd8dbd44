import Foundation
import Testing

@testable import ScribeKit

@Suite("Captioning: break rules by language")
struct BreakWordsTests {
  // MARK: Helpers

  /// The cost of breaking between `a` and `b` under `language`'s rules; `spaced` says whether
  /// a space separates them.
  private func cost(_ a: String, _ b: String, _ language: String?, spaced: Bool = true) -> Double {
    let segmenter = CaptionSegmenter(style: .netflixEnglish, language: language)
    let first = CaptionSegmenter.Token(
      text: a, spaceBefore: false, itemIndex: 0, start: 0, end: 0.3, speakerID: nil)
    let second = CaptionSegmenter.Token(
      text: b, spaceBefore: spaced, itemIndex: 1, start: 0.3, end: 0.6, speakerID: nil)
    return segmenter.breakCost(after: first, before: second)
  }

  /// Items spoken one after another: words separated by spaces; within a word, "|" separates
  /// items that arrive without a space between them ("j'|ai").
  private func items(_ text: String, length: Double = 0.4, gap: Double = 0.1) -> [Word] {
    var result: [Word] = []
    var time = 0.0
    for (index, group) in text.split(separator: " ").enumerated() {
      if index > 0 {
        result.append(space(time, time + gap))
        time += gap
      }
      for piece in group.split(separator: "|") {
        result.append(word(String(piece), time, time + length))
        time += length
      }
    }
    return result
  }

  /// One item per character, as the API gives Chinese and Japanese, except the runs listed in
  /// `whole`, which arrive as single items.
  private func characterItems(_ text: String, whole: [String] = []) -> [Word] {
    var result: [Word] = []
    var time = 0.0
    var rest = Substring(text)
    while let character = rest.first {
      let piece = whole.first { rest.hasPrefix($0) } ?? String(character)
      result.append(word(piece, time, time + 0.2))
      time += 0.2
      rest = rest.dropFirst(piece.count)
    }
    return result
  }

  /// Every place a line ends inside the transcript (the last line of the last cue excluded),
  /// as the line's text and the next line's text.
  private func lineEnds(_ cues: [Cue]) -> [(String, String)] {
    let lines = cues.flatMap { $0.lines ?? [] }
    return Array(zip(lines, lines.dropFirst()))
  }

  private func lastWord(_ line: String) -> String {
    line.split(separator: " ").last.map(String.init) ?? ""
  }

  // MARK: Which lists a transcript gets

  @Test(arguments: [
    ("es", "es"), ("spa", "es"), ("es-MX", "es"), ("ES", "es"), ("fr", "fr"), ("fra", "fr"),
    ("fre", "fr"), ("fr-CA", "fr"), ("de", "de"), ("deu", "de"), ("ger", "de"), ("de_AT", "de"),
    ("pt", "pt"), ("por", "pt"), ("pt-BR", "pt"), ("it", "it"), ("ita", "it"), ("ja", "ja"),
    ("jpn", "ja"), ("ko", "ko"), ("kor", "ko"), ("zh", "zh"), ("zho", "zh"), ("cmn", "zh"),
    ("zh-Hant", "zh"), ("zh-Hans-CN", "zh"), ("yue", "yue"), ("en", "en"), ("eng", "en"),
    ("en-GB", "en"),
  ])
  func readsTheTagsTranscriptsCarry(tag: String, primary: String) {
    #expect(BreakWords.primaryLanguage(tag) == primary)
  }

  @Test func choosesTheListsOfEachLanguage() {
    #expect(BreakWords.forLanguage("spa") == .spanish)
    #expect(BreakWords.forLanguage("fra") == .french)
    #expect(BreakWords.forLanguage("deu") == .german)
    #expect(BreakWords.forLanguage("pt-BR") == .portuguese)
    #expect(BreakWords.forLanguage("ita") == .italian)
    #expect(BreakWords.forLanguage("jpn") == .japanese)
    #expect(BreakWords.forLanguage("kor") == .korean)
    #expect(BreakWords.forLanguage("cmn") == .chinese)
    #expect(BreakWords.forLanguage("zh-Hant") == .chinese)
    #expect(BreakWords.forLanguage("eng") == .english)
    #expect(BreakWords.forLanguage("en") == .english)
    #expect(BreakWords.forLanguage(nil) == .none)
    #expect(BreakWords.forLanguage("") == .none)
    #expect(BreakWords.forLanguage("nld") == .none)
    #expect(BreakWords.forLanguage("x-klingon") == .none)
  }

  /// The byte path for ASCII words gives Foundation's trimming's key for every ASCII character
  /// at either end of a word, alone, doubled and around letters.
  @Test func asciiKeysAreFoundationsKeys() {
    func foundationKey(_ word: String) -> String {
      word.lowercased().trimmingCharacters(in: .punctuationCharacters.subtracting(["'", "."]))
        .trimmingCharacters(in: CharacterSet(charactersIn: ",;:!?\"()[]"))
    }
    for value in UInt8(0)..<0x80 {
      let mark = String(UnicodeScalar(value))
      for word in [mark, mark + mark, mark + "The" + mark, "\(mark)A\(mark)b.", "it's" + mark] {
        #expect(BreakWords.asciiKey(word) == foundationKey(word), "\(word.debugDescription)")
      }
    }
    #expect(BreakWords.asciiKey("") == "")
    #expect(BreakWords.asciiKey("café") == nil)
  }

  @Test func readsTypographicApostrophesAsApostrophes() {
    #expect(BreakWords.key("L’") == "l'")
    #expect(BreakWords.key("dell’") == "dell'")
    #expect(BreakWords.key("I'm") == "i'm")
    #expect(BreakWords.key("“le,") == "le")
    #expect(BreakWords.isElided("qu’") && BreakWords.isElided("l'"))
    #expect(!BreakWords.isElided("'") && !BreakWords.isElided("homme"))
  }

  // MARK: Costs per language

  @Test func englishCosts() {
    #expect(cost("the", "dog", "en") == 4)
    #expect(cost("dog", "and", "en") == -0.5)
    // A first name, and a run of capitalised words (a name, a title).
    #expect(cost("John", "Smith", "en") == 7)
    #expect(cost("Lehman", "Brothers", "en") == 3)
    // Subtitlers of talks never end a line on a conjunction or an auxiliary, nor break a fixed
    // phrase or a subject from its verb.
    #expect(cost("and", "then", "en") == 4)
    #expect(cost("is", "broken", "en") == 4)
    #expect(cost("going", "to", "en") == 3.5)
    #expect(cost("what", "happens", "en") == 2)
    #expect(cost("dog.", "The", "en") == -2)
    #expect(cost("dog,", "the", "en") == -1)
    // Without lists, CJK text glued to CJK text keeps the old kana-and-kanji heuristic.
    #expect(cost("学", "生", "en", spaced: false) == 1.5)
    #expect(cost("は", "学", nil, spaced: false) == -0.5)
  }

  @Test func frenchKeepsElidedWordsArticlesAndCliticsWithTheirWord() {
    let comma = cost("maison,", "et", "fra")
    #expect(cost("l'", "homme", "fra") >= 50, "an elided article as its own item")
    #expect(cost("l’", "homme", "fra") >= 50, "with a typographic apostrophe")
    #expect(cost("qu'", "il", "fra") >= 50)
    #expect(cost("jusqu'", "ici", "fra") >= 50)
    #expect(cost("l'", "homme", "fra", spaced: false) >= 50, "glued without a space")
    #expect(cost("de", "la", "fra") > comma)
    #expect(cost("la", "maison", "fra") >= 4)
    #expect(cost("je", "pense", "fra") >= 4)
    #expect(cost("j'ai", "mangé", "fra") >= 4)
    #expect(cost("maison", "qui", "fra") < 0)
    #expect(cost("pensé", "que", "fra") < cost("la", "maison", "fra"))
    #expect(comma < 0)
  }

  @Test func italianKeepsElidedWordsAndArticlesWithTheirWord() {
    #expect(cost("dell'", "anno", "ita") >= 50)
    #expect(cost("un'", "amica", "ita") >= 50)
    #expect(cost("l'", "uomo", "ita") >= 50)
    #expect(cost("quest'", "estate", "ita") >= 50)
    #expect(cost("della", "casa", "ita") >= 4)
    #expect(cost("il", "libro", "ita") > cost("libro,", "ma", "ita"))
    #expect(cost("po'", "di", "ita") < 50, "un po' is whole, not elided")
    #expect(cost("non", "voglio", "ita") >= 4)
    #expect(cost("ho", "mangiato", "ita") >= 4)
    #expect(cost("libro", "che", "ita") < 0)
  }

  @Test func spanishKeepsArticlesPrepositionsAndCliticsWithTheirWord() {
    let comma = cost("perro,", "que", "spa")
    #expect(cost("el", "perro", "spa") > comma)
    #expect(cost("de", "la", "spa") >= 4)
    #expect(cost("del", "río", "spa") >= 4)
    #expect(cost("y", "luego", "spa") >= 4, "a one-letter conjunction never ends a line")
    #expect(cost("no", "quiero", "spa") >= 4)
    #expect(cost("se", "fue", "spa") >= 4)
    #expect(cost("he", "comido", "spa") >= 4)
    #expect(cost("perro", "que", "spa") < 0)
    #expect(cost("casa", "porque", "spa") < 0)
    #expect(cost("tú", "sabes", "spa") == 0, "tú (you) is not tu (your)")
  }

  @Test func germanKeepsArticlesAndPrepositionsWithTheirWord() {
    #expect(cost("der", "Hund", "deu") >= 4)
    #expect(cost("mit", "dem", "deu") >= 4)
    #expect(cost("zum", "Bahnhof", "deu") >= 4)
    #expect(cost("meine", "Mutter", "deu") >= 4)
    #expect(cost("ich", "habe", "deu") >= 4)
    #expect(cost("Hund", "und", "deu") < 0)
    #expect(cost("gesagt,", "dass", "deu") < cost("der", "Hund", "deu"))
  }

  @Test func portugueseKeepsContractionsArticlesAndNegationWithTheirWord() {
    #expect(cost("da", "casa", "pt-BR") >= 4)
    #expect(cost("no", "Brasil", "pt-BR") >= 4)
    #expect(cost("pelo", "caminho", "por") >= 4)
    #expect(cost("não", "quero", "pt-BR") >= 4)
    #expect(cost("vou", "fazer", "pt-BR") >= 4)
    #expect(cost("pra", "você", "pt-BR") >= 4)
    #expect(cost("casa", "que", "pt-BR") < 0)
    #expect(cost("o", "menino", "pt-BR") > cost("menino,", "mas", "pt-BR"))
  }

  @Test func koreanBreaksOnlyAtSpaces() {
    #expect(cost("학교", "에", "kor", spaced: false) >= 50, "inside an eojeol")
    #expect(cost("학", "교에", "kor", spaced: false) >= 50)
    #expect(cost("학교에", "갔어요", "kor") == 0, "between eojeols")
    #expect(cost("할", "수", "kor") >= 4, "a bound noun starts no line")
    #expect(cost("그", "사람", "kor") >= 4, "a determiner ends no line")
    #expect(cost("갔어요.", "그리고", "kor") < 0)
  }

  @Test func chineseBreaksAnywhereButInsideWordsNumbersAndPunctuation() {
    #expect(cost("中", "国", "cmn", spaced: false) < 2, "allowed between any two characters")
    #expect(cost("中", "国", "cmn", spaced: false) > cost("好，", "我", "cmn", spaced: false))
    #expect(cost("iPhone", "15", "cmn", spaced: false) >= 50)
    #expect(cost("２", "０", "zh-Hant", spaced: false) >= 50, "full-width digits")
    #expect(cost("Ｗ", "ｉ", "zh-Hant", spaced: false) >= 50, "full-width letters")
    #expect(cost("2024", "年", "cmn", spaced: false) > cost("年", "的", "cmn", spaced: false))
    #expect(cost("的", "happy", "cmn", spaced: false) == 0)
    #expect(cost("好", "，", "cmn", spaced: false) >= 50, "no break before closing punctuation")
    #expect(cost("好", "」", "cmn", spaced: false) >= 50)
    #expect(cost("「", "好", "cmn", spaced: false) >= 50, "no break after opening punctuation")
    #expect(cost("（", "注", "cmn", spaced: false) >= 50)
    #expect(cost("好，", "我", "cmn", spaced: false) < 0)
  }

  @Test func japanesePhrasesEndAfterParticlesAndEndings() {
    func ja(_ a: String, _ b: String) -> Double { cost(a, b, "jpn", spaced: false) }
    let afterParticle = ja("は", "学")
    #expect(afterParticle < 0)
    #expect(ja("を", "食") < 0)
    #expect(ja("に", "行") < 0)
    #expect(ja("を", "た") < 0, "を always ends a phrase")
    #expect(ja("学", "生") > afterParticle, "inside a kanji compound")
    #expect(ja("コ", "ン") > ja("学", "生"), "inside a katakana word")
    #expect(ja("ュ", "ー") >= 50, "small kana and ー never start a line")
    #expect(ja("晴", "れ") > 0, "between a kanji and its okurigana")
    #expect(ja("私", "は") > 0, "before a particle")
    #expect(ja("す", "今") < 0, "after です or ます")
    #expect(ja("でした", "明") < 0)
    #expect(ja("ない", "人") < ja("な", "い"))
    #expect(ja("お", "茶") > 0, "after the honorific prefix")
    #expect(ja("3", "人") > 0, "between a number and its counter")
    #expect(ja("20", "24") >= 50, "inside a number")
    #expect(ja("この", "本") > ja("私の", "本"), "この is a determiner")
    #expect(ja("で", "は") > afterParticle, "では is one particle")
  }

  // MARK: End to end

  /// Checks that no line of `cues` ends on a word `forbidden` accepts.
  private func expectNoLineEnds(
    on forbidden: (String) -> Bool, _ cues: [Cue], sourceLocation: SourceLocation = #_sourceLocation
  ) {
    #expect(cues.count > 1 || (cues.first?.lines?.count ?? 0) > 1, "no break was tested")
    for (line, next) in lineEnds(cues) {
      #expect(
        !forbidden(lastWord(line)), "\"\(line)\" | \"\(next)\"", sourceLocation: sourceLocation)
    }
  }

  @Test func frenchLinesNeverEndOnAnArticleOrAnElidedWord() {
    var style = CaptionStyle.netflixFrench
    style.maxCharactersPerLine = 18
    let text =
      "Hier soir, j'|ai vu l' homme de la maison d' en face qui parlait avec le voisin et "
      + "sa femme dans la rue. Il m'|a dit qu' il avait vu l'|ours près de l' école "
      + "pendant que les enfants jouaient au ballon."
    let cues = CaptionSegmenter(style: style, language: "fra").cues(items(text))
    let articles: Set<String> = ["le", "la", "les", "l'", "un", "une", "des", "du", "au", "aux"]
    expectNoLineEnds(on: { articles.contains(BreakWords.key($0)) || BreakWords.isElided($0) }, cues)
    let shown = cues.flatMap { $0.lines ?? [] }.joined(separator: " ")
    #expect(shown.contains("j'ai") && shown.contains("m'a") && shown.contains("l'ours"))
    for line in cues.flatMap({ $0.lines ?? [] }) { #expect(line.count <= 18, "\(line)") }
  }

  @Test func italianLinesNeverEndOnAnArticleOrAnElidedWord() {
    var style = CaptionStyle.netflixItalian
    style.maxCharactersPerLine = 18
    let text =
      "Alla fine dell' anno abbiamo visto un' amica della nonna che abitava vicino "
      + "all' ospedale con il marito e i figli. L' uomo ha detto che quest' estate "
      + "andranno al mare con gli amici."
    let cues = CaptionSegmenter(style: style, language: "ita").cues(items(text))
    let articles: Set<String> = ["il", "lo", "la", "i", "gli", "le", "un", "uno", "una"]
    expectNoLineEnds(on: { articles.contains(BreakWords.key($0)) || BreakWords.isElided($0) }, cues)
  }

  @Test func spanishLinesNeverEndOnAnArticleOrAOneLetterWord() {
    var style = CaptionStyle.netflixSpanish
    style.maxCharactersPerLine = 18
    let text =
      "Ayer por la tarde vimos a los niños del barrio jugando con una pelota en el parque "
      + "y luego fuimos a la casa de mi abuela que vive cerca del río."
    let cues = CaptionSegmenter(style: style, language: "spa").cues(items(text))
    let banned: Set<String> = [
      "el", "la", "los", "las", "un", "una", "unos", "unas", "al", "del", "y", "e", "o", "u", "a",
    ]
    expectNoLineEnds(on: { banned.contains(BreakWords.key($0)) }, cues)
  }

  @Test func germanLinesNeverEndOnAnArticleOrAPreposition() {
    var style = CaptionStyle.netflixGerman
    style.maxCharactersPerLine = 20
    let text =
      "Gestern haben wir mit dem neuen Nachbarn über die alte Brücke am Fluss gesprochen, "
      + "und er hat uns zum Essen in sein Haus eingeladen."
    let cues = CaptionSegmenter(style: style, language: "deu").cues(items(text))
    let banned: Set<String> = [
      "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "dem", "mit", "über",
      "am", "zum", "in", "sein",
    ]
    expectNoLineEnds(on: { banned.contains(BreakWords.key($0)) }, cues)
  }

  @Test func portugueseLinesNeverEndOnAnArticleOrAContraction() {
    var style = CaptionStyle.netflixBrazilianPortuguese
    style.maxCharactersPerLine = 18
    let text =
      "Ontem à noite a gente foi pra casa da minha avó que mora perto do rio e comeu "
      + "um bolo de chocolate com os primos no quintal."
    let cues = CaptionSegmenter(style: style, language: "pt-BR").cues(items(text))
    let banned: Set<String> = [
      "o", "a", "os", "as", "um", "uma", "da", "do", "no", "na", "pra", "de", "com", "minha",
    ]
    expectNoLineEnds(on: { banned.contains(BreakWords.key($0)) }, cues)
  }

  @Test func koreanNeverBreaksInsideAnEojeol() {
    var style = CaptionStyle.netflixKorean
    style.maxCharactersPerLine = 8
    // Particles and endings sometimes arrive as items of their own, without a space.
    let text =
      "어제|는 친구|와 함께 학교|에 갔어요. 우리|는 도서관|에서 책|을 읽고 점심|을 먹었어요. "
      + "그리고 오후|에는 공원|에서 산책|을 할 수 있었어요."
    let eojeols = Set(text.replacingOccurrences(of: "|", with: "").split(separator: " "))
    let cues = CaptionSegmenter(style: style, language: "kor").cues(items(text))
    #expect(cues.count > 1)
    for line in cues.flatMap({ $0.lines ?? [] }) {
      for unit in line.split(separator: " ") {
        #expect(eojeols.contains(unit), "\"\(line)\" divides an eojeol")
      }
    }
    for (line, next) in lineEnds(cues) {
      #expect(!(lastWord(line) == "할" && next.hasPrefix("수")), "\(line) | \(next)")
    }
  }

  @Test func chineseNeverBreaksInsideALatinWordOrANumberOrAtPunctuation() {
    var style = CaptionStyle.netflixTraditionalChinese
    style.maxCharactersPerLine = 6
    let text = "我在2024年買了iPhone15，「真的很好用」。然後我們去了ＷｉＦｉ咖啡店，喝了３杯咖啡。"
    let cues = CaptionSegmenter(style: style, language: "zh-Hant").cues(
      characterItems(text, whole: ["iPhone"]))
    #expect(cues.count > 1)
    for (line, next) in lineEnds(cues) {
      guard let last = line.last, let first = next.first else { continue }
      #expect(
        !(TextBreaks.isAlphanumeric(last) && TextBreaks.isAlphanumeric(first)),
        "\(line) | \(next)")
      #expect(!TextBreaks.isClosing(first), "\(line) | \(next)")
      #expect(!TextBreaks.isOpening(last), "\(line) | \(next)")
    }
  }

  @Test func japaneseKeepsWordsWholeAndBreaksAfterParticles() {
    var style = CaptionStyle.netflixJapanese
    style.maxCharactersPerLine = 8
    let text = "私はコンピューターを東京で買いました。友達と一緒にレストランへ行きました。"
    let cues = CaptionSegmenter(style: style, language: "jpn").cues(characterItems(text))
    let lines = cues.flatMap { $0.lines ?? [] }
    #expect(lines.contains { $0.contains("コンピューター") }, "\(lines)")
    #expect(lines.contains { $0.contains("レストラン") }, "\(lines)")
    for (line, next) in lineEnds(cues) {
      guard let last = line.last, let first = next.first else { continue }
      let left = CaptionSegmenter.JapaneseScript(last)
      let right = CaptionSegmenter.JapaneseScript(first)
      #expect(!(left == .katakana && right == .katakana), "\(line) | \(next)")
      #expect(!(left == .kanji && right == .hiragana), "\(line) | \(next)")
      #expect(!TextBreaks.isClosing(first), "\(line) | \(next)")
    }
  }
}
