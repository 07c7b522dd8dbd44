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
      "\(FormatHelp.formats(taking: .audio)): an audio file path or URL; the page gets a player, click-to-seek and word highlighting.",
      valueName: "path-or-url"))
  var audio: String?

  @Option(
    help: ArgumentHelp(
      "\(FormatHelp.formats(taking: .title)): the document title. Default: the input's name.",
      valueName: "text"))
  var title: String?

  @Flag(
    help:
      "\(FormatHelp.formats(taking: .wordTimestamps)): add a timestamp tag before every word, for karaoke-style highlighting."
  )
  var wordTimestamps = false

  @Option(
    help: ArgumentHelp(
      "The transcript's language (eng, ja, pt-BR, ...) for caption break rules and document language. Default: the input's language_code.",
      valueName: "code"))
  var language: String?

  @Option(
    help: ArgumentHelp(
      "Names to show for speakers, in every format: speaker_0=Amara,speaker_1=Joel, or @FILE with a JSON object {\"speaker_0\": \"Amara\"}.",
      valueName: "names"))
  var speakerNames: String?

  @Option(
    help: ArgumentHelp(
      "\(FormatHelp.listed(["vtt", "ass", "ttml", "ebu-tt-d"])) with speakers: voice (a <v> span, an ASS style, a ttm:agent or a speaker colour, which players may not show), text (a [name] label) or both.",
      valueName: "style"),
    completion: .list(SpeakerLabelStyle.allCases.map(\.rawValue)))
  var speakerLabels: String = SpeakerLabelStyle.both.rawValue

  @Option(
    help: ArgumentHelp(
      "\(FormatHelp.formats(taking: .paper)): the paper, a4 or letter. Default: the locale's (letter in the US, a4 elsewhere).",
      valueName: "size"),
    completion: .list(PaperSize.allCases.map(\.rawValue)))
  var paper: String?

  @Flag(
    help:
      "\(FormatHelp.formats(taking: .karaoke)): highlight each word as it is spoken (\\k tags, from the word timings)."
  )
  var karaoke = false

  @Flag(
    help:
      "\(FormatHelp.formats(taking: .karaoke)): like --karaoke, with each word filling from left to right (\\kf)."
  )
  var karaokeSweep = false

  @Flag(help: "Replace output files that already exist.")
  var force = false

  @Flag(name: .shortAndLong, help: "Do not print warnings.")
  var quiet = false

  func validate() throws {
    if SpeakerLabelStyle(rawValue: speakerLabels) == nil {
      throw ValidationError(
        "--speaker-labels must be "
          + SpeakerLabelStyle.allCases.map(\.rawValue).joined(separator: ", or "))
    }
    _ = try names()
    if channelSelection == nil {
      throw ValidationError("--channel must be each, merged, or a channel index such as 0")
    }
    if let paper, PaperSize(rawValue: paper.lowercased()) == nil {
      throw ValidationError(
        "--paper must be " + PaperSize.allCases.map(\.rawValue).joined(separator: " or ")
          + "; found \"\(paper)\"")
    }
  }

  /// `--karaoke` or `--karaoke-sweep`, or `nil` for neither.
  var karaokeStyle: Karaoke? { karaokeSweep ? .sweep : karaoke ? .word : nil }

  /// `--paper`, or `nil` for the locale's paper.
  var paperSize: PaperSize? { paper.flatMap { PaperSize(rawValue: $0.lowercased()) } }

  var channelSelection: ChannelSelection? {
    switch channel {
    case "each": return .each
    case "merged": return .merged
    default: return Int(channel).flatMap { $0 >= 0 ? .channel($0) : nil }
    }
  }

  /// `--speaker-names` as a map from speaker ID to name.
  func names() throws -> [String: String] {
    guard let speakerNames else { return [:] }
    if speakerNames.hasPrefix("@") {
      let text = try ExportFlags.argumentText(speakerNames, option: "--speaker-names")
      guard let data = text.data(using: .utf8),
        let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
      else {
        throw ValidationError(
          "--speaker-names \(speakerNames): expected a JSON object such as {\"speaker_0\": \"Amara\"}"
        )
      }
      var names: [String: String] = [:]
      for (id, value) in object {
        guard let name = value as? String else {
          throw ValidationError(
            "--speaker-names \(speakerNames): the name of \(id) is not a string")
        }
        names[id] = name
      }
      return names
    }
    var names: [String: String] = [:]
    for pair in speakerNames.split(separator: ",") {
      let parts = pair.split(separator: "=", maxSplits: 1).map {
        $0.trimmingCharacters(in: .whitespaces)
      }
      guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
        throw ValidationError(
          "--speaker-names: \"\(pair)\" is not ID=NAME; expected for example "
            + "speaker_0=Amara,speaker_1=Joel")
      }
      names[parts[0]] = parts[1]
    }
    return names
  }
}
