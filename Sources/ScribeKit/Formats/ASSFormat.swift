import Foundation

/// Advanced SubStation Alpha (`.ass`, SSA v4.00+): styled captions with a colour per speaker
/// and, on request, karaoke highlighting of every word as it is spoken.
///
/// The file follows the "Sub Station Alpha v4.00+ Script Format" (the ASS specification that
/// Aegisub and libass implement) and is checked against libass, the renderer of mpv, VLC,
/// ffmpeg's `subtitles` filter and Aegisub on Linux and macOS, and against the pysubs2 and
/// `ass` Python readers (`Tests/External/check_ass.py`):
///
/// - `[Script Info]`: `ScriptType: v4.00+`, a 1920×1080 `PlayResX`/`PlayResY` (every size and
///   margin is in those pixels; players scale them to the video), `WrapStyle: 0` (the player
///   wraps a line only if it is still too wide for the screen, since the lines are chosen
///   here), `ScaledBorderAndShadow: yes` (outlines scale with the picture) and
///   `YCbCr Matrix: None` (colours are plain RGB, not converted for a video's colour matrix).
/// - `[V4+ Styles]`: `Default`, and, with speakers included, one style per speaker named after
///   them (their ID, or the name `ExportSettings/speakerNames` gave), in the order they first
///   speak, each with its own colour (white, yellow, cyan and green first, the order of the
///   BBC's subtitle guidelines). A style name cannot hold a comma (fields are separated by
///   commas) and loses a leading `*` (libass drops it), so those become spaces; names that
///   would then clash, or clash with `Default`, get a number.
/// - `[Events]`: one `Dialogue:` per cue, `Start` and `End` as `h:mm:ss.cc`, rounded half up
///   to the centisecond from the whole millisecond (as Aegisub and pysubs2 round). Rounding
///   the same way keeps cues in order and never makes one end before it starts; a cue that
///   lasts less than half a centisecond is given one, unless the next cue starts in that
///   same centisecond. Hours grow past one digit; see ``rendering(_:)``.
///
/// Lines are joined with `\N`, the hard line break. Text is escaped so that nothing in a
/// transcript can become an override tag: `{` and `}` are written `\{` and `\}`, the escapes
/// libass reads as literal braces (`ass_get_next_char` in libass's `ass_parse.c`; ffmpeg's
/// SRT-to-ASS conversion writes the same), and every `\` is followed by a word joiner
/// (U+2060, invisible) so that no `\N`, `\n`, `\h`, `\{` or `\}` can form from the
/// transcript's own backslashes; libass has no escape for the backslash itself (`\\` is a
/// backslash followed by whatever comes next). Control characters, which would end the text
/// early (NUL in libass) or split the line for some readers (U+001C–U+001E in Python's
/// `splitlines`, which the `ass` library uses), are left out. Whitespace runs are single
/// spaces and lines have no leading or trailing space, so the text field starts and ends
/// with visible text, which readers that trim lines (pysubs2) keep intact.
///
/// With ``RenderInput/karaoke`` set, every word and audio event is a syllable: `\k` (the word
/// lights up when it starts) or `\kf` (it fills from left to right while it is spoken),
/// timed in centiseconds from the word timings. A pause between words is a syllable of its
/// own with no text (`{\k25}` before the next word), so the highlight waits; the durations
/// come from boundaries rounded once, so they add up exactly to the cue's duration. A
/// speaker's colour is what a sung word turns to; words not yet sung are a darker shade of
/// it (`SecondaryColour`).
///
/// The file is UTF-8 without a byte order mark, which libass, ffmpeg, pysubs2 and the `ass`
/// library all read as UTF-8 (the `ass` library refuses a mark unless opened as `utf-8-sig`).
public struct ASSFormat: OutputFormat {
  /// Creates the format.
  public init() {}

  /// `ass`.
  public var name: String { "ass" }
  /// `ass`.
  public var fileExtension: String { "ass" }
  /// `text/x-ssa`, the type Matroska and most servers give SubStation files (there is no
  /// registered one).
  public var contentType: String { "text/x-ssa" }
  /// Line length, speakers, caption styles, karaoke and the title (`Title:` in the script's
  /// information).
  public var appliesOptions: FormatOptions {
    [.lineLength, .speakers, .captionStyle, .karaoke, .title]
  }

  /// SRT's defaults (42 characters a line, cues of at most 4 s and 84 characters, no
  /// speakers): the same transcript gives the same cues in every caption format, and a
  /// diarized transcript's IDs (`speaker_0`) are not shown unless asked for.
  public func defaultOptions(_ defaults: APIDefaults) -> APIExportOptions {
    SRTFormat().defaultOptions(defaults)
  }

