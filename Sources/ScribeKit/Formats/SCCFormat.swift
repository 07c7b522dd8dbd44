import Foundation

/// Scenarist SCC (`.scc`): CEA-608 pop-on captions for broadcast television and the platforms
/// that take 608 captions (YouTube, Amazon, iTunes, most US broadcasters).
///
/// The file is the `Scenarist_SCC V1.0` header, then lines of a 29.97 fps drop-frame timecode
/// (`hh:mm:ss;ff`), a tab, and the CEA-608 byte pairs of caption channel 1 as four-digit hex
/// words with odd parity, one pair per video frame. It follows ANSI/CTA-608-E (the character
/// sets of its tables 49 to 52, the preamble address codes of table 53, the control codes of
/// table 54), with the layout that pycaption's, ttconv's and ffmpeg's SCC readers expect.
///
/// Each caption is sent pop-on: Resume Caption Loading and Erase Non-displayed Memory, then for
/// every row a preamble address code (row and indent) and a tab offset, then the text, loaded
/// into memory the viewer does not see; End Of Caption, on a line of its own timed to the cue's
/// first frame, swaps it onto the screen; Erase Displayed Memory, on its own line, clears it at
/// the cue's last frame unless the next caption replaces it there. Every control code, special
/// and extended character is sent twice in consecutive frames, as 608 asks for error recovery
/// (decoders ignore an identical repeat). The load starts as many frames early as it has byte
/// pairs (2 bytes a frame), before or after the previous caption's clear (never parted by it), so
/// End Of Caption lands on the cue's start frame; when cues are too close for that, the caption comes up as soon
/// as its load is complete, and ``rendering(_:)`` says how many were late and by how much.
///
/// Decisions where the standard leaves a choice:
/// - Rows end at row 15; a caption of _n_ rows takes rows 16 − _n_ to 15. Each row is centred
///   on the 32 columns (an indent of 4 × _k_ from the preamble and a tab offset of 1 to 3).
/// - Text is wrapped at 32 columns (or the line length asked for, when shorter). A caption
///   style's lines are kept when each fits in 32 columns and there are at most 4; otherwise the
///   cue is re-wrapped, and a cue that needs more than 4 rows is shown in parts of at most 4
///   rows, each from the time of its first word, never dropping a word.
/// - Speakers are shown as `>> ` before the first caption of each new speaker, the speaker-change
///   convention of US broadcast captioning (DCMP Captioning Key, "Speaker Identification"):
///   names would take columns 608 does not have, and a diarized name is often `speaker_1`.
/// - Characters 608 has, in its basic, special and extended sets, are sent as themselves; an
///   extended character follows the basic character it falls back to (`É` after `E`), since 608
///   decoders back up one column over it. Other characters become what 608 can show: a letter
///   with a mark it lacks becomes its base letter (`ō` → `o`), typographic dashes, quotes and
///   ellipses become ASCII (`—` and `–` → `-`, `„` → `"`, `…` → `...`), any other character (other scripts,
///   emoji) becomes `?`, and invisible format characters (zero-width spaces, direction marks) are
///   left out. Every character replaced is counted in a warning.
/// - SCC is always 29.97 fps drop-frame; a frame rate given for the export does not change it.
public struct SCCFormat: OutputFormat {
  /// Creates the format.
  public init() {}

  /// `scc`.
  public var name: String { "scc" }
  /// `scc`.
  public var fileExtension: String { "scc" }
  /// `text/x-scc`: SCC has no registered MIME type; the file is ASCII text.
  public var contentType: String { "text/x-scc" }
  /// Line length (at most 32), speakers (as `>>`) and caption styles.
  public var appliesOptions: FormatOptions { [.lineLength, .speakers, .captionStyle] }

  /// SRT's current limits (0.8 s silence, 4 s), two rows of 608's 32 columns (64 characters,
  /// 32 per line), no speakers: pop-on captions of the size broadcast captioners write.
  public func defaultOptions(_ defaults: APIDefaults) -> APIExportOptions {
    APIExportOptions(
      segmentOnSilenceLongerThan: 0.8, maxSegmentDuration: 4, maxSegmentChars: 64,
      maxCharactersPerLine: SCCEncoder.columns, includeSpeakers: false, includeTimestamps: true)
  }

