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