  /// The ASS script of the cues.
  public func render(_ input: RenderInput) throws(ExportError) -> Data {
    try rendering(input).content
  }

  /// The script, with a warning when it holds times past 9:59:59.99 (the specification's
  /// times have one digit of hours: libass reads any number, Aegisub clamps times to
  /// 9:59:59.99 and pysubs2 reads two digits at most), or braces (`\{` and `\}` show as
  /// braces in libass, while VSFilter, the renderer of older Windows players, has no escape
  /// for them and hides text between them: its `CRenderedTextSubtitle::GetSubtitle` takes a
  /// `{` with a `}` after it for an override block).
  public func rendering(_ input: RenderInput) throws(ExportError) -> Rendering {
    let script = ASSScript(input: input)
    let text = script.render()
    var warnings: [String] = []
    if script.hasLongTimes {
      warnings.append(
        "The ASS file has times past 9:59:59.99, which libass (mpv, VLC, ffmpeg) plays but Aegisub cuts to 9:59:59.99 (and pysubs2 cannot read past 99:59:59.99)."
      )
    }
    if script.hasBraces {
      warnings.append(
        "The ASS file's text holds { or }, written as \\{ and \\}, which libass (mpv, VLC, ffmpeg) shows as braces but VSFilter-based Windows players hide with the text between them."
      )
    }
    return Rendering(content: Data(text.utf8), warnings: warnings)
  }
}

extension OutputFormat where Self == ASSFormat {
  /// Advanced SubStation Alpha (``ASSFormat``).
  public static var ass: ASSFormat { ASSFormat() }
}

/// Builds one ASS script; see ``ASSFormat`` for what it contains and why.
struct ASSScript {
  let input: RenderInput
  /// Whether a time needs more than one digit of hours.
  let hasLongTimes: Bool
  /// Whether the text holds a brace.
  let hasBraces: Bool

  init(input: RenderInput) {
    self.input = input
    let cues = input.cues
    hasLongTimes = cues.contains { Self.centiseconds($0.end) >= 10 * 3600 * 100 }
    hasBraces = cues.contains { cue in
      cue.text.contains { $0 == "{" || $0 == "}" }
        || (input.options.includeSpeakers
          && (cue.speakerID?.contains { $0 == "{" || $0 == "}" } ?? false))
    }
  }

  /// The colours speakers get in turn, as RGB: white, yellow, cyan and green first (the BBC's
  /// order for subtitle speakers), then colours that stay readable with a black outline.
  static let palette: [(UInt8, UInt8, UInt8)] = [
    (0xFF, 0xFF, 0xFF), (0xFF, 0xFF, 0x00), (0x00, 0xFF, 0xFF), (0x00, 0xFF, 0x00),
    (0xFF, 0x80, 0xFF), (0xFF, 0xA6, 0x4D), (0x80, 0xB3, 0xFF), (0xFF, 0x8C, 0x8C),
  ]

  /// The style line's fields after the name and the two colours, for every style: Arial
  /// (fontconfig gives libass a metric-compatible font where Arial is missing, and falls back
  /// per character for other scripts) at 64 of 1080 pixels, a 3-pixel black outline with a
  /// 1-pixel shadow, bottom centre, 5% margins.
  static let styleTail =
    "&H00000000,&H80000000,0,0,0,0,100,100,0,0,1,3,1,2,96,96,54,1"

  func render() -> String {
    let speakers = input.options.includeSpeakers
    let styles = speakers ? Self.styleNames(for: input.cues) : [:]
    var output = "[Script Info]\n"
    output += "; Script generated by ScribeKit\n"
    output += "Title: " + Self.headerValue(input.document.title) + "\n"
    output += "ScriptType: v4.00+\n"
    output += "PlayResX: 1920\nPlayResY: 1080\n"
    output += "WrapStyle: 0\nScaledBorderAndShadow: yes\nYCbCr Matrix: None\n"
    output += "\n[V4+ Styles]\n"
    output +=
      "Format: Name, Fontname, Fontsize, PrimaryColour, SecondaryColour, OutlineColour, BackColour, Bold, Italic, Underline, StrikeOut, ScaleX, ScaleY, Spacing, Angle, BorderStyle, Outline, Shadow, Alignment, MarginL, MarginR, MarginV, Encoding\n"
    output += Self.styleLine("Default", colour: Self.palette[0])
    for (number, style) in styles.values.sorted(by: { $0.order < $1.order }).enumerated() {
      output += Self.styleLine(style.name, colour: Self.palette[number % Self.palette.count])
    }
    output += "\n[Events]\n"
    output += "Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text\n"
    let wrapper = LineWrapper(maxCharactersPerLine: input.options.maxCharactersPerLine)
    let times = Self.eventTimes(input.cues)
    for (index, cue) in input.cues.enumerated() {
      let lines = wrapper.lines(for: cue)
      guard !lines.isEmpty else { continue }
      let (start, end) = times[index]
      var styleName = "Default"
      var name = ""
      var text = ""
      if speakers, let speaker = cue.speakerID, let style = styles[speaker] {
        styleName = style.name
        name = style.name
        if input.speakerLabels != .voice {
          text = Self.escaped("[" + TextRenderer.singleLine(speaker) + "] ")
        }
      }
      text += markedUp(lines, cue: cue, start: start, end: end)
      output += "Dialogue: 0," + Self.timestamp(start) + "," + Self.timestamp(end) + ","
      output += styleName + "," + name + ",0,0,0,," + text + "\n"
    }
    return output
  }

