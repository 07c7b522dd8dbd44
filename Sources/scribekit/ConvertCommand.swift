import ArgumentParser
import Foundation
import ScribeKit

/// `scribekit convert`: timing data in, exports out.
struct ConvertCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "convert",
    abstract: "Convert ElevenLabs timing data (a file or - for stdin) to subtitles and documents.",
    discussion: """
      The input's shape is detected: speech-to-text responses (single or multichannel, GET \
      responses, webhook payloads), text-to-speech with-timestamps responses, bare alignments, \
      streamed chunks, and segmented_json exports.

      Without -o, files are written beside the input (to stdout when the input is stdin). \
      Existing files are never replaced without --force, and the input never is. Repairs made \
      to bad timings are reported on stderr as warnings.
      """
  )

  @Argument(help: ArgumentHelp("The timing data: a JSON file, or - for stdin.", valueName: "input"))
  var input: String

  @OptionGroup(title: "Export options (the API's additional_formats options)")
  var export: ExportFlags

  @OptionGroup(title: "Output")
  var output: OutputFlags

  @Option(
    help: ArgumentHelp(
      "Insist on an input shape: \(InputShape.allCases.map(\.rawValue).joined(separator: ", ")). Default: detect.",
      valueName: "shape"))
  var inputShape: String?

  @Option(
    help: ArgumentHelp(
      "Text-to-speech input: which alignment to read, original or normalized.",
      valueName: "alignment"))
  var alignment: String = "original"

  func validate() throws {
    if inputShape.map({ InputShape(rawValue: $0) == nil }) ?? false {
      throw ValidationError(
        "unknown input shape \"\(inputShape ?? "")\"; expected one of "
          + InputShape.allCases.map(\.rawValue).joined(separator: ", "))
    }
    if !["original", "normalized"].contains(alignment) {
      throw ValidationError("--alignment must be original or normalized")
    }
  }

  func run() async throws {
    try await reportingFailures {
      let source = InputSource(argument: input)
      let reader = TranscriptReader(
        shape: inputShape.flatMap(InputShape.init(rawValue:)),
        alignment: alignment == "normalized" ? .normalized : .original)
      // Options are checked before the input is read, so a typo costs nothing.
      _ = try export.requests()
      try ExportRun(export: export, output: output).run(
        data: try source.read(), source: source, reader: reader)
    }
  }
}
