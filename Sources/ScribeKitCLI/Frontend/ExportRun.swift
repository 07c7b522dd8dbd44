import Foundation
import ScribeKit

/// The export half of every command: read timing data, render every request, write it all.
struct ExportRun {
  var export: ExportFlags
  var output: OutputFlags
  var reading = ReadOptions()

  /// Reads `data`, renders the requested formats and writes them per ``OutputFlags``; returns
  /// the transcript it read, for callers that do more with it.
  ///
  /// - Parameters:
  ///   - defaultOutput: where outputs go without `-o` (`nil`: beside the input, or stdout).
  ///   - fallbackID: names the files when the input is not a file and has no transcription ID.
  ///   - stem: names the files instead of the input's name.
  ///   - extra: more files to write with the same all-or-nothing checks (a raw response).
  @discardableResult
  func run(
    data: Data, source: InputSource, defaultOutput: String? = nil, fallbackID: String? = nil,
    stem: String? = nil, extra: (_ folder: URL?, _ stem: String) -> [(URL, Data)] = { _, _ in [] }
  ) throws -> Transcript {
    let (requests, optionWarnings) = try export.requests()
    Diagnostics.printWarnings(optionWarnings, quiet: output.quiet)
    var transcript = try Transcript(data: data, source: source.label, options: reading)
    Diagnostics.printWarnings(
      transcript.warnings.map { "\(source.label): \($0)" }, quiet: output.quiet)
    transcript.transcriptionID = transcript.transcriptionID ?? fallbackID
    let usedStem = stem ?? source.stem ?? transcript.defaultFileStem
    let files = try transcript.export(
      requests,
      settings: ExportSettings(
        channels: output.channelSelection ?? .each, title: output.title ?? usedStem,
        audioSource: output.audio, wordTimestamps: output.wordTimestamps, fileStem: usedStem,
        language: output.language))
    var plan = try OutputPlan(
      files: files, input: source, output: output.output ?? defaultOutput)
    for (url, content) in extra(plan.folder, usedStem) {
      plan.entries.append((.file(url), content))
    }
    try plan.write(replacing: output.force)
    return transcript
  }
}
