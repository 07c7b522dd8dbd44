import Foundation

/// The functions of Cairo, Pango and GObject that typesetting calls, loaded once from the
/// system's libraries (``SystemLibrary``).
///
/// The declarations are ScribeKit's own, written from the libraries' C headers (cairo 1.16,
/// cairo-pdf.h; pango 1.44 or later, pango-layout.h and pangocairo.h): the development
/// packages with those headers are not installed where ScribeKit is built.
struct PangoCairo: @unchecked Sendable {
  // `@unchecked`: a table of C function pointers, written once and only read afterwards.

  typealias Pointer = OpaquePointer
  /// `cairo_write_func_t`: receives the PDF's bytes as Cairo writes them.
  typealias WriteFunction =
    @convention(c) (UnsafeMutableRawPointer?, UnsafePointer<UInt8>?, UInt32) -> Int32

  let pdfSurfaceCreateForStream:
    @convention(c) (WriteFunction, UnsafeMutableRawPointer?, Double, Double) -> Pointer?
  let pdfSurfaceSetSize: @convention(c) (Pointer, Double, Double) -> Void
  let pdfSurfaceSetMetadata: @convention(c) (Pointer, Int32, UnsafePointer<CChar>) -> Void
  let pdfSurfaceAddOutline:
    @convention(c) (Pointer, Int32, UnsafePointer<CChar>, UnsafePointer<CChar>, Int32) -> Int32
  let surfaceFinish: @convention(c) (Pointer) -> Void
  let surfaceStatus: @convention(c) (Pointer) -> Int32
  let surfaceDestroy: @convention(c) (Pointer) -> Void
  let create: @convention(c) (Pointer) -> Pointer?
  let destroy: @convention(c) (Pointer) -> Void
  let status: @convention(c) (Pointer) -> Int32
  let statusToString: @convention(c) (Int32) -> UnsafePointer<CChar>?
  let showPage: @convention(c) (Pointer) -> Void
  let moveTo: @convention(c) (Pointer, Double, Double) -> Void
  let lineTo: @convention(c) (Pointer, Double, Double) -> Void
  let setLineWidth: @convention(c) (Pointer, Double) -> Void
  let stroke: @convention(c) (Pointer) -> Void
  let setSourceRGB: @convention(c) (Pointer, Double, Double, Double) -> Void
  let tagBegin: @convention(c) (Pointer, UnsafePointer<CChar>, UnsafePointer<CChar>) -> Void
  let tagEnd: @convention(c) (Pointer, UnsafePointer<CChar>) -> Void

  let cairoCreateContext: @convention(c) (Pointer) -> Pointer?
  let cairoContextSetResolution: @convention(c) (Pointer, Double) -> Void
  let cairoShowLayoutLine: @convention(c) (Pointer, Pointer) -> Void
  let contextSetLanguage: @convention(c) (Pointer, Pointer?) -> Void
  let languageFromString: @convention(c) (UnsafePointer<CChar>) -> Pointer?
  let layoutNew: @convention(c) (Pointer) -> Pointer?
  let layoutSetMarkup: @convention(c) (Pointer, UnsafePointer<CChar>, Int32) -> Void
  let layoutSetWidth: @convention(c) (Pointer, Int32) -> Void
  let layoutSetWrap: @convention(c) (Pointer, Int32) -> Void
  let layoutSetAlignment: @convention(c) (Pointer, Int32) -> Void
  let layoutSetSpacing: @convention(c) (Pointer, Int32) -> Void
  let layoutSetFontDescription: @convention(c) (Pointer, Pointer?) -> Void
  let layoutGetUnknownGlyphsCount: @convention(c) (Pointer) -> Int32
  let layoutGetIter: @convention(c) (Pointer) -> Pointer?
  let layoutIterFree: @convention(c) (Pointer) -> Void
  let layoutIterNextLine: @convention(c) (Pointer) -> Int32
  let layoutIterGetLineReadonly: @convention(c) (Pointer) -> Pointer?
  let layoutIterGetLineExtents:
    @convention(c) (Pointer, UnsafeMutableRawPointer?, UnsafeMutableRawPointer?) -> Void
  let layoutIterGetBaseline: @convention(c) (Pointer) -> Int32
  let fontDescriptionFromString: @convention(c) (UnsafePointer<CChar>) -> Pointer?
  let fontDescriptionFree: @convention(c) (Pointer) -> Void
  let objectUnref: @convention(c) (Pointer) -> Void

  /// Pango's units per point.
  static let scale: Int32 = 1024

  /// `cairo_pdf_metadata_t` values.
  enum Metadata: Int32 {
    case title = 0
    case author = 1
    case creator = 4
    case createDate = 5
    case modifyDate = 6
  }

  /// The libraries, loaded on first use; or why they could not be.
  static let shared: Result<PangoCairo, SystemLibrary.Failure> = Result {
    () throws(SystemLibrary.Failure) in try PangoCairo(names: .system)
  }

  /// The file names each library is looked for under.
  struct LibraryNames: Sendable {
    var cairo: [String]
    var pango: [String]
    var pangoCairo: [String]
    var gobject: [String]

    /// The versioned names of Debian and Ubuntu (and other Linux systems), then Homebrew's.
    static let system = LibraryNames(
      cairo: ["libcairo.so.2"] + homebrew("libcairo.2.dylib"),
      pango: ["libpango-1.0.so.0"] + homebrew("libpango-1.0.0.dylib"),
      pangoCairo: ["libpangocairo-1.0.so.0"] + homebrew("libpangocairo-1.0.0.dylib"),
      gobject: ["libgobject-2.0.so.0"] + homebrew("libgobject-2.0.0.dylib"))

