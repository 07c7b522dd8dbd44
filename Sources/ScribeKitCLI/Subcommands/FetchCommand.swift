import ArgumentParser
import ElevenLabsAPI
import Foundation
import ScribeKit

/// `scribekit fetch`: a stored transcript, exported in one go.
struct FetchCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "fetch",
    abstract: "Fetch stored transcripts from ElevenLabs and export them.",
    discussion: """
      GET /v1/speech-to-text/transcripts/ID, then the same exports as convert. Files are named \
      after the transcript ID and go to the current folder unless -o says otherwise. The API key \
      comes from ELEVENLABS_API_KEY or --api-key-file. With several IDs, -o must be a folder; a \
      transcript that fails is reported and the others are still fetched (exit status 1 if any \
      failed), and a terminal shows the progress.
      """)

  @Argument(help: ArgumentHelp("The transcription IDs.", valueName: "id"))
  var ids: [String]

  @Flag(help: "Also keep the raw JSON response, as ID.json beside the exports.")
  var saveJSON = false

  @OptionGroup(title: "Connection")
  var api: APIFlags

  @OptionGroup(title: "Export options (the API's additional_formats options)")
  var export: ExportFlags

  @OptionGroup(title: "Output")
  var output: OutputFlags

  func validate() throws {
    for id in ids where id.isEmpty || id.contains("/") || id.contains("..") {
      throw ValidationError("\"\(id)\" is not a transcription ID")
    }
    if ids.count > 1, output.output == "-" {
      throw ValidationError("several transcripts cannot share stdout; give a folder with -o")
    }
  }

  func run() async throws {
    var client: ElevenLabsClient?
    try await reportingFailures {
      _ = try export.requests()
      client = try api.client(quiet: output.quiet)
    }
    guard let client else { return }
    guard ids.count > 1 else {
      try await reportingFailures { try await fetch(ids.first ?? "", client: client) }
      return
    }
    var runOutput = output
    runOutput.output = output.output.map { $0.hasSuffix("/") ? $0 : $0 + "/" } ?? "./"
    let progress = Progress("fetching \(ids.count) transcripts", quiet: output.quiet)
    var failures = 0
    for (done, id) in ids.enumerated() {
      progress.count(done, of: ids.count, what: "transcripts", verb: "fetching")
      do {
        try await fetch(id, client: client, output: runOutput)
      } catch {
        failures += 1
        progress.clear()
        Diagnostics.printError("transcript \(id): " + Diagnostics.message(for: error))
      }
    }
    progress.finish()
    if failures > 0 {
      Diagnostics.write("scribekit: \(failures) of \(ids.count) transcripts failed\n")
      throw ExitCode.failure
    }
  }

  private func fetch(
    _ id: String, client: ElevenLabsClient, output: OutputFlags? = nil
  ) async throws {
    let data = try await client.transcript(id: id)
    let source = InputSource(label: "transcript \(id)")
    try ExportRun(export: export, output: output ?? self.output).run(
      data: data, source: source, defaultOutput: "./", fallbackID: id
    ) { folder, stem in
      guard saveJSON else { return [] }
      return [
        ((folder ?? URL(fileURLWithPath: ".")).appendingPathComponent("\(stem).json"), data)
      ]
    }
  }
}
