import Foundation
import ScribeKit

/// The fields of `POST /v1/speech-to-text`.
public struct TranscriptionRequest: Sendable {
  /// The audio or video to upload; `nil` when ``cloudStorageURL`` names it instead.
  public var file: URL?
  /// A URL the server fetches the audio from.
  public var cloudStorageURL: String?
  /// `model_id`. Default: `scribe_v1`.
  public var modelID: String
  /// `language_code`, or `nil` to detect it.
  public var languageCode: String?
  /// `diarize`.
  public var diarize: Bool?
  /// `num_speakers`.
  public var numSpeakers: Int?
  /// `tag_audio_events`.
  public var tagAudioEvents: Bool?
  /// `timestamps_granularity`: `none`, `word` or `character`.
  public var timestampsGranularity: String?
  /// `use_multi_channel`.
  public var useMultiChannel: Bool?
  /// `webhook`: answer at once and deliver the result to the workspace's webhook.
  public var webhook: Bool?
  /// `additional_formats`: the API's JSON array, sent as one part.
  public var additionalFormats: String?

  /// Creates a request for a local file.
  public init(file: URL?, modelID: String = "scribe_v1") {
    self.file = file
    self.modelID = modelID
  }

  func multipartBody(boundary: String) throws(APIError) -> Data {
    var form = MultipartForm(boundary: boundary)
    form.field("model_id", modelID)
    if let languageCode { form.field("language_code", languageCode) }
    if let diarize { form.field("diarize", diarize ? "true" : "false") }
    if let numSpeakers { form.field("num_speakers", String(numSpeakers)) }
    if let tagAudioEvents { form.field("tag_audio_events", tagAudioEvents ? "true" : "false") }
    if let timestampsGranularity { form.field("timestamps_granularity", timestampsGranularity) }
    if let useMultiChannel { form.field("use_multi_channel", useMultiChannel ? "true" : "false") }
    if let webhook { form.field("webhook", webhook ? "true" : "false") }
    if let additionalFormats {
      form.field("additional_formats", additionalFormats, contentType: "application/json")
    }
    if let cloudStorageURL { form.field("cloud_storage_url", cloudStorageURL) }
    if let file { try form.file("file", contentsOf: file) }
    return form.finished()
  }
}

/// The fields of `POST /v1/forced-alignment`, as elevenlabs-python's
/// `forced_alignment/raw_client.py` sends them: `file` and `text` (required) and
/// `enabled_spooled_file` (optional).
struct ForcedAlignmentRequest: Sendable {
  /// The audio to align the text with.
  var file: URL
  /// The script, sent as given: the characters of the answer are this text's.
  var text: String
  /// `enabled_spooled_file`: the server streams the file in chunks (for large files); `nil`
  /// leaves the field out and the server's default (false) applies.
  var enabledSpooledFile: Bool?

  /// The body, the text first and the audio last, as the SDK's form puts them.
  func multipartBody(boundary: String) throws(APIError) -> Data {
    var form = MultipartForm(boundary: boundary)
    form.field("text", text)
    if let enabledSpooledFile {
      form.field("enabled_spooled_file", enabledSpooledFile ? "true" : "false")
    }
    try form.file("file", contentsOf: file)
    return form.finished()
  }
}

/// A `multipart/form-data` body, built part by part; every upload endpoint writes its fields
/// through it so that the framing is written in one place.
struct MultipartForm {
  /// The boundary, which must not occur in any part (a UUID makes sure of it).
  let boundary: String
  /// The parts so far, without the closing boundary.
  private var body = Data()

  /// Starts an empty body.
  init(boundary: String) {
    self.boundary = boundary
  }

  /// Adds a text part.
  mutating func field(_ name: String, _ value: String, contentType: String? = nil) {
    body += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n".utf8)
    if let contentType { body += Data("Content-Type: \(contentType)\r\n".utf8) }
    body += Data("\r\n\(value)\r\n".utf8)
  }

  /// Adds a file part with the file's bytes, named after the file.
  ///
  /// - Throws: ``APIError/transport(reason:attempts:)`` (no attempt made) when the file cannot
  ///   be read.
  mutating func file(_ name: String, contentsOf file: URL) throws(APIError) {
    let content: Data
    do {
      content = try Data(contentsOf: file)
    } catch {
      throw APIError.transport(reason: "\(file.path): cannot read the audio file", attempts: 0)
    }
    let fileName = file.lastPathComponent.replacingOccurrences(of: "\"", with: "_")
    body += Data(
      ("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"; "
        + "filename=\"\(fileName)\"\r\n").utf8)
    body += Data("Content-Type: application/octet-stream\r\n\r\n".utf8)
    body += content
    body += Data("\r\n".utf8)
  }

  /// The body with its closing boundary.
  func finished() -> Data {
    body + Data("--\(boundary)--\r\n".utf8)
  }
}

/// The fields of the text-to-speech requests.
public struct SpeechRequest: Sendable {
  /// The text to speak.
  public var text: String
  /// `model_id`, or `nil` for the server's default.
  public var modelID: String?
  /// `language_code`.
  public var languageCode: String?
  /// `output_format` (query), such as `mp3_44100_128`.
  public var outputFormat: String?

  /// Creates a request.
  public init(text: String, modelID: String? = nil) {
    self.text = text
    self.modelID = modelID
  }

  var query: [URLQueryItem] {
    outputFormat.map { [URLQueryItem(name: "output_format", value: $0)] } ?? []
  }

  func jsonBody() -> String {
    var members: [JSONObject.Member] = [.init(key: "text", value: .string(text))]
    if let modelID { members.append(.init(key: "model_id", value: .string(modelID))) }
    if let languageCode {
      members.append(.init(key: "language_code", value: .string(languageCode)))
    }
    return JSONValue.object(JSONObject(members: members)).jsonText
  }
}
