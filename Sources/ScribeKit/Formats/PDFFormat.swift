import Foundation

/// PDF, one of the API's formats; this version of ScribeKit does not typeset it yet.
///
/// The format is declared so that the API's `additional_formats` entries for it are understood
/// (its name, file type and defaults) and asking for it gives a clear error rather than
/// "unknown format".
public struct PDFFormat: OutputFormat {
  /// Creates the format.
  public init() {}

  /// `pdf`.
  public var name: String { "pdf" }
  /// `pdf`.
  public var fileExtension: String { "pdf" }
  /// `application/pdf`.
  public var contentType: String { "application/pdf" }
  /// `true`.
  public var isBinary: Bool { true }
  /// `true`.
  public var isAPIFormat: Bool { true }
  /// `false`: not rendered yet.
  public var isAvailable: Bool { false }
  /// Speakers, timestamps, title and paragraphs.
  public var appliesOptions: FormatOptions { [.speakers, .timestamps, .title, .paragraphs] }

  /// Always throws ``ExportError/formatUnavailable(format:reason:)``.
  public func render(_ input: RenderInput) throws(ExportError) -> Data {
    let others = OutputFormats.available.map(\.name)
    throw ExportError.formatUnavailable(
      format: name,
      reason: "is not rendered by this version of ScribeKit; it renders "
        + others.joined(separator: ", "))
  }
}

extension OutputFormat where Self == PDFFormat {
  /// PDF (``PDFFormat``).
  public static var pdf: PDFFormat { PDFFormat() }
}
