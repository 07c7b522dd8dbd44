import ArgumentParser
import ElevenLabsAPI
import Foundation
import ScribeKit

/// How commands that talk to ElevenLabs connect. The key comes from `ELEVENLABS_API_KEY` or a
/// file, never from a flag, so it does not end up in shell history or `ps` output.
struct APIFlags: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "Read the API key from this file instead of ELEVENLABS_API_KEY.", valueName: "path"))
  var apiKeyFile: String?

  @Option(
    help: ArgumentHelp(
      "The API server (regional endpoints, test servers). Default: ELEVENLABS_BASE_URL, else https://api.elevenlabs.io.",
      valueName: "url"))
  var baseURL: String?

  @Option(
    help: ArgumentHelp("Retries after 408, 429, 5xx or a lost connection.", valueName: "count"))
  var retries: Int = 2

  @Option(
    help: ArgumentHelp(
      "Seconds to wait for the server before giving up on an attempt.", valueName: "seconds"))
  var timeout: Double = 120

  func validate() throws {
    if retries < 0 { throw ValidationError("--retries must be 0 or more") }
    if !(timeout > 0) { throw ValidationError("--timeout must be more than 0 seconds") }
  }

  /// A client for these flags; failed attempts that will be retried are reported on stderr.
  func client(quiet: Bool) throws -> ElevenLabsClient {
    var configuration = try ClientConfiguration.fromEnvironment(keyFile: apiKeyFile)
    if let baseURL {
      guard let url = URL(string: baseURL), url.scheme != nil, url.host != nil else {
        throw CommandFailure(
          "--base-url: \"\(baseURL)\" is not a URL such as https://api.elevenlabs.io")
      }
      configuration.baseURL = url
    }
    configuration.maxRetries = retries
    configuration.requestTimeout = timeout
    return ElevenLabsClient(configuration: configuration) { attempt, status, wait in
      guard !quiet else { return }
      let what = status.map { "the API answered \($0)" } ?? "the connection failed"
      Diagnostics.write(
        "scribekit: \(what); retrying in \(String(format: "%.1f", wait)) s (attempt \(attempt + 1))\n"
      )
    }
  }
}

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
        data: data, source: source, reader: TranscriptReader(), defaultOutput: "./",
        fallbackStem: id
      ) { folder, stem in
        guard saveJSON else { return [] }
        return [
          ((folder ?? URL(fileURLWithPath: ".")).appendingPathComponent("\(stem).json"), data)
        ]
      }
    }
  }
}

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
