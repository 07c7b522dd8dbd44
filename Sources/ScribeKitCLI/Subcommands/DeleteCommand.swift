import ArgumentParser
import ScribeKit

/// `scribekit delete`: removes a stored transcript.
struct DeleteCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "delete", abstract: "Delete a stored transcript from ElevenLabs.")

  @Argument(help: ArgumentHelp("The transcription ID.", valueName: "id"))
  var id: String

  @OptionGroup(title: "Connection")
  var api: APIFlags

  @Flag(name: .shortAndLong, help: "Print nothing on success.")
  var quiet = false

  func run() async throws {
    try await reportingFailures {
      try await api.client(quiet: quiet).deleteTranscript(id: id)
      if !quiet { Diagnostics.write("scribekit: deleted transcript \(id)\n") }
    }
  }
}