  /// The SCC text of the cues.
  public func render(_ input: RenderInput) throws(ExportError) -> Data {
    try rendering(input).content
  }

  /// The SCC text of the cues, with warnings for characters 608 cannot show, cues split or
  /// re-wrapped to fit 32 columns by 4 rows, captions shown late because cues were too close,
  /// and times SMPTE timecode cannot hold.
  public func rendering(_ input: RenderInput) throws(ExportError) -> Rendering {
    var encoder = SCCEncoder(input: input)
    let text = encoder.render()
    return Rendering(content: Data(text.utf8), warnings: encoder.warnings(input: input))
  }
}

extension OutputFormat where Self == SCCFormat {
  /// Scenarist SCC, CEA-608 pop-on captions (``SCCFormat``).
  public static var scc: SCCFormat { SCCFormat() }
}

/// One character as 608 sends it.
enum SCCGlyph: Hashable, Sendable {
  /// A character of the basic set: one byte (without parity).
  case basic(UInt8)
  /// A special character: the pair 0x11, `code`.
  case special(UInt8)
  /// An extended character: the pair `first` (0x12 or 0x13), `code`, after the basic character
  /// `fallback` that decoders without the extended sets show, and that the others replace.
  case extended(first: UInt8, code: UInt8, fallback: UInt8)
}

/// Turns cues into SCC lines; keeps the counts the warnings report.
struct SCCEncoder {
  /// The columns of a 608 row.
  static let columns = 32
  /// The rows a pop-on caption may take.
  static let maxRows = 4

  let input: RenderInput
  /// Characters replaced by a fallback, and a few of them to name.
  var replaced = 0
  var replacedExamples: [String] = []
  /// Cues shown in more than one caption because they needed more than 4 rows.
  var splitCues = 0
  /// Cues whose caption style's lines were too long for 32 columns.
  var rewrappedCues = 0
  /// Captions shown after their cue's start because the previous one left too little time
  /// to load them, and the largest delay in frames.
  var lateCaptions = 0
  var latestBy = 0
  /// Whether a time reached 24 hours, past which SMPTE timecode does not go.
  var pastADay = false

  init(input: RenderInput) { self.input = input }

  /// A caption as shown: rows of glyphs, and its first and last frame.
  struct Caption {
    var rows: [[SCCGlyph]]
    var start: Int
    var end: Int
  }

  /// The file's text.
  mutating func render() -> String {
    var captions: [Caption] = []
    var previousSpeaker: String?
    for cue in input.cues {
      var speakerMark = false
      if input.options.includeSpeakers, let speaker = cue.speakerID {
        speakerMark = speaker != previousSpeaker
        previousSpeaker = speaker
      }
      captions += self.captions(for: cue, speakerMark: speakerMark)
    }
    var output = "Scenarist_SCC V1.0\n"
    for (frame, words) in schedule(captions) {
      if frame >= Self.framesPerDay { pastADay = true }
      output += "\n" + Self.timecode(frame) + "\t" + words.joined(separator: " ") + "\n"
    }
    return output
  }

  /// Frames of 29.97 fps drop-frame timecode in 24 hours.
  static let framesPerDay = 24 * 107_892

  // MARK: Text to rows

  /// A word as glyphs, and when it is spoken.
  struct Token {
    var glyphs: [SCCGlyph]
    var time: Double
    /// The token starts a line of the caption style's.
    var startsLine: Bool
  }

