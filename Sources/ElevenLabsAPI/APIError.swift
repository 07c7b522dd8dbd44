import Foundation

/// What went wrong talking to the API, in words a user understands. No case ever holds the key.
public enum APIError: Error, Sendable, Equatable, CustomStringConvertible {
  /// No key was given (`ELEVENLABS_API_KEY` unset and no key file).
  case missingAPIKey
  /// The key file given could not be read, or holds no key. Its content is never shown.
  case unreadableKeyFile(path: String, reason: String)
  /// The base URL is not HTTPS and not on this machine, so the key would cross the network in
  /// clear text.
  case insecureBaseURL(String)
  /// 401: the key is wrong or lacks the permission.
  case unauthorized(message: String)
  /// 404: the thing asked for does not exist.
  case notFound(message: String)
  /// 422: the request's fields were refused; one entry per field.
  case validation([FieldProblem])
  /// 429 after every retry: too many requests or the system is busy.
  case rateLimited(message: String, attempts: Int)
  /// Another HTTP status, after retries where the status allows them.
  case http(status: Int, message: String, attempts: Int)
  /// The body is not what the endpoint returns: cut off, not JSON, or the wrong JSON.
  case invalidResponse(reason: String)
  /// The request never got an answer: refused connection, DNS, timeout.
  case transport(reason: String, attempts: Int)

  /// One refused field of a 422 answer.
  public struct FieldProblem: Sendable, Equatable, CustomStringConvertible {
    /// Where: the API's `loc`, joined with dots (`body.model_id`).
    public var location: String
    /// The API's `msg`.
    public var message: String

    /// Creates a problem.
    public init(location: String, message: String) {
      self.location = location
      self.message = message
    }

    /// `location: message`.
    public var description: String { "\(location): \(message)" }
  }

  /// One line for a person.
  public var description: String {
    switch self {
    case .missingAPIKey:
      return "no API key: set ELEVENLABS_API_KEY or give a key file"
    case .unreadableKeyFile(let path, let reason):
      return "the API key file \(path) \(reason)"
    case .insecureBaseURL(let url):
      return
        "refusing to send the API key to \(url): use https (plain http is allowed only to this machine)"
    case .unauthorized(let message):
      return "the API key was refused (401): \(message); check ELEVENLABS_API_KEY"
    case .notFound(let message):
      return "not found (404): \(message)"
    case .validation(let problems):
      return "the API refused the request (422): "
        + problems.map(\.description).joined(separator: "; ")
    case .rateLimited(let message, let attempts):
      return "the API is rate limiting (429) after \(attempts) attempts: \(message)"
    case .http(let status, let message, let attempts):
      let tries = attempts > 1 ? " after \(attempts) attempts" : ""
      return "the API answered \(status)\(tries): \(message)"
    case .invalidResponse(let reason):
      return "the API's answer could not be read: \(reason)"
    case .transport(let reason, let attempts):
      let tries = attempts > 1 ? " after \(attempts) attempts" : ""
      return "could not reach the API\(tries): \(reason)"
    }
  }
}
