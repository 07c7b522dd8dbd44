import Foundation
import ScribeKit

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// Delivers a response body chunk by chunk as it arrives, rather than after the whole body.
private final class StreamDelegate: NSObject, URLSessionDataDelegate, @unchecked Sendable {
  // URLSession calls the delegate on its own serial queue, so this state is never shared.
  let continuation: AsyncThrowingStream<Data, any Error>.Continuation
  var status = 0
  var errorBody = Data()
  var delivered = 0

  init(continuation: AsyncThrowingStream<Data, any Error>.Continuation) {
    self.continuation = continuation
  }

  func urlSession(
    _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
    completionHandler: @escaping (URLSession.ResponseDisposition) -> Void
  ) {
    status = (response as? HTTPURLResponse)?.statusCode ?? 0
    completionHandler(.allow)
  }

  func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
    if (200...299).contains(status) {
      delivered += data.count
      continuation.yield(data)
    } else {
      errorBody.append(data)
    }
  }

  func urlSession(
    _ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?
  ) {
    if let error {
      let reason = ElevenLabsClient.describe(transportError: error)
      continuation.finish(throwing: StreamFailure.transport(reason: reason, delivered: delivered))
    } else if !(200...299).contains(status) {
      continuation.finish(throwing: StreamFailure.status(status, errorBody))
    } else {
      continuation.finish()
    }
    session.finishTasksAndInvalidate()
  }
}

enum StreamFailure: Error {
  case status(Int, Data)
  case transport(reason: String, delivered: Int)
}

extension ElevenLabsClient {
  /// The body of `request`, chunk by chunk. Retries (as ``send(_:)`` does) only while nothing
  /// has been delivered: once bytes reached the caller, a failure ends the stream with an error.
  func stream(_ request: URLRequest) -> AsyncThrowingStream<Data, any Error> {
    let configuration = self.configuration
    return AsyncThrowingStream { continuation in
      let task = Task {
        var attempt = 0
        while true {
          attempt += 1
          var delivered = false
          do {
            for try await chunk in Self.singleStream(request, timeout: configuration.requestTimeout)
            {
              delivered = true
              continuation.yield(chunk)
            }
            continuation.finish()
            return
          } catch StreamFailure.status(let status, let body) {
            if !delivered, RetryPolicy.isRetryable(status: status),
              attempt <= configuration.maxRetries
            {
              await self.pauseBeforeRetry(after: attempt, status: status)
              continue
            }
            continuation.finish(
              throwing: Self.error(
                status: status, body: body, attempts: attempt,
                redacting: configuration.apiKey))
            return
          } catch StreamFailure.transport(let reason, _) {
            if !delivered, attempt <= configuration.maxRetries {
              await self.pauseBeforeRetry(after: attempt, status: nil)
              continue
            }
            let what = delivered ? "the stream broke off: \(reason)" : reason
            continuation.finish(throwing: APIError.transport(reason: what, attempts: attempt))
            return
          } catch {
            continuation.finish(throwing: error)
            return
          }
        }
      }
      continuation.onTermination = { _ in task.cancel() }
    }
  }

  private static func singleStream(
    _ request: URLRequest, timeout: TimeInterval
  ) -> AsyncThrowingStream<Data, any Error> {
    AsyncThrowingStream { continuation in
      let delegate = StreamDelegate(continuation: continuation)
      let configuration = URLSessionConfiguration.ephemeral
      configuration.timeoutIntervalForRequest = timeout
      let session = URLSession(configuration: configuration, delegate: delegate, delegateQueue: nil)
      let task = session.dataTask(with: request)
      continuation.onTermination = { _ in task.cancel() }
      task.resume()
    }
  }

  /// `POST /v1/text-to-speech/{voice_id}/stream/with-timestamps`: the chunks, each one JSON line
  /// (`{audio_base64, alignment, normalized_alignment}`), delivered as each line completes.
  ///
  /// A body that ends inside a line is an ``APIError/invalidResponse(reason:)``, not a chunk.
  public func streamSpeechWithTimestamps(
    voiceID: String, _ speech: SpeechRequest
  ) throws(APIError) -> AsyncThrowingStream<Data, any Error> {
    var request = try makeRequest(
      "POST", path: ["v1", "text-to-speech", voiceID, "stream", "with-timestamps"],
      query: speech.query)
    request.setValue("application/json", forHTTPHeaderField: "Content-Type")
    request.httpBody = Data(speech.jsonBody().utf8)
    let bytes = stream(request)
    return AsyncThrowingStream { continuation in
      let task = Task {
        var pending = Data()
        var lines = 0
        do {
          for try await chunk in bytes {
            pending.append(chunk)
            while let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
              let line = pending[pending.startIndex..<newline]
              pending = Data(pending[pending.index(after: newline)...])
              guard !line.allSatisfy({ $0 == 0x20 || $0 == 0x0D || $0 == 0x09 }) else { continue }
              lines += 1
              do {
                _ = try JSONParser.parse([UInt8](line))
              } catch {
                throw APIError.invalidResponse(
                  reason: "stream chunk \(lines) is not JSON: \(error)")
              }
              continuation.yield(Data(line))
            }
          }
          if !pending.allSatisfy({ $0 == 0x20 || $0 == 0x0D || $0 == 0x09 || $0 == 0x0A }) {
            // A last line without its newline is complete only if it parses.
            if (try? JSONParser.parse([UInt8](pending))) != nil {
              continuation.yield(pending)
            } else {
              throw APIError.invalidResponse(
                reason: "the stream stopped in the middle of chunk \(lines + 1) "
                  + "(\(pending.count) bytes of it arrived)")
            }
          }
          continuation.finish()
        } catch {
          continuation.finish(throwing: error)
        }
      }
      continuation.onTermination = { _ in task.cancel() }
    }
  }

  /// `POST /v1/text-to-speech/{voice_id}/stream`: audio bytes as they are made.
  public func streamSpeech(
    voiceID: String, _ speech: SpeechRequest
  ) throws(APIError) -> AsyncThrowingStream<Data, any Error> {
    var request = try makeRequest(
      "POST", path: ["v1", "text-to-speech", voiceID, "stream"], query: speech.query)
    request.setValue("application/json", forHTTPHeaderField: "Content-Type")
    request.setValue("audio/mpeg", forHTTPHeaderField: "Accept")
    request.httpBody = Data(speech.jsonBody().utf8)
    return stream(request)
  }
}
