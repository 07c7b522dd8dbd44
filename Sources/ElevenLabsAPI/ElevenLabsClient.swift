import Foundation
import ScribeKit

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// A client for the ElevenLabs endpoints ScribeKit needs, on the toolchain's `URLSession`.
///
/// Every call retries 408, 429, 5xx and lost connections (``ClientConfiguration/maxRetries``
/// times), waiting as `Retry-After` asks or with capped exponential backoff. Errors come back as
/// ``APIError`` with the server's own message; the key never appears in one.
public struct ElevenLabsClient: Sendable {
  /// The configuration in use.
  public let configuration: ClientConfiguration
  /// How many attempts the last calls needed is reported through this, for progress displays
  /// and tests.
  public typealias AttemptObserver =
    @Sendable (_ attempt: Int, _ status: Int?, _ wait: TimeInterval) -> Void
  let attemptObserver: AttemptObserver?
  private let session: URLSession

  /// Creates a client. `observer` hears of every failed attempt that will be retried.
  public init(configuration: ClientConfiguration, observer: AttemptObserver? = nil) {
    self.configuration = configuration
    self.attemptObserver = observer
    let sessionConfiguration = URLSessionConfiguration.ephemeral
    sessionConfiguration.timeoutIntervalForRequest = configuration.requestTimeout
    sessionConfiguration.urlCache = nil
    session = URLSession(configuration: sessionConfiguration)
  }

  // MARK: Endpoints

  /// `GET /v1/speech-to-text/transcripts/{id}`: the stored transcript's JSON, as sent.
  public func transcript(id: String) async throws(APIError) -> Data {
    let request = try makeRequest("GET", path: ["v1", "speech-to-text", "transcripts", id])
    let (data, _) = try await send(request)
    try Self.requireJSON(data)
    return data
  }

  /// `DELETE /v1/speech-to-text/transcripts/{id}`.
  public func deleteTranscript(id: String) async throws(APIError) {
    let request = try makeRequest("DELETE", path: ["v1", "speech-to-text", "transcripts", id])
    _ = try await send(request)
  }

  /// `POST /v1/speech-to-text`: uploads audio (or names a cloud URL) and returns the JSON.
  ///
  /// - Parameter uploaded: told, as the body goes out, how many bytes of how many have been
  ///   sent (for a progress display); called on URLSession's queue.
  public func transcribe(
    _ transcription: TranscriptionRequest,
    uploaded: (@Sendable (_ sent: Int64, _ total: Int64) -> Void)? = nil
  ) async throws(APIError) -> Data {
    let boundary = "scribekit-" + UUID().uuidString
    var request = try makeRequest("POST", path: ["v1", "speech-to-text"])
    request.setValue(
      "multipart/form-data; boundary=\(boundary)", forHTTPHeaderField: "Content-Type")
    request.httpBody = try transcription.multipartBody(boundary: boundary)
    let (data, _) = try await send(request, delegate: uploaded.map(UploadProgress.init))
    try Self.requireJSON(data)
    return data
  }

  /// `POST /v1/forced-alignment`: uploads audio with the text spoken in it and returns the JSON
  /// (`characters`, `words` with their `loss`, and the overall `loss`), which ScribeKit reads as
  /// `InputShape.forcedAlignment`.
  ///
  /// - Parameters:
  ///   - audio: the audio file; it is read whole into the request body, as ``transcribe(_:uploaded:)``
  ///     does.
  ///   - text: the script, sent as given; the server refuses an empty one (422).
  ///   - enabledSpooledFile: `enabled_spooled_file`, for large files; `nil` leaves it out.
  ///   - uploaded: told, as the body goes out, how many bytes of how many have been sent (for a
  ///     progress display); called on URLSession's queue.
  public func forcedAlignment(
    audio: URL, text: String, enabledSpooledFile: Bool? = nil,
    uploaded: (@Sendable (_ sent: Int64, _ total: Int64) -> Void)? = nil
  ) async throws(APIError) -> Data {
    let alignment = ForcedAlignmentRequest(
      file: audio, text: text, enabledSpooledFile: enabledSpooledFile)
    let boundary = "scribekit-" + UUID().uuidString
    var request = try makeRequest("POST", path: ["v1", "forced-alignment"])
    request.setValue(
      "multipart/form-data; boundary=\(boundary)", forHTTPHeaderField: "Content-Type")
    request.httpBody = try alignment.multipartBody(boundary: boundary)
    let (data, _) = try await send(request, delegate: uploaded.map(UploadProgress.init))
    try Self.requireJSON(data)
    return data
  }

