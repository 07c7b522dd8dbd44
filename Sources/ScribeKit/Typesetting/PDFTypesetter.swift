import Foundation

/// Typesets text into the pages of a PDF with Pango (shaping, bidi, line breaking, font
/// fallback) and Cairo (the PDF itself: embedded subset fonts with ToUnicode maps, outline,
/// structure tags, metadata).
///
/// It knows lines and pages, not transcripts: the PDF format decides what goes where. Every
/// call must come from one thread; ``render(_:)`` runs one document at a time, because
/// fontconfig's and Pango's caches are shared by the whole process.
final class PDFTypesetter {
  /// Why a PDF could not be made.
  enum Failure: Error, Equatable {
    /// The system's Pango or Cairo could not be loaded.
    case unavailable(SystemLibrary.Failure)
    /// Cairo reported an error.
    case cairo(String)
  }

  /// A paragraph laid out to a width: its lines, ready to be placed on pages.
  final class Paragraph {
    /// One line: where it starts across, how tall it is, and where its baseline lies below its
    /// top, in points.
    struct Line {
      fileprivate let line: OpaquePointer
      let x: Double
      let height: Double
      let baseline: Double
    }

    let lines: [Line]
    /// How many characters no font on the machine can show.
    let unknownGlyphs: Int
    private let layout: OpaquePointer
    private let library: PangoCairo

    fileprivate init(layout: OpaquePointer, library: PangoCairo) {
      self.layout = layout
      self.library = library
      unknownGlyphs = Int(library.layoutGetUnknownGlyphsCount(layout))
      var lines: [Line] = []
      if let iterator = library.layoutGetIter(layout) {
        repeat {
          guard let line = library.layoutIterGetLineReadonly(iterator) else { continue }
          // PangoRectangle: x, y, width, height, in Pango units.
          var logical: (Int32, Int32, Int32, Int32) = (0, 0, 0, 0)
          withUnsafeMutableBytes(of: &logical) { rectangle in
            library.layoutIterGetLineExtents(iterator, nil, rectangle.baseAddress)
          }
          let baseline = library.layoutIterGetBaseline(iterator)
          let scale = Double(PangoCairo.scale)
          lines.append(
            Line(
              line: line, x: Double(logical.0) / scale, height: Double(logical.3) / scale,
              baseline: Double(baseline - logical.1) / scale))
        } while library.layoutIterNextLine(iterator) != 0
        library.layoutIterFree(iterator)
      }
      self.lines = lines
    }

    deinit { library.objectUnref(layout) }
  }

  /// How a paragraph's lines lie across its width.
  enum Alignment: Int32 {
    /// At the start of the line in the paragraph's own direction (left for English, right for
    /// Arabic and Hebrew): Pango flips it for right-to-left paragraphs.
    case natural = 0
    /// Centred.
    case center = 1
  }

  private let library: PangoCairo
  private let surface: OpaquePointer
  private let cairo: OpaquePointer
  private let context: OpaquePointer
  private let sink: ByteSink
  /// The page being drawn, from 1.
  private(set) var page = 1

  /// Makes the document for a width and height of page in points, in `language` (a BCP 47 tag),
  /// which Pango uses to choose glyph forms and fonts: Japanese kanji from a Japanese font,
  /// simplified or traditional Chinese from the right one. `libraries` are the loaded
  /// libraries, or why they could not be loaded (tests pass a failure).
  init(
    width: Double, height: Double, language: String?,
    libraries: Result<PangoCairo, SystemLibrary.Failure> = PangoCairo.shared
  ) throws(Failure) {
    let library: PangoCairo
    switch libraries {
    case .success(let loaded): library = loaded
    case .failure(let failure): throw .unavailable(failure)
    }
    self.library = library
    sink = ByteSink()
    guard
      let surface = library.pdfSurfaceCreateForStream(
        { closure, bytes, length in
          guard let closure, let bytes else { return 11 }  // CAIRO_STATUS_WRITE_ERROR
          let sink = Unmanaged<ByteSink>.fromOpaque(closure).takeUnretainedValue()
          sink.data.append(bytes, count: Int(length))
          return 0
        }, Unmanaged.passUnretained(sink).toOpaque(), width, height)
    else { throw .cairo("no PDF surface") }
    self.surface = surface
    guard let cairo = library.create(surface) else {
      library.surfaceDestroy(surface)
      throw .cairo("no drawing context")
    }
    self.cairo = cairo
    guard let context = library.cairoCreateContext(cairo) else {
      library.destroy(cairo)
      library.surfaceDestroy(surface)
      throw .cairo("no Pango context")
    }
    self.context = context
    // Points, not the 96 dots per inch of a screen: a 10-point font is 10 units tall.
    library.cairoContextSetResolution(context, 72)
    if let language, let pangoLanguage = language.withCString(library.languageFromString) {
      library.contextSetLanguage(context, pangoLanguage)
    }
  }

