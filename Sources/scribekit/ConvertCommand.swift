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

  @Option(
    name: [.short, .customLong("output")],
    help: ArgumentHelp(
      "A file, a folder (existing, or ending in /), or - for stdout.", valueName: "path"))
  var output: String?

  @OptionGroup(title: "Export options (the API's additional_formats options)")
  var export: ExportFlags

  @Option(
    help: ArgumentHelp(
      "Multichannel input: each (one output per channel), merged (one timeline, speaker = channel), or a channel index.",
      valueName: "channel"))
  var channel: String = "each"

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

  @Option(
    help: ArgumentHelp(
      "html: an audio file path or URL; the page gets a player, click-to-seek and word highlighting.",
      valueName: "path-or-url"))
  var audio: String?

  @Option(
    help: ArgumentHelp(
      "html and docx: the document title. Default: the input's name.", valueName: "text"))
  var title: String?

  @Flag(help: "vtt: add a timestamp tag before every word, for karaoke-style highlighting.")
  var wordTimestamps = false

  @Flag(help: "Replace output files that already exist.")
  var force = false

  @Flag(name: .shortAndLong, help: "Do not print warnings.")
  var quiet = false

  func validate() throws {
    if inputShape.map({ InputShape(rawValue: $0) == nil }) ?? false {
      throw ValidationError(
        "unknown input shape \"\(inputShape ?? "")\"; expected one of "
          + InputShape.allCases.map(\.rawValue).joined(separator: ", "))
    }
    if !["original", "normalized"].contains(alignment) {
      throw ValidationError("--alignment must be original or normalized")
    }
    if parsedChannel == nil {
      throw ValidationError("--channel must be each, merged, or a channel index such as 0")
    }
  }

  private var parsedChannel: ChannelSelection? {
    switch channel {
    case "each": return .each
    case "merged": return .merged
    default: return Int(channel).flatMap { $0 >= 0 ? .channel($0) : nil }
    }
  }

  func run() async throws {
    try await reportingFailures {
      let (requests, optionWarnings) = try export.requests()
      Diagnostics.printWarnings(optionWarnings, quiet: quiet)

      let source = InputSource(argument: input)
      let data = try source.read()
      let reader = TranscriptReader(
        shape: inputShape.flatMap(InputShape.init(rawValue:)),
        alignment: alignment == "normalized" ? .normalized : .original)
      let result = try reader.read(data, source: source.label)
      Diagnostics.printWarnings(
        result.warnings.map { "\(source.label): \($0)" }, quiet: quiet)

      let settings = RenderSettings(
        title: title ?? source.url?.deletingPathExtension().lastPathComponent,
        audioSource: audio, wordTimestamps: wordTimestamps)
      var outputs: [RenderedOutput] = []
      for request in requests {
        outputs += try Exporter.render(
          result.transcript, request: request, channels: parsedChannel ?? .each,
          settings: settings)
      }
      let plan = try OutputPlan(
        outputs: outputs, input: source, output: output,
        transcriptID: result.transcript.transcriptionID)
      try plan.write(replacing: force)
    }
  }
}
