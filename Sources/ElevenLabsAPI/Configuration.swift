import Foundation

/// How the client connects: key, server, time limits and retries.
public struct ClientConfiguration: Sendable {
  /// The key sent as `xi-api-key`.
  public var apiKey: APIKey
  /// The server. Default: `https://api.elevenlabs.io`; regional servers and test servers differ.
  public var baseURL: URL
  /// How long one attempt may wait for the server between bytes. Default: 60 s.
  public var requestTimeout: TimeInterval
  /// Retries after a 408, 429, 5xx or a lost connection, as the official SDKs do. Default: 2.
  public var maxRetries: Int
  /// The first backoff, doubled on each retry, with jitter. Default: 1 s.
  public var initialBackoff: TimeInterval
  /// No wait, even one asked for by `Retry-After`, is longer than this. Default: 60 s.
  public var maxBackoff: TimeInterval

  /// The public API's address.
  public static let defaultBaseURL: URL = {
    var components = URLComponents()
    components.scheme = "https"
    components.host = "api.elevenlabs.io"
    // A literal scheme and host always form a URL; the fallback only satisfies the type.
    return components.url ?? URL(fileURLWithPath: "/")
  }()

  /// Creates a configuration.
  public init(
    apiKey: APIKey, baseURL: URL = ClientConfiguration.defaultBaseURL,
    requestTimeout: TimeInterval = 60, maxRetries: Int = 2, initialBackoff: TimeInterval = 1,
    maxBackoff: TimeInterval = 60
  ) {
    self.apiKey = apiKey
    self.baseURL = baseURL
    self.requestTimeout = requestTimeout
    self.maxRetries = maxRetries
    self.initialBackoff = initialBackoff
    self.maxBackoff = maxBackoff
  }

  /// A configuration from the environment: the key from `ELEVENLABS_API_KEY` (or `keyFile`, a
  /// file holding it), the server from `ELEVENLABS_BASE_URL` if set.
  ///
  /// - Throws: ``APIError/missingAPIKey`` when neither gives a key.
  public static func fromEnvironment(
    _ environment: [String: String] = ProcessInfo.processInfo.environment, keyFile: String? = nil
  ) throws(APIError) -> ClientConfiguration {
    var key: String?
    if let keyFile {
      var isFolder: ObjCBool = false
      guard FileManager.default.fileExists(atPath: keyFile, isDirectory: &isFolder) else {
        throw APIError.unreadableKeyFile(path: keyFile, reason: "does not exist")
      }
      guard !isFolder.boolValue else {
        throw APIError.unreadableKeyFile(path: keyFile, reason: "is a folder; expected a file")
      }
      guard let data = FileManager.default.contents(atPath: keyFile) else {
        throw APIError.unreadableKeyFile(path: keyFile, reason: "cannot be read (permissions?)")
      }
      guard let text = String(data: data, encoding: .utf8), !APIKey(text).value.isEmpty else {
        throw APIError.unreadableKeyFile(
          path: keyFile, reason: "holds no key (empty or not UTF-8 text)")
      }
      key = text
    } else {
      key = environment["ELEVENLABS_API_KEY"]
    }
    guard let key, !APIKey(key).value.isEmpty else { throw APIError.missingAPIKey }
    var configuration = ClientConfiguration(apiKey: APIKey(key))
    if let base = environment["ELEVENLABS_BASE_URL"], let url = URL(string: base) {
      configuration.baseURL = url
    }
    return configuration
  }

  /// Refuses plain HTTP except to this machine, where tests run their servers.
  func checkedBaseURL() throws(APIError) -> URL {
    let scheme = baseURL.scheme?.lowercased()
    if scheme == "https" { return baseURL }
    let host = baseURL.host?.lowercased() ?? ""
    let loopback = host == "localhost" || host == "::1" || host == "[::1]" || host.hasPrefix("127.")
    if scheme == "http" && loopback { return baseURL }
    throw APIError.insecureBaseURL(baseURL.absoluteString)
  }
}