  /// `Style:` with `name`, the colour a sung (or ordinary) word has, and a darker shade of it
  /// for words karaoke has not reached yet.
  static func styleLine(_ name: String, colour: (UInt8, UInt8, UInt8)) -> String {
    func shade(_ value: UInt8) -> UInt8 { UInt8((Int(value) * 55 + 50) / 100) }
    let unsung = (shade(colour.0), shade(colour.1), shade(colour.2))
    return "Style: \(name),Arial,64," + assColour(colour) + "," + assColour(unsung) + ","
      + styleTail + "\n"
  }

  /// `&H00BBGGRR`: ASS colours are alpha, blue, green, red, in hexadecimal.
  static func assColour(_ colour: (UInt8, UInt8, UInt8)) -> String {
    let hex = Array("0123456789ABCDEF")
    var text = "&H00"
    for value in [colour.2, colour.1, colour.0] {
      text.append(hex[Int(value >> 4)])
      text.append(hex[Int(value & 0xF)])
    }
    return text
  }

  /// A style for each speaker, by speaker, with the order they first speak in.
  static func styleNames(for cues: [Cue]) -> [String: (name: String, order: Int)] {
    var styles: [String: (name: String, order: Int)] = [:]
    // Case-insensitively unique: VSFilter looks styles up without regard to case.
    var taken: Set<String> = ["default"]
    for cue in cues {
      guard let speaker = cue.speakerID, styles[speaker] == nil else { continue }
      let base = fieldName(speaker)
      var name = base.isEmpty ? "Speaker" : base
      var number = 2
      while taken.contains(name.lowercased()) {
        name = (base.isEmpty ? "Speaker" : base) + " \(number)"
        number += 1
      }
      taken.insert(name.lowercased())
      styles[speaker] = (name, styles.count)
    }
    return styles
  }

