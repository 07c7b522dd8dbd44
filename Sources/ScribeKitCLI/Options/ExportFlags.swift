import ArgumentParser
import Foundation
import ScribeKit

/// A limit given on the command line: a number, or `none` for "no limit" (the API's `null`).
struct Limit<Value: LosslessStringConvertible & Comparable & Sendable>: ExpressibleByArgument,
  Sendable
{
  var value: Value?

  init?(argument: String) {
    let text = argument.trimmingCharacters(in: .whitespaces).lowercased()
    if text == "none" || text == "null" {
      value = nil
      return
    }
    guard let parsed = Value(text) else { return nil }
    value = parsed
  }
}

/// The API's export options as flags, shared by every command that exports.
///
/// Precedence, highest first: a field of an `--additional-formats` entry, an explicit flag here,
/// the preset's default for the format.
struct ExportFlags: ParsableArguments {
  @Option(
    name: .customLong("format"),
    help: ArgumentHelp(
      "Output formats, comma-separated: \(OutputFormats.available.map(\.name).joined(separator: ", ")).",
      discussion: "Default: srt. Not allowed with --additional-formats.",
      valueName: "formats"),
    completion: .list(OutputFormats.available.map(\.name)))
  var formats: String?

  @Option(
    help: ArgumentHelp(
      "The API's additional_formats JSON array, inline or as @FILE; each entry's own options win.",
      valueName: "json"))
  var additionalFormats: String?

  @Option(
    help: ArgumentHelp(
      "elevenlabs (the API's current defaults), elevenlabs-legacy (SRT defaults before 2025-08-24: 50 / 0.6 s / 5 s / 90), or a caption style for \(FormatHelp.formats(taking: .captionStyle)): \(Preset.captionStyles.map(\.name).joined(separator: ", ")).",
      valueName: "name"),
    completion: .list(Preset.all.map(\.name)))
  var preset: String?

  @Option(
    help: ArgumentHelp(
      "\(FormatHelp.formats(taking: .paragraphs)): readable (paragraphs of a few sentences, each with its start time) or speaker-turns (the API's one block per speaker turn). Default: readable, or the preset's when --preset is given (speaker-turns for the elevenlabs presets); explicit segmentation options use the API's rule.",
      valueName: "style"),
    completion: .list(ParagraphStyle.allCases.map(\.rawValue)))
  var paragraphs: String?

  /// The preset's name: `--preset`, else the API's current defaults.
  var presetName: String { preset ?? Preset.elevenlabs.name }

  @Option(
    parsing: .unconditional,
    help: ArgumentHelp("Caption styles: most lines per cue.", valueName: "count"))
  var maxLines: Int?

  @Option(
    parsing: .unconditional,
    help: ArgumentHelp(
      "Caption styles: reading speed limit, characters per second.", valueName: "cps"))
  var maxCPS: Double?

  @Option(
    name: .customLong("min-duration-s"),
    parsing: .unconditional,
    help: ArgumentHelp("Caption styles: shortest cue, seconds.", valueName: "seconds"))
  var minDuration: Double?

  @Option(
    name: .customLong("min-gap-ms"),
    parsing: .unconditional,
    help: ArgumentHelp("Caption styles: smallest gap between cues, milliseconds.", valueName: "ms"))
  var minGapMilliseconds: Double?

  @Option(
    parsing: .unconditional,
    help: ArgumentHelp(
      "Caption styles: smallest gap between cues in frames (with --frame-rate).",
      valueName: "frames"))
  var minGapFrames: Double?

  @Option(
    parsing: .unconditional,
    help: ArgumentHelp(
      "The video's frame rate (24000/1001, 23.976, 25, 29.97, ...): for --min-gap-frames (default 24) and for formats timed in frames.",
      valueName: "rate"))
  var frameRate: String?

  /// `--frame-rate`, or `nil` when not given.
  var frameRateValue: FrameRate? { frameRate.flatMap(FrameRate.init) }