  /// The cue's captions: its text wrapped at 32 columns, in parts of at most 4 rows.
  mutating func captions(for cue: Cue, speakerMark: Bool) -> [Caption] {
    var tokens = self.tokens(of: cue)
    guard !tokens.isEmpty else { return [] }
    if speakerMark {
      tokens[0].startsLine = false
      tokens.insert(
        Token(glyphs: [.basic(0x3E), .basic(0x3E)], time: tokens[0].time, startsLine: true), at: 0)
    }
    let width = min(input.options.maxCharactersPerLine ?? Self.columns, Self.columns)
    var lines: [(glyphs: [SCCGlyph], time: Double)] = []
    if cue.lines != nil, let kept = Self.styleLines(tokens, width: Self.columns) {
      lines = kept
    } else {
      if cue.lines != nil { rewrappedCues += 1 }
      lines = Self.wrap(tokens, width: max(width, 1))
    }
    let parts = (lines.count + Self.maxRows - 1) / Self.maxRows
    if parts > 1 { splitCues += 1 }
    var captions: [Caption] = []
    var index = 0
    let start = Self.frame(cue.start)
    let end = max(Self.frame(cue.end), start)
    for part in 0..<parts {
      // Balanced parts (5 rows are 3 and 2, not 4 and 1), each from its first word's time.
      let count = (lines.count - index + parts - part - 1) / (parts - part)
      let rows = lines[index..<(index + count)]
      // A part is on screen for at least two frames, even when its words all start at once.
      let earliest = (captions.last?.start ?? start - 2) + 2
      let partStart = part == 0 ? start : max(Self.frame(rows.first?.time ?? 0), earliest)
      if var last = captions.popLast() {
        last.end = max(partStart, last.start)
        captions.append(last)
      }
      captions.append(Caption(rows: rows.map(\.glyphs), start: partStart, end: max(end, partStart)))
      index += count
    }
    return captions
  }

  /// The style's lines when each fits and there are at most 4 of them, else `nil`.
  static func styleLines(_ tokens: [Token], width: Int) -> [(glyphs: [SCCGlyph], time: Double)]? {
    var lines: [(glyphs: [SCCGlyph], time: Double)] = []
    for token in tokens {
      if token.startsLine || lines.isEmpty {
        lines.append((token.glyphs, token.time))
      } else {
        lines[lines.count - 1].glyphs += [.basic(0x20)] + token.glyphs
      }
      if lines[lines.count - 1].glyphs.count > width { return nil }
    }
    return lines.count <= maxRows ? lines : nil
  }

  /// Greedy wrapping at `width` columns; a word longer than a row is cut into rows.
  static func wrap(_ tokens: [Token], width: Int) -> [(glyphs: [SCCGlyph], time: Double)] {
    var lines: [(glyphs: [SCCGlyph], time: Double)] = []
    var line: [SCCGlyph] = []
    var lineTime = 0.0
    for token in tokens {
      var glyphs = token.glyphs[...]
      if !line.isEmpty, line.count + 1 + glyphs.count <= width {
        line += [.basic(0x20)] + glyphs
        continue
      }
      if !line.isEmpty { lines.append((line, lineTime)) }
      while glyphs.count > width {
        lines.append((Array(glyphs.prefix(width)), token.time))
        glyphs = glyphs.dropFirst(width)
      }
      line = Array(glyphs)
      lineTime = token.time
    }
    if !line.isEmpty { lines.append((line, lineTime)) }
    return lines
  }

  /// The cue's words as glyphs, each with the start time of the item it begins in. The text is
  /// the caption style's lines when there are some (a style may leave out leading punctuation,
  /// so characters are matched to items from the end), else the cue's text.
  mutating func tokens(of cue: Cue) -> [Token] {
    let source = cue.lines?.joined(separator: "\n") ?? cue.text
    // Start times of the items' visible characters, in order.
    var times: [Double] = []
    for item in cue.itemSlice where item.isTimed {
      for character in item.text where !character.isWhitespace {
        times.append(item.start)
      }
    }
    let total = source.reduce(0) { $0 + ($1.isWhitespace ? 0 : 1) }
    var visible = max(times.count - total, 0)
    var tokens: [Token] = []
    var current: Token?
    var newLine = true
    for character in source {
      if character.isWhitespace {
        if let token = current { tokens.append(token) }
        current = nil
        if character.isNewline { newLine = true }
        continue
      }
      let time = visible < times.count ? times[visible] : cue.start
      visible += 1
      let glyphs = glyphs(for: character)
      if glyphs.isEmpty { continue }
      if current == nil {
        current = Token(glyphs: [], time: min(max(time, cue.start), cue.end), startsLine: newLine)
        newLine = false
      }
      current?.glyphs += glyphs
    }
    if let token = current { tokens.append(token) }
    return tokens
  }

