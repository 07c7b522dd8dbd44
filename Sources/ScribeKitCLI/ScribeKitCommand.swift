import ArgumentParser
import Dispatch
import Foundation
import ScribeKit

/// The `scribekit` command: captions and documents from ElevenLabs timing data.
@main
struct ScribeKitCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "scribekit",
    abstract: "Captions and documents from ElevenLabs speech-to-text and text-to-speech timings.",
    discussion: """
      Reads every timing shape the ElevenLabs API produces (speech-to-text responses, \
      multichannel and webhook payloads, text-to-speech alignments and streams) and writes the \
      exports the API's additional_formats would give, offline.
      """,
    version: "0.1.0",
    subcommands: [
      ConvertCommand.self, FetchCommand.self, DeleteCommand.self, TranscribeCommand.self,
      AlignCommand.self, SpeakCommand.self, LintCommand.self,
    ]
  )

  /// Runs the command with interrupts handled (see ``Interrupts``).
  static func main() async {
    let handlers = Interrupts.install()
    // A mistyped subcommand ("conver") would otherwise be taken for an unexpected argument.
    let arguments = Array(CommandLine.arguments.dropFirst())
    let names = configuration.subcommands.compactMap { $0.configuration.commandName }
    if let first = arguments.first, !first.hasPrefix("-"), !names.contains(first),
      first != "help", let suggestion = FormatHelp.suggestion(for: first, among: names)
    {
      Diagnostics.printError(
        "unknown command \"\(first)\" (did you mean \(suggestion)?); the commands are "
          + names.joined(separator: ", "))
      Foundation.exit(64)
    }
    await main(nil)
    withExtendedLifetime(handlers) {}
  }
}
