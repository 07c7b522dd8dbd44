import ArgumentParser
import Foundation
import ScribeKit

/// `scribekit lint`: checks any SRT or WebVTT file against a caption style.
struct LintCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "lint",
    abstract: "Check an SRT or WebVTT file (ours or anyone's) against a caption style.",
    discussion: """
      Prints each violation with its cue number, rule and measured value, then a summary. Exit \
      status: 0 when the file keeps every rule, 1 when it breaks one, 2 when it cannot be read.
      """)

  @Argument(help: ArgumentHelp("The .srt or .vtt file, or - for stdin.", valueName: "file"))
  var file: String

  @Option(
    help: ArgumentHelp(
      "The caption style: \(Preset.captionStyles.map(\.name).joined(separator: ", ")).",
      valueName: "name"),
    completion: .list(Preset.captionStyles.map(\.name)))
  var preset: String = "netflix-en"

  @Option(help: ArgumentHelp("Override: most characters per line.", valueName: "count"))
  var maxCharactersPerLine: Double?

  @Option(help: ArgumentHelp("Override: most lines per cue.", valueName: "count"))
  var maxLines: Int?

  @Option(
    help: ArgumentHelp("Override: reading speed limit, characters per second.", valueName: "cps"))
  var maxCPS: Double?

  @Option(
    name: .customLong("min-duration-s"),
    help: ArgumentHelp("Override: shortest cue.", valueName: "seconds"))
  var minDuration: Double?

  @Option(
    name: .customLong("min-gap-ms"), help: ArgumentHelp("Override: smallest gap.", valueName: "ms"))
  var minGap: Double?

  @Flag(help: "Print the violations and summary as JSON on stdout.")
  var json = false

  func validate() throws {
    if Preset.named(preset)?.captionStyle == nil {
      throw ValidationError(
        "unknown preset \"\(preset)\"; expected one of "
          + Preset.captionStyles.map(\.name).joined(separator: ", "))
    }
  }

  func run() async throws {
    guard var style = Preset.named(preset)?.captionStyle else { throw ExitCode(2) }
    if let maxCharactersPerLine { style.maxCharactersPerLine = maxCharactersPerLine }
    if let maxLines { style.maxLines = maxLines }
    if let maxCPS { style.maxCharactersPerSecond = maxCPS }
    if let minDuration { style.minDuration = minDuration }
    if let minGap { style.minGap = minGap / 1000 }
    let source = InputSource(argument: file)
    let parsed: SubtitleFile
    do {
      let data = try source.read()
      guard let text = String(data: data, encoding: .utf8) else {
        throw CommandFailure("\(source.label): not UTF-8 text")
      }
      if let first = text.first(where: { !$0.isWhitespace && $0 != "\u{FEFF}" }),
        first == "{" || first == "["
      {
        throw CommandFailure(
          "\(source.label): this is JSON (a transcript?), not SRT or WebVTT; "
            + "`scribekit convert` makes captions from a transcript")
      }
      parsed = try SubtitleFile.parse(text)
    } catch let error as SubtitleFile.ParseError {
      Diagnostics.printError("\(source.label): \(error)")
      throw ExitCode(2)
    } catch {
      Diagnostics.printError(Diagnostics.message(for: error))
      throw ExitCode(2)
    }
    let violations = parsed.violations(of: style)
    var counts: [String: Int] = [:]
    for violation in violations { counts[violation.rule.rawValue, default: 0] += 1 }
    if json {
      let list = violations.map { violation -> JSONValue in
        .object(
          JSONObject(members: [
            .init(key: "cue", value: .number(Double(violation.cue))),
            .init(key: "rule", value: .string(violation.rule.rawValue)),
            .init(key: "hard", value: .bool(violation.rule.isHard)),
            .init(key: "detail", value: .string(violation.detail)),
            .init(key: "measured", value: .number(violation.measured)),
            .init(key: "limit", value: .number(violation.limit)),
          ]))
      }
      let summary = JSONObject(
        members: Violation.Rule.allCases.map {
          .init(key: $0.rawValue, value: .number(Double(counts[$0.rawValue] ?? 0)))
        })
      let document = JSONValue.object(
        JSONObject(members: [
          .init(key: "file", value: .string(source.label)),
          .init(key: "preset", value: .string(style.name)),
          .init(key: "cues", value: .number(Double(parsed.cues.count))),
          .init(key: "violations", value: .array(list)),
          .init(key: "summary", value: .object(summary)),
        ]))
      FileHandle.standardOutput.write(Data((document.jsonText + "\n").utf8))
    } else {
      var out = violations.map { "\(source.label): \($0)" }.joined(separator: "\n")
      if !out.isEmpty { out += "\n" }
      let listed = Violation.Rule.allCases.compactMap { rule in
        counts[rule.rawValue].map { "\(rule.rawValue) \($0)" }
      }
      out += "\(parsed.cues.count) cues, \(violations.count) violations of \(style.name)"
      out += listed.isEmpty ? "\n" : ": " + listed.joined(separator: ", ") + "\n"
      FileHandle.standardOutput.write(Data(out.utf8))
    }
    if !violations.isEmpty { throw ExitCode(1) }
  }
}