  /// The glyphs that show `character`, counting it when they are a fallback.
  mutating func glyphs(for character: Character) -> [SCCGlyph] {
    let (glyphs, exact) = Self.glyphs(for: character)
    if !exact {
      replaced += 1
      let name = String(character)
      if replacedExamples.count < 5, !replacedExamples.contains(name) {
        replacedExamples.append(name)
      }
    }
    return glyphs
  }

  /// The glyphs that show `character`, and whether they show it exactly. Invisible format
  /// characters give no glyph and count as exact.
  static func glyphs(for character: Character) -> (glyphs: [SCCGlyph], exact: Bool) {
    if let glyph = table[character] { return ([glyph], true) }
    let scalars = character.unicodeScalars
    if scalars.allSatisfy({ $0.properties.generalCategory == .format || $0.value < 0x20 }) {
      return ([], true)
    }
    if let text = substitutes[character] {
      return (text.compactMap { table[$0] }, false)
    }
    // A letter with a mark 608 lacks: its base letter, when that is one 608 has.
    let decomposed = String(character).decomposedStringWithCanonicalMapping
    if let base = decomposed.unicodeScalars.first, decomposed.unicodeScalars.count > 1,
      let glyph = table[Character(base)], case .basic = glyph
    {
      return ([glyph], false)
    }
    return ([.basic(0x3F)], false)
  }

  /// Every character 608 shows (CTA-608-E tables 49 to 52; the same as pycaption's
  /// `CHARACTERS`, `SPECIAL_CHARS` and `EXTENDED_CHARS`, and ffmpeg's `charset_overrides`).
  static let table: [Character: SCCGlyph] = {
    var table: [Character: SCCGlyph] = [:]
    // Basic: ASCII, except ten codes 608 gives to other characters.
    let basicOverrides: [UInt8: Character] = [
      0x2A: "á", 0x5C: "é", 0x5E: "í", 0x5F: "ó", 0x60: "ú", 0x7B: "ç", 0x7C: "÷", 0x7D: "Ñ",
      0x7E: "ñ", 0x7F: "█",
    ]
    for code in UInt8(0x20)...0x7F {
      let character = basicOverrides[code] ?? Character(Unicode.Scalar(code))
      table[character] = .basic(code)
    }
    let special = Array("®°½¿™¢£♪à\u{0}èâêîôû")
    for (offset, character) in special.enumerated() where character != "\u{0}" {
      table[character] = .special(0x30 + UInt8(offset))
    }
    // Extended sets and what a decoder without them shows.
    let spanishFrench = Array("ÁÉÓÚÜü‘¡*’—©℠•“”ÀÂÇÈÊËëÎÏïÔÙùÛ«»")
    let spanishFallback = Array("AEOUUu'!.'-cs.\"\"AACEEEeIIiOUuU\"\"")
    let portugueseGerman = Array("ÃãÍÌìÒòÕõ{}\\^_¦~ÄäÖöß¥¤|ÅåØø┌┐└┘")
    let portugueseFallback = Array("AaIIiOoOo()/'-!-AaOosYC!AaOo++++")
    for (first, characters, fallbacks) in [
      (UInt8(0x12), spanishFrench, spanishFallback), (0x13, portugueseGerman, portugueseFallback),
    ] {
      for (offset, character) in characters.enumerated() {
        let fallback = fallbacks[offset].asciiValue ?? 0x20
        table[character] = .extended(
          first: first, code: 0x20 + UInt8(offset), fallback: fallback)
      }
    }
    // 0x12 0x2A is an em dash to pycaption, a heavy horizontal bar (━) to ttconv and unknown to
    // ffmpeg: a hyphen reads the same everywhere.
    table["—"] = nil
    return table
  }()

  /// Typographic characters 608 lacks and the text that stands for them.
  static let substitutes: [Character: String] = [
    "—": "-", "–": "-", "‒": "-", "―": "-", "−": "-", "‐": "-", "‑": "-", "‚": "'", "‛": "'",
    "′": "'",
    "„": "\"", "‟": "\"", "″": "\"", "‹": "<", "›": ">", "…": "...", "`": "'", "´": "'",
    "·": ".", "×": "x", "Œ": "OE", "œ": "oe", "Æ": "AE", "æ": "ae", "ø": "o", "Ł": "L",
    "ł": "l", "Đ": "D", "đ": "d", "ı": "i", "€": "EUR", "¼": "1/4", "¾": "3/4",
  ]