  @Option(
    name: .customLong("segment-on-silence-longer-than-s"),
    parsing: .unconditional,
    help: ArgumentHelp(
      "Start a new segment after a pause longer than this (seconds, or none). Default: \(FormatHelp.defaults(\APIExportOptions.segmentOnSilenceLongerThan)).",
      valueName: "seconds"))
  var silence: Limit<Double>?

  @Option(
    name: .customLong("max-segment-duration-s"),
    parsing: .unconditional,
    help: ArgumentHelp(
      "Longest segment in seconds, or none. Default: \(FormatHelp.defaults(\APIExportOptions.maxSegmentDuration)).",
      valueName: "seconds"))
  var maxDuration: Limit<Double>?

  @Option(
    name: .customLong("max-segment-chars"),
    parsing: .unconditional,
    help: ArgumentHelp(
      "Most characters in a segment, or none. Default: \(FormatHelp.defaults(\APIExportOptions.maxSegmentChars)).",
      valueName: "count"))
  var maxChars: Limit<Int>?

  @Option(
    name: .customLong("max-characters-per-line"),
    parsing: .unconditional,
    help: ArgumentHelp(
      "Wrap lines at this many characters, or none (\(FormatHelp.formats(taking: .lineLength)) only). Default: \(FormatHelp.defaults(\APIExportOptions.maxCharactersPerLine)).",
      valueName: "count"))
  var maxLine: Limit<Int>?

  @Flag(
    inversion: .prefixedNo,
    help:
      "Label segments with their speaker. Default: \(FormatHelp.defaults(\APIExportOptions.includeSpeakers))."
  )
  var includeSpeakers: Bool?

  @Flag(
    inversion: .prefixedNo,
    help: "Show segment times where the format can omit them. Default: on.")
  var includeTimestamps: Bool?

  func validate() throws {
    if let paragraphs, ParagraphStyle(rawValue: paragraphs) == nil {
      throw ValidationError(
        "--paragraphs must be "
          + ParagraphStyle.allCases.map(\.rawValue).joined(separator: " or "))
    }
    if Preset.named(presetName) == nil {
      throw ValidationError(
        "unknown preset \"\(presetName)\"; expected one of "
          + Preset.all.map(\.name).joined(separator: ", "))
    }
    if let maxLines, maxLines < 1 { throw ValidationError("--max-lines must be at least 1") }
    for (name, value) in [
      ("--max-cps", maxCPS), ("--min-duration-s", minDuration),
      ("--min-gap-ms", minGapMilliseconds),
      ("--min-gap-frames", minGapFrames),
    ] {
      if let value, !(value.isFinite && value >= 0) {
        throw ValidationError("\(name) must be a number of at least 0")
      }
    }
    if maxCPS == 0 {
      throw ValidationError("--max-cps must be more than 0")
    }
    if let frameRate, FrameRate(frameRate) == nil {
      throw ValidationError(
        "--frame-rate must be a rate such as 24000/1001, 23.976, 25 or 29.97; found \"\(frameRate)\""
      )
    }
    if formats != nil && additionalFormats != nil {
      throw ValidationError(
        "give either --format or --additional-formats, not both (each additional_formats entry "
          + "names its format)")
    }
    for (name, value) in [
      ("--segment-on-silence-longer-than-s", silence?.value),
      ("--max-segment-duration-s", maxDuration?.value),
    ] {
      if let value, !(value.isFinite && value >= 0) {
        throw ValidationError("\(name) must be a number of seconds of at least 0, or none")
      }
    }
    for (name, value) in [
      ("--max-segment-chars", maxChars?.value), ("--max-characters-per-line", maxLine?.value),
    ] {
      if let value, value < 1 {
        throw ValidationError("\(name) must be a whole number of at least 1, or none")
      }
    }
  }

