import ArgumentParser
import ElevenLabsAPI
import Foundation
import ScribeKit

/// `scribekit speak`: text to speech, with captions from the alignment.
struct SpeakCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "speak",
    abstract: "Synthesize speech with ElevenLabs and write captions from its timings.",
    discussion: """
      POST /v1/text-to-speech/VOICE/with-timestamps (or, with --stream, \
      .../stream/with-timestamps). The audio goes to -o; the captions go beside it, named after \
      it (out.mp3 gives out.srt). With --stream, the audio is written as it arrives and the \
      caption files are rewritten (atomically) whenever more cues are final, so a player can \
      follow along.
      """)

  @Argument(help: ArgumentHelp("The text, or @FILE to read it from a file.", valueName: "text"))
  var text: String

  @Option(help: ArgumentHelp("The voice ID.", valueName: "id"))
  var voice: String

  @Option(
    name: [.customShort("o"), .customLong("output")],
    help: ArgumentHelp("The audio file to write.", valueName: "path"))
  var audioOutput: String

  @Option(help: ArgumentHelp("model_id; default: the server's.", valueName: "id"))
  var modelID: String?

  @Option(help: ArgumentHelp("output_format, such as mp3_44100_128.", valueName: "format"))
  var outputFormat: String?

  @Flag(help: "Caption what was actually spoken (normalized_alignment) instead of the input text.")
  var normalized = false

  @Flag(help: "Use the streaming endpoint: audio and captions are written as they arrive.")
  var stream = false

  @OptionGroup(title: "Connection")
  var api: APIFlags

  @OptionGroup(title: "Export options (the API's additional_formats options)")
  var export: ExportFlags

  @Flag(help: "Replace files that already exist.")
  var force = false

  @Flag(name: .shortAndLong, help: "Do not print warnings or progress.")
  var quiet = false

  func run() async throws {
    try await reportingFailures {
      let spoken = try ExportFlags.argumentText(text, option: "text")
      guard !spoken.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
        throw CommandFailure("the text to speak is empty")
      }
      let audioURL = URL(fileURLWithPath: audioOutput)
      if !force && FileManager.default.fileExists(atPath: audioURL.path) {
        throw OutputError.fileExists(path: audioOutput)
      }
      _ = try export.requests()
      var speech = SpeechRequest(text: spoken, modelID: modelID)
      speech.outputFormat = outputFormat
      let client = try api.client(quiet: quiet)
      let reader = ReadOptions(alignment: normalized ? .normalized : .original)
      if stream {
        // Captions are rewritten while streaming; if the stream fails, the ones this run
        // created go, so a failed run leaves no partial file.
        let folder = audioURL.deletingLastPathComponent()
        let stem = audioURL.deletingPathExtension().lastPathComponent
        let captions = try export.requests().requests.fileNames(stem: stem).map {
          folder.appendingPathComponent($0)
        }
        // An interrupt takes them back too, until the stream has ended.
        let created = captions.map(\.path).filter { !FileManager.default.fileExists(atPath: $0) }
        for path in created { InterruptCleanup.register(path) }
        defer { for path in created { InterruptCleanup.unregister(path) } }
        do {
          try await runStreaming(client: client, speech: speech, audioURL: audioURL, reader: reader)
        } catch {
          for path in created { try? FileManager.default.removeItem(atPath: path) }
          throw error
        }
        return
      }
      let progress = Progress("synthesizing speech", quiet: quiet)
      let data: Data
      do {
        data = try await client.speechWithTimestamps(voiceID: voice, speech)
        progress.finish()
      } catch {
        progress.finish()
        throw error
      }
      guard let root = try? JSONParser.parse([UInt8](data)).objectValue,
        let encoded = root["audio_base64"]?.stringValue, let audio = Data(base64Encoded: encoded)
      else {
        throw APIError.invalidResponse(reason: "the response has no audio_base64 that decodes")
      }
      try writeCaptions(data, audioURL: audioURL, reader: reader, replacing: force)
      try AtomicFile.write(audio, to: audioURL, replacing: force)
    }
  }

  private func captionRun(_ audioURL: URL) -> ExportRun {
    var output = try? OutputFlags.parse([])
    output?.output = audioURL.deletingLastPathComponent().path + "/"
    output?.force = force
    output?.quiet = quiet
    return ExportRun(export: export, output: output ?? OutputFlags())
  }

  private func writeCaptions(
    _ data: Data, audioURL: URL, reader: ReadOptions, replacing: Bool
  ) throws {
    var run = captionRun(audioURL)
    run.output.force = replacing
    run.reading = reader
    try run.run(
      data: data, source: InputSource(label: "the speech of \(voice)"),
      stem: audioURL.deletingPathExtension().lastPathComponent)
  }

  /// Streams audio to a temporary file renamed at the end, and rewrites the captions as cues
  /// become final: every cue but the last, which later characters may still extend.
  private func runStreaming(
    client: ElevenLabsClient, speech: SpeechRequest, audioURL: URL, reader: ReadOptions
  ) async throws {
    let temporary = AtomicFile.temporaryURL(for: audioURL)
    InterruptCleanup.register(temporary.path)
    defer { InterruptCleanup.unregister(temporary.path) }
    guard FileManager.default.createFile(atPath: temporary.path, contents: nil),
      let handle = try? FileHandle(forWritingTo: temporary)
    else {
      throw OutputError.cannotWrite(path: audioOutput, reason: "cannot create a file in its folder")
    }
    defer {
      try? handle.close()
      try? FileManager.default.removeItem(at: temporary)
    }
    let streamReader = ReadOptions(shape: .textToSpeechStream, alignment: reader.alignment)
    guard let first = try export.requests().requests.first else { return }
    var lines = Data()
    var written = false
    var finalCues = 0
    let progress = Progress("streaming speech", quiet: quiet)
    defer { progress.finish() }
    for try await line in try client.streamSpeechWithTimestamps(voiceID: voice, speech) {
      if let root = try? JSONParser.parse([UInt8](line)).objectValue,
        let encoded = root["audio_base64"]?.stringValue, let audio = Data(base64Encoded: encoded)
      {
        try handle.write(contentsOf: audio)
      }
      lines.append(line)
      lines.append(UInt8(ascii: "\n"))
      // Cues that later characters can no longer change: all segments but the last.
      guard let transcript = try? Transcript(data: lines, options: streamReader),
        let segments = try? transcript.cues(for: first).first?.cues
      else { continue }
      if segments.count - 1 > finalCues {
        finalCues = segments.count - 1
        progress.update("streaming speech: \(finalCues) cues final")
        try writeCaptions(
          try document(of: segments.prefix(finalCues)), audioURL: audioURL, reader: reader,
          replacing: force || written)
        written = true
      }
    }
    try handle.synchronize()
    try writeCaptions(lines, audioURL: audioURL, reader: streamReader, replacing: force || written)
    try handle.close()
    try AtomicFile.publish(temporary, as: audioURL, replacing: force)
  }

  /// Cues as a segmented_json document, the input the caption files are written from.
  private func document(of cues: ArraySlice<Cue>) throws -> Data {
    try SegmentedJSONFormat().render(RenderInput(cues: Array(cues), options: APIExportOptions()))
  }
}
