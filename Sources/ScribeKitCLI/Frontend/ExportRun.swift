import Foundation
import ScribeKit

/// The export half of every command: read timing data, render every request, write it all.
struct ExportRun {
  var export: ExportFlags
  var output: OutputFlags

  /// Reads `data`, renders the requested formats and writes them per ``OutputFlags``; returns
  /// the transcript it read, for callers that do more with it.
  ///
  /// - Parameters:
  ///   - defaultOutput: where outputs go without `-o` (`nil`: beside the input, or stdout).
  ///   - extra: more files to write with the same all-or-nothing checks (a raw response).
  @discardableResult
  func run(
    data: Data, source: InputSource, reader: TranscriptReader, defaultOutput: String? = nil,
    fallbackStem: String? = nil, stemOverride: String? = nil,
    extra: (_ folder: URL?, _ stem: String) -> [(URL, Data)] = { _, _ in [] }
  ) throws -> Transcript {
    let (requests, optionWarnings) = try export.requests()
    Diagnostics.printWarnings(optionWarnings, quiet: output.quiet)
    let result = try reader.read(data, source: source.label)
    Diagnostics.printWarnings(result.warnings.map { "\(source.label): \($0)" }, quiet: output.quiet)
    let transcriptID = result.transcript.transcriptionID ?? fallbackStem
    let stem = stemOverride ?? OutputPlan.stem(input: source.url, transcriptID: transcriptID)
    let settings = RenderSettings(
      title: output.title ?? stem, audioSource: output.audio, wordTimestamps: output.wordTimestamps)
    var outputs: [RenderedOutput] = []
    for request in requests {
      outputs += try Exporter.render(
        result.transcript, request: request, channels: output.channelSelection ?? .each,
        settings: settings)
    }
    var plan = try OutputPlan(
      outputs: outputs, input: source, output: output.output ?? defaultOutput, stem: stem)
    for (url, content) in extra(plan.folder, stem) {
      plan.entries.append((.file(url), content))
    }
    try plan.write(replacing: output.force)
    return result.transcript
  }
}
