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

  @Flag(help: "Print, for every cue, why it ends where it ends (to stderr).")
  var explain = false

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
      let data = try source.read()
      try ExportRun(export: export, output: output).run(data: data, source: source, reader: reader)
      if explain { try explainCues(data: data, source: source, reader: reader) }
    }
  }

  /// Prints the first request's cues with the reason each one ends.
  private func explainCues(data: Data, source: InputSource, reader: TranscriptReader) throws {
    guard let request = try export.requests().requests.first else { return }
    let transcript = try reader.read(data, source: source.label).transcript
    let channel = try Exporter.select(output.channelSelection ?? .each, from: transcript)
    for (index, channel) in channel {
      if let index { Diagnostics.write("channel \(index):\n") }
      let explained: [(Segment, String)]
      if request.usesCaptionStyle, let style = request.style {
        explained = CaptionSegmenter(style: style).cues(channel).map { ($0.segment, $0.reason) }
      } else {
        let segmenter = Segmenter(options: request.options)
        let segments = segmenter.segment(channel)
        explained = Array(zip(segments, segmenter.reasons(for: segments)))
      }
      for (number, (segment, reason)) in explained.enumerated() {
        Diagnostics.write(
          "cue \(number + 1) \(Timecode.srt(segment.start)) --> \(Timecode.srt(segment.end)): ends because \(reason)\n"
        )
      }
    }
  }
}