  /// `POST /v1/text-to-speech/{voice_id}/with-timestamps`: audio (base64) with alignments.
  public func speechWithTimestamps(
    voiceID: String, _ speech: SpeechRequest
  ) async throws(APIError) -> Data {
    var request = try makeRequest(
      "POST", path: ["v1", "text-to-speech", voiceID, "with-timestamps"], query: speech.query)
    request.setValue("application/json", forHTTPHeaderField: "Content-Type")
    request.httpBody = Data(speech.jsonBody().utf8)
    let (data, _) = try await send(request)
    try Self.requireJSON(data)
    return data
  }

  // MARK: Plumbing

  func makeRequest(
    _ method: String, path: [String], query: [URLQueryItem] = []
  ) throws(APIError) -> URLRequest {
    var url = try configuration.checkedBaseURL()
    for component in path { url.appendPathComponent(component) }
    if !query.isEmpty, var components = URLComponents(url: url, resolvingAgainstBaseURL: false) {
      components.queryItems = query
      url = components.url ?? url
    }
    var request = URLRequest(url: url, timeoutInterval: configuration.requestTimeout)
    request.httpMethod = method
    request.setValue(configuration.apiKey.value, forHTTPHeaderField: "xi-api-key")
    request.setValue("application/json", forHTTPHeaderField: "Accept")
    request.setValue("ScribeKit", forHTTPHeaderField: "User-Agent")
    return request
  }

  /// Sends `request`, retrying what may be retried; returns the body of the first 2xx answer.
  func send(
    _ request: URLRequest, delegate: (any URLSessionTaskDelegate)? = nil
  ) async throws(APIError) -> (Data, HTTPURLResponse) {
    var attempt = 0
    while true {
      attempt += 1
      let data: Data
      let response: URLResponse
      do {
        (data, response) = try await session.data(for: request, delegate: delegate)
      } catch {
        let reason = Self.describe(transportError: error)
        if attempt <= configuration.maxRetries {
          await pauseBeforeRetry(after: attempt, status: nil)
          continue
        }
        throw APIError.transport(reason: reason, attempts: attempt)
      }
      guard let http = response as? HTTPURLResponse else {
        throw APIError.invalidResponse(reason: "not an HTTP response")
      }
      if (200...299).contains(http.statusCode) { return (data, http) }
      if RetryPolicy.isRetryable(status: http.statusCode) && attempt <= configuration.maxRetries {
        await pauseBeforeRetry(
          after: attempt, status: http.statusCode,
          retryAfter: http.value(forHTTPHeaderField: "Retry-After"))
        continue
      }
      throw Self.error(
        status: http.statusCode, body: data, attempts: attempt,
        redacting: configuration.apiKey)
    }
  }

  /// Waits as the retry policy says before the attempt after `attempt`, and tells the observer.
  func pauseBeforeRetry(after attempt: Int, status: Int?, retryAfter: String? = nil) async {
    let wait = RetryPolicy.delay(
      attempt: attempt - 1, retryAfter: retryAfter, initial: configuration.initialBackoff,
      maximum: configuration.maxBackoff)
    attemptObserver?(attempt, status, wait)
    try? await Task.sleep(nanoseconds: UInt64(wait * 1_000_000_000))
  }

  /// The typed error for a non-2xx answer, with the server's message from either `detail` shape.
  ///
  /// A server (or a proxy in front of it) may quote the key it was sent in its message, as in
  /// "invalid key sk_…"; every occurrence of `key` is replaced by `<redacted>`, because the
  /// message is shown to the user and may end up in a log.
  static func error(status: Int, body: Data, attempts: Int, redacting key: APIKey) -> APIError {
    redact(key, in: error(status: status, body: body, attempts: attempts))
  }

