import Foundation
import Testing

@testable import ElevenLabsAPI

@Suite("API client: retries, errors, safety")
struct ClientUnitTests {
  @Test func retriesTheStatusesTheSDKsRetry() {
    for status in [408, 429, 500, 502, 503, 504, 599] {
      #expect(RetryPolicy.isRetryable(status: status))
    }
    for status in [400, 401, 403, 404, 409, 422] {
      #expect(!RetryPolicy.isRetryable(status: status))
    }
  }

  @Test func honoursRetryAfterInSecondsOrAsADateAndCapsIt() {
    let now = Date(timeIntervalSince1970: 1_764_000_000)
    #expect(RetryPolicy.delay(attempt: 0, retryAfter: "3", initial: 1, maximum: 60, now: now) == 3)
    #expect(
      RetryPolicy.delay(attempt: 0, retryAfter: "600", initial: 1, maximum: 60, now: now) == 60)
    let date = "Mon, 24 Nov 2025 16:00:10 GMT"  // 1764000010
    #expect(
      RetryPolicy.delay(attempt: 0, retryAfter: date, initial: 1, maximum: 60, now: now) == 10)
    #expect(
      RetryPolicy.delay(
        attempt: 0, retryAfter: "Mon, 24 Nov 2025 15:00:00 GMT", initial: 1, maximum: 60, now: now)
        == 0)
  }

  @Test func backsOffExponentiallyWithJitterUpToTheCap() {
    #expect(RetryPolicy.delay(attempt: 0, retryAfter: nil, initial: 1, maximum: 60, jitter: 0) == 1)
    #expect(RetryPolicy.delay(attempt: 3, retryAfter: nil, initial: 1, maximum: 60, jitter: 0) == 8)
    #expect(RetryPolicy.delay(attempt: 3, retryAfter: nil, initial: 1, maximum: 60, jitter: 1) == 6)
    #expect(
      RetryPolicy.delay(attempt: 10, retryAfter: nil, initial: 1, maximum: 60, jitter: 0) == 60)
    #expect(
      RetryPolicy.delay(attempt: 0, retryAfter: "soon", initial: 2, maximum: 60, jitter: 0) == 2)
  }

  @Test func decodesBothDetailShapes() {
    let notFound = Data(
      #"{"detail": {"status": "not_found_error", "message": "Transcript not found."}}"#.utf8)
    #expect(
      ElevenLabsClient.error(status: 404, body: notFound, attempts: 1)
        == .notFound(message: "Transcript not found."))
    let invalid = Data(
      #"{"detail": [{"loc": ["body", "model_id"], "msg": "field required", "type": "missing"}, {"loc": ["body", "file"], "msg": "field required"}]}"#
        .utf8)
    let error = ElevenLabsClient.error(status: 422, body: invalid, attempts: 1)
    #expect(
      error
        == .validation([
          .init(location: "body.model_id", message: "field required"),
          .init(location: "body.file", message: "field required"),
        ]))
    #expect(
      error.description
        == "the API refused the request (422): body.model_id: field required; body.file: field required"
    )
    #expect(
      ElevenLabsClient.error(
        status: 401,
        body: Data(
          #"{"detail": {"status": "invalid_api_key", "message": "Invalid API key"}}"#.utf8),
        attempts: 1
      )
      .description == "the API key was refused (401): Invalid API key; check ELEVENLABS_API_KEY")
    #expect(
      ElevenLabsClient.error(status: 502, body: Data("<html>bad gateway</html>".utf8), attempts: 3)
        .description == "the API answered 502 after 3 attempts: no message")
  }

  @Test func aServerThatQuotesTheKeyHasItRedacted() {
    let key = APIKey("sk_live_very_secret")
    let body = Data(
      #"{"detail": {"status": "invalid_api_key", "message": "bad key 'sk_live_very_secret'"}}"#.utf8
    )
    let error = ElevenLabsClient.error(status: 401, body: body, attempts: 1, redacting: key)
    #expect(error == .unauthorized(message: "bad key '<redacted>'"))
    let fields = Data(
      #"{"detail": [{"loc": ["header", "sk_live_very_secret"], "msg": "x sk_live_very_secret"}]}"#
        .utf8)
    #expect(
      ElevenLabsClient.error(status: 422, body: fields, attempts: 1, redacting: key)
        == .validation([.init(location: "header.<redacted>", message: "x <redacted>")]))
  }

  @Test func neverPrintsTheKey() {
    let key = APIKey("sk_live_very_secret\n")
    #expect(key.value == "sk_live_very_secret")
    #expect("\(key)" == "<redacted>")
    #expect(String(reflecting: key) == "<redacted>")
    var dumped = ""
    dump(key, to: &dumped)
    dump(ClientConfiguration(apiKey: key), to: &dumped)
    #expect(!dumped.contains("sk_live"), "\(dumped)")
    #expect(Mirror(reflecting: key).children.isEmpty)
    let configuration = ClientConfiguration(apiKey: key)
    #expect(!String(describing: configuration).contains("sk_live"))
  }

  @Test func refusesPlainHTTPExceptToThisMachine() throws {
    for url in [
      "http://127.0.0.1:8080", "http://localhost:1", "https://api.eu.residency.elevenlabs.io",
    ] {
      var configuration = ClientConfiguration(apiKey: APIKey("k"))
      configuration.baseURL = try #require(URL(string: url))
      #expect(throws: Never.self) { try configuration.checkedBaseURL() }
    }
    var configuration = ClientConfiguration(apiKey: APIKey("k"))
    configuration.baseURL = try #require(URL(string: "http://api.elevenlabs.io"))
    #expect(throws: APIError.insecureBaseURL("http://api.elevenlabs.io")) {
      try configuration.checkedBaseURL()
    }
  }

  @Test func readsTheKeyFromTheEnvironmentOrAFile() throws {
    #expect(throws: APIError.missingAPIKey) { try ClientConfiguration.fromEnvironment([:]) }
    #expect(throws: APIError.missingAPIKey) {
      try ClientConfiguration.fromEnvironment(["ELEVENLABS_API_KEY": "  "])
    }
    let file = FileManager.default.temporaryDirectory.appendingPathComponent(
      "key-\(UUID().uuidString)")
    try Data("from-file\n".utf8).write(to: file)
    defer { try? FileManager.default.removeItem(at: file) }
    let configuration = try ClientConfiguration.fromEnvironment(
      ["ELEVENLABS_API_KEY": "env", "ELEVENLABS_BASE_URL": "http://127.0.0.1:9"], keyFile: file.path
    )
    #expect(configuration.apiKey.value == "from-file")
    #expect(configuration.baseURL.absoluteString == "http://127.0.0.1:9")
  }
}
