import ArgumentParser
import Foundation
import ScribeKit

/// Where outputs go and how they look beyond the API's options; shared by every exporting
/// command.
struct OutputFlags: ParsableArguments {
  @Option(
    name: [.short, .customLong("output")],
    help: ArgumentHelp(
      "A file, a folder (existing, or ending in /), or - for stdout.", valueName: "path"))
  var output: String?

  @Option(
    help: ArgumentHelp(
      "Multichannel input: each (one output per channel), merged (one timeline, speaker = channel), or a channel index.",
      valueName: "channel"))
  var channel: String = "each"

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
    if channelSelection == nil {
      throw ValidationError("--channel must be each, merged, or a channel index such as 0")
    }
  }

  var channelSelection: ChannelSelection? {
    switch channel {
    case "each": return .each
    case "merged": return .merged
    default: return Int(channel).flatMap { $0 >= 0 ? .channel($0) : nil }
    }
  }
}

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