    private static func homebrew(_ name: String) -> [String] {
      ["/opt/homebrew/lib/\(name)", "/usr/local/lib/\(name)", name]
    }
  }

  /// Loads every function from the libraries `names` gives.
  init(names: LibraryNames) throws(SystemLibrary.Failure) {
    let cairo = try SystemLibrary(names.cairo)
    let pango = try SystemLibrary(names.pango)
    let pangoCairo = try SystemLibrary(names.pangoCairo)
    let gobject = try SystemLibrary(names.gobject)
    pdfSurfaceCreateForStream = try cairo.function(
      "cairo_pdf_surface_create_for_stream", as: type(of: pdfSurfaceCreateForStream))
    pdfSurfaceSetSize = try cairo.function(
      "cairo_pdf_surface_set_size", as: type(of: pdfSurfaceSetSize))
    pdfSurfaceSetMetadata = try cairo.function(
      "cairo_pdf_surface_set_metadata", as: type(of: pdfSurfaceSetMetadata))
    pdfSurfaceAddOutline = try cairo.function(
      "cairo_pdf_surface_add_outline", as: type(of: pdfSurfaceAddOutline))
    surfaceFinish = try cairo.function("cairo_surface_finish", as: type(of: surfaceFinish))
    surfaceStatus = try cairo.function("cairo_surface_status", as: type(of: surfaceStatus))
    surfaceDestroy = try cairo.function("cairo_surface_destroy", as: type(of: surfaceDestroy))
    create = try cairo.function("cairo_create", as: type(of: create))
    destroy = try cairo.function("cairo_destroy", as: type(of: destroy))
    status = try cairo.function("cairo_status", as: type(of: status))
    statusToString = try cairo.function("cairo_status_to_string", as: type(of: statusToString))
    showPage = try cairo.function("cairo_show_page", as: type(of: showPage))
    moveTo = try cairo.function("cairo_move_to", as: type(of: moveTo))
    lineTo = try cairo.function("cairo_line_to", as: type(of: lineTo))
    setLineWidth = try cairo.function("cairo_set_line_width", as: type(of: setLineWidth))
    stroke = try cairo.function("cairo_stroke", as: type(of: stroke))
    setSourceRGB = try cairo.function("cairo_set_source_rgb", as: type(of: setSourceRGB))
    tagBegin = try cairo.function("cairo_tag_begin", as: type(of: tagBegin))
    tagEnd = try cairo.function("cairo_tag_end", as: type(of: tagEnd))

    cairoCreateContext = try pangoCairo.function(
      "pango_cairo_create_context", as: type(of: cairoCreateContext))
    cairoContextSetResolution = try pangoCairo.function(
      "pango_cairo_context_set_resolution", as: type(of: cairoContextSetResolution))
    cairoShowLayoutLine = try pangoCairo.function(
      "pango_cairo_show_layout_line", as: type(of: cairoShowLayoutLine))
    contextSetLanguage = try pango.function(
      "pango_context_set_language", as: type(of: contextSetLanguage))
    languageFromString = try pango.function(
      "pango_language_from_string", as: type(of: languageFromString))
    layoutNew = try pango.function("pango_layout_new", as: type(of: layoutNew))
    layoutSetMarkup = try pango.function("pango_layout_set_markup", as: type(of: layoutSetMarkup))
    layoutSetWidth = try pango.function("pango_layout_set_width", as: type(of: layoutSetWidth))
    layoutSetWrap = try pango.function("pango_layout_set_wrap", as: type(of: layoutSetWrap))
    layoutSetAlignment = try pango.function(
      "pango_layout_set_alignment", as: type(of: layoutSetAlignment))
    layoutSetSpacing = try pango.function(
      "pango_layout_set_spacing", as: type(of: layoutSetSpacing))
    layoutSetFontDescription = try pango.function(
      "pango_layout_set_font_description", as: type(of: layoutSetFontDescription))
    layoutGetUnknownGlyphsCount = try pango.function(
      "pango_layout_get_unknown_glyphs_count", as: type(of: layoutGetUnknownGlyphsCount))
    layoutGetIter = try pango.function("pango_layout_get_iter", as: type(of: layoutGetIter))
    layoutIterFree = try pango.function("pango_layout_iter_free", as: type(of: layoutIterFree))
    layoutIterNextLine = try pango.function(
      "pango_layout_iter_next_line", as: type(of: layoutIterNextLine))
    layoutIterGetLineReadonly = try pango.function(
      "pango_layout_iter_get_line_readonly", as: type(of: layoutIterGetLineReadonly))
    layoutIterGetLineExtents = try pango.function(
      "pango_layout_iter_get_line_extents", as: type(of: layoutIterGetLineExtents))
    layoutIterGetBaseline = try pango.function(
      "pango_layout_iter_get_baseline", as: type(of: layoutIterGetBaseline))
    fontDescriptionFromString = try pango.function(
      "pango_font_description_from_string", as: type(of: fontDescriptionFromString))
    fontDescriptionFree = try pango.function(
      "pango_font_description_free", as: type(of: fontDescriptionFree))
    objectUnref = try gobject.function("g_object_unref", as: type(of: objectUnref))
  }
}