  /// `text` as a style or actor name: commas (the field separator), control characters and
  /// line breaks become spaces, whitespace runs one space, no space at either end (readers
  /// trim fields), and no leading `*` (libass drops it from style names).
  static func fieldName(_ text: String) -> String {
    var cleaned = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      cleaned.append(scalar == "," || isControl(scalar) ? " " : scalar)
    }
    var name = TextRenderer.singleLine(String(cleaned))
    while name.hasPrefix("*") { name = TextRenderer.singleLine(String(name.dropFirst())) }
    return name
  }

  /// A `[Script Info]` value on one line.
  static func headerValue(_ text: String) -> String {
    var cleaned = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      cleaned.append(isControl(scalar) ? " " : scalar)
    }
    return TextRenderer.singleLine(String(cleaned))
  }

  /// C0 and C1 control characters and DEL.
  static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
  }

  /// `text` with nothing an ASS renderer reads as markup: braces as libass's escapes, a word
  /// joiner after every backslash, control characters left out.
  static func escaped(_ text: String) -> String {
    var result = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      switch scalar {
      case "{": result.append(contentsOf: "\\{".unicodeScalars)
      case "}": result.append(contentsOf: "\\}".unicodeScalars)
      case "\\": result.append(contentsOf: "\\\u{2060}".unicodeScalars)
      default:
        if !isControl(scalar) { result.append(scalar) }
      }
    }
    return String(result)
  }

  /// Whole centiseconds of `seconds`: the whole milliseconds rounded half up (1.005 s is
  /// 101), as Aegisub rounds, so times written to the millisecond round as their decimals do.
  static func centiseconds(_ seconds: Double) -> Int {
    let millis = Timecode.milliseconds(seconds)
    return millis >= Int.max - 5 ? Int.max / 10 : (millis + 5) / 10
  }

  /// The start and end of every cue in centiseconds. The same rounding of every time keeps
  /// their order; a cue that rounds to nothing but lasts is given a centisecond unless the
  /// next cue starts in it.
  static func eventTimes(_ cues: [Cue]) -> [(Int, Int)] {
    var times: [(Int, Int)] = []
    times.reserveCapacity(cues.count)
    for (index, cue) in cues.enumerated() {
      let start = centiseconds(cue.start)
      var end = max(start, centiseconds(cue.end))
      if end == start, Timecode.milliseconds(cue.end) > Timecode.milliseconds(cue.start) {
        let next = index + 1 < cues.count ? centiseconds(cues[index + 1].start) : Int.max
        if next > start { end = start + 1 }
      }
      times.append((start, end))
    }
    return times
  }

  /// `h:mm:ss.cc`; the hours take as many digits as they need.
  static func timestamp(_ centiseconds: Int) -> String {
    let seconds = centiseconds / 100
    func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
    return "\(seconds / 3600):" + two(seconds / 60 % 60) + ":" + two(seconds % 60) + "."
      + two(centiseconds % 100)
  }

  /// The lines escaped and joined with `\N`, with karaoke tags before the words when asked.
  private func markedUp(_ lines: [String], cue: Cue, start: Int, end: Int) -> String {
    var tags: [Int: String] = [:]
    var trailing = ""
    if let karaoke = input.karaoke {
      (tags, trailing) = Self.karaokeTags(
        for: cue, lines: lines, start: start, end: end, tag: karaoke == .sweep ? "kf" : "k")
    }
    var result = ""
    var visible = 0
    for (number, line) in lines.enumerated() {
      if number > 0 { result += "\\N" }
      var pending = String.UnicodeScalarView()
      for scalar in line.unicodeScalars {
        if !scalar.properties.isWhitespace {
          if let tag = tags[visible] {
            result += Self.escaped(String(pending)) + tag
            pending.removeAll()
          }
          visible += 1
        }
        pending.append(scalar)
      }
      result += Self.escaped(String(pending))
    }
    return result + trailing
  }

  /// Karaoke tags keyed by the index, among the visible (non-whitespace) scalars of `lines`,
  /// of the one they precede, and the tags that follow the last word.
  ///
  /// Each word's start and end are rounded once to centiseconds from the cue's start and
  /// clamped to the cue (words only move later, never past the next word's start), and
  /// every duration is a difference of two of these boundaries, so the durations add up to
  /// the cue's exactly: the first word's delay, then for each word its own time and the
  /// pause before the next (or the cue's end) as a syllable with no text.
  static func karaokeTags(
    for cue: Cue, lines: [String], start: Int, end: Int, tag: String
  ) -> (tags: [Int: String], trailing: String) {
    let total = end - start
    let words = cue.itemSlice.filter { $0.kind != .spacing }
    guard !words.isEmpty else { return ([:], "{\\\(tag)\(total)}") }
    var boundaries: [Int] = []
    var last = 0
    for word in words {
      last = min(max(centiseconds(word.start) - start, last), total)
      boundaries.append(last)
    }
    // Where each word starts among the visible scalars of the lines. A caption style may
    // have left closing punctuation that opens a cue out of its lines: the lines are then the
    // end of the words' text, and the words before them get their tags before the first
    // visible character.
    func visibleCount(_ text: String) -> Int {
      text.unicodeScalars.reduce(0) { $0 + ($1.properties.isWhitespace ? 0 : 1) }
    }
    let counts = words.map { visibleCount($0.text) }
    let shown = lines.reduce(0) { $0 + visibleCount($1) }
    let skipped = max(0, counts.reduce(0, +) - shown)
    var tags: [Int: String] = [:]
    var trailing = ""
    func add(_ text: String, at index: Int) {
      if index >= shown {
        trailing += text
      } else {
        tags[max(index, 0), default: ""] += text
      }
    }
    var position = -skipped
    if boundaries[0] > 0 { add("{\\\(tag)\(boundaries[0])}", at: 0) }
    for (index, word) in words.enumerated() {
      let next = index + 1 < words.count ? boundaries[index + 1] : total
      let spoken = min(max(centiseconds(word.end) - start, boundaries[index]), next)
      add("{\\\(tag)\(spoken - boundaries[index])}", at: max(position, 0))
      if next > spoken {
        let pauseAt = index + 1 < words.count ? max(position + counts[index], 0) : shown
        add("{\\\(tag)\(next - spoken)}", at: pauseAt)
      }
      position += counts[index]
    }
    return (tags, trailing)
  }
}
