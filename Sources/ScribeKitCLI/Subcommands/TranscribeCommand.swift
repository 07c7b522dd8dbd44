import ArgumentParser
import ElevenLabsAPI
import Foundation
import ScribeKit

/// `scribekit transcribe`: upload audio, keep the JSON, export locally.
struct TranscribeCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "transcribe",
    abstract: "Transcribe an audio or video file with ElevenLabs and export the result.",
    discussion: """
      POST /v1/speech-to-text, then the same exports as convert. The raw response is saved as \
      NAME.json beside the exports (NAME is the audio file's name without its extension). With \
      --server-formats the API is also asked for the same additional_formats, and its files are \
      saved beside ours as NAME.server.EXT, for comparison.
      """)

  @Argument(
    help: ArgumentHelp(
      "The audio or video file, or an https:// URL the API fetches it from (cloud_storage_url).",
      valueName: "audio"))
  var audio: String

  @Option(help: ArgumentHelp("model_id.", valueName: "id"))
  var modelID: String = "scribe_v1"

  @Option(help: ArgumentHelp("language_code; default: detected.", valueName: "code"))
  var languageCode: String?

  @Flag(inversion: .prefixedNo, help: "diarize: label speakers.")
  var diarize: Bool = true

  @Option(help: ArgumentHelp("num_speakers: the most speakers to expect.", valueName: "count"))
  var numSpeakers: Int?

  @Flag(inversion: .prefixedNo, help: "tag_audio_events: mark laughter, applause and the like.")
  var tagAudioEvents: Bool = true

  @Option(
    help: ArgumentHelp("timestamps_granularity: word or character.", valueName: "granularity"))
  var timestampsGranularity: String = "word"

  @Flag(help: "use_multi_channel: transcribe each audio channel separately.")
  var useMultiChannel = false

  @Flag(help: "Also ask the API for the same additional_formats and save its files beside ours.")
  var serverFormats = false

  @Flag(
    help:
      "webhook: let the API deliver the result to the workspace's webhook; prints the transcription ID to fetch later."
  )
  var webhook = false

  @OptionGroup(title: "Connection")
  var api: APIFlags

  @OptionGroup(title: "Export options (the API's additional_formats options)")
  var export: ExportFlags

  @OptionGroup(title: "Output")
  var output: OutputFlags

  func validate() throws {
    if !["word", "character"].contains(timestampsGranularity) {
      throw ValidationError(
        "--timestamps-granularity must be word or character: captions need times")
    }
  }

  func run() async throws {
    try await reportingFailures {
      let remote =
        audio.lowercased().hasPrefix("https://") || audio.lowercased().hasPrefix("http://")
      let audioURL =
        remote ? (URL(string: audio) ?? URL(fileURLWithPath: audio)) : URL(fileURLWithPath: audio)
      if !remote && !FileManager.default.isReadableFile(atPath: audioURL.path) {
        throw CommandFailure("\(audio): no such file")
      }
      let (requests, _) = try export.requests()
      var request = TranscriptionRequest(file: remote ? nil : audioURL, modelID: modelID)
      if remote { request.cloudStorageURL = audio }
      request.webhook = webhook ? true : nil
      request.languageCode = languageCode
      request.diarize = diarize
      request.numSpeakers = numSpeakers
      request.tagAudioEvents = tagAudioEvents
      request.timestampsGranularity = timestampsGranularity
      request.useMultiChannel = useMultiChannel ? true : nil
      let apiRequests = requests.filter(\.format.isAPIFormat)
      if serverFormats && !apiRequests.isEmpty {
        request.additionalFormats = ExportRequest.additionalFormatsJSON(apiRequests)
      }
      let size =
        (try? FileManager.default.attributesOfItem(atPath: audioURL.path)[.size] as? Int) ?? 0
      let progress = Progress(
        "uploading \(audioURL.lastPathComponent) (\(size / 1024) KiB) and waiting for the transcript",
        quiet: output.quiet)
      let data: Data
      do {
        data = try await api.client(quiet: output.quiet).transcribe(request) { sent, total in
          progress.bytes(sent, of: total, name: audioURL.lastPathComponent)
        }
        progress.finish()
      } catch {
        progress.finish()
        throw error
      }
      if webhook {
        let ack = try? JSONParser.parse([UInt8](data)).objectValue
        let id = ack?["transcription_id"]?.stringValue ?? ack?["request_id"]?.stringValue ?? "?"
        FileHandle.standardOutput.write(Data("\(id)\n".utf8))
        if !output.quiet {
          Diagnostics.write(
            "scribekit: accepted; the result goes to your webhook. Later: scribekit fetch \(id)\n")
        }
        return
      }
      let stem = InputSource(argument: audioURL.lastPathComponent).stem ?? "transcript"
      let source = InputSource(label: "the transcript of \(audio)")
      try ExportRun(export: export, output: output).run(
        data: data, source: source,
        defaultOutput: remote ? "./" : audioURL.deletingLastPathComponent().path + "/",
        stem: stem
      ) { folder, stem in
        let folder = folder ?? URL(fileURLWithPath: ".")
        var files = [(folder.appendingPathComponent("\(stem).json"), data)]
        if serverFormats { files += Self.serverFiles(in: data, folder: folder, stem: stem) }
        return files
      }
    }
  }

  /// The API's own export files in a response (top level, or per channel), as `stem.server.ext`.
  static func serverFiles(in data: Data, folder: URL, stem: String) -> [(URL, Data)] {
    guard let root = try? JSONParser.parse([UInt8](data)).objectValue else { return [] }
    var lists: [(channel: String, entries: [JSONValue])] = []
    if let entries = root["additional_formats"]?.arrayValue { lists.append(("", entries)) }
    for (position, chunk) in (root["transcripts"]?.arrayValue ?? []).enumerated() {
      if let entries = chunk.objectValue?["additional_formats"]?.arrayValue {
        lists.append((".channel-\(position)", entries))
      }
    }
    var files: [(URL, Data)] = []
    var used: Set<String> = []
    for (channel, entries) in lists {
      for entry in entries {
        guard let object = entry.objectValue, let content = object["content"]?.stringValue else {
          continue
        }
        let rawExtension = object["file_extension"]?.stringValue ?? "txt"
        let safeExtension = String(rawExtension.filter { $0.isLetter || $0.isNumber }.prefix(10))
        let base64 =
          object["is_base64_encoded"] == .bool(true) || object["is_base_64_encoded"] == .bool(true)
        let bytes = base64 ? (Data(base64Encoded: content) ?? Data()) : Data(content.utf8)
        var name = "\(stem)\(channel).server.\(safeExtension.isEmpty ? "txt" : safeExtension)"
        var count = 2
        while used.contains(name) {
          name = "\(stem)\(channel).server-\(count).\(safeExtension)"
          count += 1
        }
        used.insert(name)
        files.append((folder.appendingPathComponent(name), bytes))
      }
    }
    return files
  }
}