  // MARK: Bytes and timing

  /// `byte` with odd parity in bit 7.
  static func parity(_ byte: UInt8) -> UInt8 {
    byte.nonzeroBitCount % 2 == 0 ? byte | 0x80 : byte
  }

  /// The hex word of a byte pair, with parity.
  static func word(_ first: UInt8, _ second: UInt8) -> String {
    let value = Int(parity(first)) << 8 | Int(parity(second))
    let hex = String(value, radix: 16)
    return String(repeating: "0", count: 4 - hex.count) + hex
  }

  static let resumeCaptionLoading = word(0x14, 0x20)
  static let eraseNonDisplayed = word(0x14, 0x2E)
  static let eraseDisplayed = word(0x14, 0x2C)
  static let endOfCaption = word(0x14, 0x2F)

  /// The preamble address code for `row` (1 to 15) at indent `4 × indent` columns, white.
  static func preamble(row: Int, indent: Int) -> String {
    // CTA-608-E table 53: the first byte and the base of the second byte for each row.
    let rows: [(UInt8, UInt8)] = [
      (0x11, 0x40), (0x11, 0x60), (0x12, 0x40), (0x12, 0x60), (0x15, 0x40), (0x15, 0x60),
      (0x16, 0x40), (0x16, 0x60), (0x17, 0x40), (0x17, 0x60), (0x10, 0x40), (0x13, 0x40),
      (0x13, 0x60), (0x14, 0x40), (0x14, 0x60),
    ]
    let (first, base) = rows[min(max(row, 1), 15) - 1]
    return word(first, base + 0x10 + UInt8(min(max(indent, 0), 7) * 2))
  }

  /// The words that load `caption` into non-displayed memory, from Resume Caption Loading to
  /// its last character (End Of Caption is sent apart).
  static func loadWords(_ caption: Caption) -> [String] {
    var words = [
      resumeCaptionLoading, resumeCaptionLoading, eraseNonDisplayed, eraseNonDisplayed,
    ]
    for (index, row) in caption.rows.enumerated() {
      let column = (columns - row.count) / 2
      let code = preamble(row: 16 - caption.rows.count + index, indent: column / 4)
      words += [code, code]
      if column % 4 > 0 {
        let tab = word(0x17, 0x20 + UInt8(column % 4))
        words += [tab, tab]
      }
      var pending: UInt8?
      func flush() {
        if let byte = pending { words.append(word(byte, 0)) }
        pending = nil
      }
      func basic(_ byte: UInt8) {
        if let first = pending {
          words.append(word(first, byte))
          pending = nil
        } else {
          pending = byte
        }
      }
      for glyph in row {
        switch glyph {
        case .basic(let byte): basic(byte)
        case .special(let code):
          flush()
          words += [word(0x11, code), word(0x11, code)]
        case .extended(let first, let code, let fallback):
          basic(fallback)
          flush()
          words += [word(first, code), word(first, code)]
        }
      }
      flush()
    }
    return words
  }