  /// The export requests these flags describe, with warnings about ignored options.
  func requests() throws -> (requests: [ExportRequest], warnings: [String]) {
    let preset = self.preset(captionStyle: captionStyle)
    if let additionalFormats {
      let json = try Self.argumentText(additionalFormats, option: "--additional-formats")
      do {
        let parsed = try ExportRequest.additionalFormats(json, preset: preset) { format, options in
          apply(to: &options, format: format)
        }
        if parsed.requests.isEmpty {
          throw CommandFailure(
            "--additional-formats: the array is empty; expected at least one entry")
        }
        return parsed
      } catch let error as OptionsError {
        throw CommandFailure(error.description)
      }
    }
    var requests: [ExportRequest] = []
    for name in (formats ?? "srt").split(separator: ",", omittingEmptySubsequences: false) {
      let trimmed = name.trimmingCharacters(in: .whitespaces)
      // Format names are the API's lowercase ones; `SRT` means `srt`.
      guard let format = OutputFormats.named(trimmed.lowercased()) else {
        let names = OutputFormats.available.map(\.name)
        let hint = FormatHelp.suggestion(for: trimmed, among: names).map {
          " (did you mean \($0)?)"
        }
        throw CommandFailure(
          "--format: unknown format \"\(trimmed)\"\(hint ?? ""); expected one of "
            + names.joined(separator: ", "))
      }
      var options = format.defaultOptions(preset.apiDefaults)
      apply(to: &options, format: format)
      var request = ExportRequest(format, preset: preset, options: options)
      if format.appliesOptions.contains(.paragraphs), !setsSegmentation {
        request.paragraphs = preset.paragraphs
      }
      requests.append(request)
    }
    return (requests, [])
  }

  /// The preset `--preset` names, its caption style (if any) replaced by `style`, and its
  /// paragraphs by `--paragraphs`; without `--preset`, documents get readable paragraphs.
  private func preset(captionStyle style: CaptionStyle?) -> Preset {
    var preset = Preset.named(presetName) ?? .elevenlabs
    preset.captionStyle = style
    if let chosen = paragraphs.flatMap(ParagraphStyle.init(rawValue:)) {
      preset.paragraphs = chosen
    } else if self.preset == nil {
      preset.paragraphs = .readable
    }
    return preset
  }

  /// `true` when a segmentation limit was given as a flag, which documents then follow with
  /// the API's rule.
  private var setsSegmentation: Bool {
    silence != nil || maxDuration != nil || maxChars != nil
  }

  /// The caption style `--preset` names, with the explicit flags applied, or `nil` in API mode.
  var captionStyle: CaptionStyle? {
    guard var style = Preset.named(presetName)?.captionStyle else { return nil }
    if let maxLine, let value = maxLine.value { style.maxCharactersPerLine = Double(value) }
    if let maxDuration, let value = maxDuration.value { style.maxDuration = value }
    if let silence, let value = silence.value { style.pauseBreak = value }
    if let maxLines { style.maxLines = maxLines }
    if let maxCPS { style.maxCharactersPerSecond = maxCPS }
    if let minDuration { style.minDuration = minDuration }
    if let minGapMilliseconds { style.minGap = minGapMilliseconds / 1000 }
    if let minGapFrames { style.minGap = minGapFrames / (frameRateValue?.framesPerSecond ?? 24) }
    return style
  }

  private func apply(to options: inout APIExportOptions, format: any OutputFormat) {
    if let silence { options.segmentOnSilenceLongerThan = silence.value }
    if let maxDuration { options.maxSegmentDuration = maxDuration.value }
    if let maxChars { options.maxSegmentChars = maxChars.value }
    if let maxLine, format.appliesOptions.contains(.lineLength) {
      options.maxCharactersPerLine = maxLine.value
    }
    if let includeSpeakers { options.includeSpeakers = includeSpeakers }
    if let includeTimestamps { options.includeTimestamps = includeTimestamps }
  }

  /// The text of an argument that may be `@path` to read it from a file; `option` names the
  /// argument in the message when the file cannot be read.
  static func argumentText(_ argument: String, option: String) throws -> String {
    guard argument.hasPrefix("@") else { return argument }
    let path = String(argument.dropFirst())
    guard let data = FileManager.default.contents(atPath: path) else {
      throw CommandFailure("\(path): cannot read the \(option) file")
    }
    guard let text = String(data: data, encoding: .utf8) else {
      throw CommandFailure("\(path): not UTF-8 text")
    }
    return text
  }
}
