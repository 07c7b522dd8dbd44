import Foundation

/// When and how long to wait before trying a request again.
enum RetryPolicy {
  /// 408, 429 and every 5xx: the statuses the official SDKs retry.
  static func isRetryable(status: Int) -> Bool {
    status == 408 || status == 429 || (500...599).contains(status)
  }

  /// Seconds to wait before retry number `attempt` (0 for the first retry).
  ///
  /// `Retry-After` wins when present (seconds, or an HTTP date), capped at `maximum`; otherwise
  /// `initial × 2^attempt`, capped, with up to 25% jitter taken off so clients that failed
  /// together do not retry together.
  static func delay(
    attempt: Int, retryAfter: String?, initial: TimeInterval, maximum: TimeInterval,
    now: Date = Date(), jitter: Double = Double.random(in: 0...1)
  ) -> TimeInterval {
    if let retryAfter, let seconds = parseRetryAfter(retryAfter, now: now) {
      return min(max(0, seconds), maximum)
    }
    let exponential = min(maximum, initial * pow(2, Double(attempt)))
    return exponential * (1 - 0.25 * jitter)
  }

  /// `Retry-After` as seconds from `now`: a whole number of seconds or an IMF-fixdate.
  static func parseRetryAfter(_ value: String, now: Date) -> TimeInterval? {
    let trimmed = value.trimmingCharacters(in: .whitespaces)
    if let seconds = Double(trimmed), seconds.isFinite { return seconds }
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "GMT")
    formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
    guard let date = formatter.date(from: trimmed) else { return nil }
    return date.timeIntervalSince(now)
  }
}
