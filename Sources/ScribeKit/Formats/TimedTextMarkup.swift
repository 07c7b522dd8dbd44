/// What the two TTML formats (``TTMLFormat``, IMSC 1.1, and ``EBUTTDFormat``, EBU-TT-D) write
/// alike: media times, a cue's lines as escaped text between `br` elements, and spans that
/// start at each word.
enum TimedTextMarkup {
  /// The TTML namespace of elements without a prefix (TTML2 §5.1.1).
  static let ttml = "http://www.w3.org/ns/ttml"
  /// The parameter namespace (`ttp:`).
  static let parameter = "http://www.w3.org/ns/ttml#parameter"
  /// The styling namespace (`tts:`).
  static let styling = "http://www.w3.org/ns/ttml#styling"
  /// The metadata namespace (`ttm:`).
  static let metadata = "http://www.w3.org/ns/ttml#metadata"
  /// EBU-TT's styling extensions (`ebutts:`), which IMSC also permits (`linePadding`,
  /// `multiRowAlign`).
  static let ebuStyling = "urn:ebu:tt:style"

  /// The document's language as the value of `xml:lang`: its BCP 47 tag, escaped, without
  /// characters XML forbids; empty when the language is unknown (TTML's "undetermined").
  static func languageAttribute(_ document: DocumentInfo) -> String {
    Markup.escapeAttribute(
      String(
        String.UnicodeScalarView(
          (document.languageTag ?? "").unicodeScalars.filter(Markup.isXMLCharacter))))
  }

  /// A media time as a TTML clock time, `hh:mm:ss.mmm` (hours grow past two digits, as TTML's
  /// `<hours>` allows: two or more digits), rounded to the millisecond.
  static func clock(milliseconds: Int) -> String {
    Timecode.vtt(Double(milliseconds) / 1000)
  }

  /// The `p` content of `lines`: each line's text XML-escaped (without the characters XML
  /// forbids), lines separated by `<br/>`. The first `labelLength` non-whitespace scalars are a
  /// speaker's label (``lines(of:label:wrapper:)``), outside any word.
  ///
  /// With `wordStarts` (times in milliseconds from the cue's start, keyed by the index among
  /// the non-whitespace scalars after the label of the first one of each word), each word is
  /// a span `<span begin="…">` that starts when the word is spoken; a word a line break cuts
  /// in two is two spans with one time. The space after a word is inside its span, so that no
  /// word's text lies outside a timed span.
  static func content(lines: [String], labelLength: Int = 0, wordStarts: [Int: Int]? = nil)
    -> String
  {
    var result = ""
    var visible = -labelLength
    var current: Int?
    for (number, line) in lines.enumerated() {
      if number > 0 { result += "<br/>" }
      var open = false
      var kept = String.UnicodeScalarView()
      kept.append(contentsOf: line.unicodeScalars.filter(Markup.isXMLCharacter))
      for scalar in kept {
        if let wordStarts, !scalar.properties.isWhitespace {
          if visible >= 0, let start = wordStarts[visible] {
            if open { result += "</span>" }
            result += "<span begin=\"" + clock(milliseconds: start) + "\">"
            open = true
            current = start
          } else if !open, visible >= 0, let current {
            // A word continued from the line before.
            result += "<span begin=\"" + clock(milliseconds: current) + "\">"
            open = true
          }
        }
        if !scalar.properties.isWhitespace { visible += 1 }
        result += Markup.escapeText(String(scalar))
      }
      if open { result += "</span>" }
    }
    return result
  }

  /// The lines a cue shows, starting with `label` when there is one: a caption style's lines
  /// with the label before the first, or the text wrapped with the label counted in the first
  /// line's length, as SRT wraps it.
  static func lines(of cue: Cue, label: String, wrapper: LineWrapper) -> [String] {
    if let chosen = cue.lines {
      var lines = LineWrapper.normalized(chosen)
      if !label.isEmpty, !lines.isEmpty { lines[0] = label + lines[0] }
      return lines
    }
    let lines = wrapper.wrap(cue.text)
    return lines.isEmpty || label.isEmpty ? lines : wrapper.wrap(label + cue.text)
  }

  /// The number of scalars of `text` that are neither whitespace nor forbidden in XML: what
  /// ``content(lines:labelLength:wordStarts:)`` counts.
  static func visibleCount(_ text: String) -> Int {
    text.unicodeScalars.reduce(0) {
      $0 + ($1.properties.isWhitespace || !Markup.isXMLCharacter($1) ? 0 : 1)
    }
  }

  /// The start of every word of `cue` in milliseconds from the cue's start, keyed by the index
  /// among the non-whitespace scalars of `lines` where the word starts. Times never decrease
  /// and lie inside the cue, before its end; the first word starts with the cue.
  static func wordStarts(of cue: Cue, lines: [String], labelLength: Int = 0) -> [Int: Int] {
    let cueStart = Timecode.milliseconds(cue.start)
    let length = max(0, Timecode.milliseconds(cue.end) - cueStart)
    let items = cue.itemSlice.filter { $0.kind != .spacing }
    // A caption style leaves out closing punctuation before the first word: the lines are
    // then shorter than the items by that much, at their start.
    let shown = lines.reduce(0) { $0 + visibleCount($1) } - labelLength
    let skipped = max(0, items.reduce(0) { $0 + visibleCount($1.text) } - shown)
    var starts: [Int: Int] = [:]
    var last = 0
    var visible = 0
    for item in items {
      var offset = max(last, Timecode.milliseconds(item.start) - cueStart)
      // A span is shown from its begin up to, not including, its cue's end: a word that starts
      // as the cue ends (a last word of no length) starts with the word before it instead,
      // or it would never be seen.
      if offset >= length { offset = last }
      let key = max(0, visible - skipped)
      if key < shown, starts[key] == nil { starts[key] = starts.isEmpty ? 0 : offset }
      last = offset
      visible += visibleCount(item.text)
    }
    return starts
  }

  /// A speaker's name as label text on one line: `[Amara] `, as SRT and WebVTT show it.
  static func label(_ speaker: String) -> String {
    "[" + TextRenderer.singleLine(speaker) + "] "
  }
}