  private static func redact(_ key: APIKey, in error: APIError) -> APIError {
    guard !key.value.isEmpty else { return error }
    func clean(_ text: String) -> String {
      text.replacingOccurrences(of: key.value, with: "<redacted>")
    }
    switch error {
    case .unauthorized(let message): return .unauthorized(message: clean(message))
    case .notFound(let message): return .notFound(message: clean(message))
    case .validation(let problems):
      return .validation(
        problems.map {
          APIError.FieldProblem(location: clean($0.location), message: clean($0.message))
        })
    case .rateLimited(let message, let attempts):
      return .rateLimited(message: clean(message), attempts: attempts)
    case .http(let status, let message, let attempts):
      return .http(status: status, message: clean(message), attempts: attempts)
    case .invalidResponse(let reason): return .invalidResponse(reason: clean(reason))
    case .transport(let reason, let attempts):
      return .transport(reason: clean(reason), attempts: attempts)
    case .missingAPIKey, .insecureBaseURL, .unreadableKeyFile: return error
    }
  }

  static func error(status: Int, body: Data, attempts: Int) -> APIError {
    let detail = (try? JSONParser.parse([UInt8](body)))?.objectValue?["detail"]
    var message = "no message"
    var problems: [APIError.FieldProblem] = []
    switch detail {
    case .string(let text)?: message = text
    case .object(let object)?:
      message = object["message"]?.stringValue ?? object["status"]?.stringValue ?? message
    case .array(let entries)?:
      for entry in entries {
        let location = (entry.objectValue?["loc"]?.arrayValue ?? []).map { part -> String in
          if let text = part.stringValue { return text }
          if let number = part.numberValue { return String(Int(number)) }
          return "?"
        }.joined(separator: ".")
        problems.append(
          APIError.FieldProblem(
            location: location.isEmpty ? "request" : location,
            message: entry.objectValue?["msg"]?.stringValue ?? "invalid"))
      }
      message = problems.map(\.description).joined(separator: "; ")
    default:
      if let text = String(data: body.prefix(200), encoding: .utf8), !text.isEmpty,
        !text.contains("<")
      {
        message = text.trimmingCharacters(in: .whitespacesAndNewlines)
      }
    }
    switch status {
    case 401, 403: return .unauthorized(message: message)
    case 404: return .notFound(message: message)
    case 422 where !problems.isEmpty: return .validation(problems)
    case 429: return .rateLimited(message: message, attempts: attempts)
    default: return .http(status: status, message: message, attempts: attempts)
    }
  }

  static func requireJSON(_ data: Data) throws(APIError) {
    do {
      _ = try JSONParser.parse([UInt8](data))
    } catch {
      let what = data.isEmpty ? "the body is empty" : "the body is not complete JSON (\(error))"
      throw APIError.invalidResponse(reason: what + " after \(data.count) bytes")
    }
  }

  static func describe(transportError error: any Error) -> String {
    let nsError = error as NSError
    switch nsError.code {
    case NSURLErrorTimedOut: return "the request timed out"
    case NSURLErrorCannotConnectToHost: return "the connection was refused"
    case NSURLErrorNetworkConnectionLost: return "the connection was lost"
    case NSURLErrorCannotFindHost: return "the host name could not be resolved"
    default: return nsError.localizedDescription
    }
  }
}

/// Reports an upload's progress to a closure.
final class UploadProgress: NSObject, URLSessionTaskDelegate, Sendable {
  let report: @Sendable (Int64, Int64) -> Void

  init(_ report: @escaping @Sendable (Int64, Int64) -> Void) {
    self.report = report
  }

  func urlSession(
    _ session: URLSession, task: URLSessionTask, didSendBodyData bytesSent: Int64,
    totalBytesSent: Int64, totalBytesExpectedToSend: Int64
  ) {
    report(totalBytesSent, totalBytesExpectedToSend)
  }
}
