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
      SpeakCommand.self, LintCommand.self,
    ]
  )

  /// Runs the command with interrupts handled (see ``Interrupts``).
  static func main() async {
    let handlers = Interrupts.install()
    await main(nil)
    withExtendedLifetime(handlers) {}
  }
}

/// SIGINT and SIGTERM remove the files being written (see ``InterruptCleanup``) and exit with
/// 128 + the signal number, as shells expect.
enum Interrupts {
  /// Installs the handlers; they work for as long as the returned sources are kept.
  ///
  /// Not on the main actor: the handlers run on a Dispatch queue, and a closure formed in a
  /// main-actor function would trap there when the runtime checks its isolation.
  static func install() -> [any DispatchSourceSignal] {
    [SIGINT, SIGTERM].map { number in
      signal(number, SIG_IGN)
      let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
      source.setEventHandler(handler: handler(for: number))
      source.resume()
      return source
    }
  }

  private static func handler(for number: Int32) -> @Sendable () -> Void {
    {
      InterruptCleanup.removeAll()
      Foundation.exit(128 + number)
    }
  }
}
