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