  deinit {
    library.objectUnref(context)
    library.destroy(cairo)
    library.surfaceDestroy(surface)
  }

  /// Lays out Pango markup (escaped text with `<b>` and `<span>`) in `font` (a Pango font
  /// description, "Noto Sans 11") to `width` points, with `spacing` points between lines.
  func paragraph(
    markup: String, font: String, width: Double, spacing: Double = 0,
    alignment: Alignment = .natural
  ) -> Paragraph? {
    guard let layout = library.layoutNew(context) else { return nil }
    if let description = font.withCString(library.fontDescriptionFromString) {
      library.layoutSetFontDescription(layout, description)
      library.fontDescriptionFree(description)
    }
    library.layoutSetWidth(layout, Int32(width * Double(PangoCairo.scale)))
    library.layoutSetWrap(layout, 2)  // PANGO_WRAP_WORD_CHAR: words, and within a word too long
    library.layoutSetSpacing(layout, Int32(spacing * Double(PangoCairo.scale)))
    library.layoutSetAlignment(layout, alignment.rawValue)
    markup.withCString { library.layoutSetMarkup(layout, $0, -1) }
    return Paragraph(layout: layout, library: library)
  }

  /// Draws `line` with its top-left corner of its box at `x`, `y` (points from the page's top
  /// left), in the colour given by red, green and blue from 0 to 1.
  func draw(_ line: Paragraph.Line, x: Double, y: Double, color: (Double, Double, Double)) {
    library.setSourceRGB(cairo, color.0, color.1, color.2)
    library.moveTo(cairo, x + line.x, y + line.baseline)
    library.cairoShowLayoutLine(cairo, line.line)
  }

  /// Draws a thin horizontal rule.
  func rule(x: Double, y: Double, width: Double, color: (Double, Double, Double)) {
    library.setSourceRGB(cairo, color.0, color.1, color.2)
    library.setLineWidth(cairo, 0.5)
    library.moveTo(cairo, x, y)
    library.lineTo(cairo, x + width, y)
    library.stroke(cairo)
  }

  /// Opens a structure element (`H1`, `P`, ...) for screen readers; every element opened must
  /// be closed with ``endTag(_:)`` on the same page.
  func beginTag(_ name: String) {
    name.withCString { tag in "".withCString { library.tagBegin(cairo, tag, $0) } }
  }

  /// Closes the structure element `name`.
  func endTag(_ name: String) {
    name.withCString { library.tagEnd(cairo, $0) }
  }

  /// Adds a bookmark to the outline that opens page `page` at `y` points from its top, under
  /// `parent` (0: the top level); gives its identifier.
  @discardableResult
  func outline(_ title: String, parent: Int32 = 0, page: Int, y: Double) -> Int32 {
    let target = "page=\(page) pos=[0 \(Int(max(0, y).rounded()))]"
    return title.withCString { name in
      target.withCString { library.pdfSurfaceAddOutline(surface, parent, name, $0, 0) }
    }
  }

  /// Sets a document property.
  func metadata(_ key: PangoCairo.Metadata, _ value: String) {
    value.withCString { library.pdfSurfaceSetMetadata(surface, key.rawValue, $0) }
  }

  /// Ends the page being drawn and starts the next.
  func nextPage() {
    library.showPage(cairo)
    page += 1
  }

  /// Ends the last page and gives the PDF's bytes.
  func finish() throws(Failure) -> Data {
    library.showPage(cairo)
    library.surfaceFinish(surface)
    let status = library.surfaceStatus(surface)
    guard status == 0 else {
      let message = library.statusToString(status).map { String(cString: $0) } ?? "error \(status)"
      throw .cairo(message)
    }
    return sink.data
  }

  /// Runs `body` while no other document is being typeset in this process.
  static func render<T>(_ body: () throws(Failure) -> T) throws(Failure) -> T {
    lock.lock()
    defer { lock.unlock() }
    return try body()
  }

  private static let lock = NSLock()
}

/// The bytes Cairo writes, gathered.
private final class ByteSink {
  var data = Data()
}
