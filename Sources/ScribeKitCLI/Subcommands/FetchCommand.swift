import ArgumentParser
import ElevenLabsAPI
import Foundation
import ScribeKit

/// `scribekit fetch`: a stored transcript, exported in one go.
struct FetchCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "fetch",
    abstract: "Fetch a stored transcript from ElevenLabs and export it.",
    discussion: """
      GET /v1/speech-to-text/transcripts/ID, then the same exports as convert. Files are named \
      after the transcript ID and go to the current folder unless -o says otherwise. The API key \
      comes from ELEVENLABS_API_KEY or --api-key-file.
      """)

  @Argument(help: ArgumentHelp("The transcription ID.", valueName: "id"))
  var id: String

  @Flag(help: "Also keep the raw JSON response, as ID.json beside the exports.")
  var saveJSON = false

  @OptionGroup(title: "Connection")
  var api: APIFlags

  @OptionGroup(title: "Export options (the API's additional_formats options)")
  var export: ExportFlags

  @OptionGroup(title: "Output")
  var output: OutputFlags

  func validate() throws {
    if id.isEmpty || id.contains("/") || id.contains("..") {
      throw ValidationError("\"\(id)\" is not a transcription ID")
    }
  }

  func run() async throws {
    try await reportingFailures {
      _ = try export.requests()
      let data = try await api.client(quiet: output.quiet).transcript(id: id)
      let source = InputSource(label: "transcript \(id)")
      try ExportRun(export: export, output: output).run(
        data: data, source: source, defaultOutput: "./", fallbackID: id
      ) { folder, stem in
        guard saveJSON else { return [] }
        return [
          ((folder ?? URL(fileURLWithPath: ".")).appendingPathComponent("\(stem).json"), data)
        ]
      }
    }
  }
}