  /// The file's lines: each caption's load, its End Of Caption at its start frame, and its
  /// Erase Displayed Memory at its end frame unless the next caption replaces it there.
  mutating func schedule(_ captions: [Caption]) -> [(Int, [String])] {
    var lines: [(Int, [String])] = []
    // The first frame no line has taken, and the frame at which the caption on screen ends.
    var free = 0
    var clearAt: Int?
    for caption in captions {
      let load = Self.loadWords(caption)
      var start = caption.start
      // The previous caption is cleared at its end unless this one replaces it then (a gap of
      // one frame is not worth two: it would leave no room for the clear's second word).
      var clear: Int?
      if let end = clearAt, end < start - 1 { clear = max(end, free) }
      // The load is one run of frames, never parted by the clear: readers take a control
      // code after the clear for a new one, not the second of a pair. It goes right before the
      // start when it fits after the clear, else right before the clear.
      var loadAt = start - load.count
      if let clear, loadAt < clear + 2 {
        loadAt = clear - load.count >= free ? clear - load.count : clear + 2
      }
      if loadAt < free { loadAt = free }
      if loadAt + load.count > start {
        // Too close: the caption comes up when it is loaded.
        lateCaptions += 1
        latestBy = max(latestBy, loadAt + load.count - start)
        start = loadAt + load.count
      }
      if let clear, clear < loadAt {
        lines.append((clear, [Self.eraseDisplayed, Self.eraseDisplayed]))
      }
      lines.append((loadAt, load))
      if let clear, clear >= loadAt {
        lines.append((clear, [Self.eraseDisplayed, Self.eraseDisplayed]))
      }
      lines.append((start, [Self.endOfCaption, Self.endOfCaption]))
      free = start + 2
      // At least two frames on screen (pycaption rejects cues shorter than 50 ms).
      clearAt = max(caption.end, start + 2)
    }
    if let end = clearAt {
      lines.append((max(end, free), [Self.eraseDisplayed, Self.eraseDisplayed]))
    }
    return lines
  }

  /// The frame of 29.97 fps video that `seconds` falls in, rounded to the nearest.
  static func frame(_ seconds: Double) -> Int {
    guard seconds.isFinite, seconds > 0 else { return 0 }
    let frames = (seconds * 30000 / 1001).rounded()
    return frames >= Double(Int.max / 2) ? Int.max / 2 : Int(frames)
  }

  /// The drop-frame timecode of a frame count: frames 0 and 1 of every minute but each tenth
  /// are not counted (SMPTE ST 12-1), so the timecode keeps to the clock. Hours grow past 23.
  static func timecode(_ frame: Int) -> String {
    let tens = frame / 17982
    let rest = frame % 17982
    let dropped = 18 * tens + (rest < 2 ? 0 : 2 * ((rest - 2) / 1798))
    let label = frame + dropped
    let hours = label / 108_000
    func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
    return two(hours) + ":" + two(label / 1800 % 60) + ":" + two(label / 30 % 60) + ";"
      + two(label % 30)
  }

  /// What the user should know about the file.
  func warnings(input: RenderInput) -> [String] {
    var warnings: [String] = []
    if replaced > 0 {
      warnings.append(
        "\(replaced) character\(replaced == 1 ? "" : "s") CEA-608 cannot show \(replaced == 1 ? "was" : "were") replaced (letters by their base letter, dashes, quotes and ellipses by ASCII, anything else by ?), such as "
          + replacedExamples.map { "\"\($0)\"" }.joined(separator: ", ") + ".")
    }
    let width = input.options.maxCharactersPerLine ?? Self.columns
    if width > Self.columns {
      warnings.append(
        "CEA-608 rows hold 32 characters; lines were wrapped at 32, not at the line length \(width)."
      )
    }
    if rewrappedCues > 0 {
      warnings.append(
        "The caption style's lines do not fit CEA-608's 32 columns by 4 rows in \(rewrappedCues) cue\(rewrappedCues == 1 ? "" : "s"), which were re-wrapped at 32 columns."
      )
    }
    if splitCues > 0 {
      warnings.append(
        "\(splitCues) cue\(splitCues == 1 ? "" : "s") needed more than CEA-608's 4 rows and \(splitCues == 1 ? "was" : "were") shown in parts, each from its first word; the style does not fit 608 (use at most 4 lines of 32 characters)."
      )
    }
    if lateCaptions > 0 {
      warnings.append(
        "\(lateCaptions) caption\(lateCaptions == 1 ? "" : "s") came too soon after the previous one to be loaded in time (608 sends 2 characters a frame) and \(lateCaptions == 1 ? "appears" : "appear") up to \(latestBy) frame\(latestBy == 1 ? "" : "s") late."
      )
    }
    if pastADay {
      warnings.append(
        "Times past 23:59:59;29 are beyond SMPTE timecode; some SCC readers reject them.")
    }
    if let rate = input.frameRate, rate != .ntsc {
      warnings.append(
        "SCC is always 29.97 fps drop-frame; the frame rate \(rate) was not used.")
    }
    return warnings
  }
}
