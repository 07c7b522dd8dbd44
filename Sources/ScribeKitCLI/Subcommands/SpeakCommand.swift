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
  ///
  /// Each line is parsed once, its audio written out and dropped: the captions are read again
  /// from the parsed chunks as they grow, not from the text, which is mostly base64 audio
  /// (about 21 KB a second at 128 kbit/s). A chunk then costs reading and segmenting the
  /// alignment so far, which is small next to parsing all that audio again.
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
    guard try !export.requests().requests.isEmpty else { return }
    let source = InputSource(label: "the speech of \(voice)")
    let stem = audioURL.deletingPathExtension().lastPathComponent
    var run = captionRun(audioURL)
    run.reading = streamReader
    // The chunks so far, each with its line in the stream (for messages), as reading the whole
    // stream's text would give them.
    var chunks: [(value: JSONValue, line: Int)] = []
    // What each caption file holds, as this run last wrote it.
    var published: [URL: Data] = [:]
    let progress = Progress("streaming speech", quiet: quiet)
    defer { progress.finish() }
    for try await line in try client.streamSpeechWithTimestamps(voiceID: voice, speech) {
      let chunk: JSONValue
      do {
        chunk = try JSONParser.parse([UInt8](line))
      } catch {
        // The client yields only lines that parse; this is a broken promise, not bad input.
        throw APIError.invalidResponse(
          reason: "stream chunk \(chunks.count + 1) is not JSON: \(error)")
      }
      let (audio, rest) = Self.separatingAudio(chunk)
      if let audio { try handle.write(contentsOf: audio) }
      chunks.append((rest, chunks.count + 1))
      // Until the alignment reads, there is nothing to caption.
      guard
        let transcript = try? Transcript(
          parsed: chunks, source: source.label, options: streamReader)
      else { continue }
      if try publishFinalCues(
        of: transcript, run: run, source: source, stem: stem, published: &published)
      {
        progress.update("streaming speech: captions updated at chunk \(chunks.count)")
      }
    }
    // The final captions before the audio's flush to the disk, which takes a while (megabytes)
    // and which they do not need; a failure after them still takes them back (see run()).
    run.output.force = force || !published.isEmpty
    try run.run(
      transcript: try Transcript(parsed: chunks, source: source.label, options: streamReader),
      source: source, stem: stem)
    try handle.synchronize()
    try handle.close()
    try AtomicFile.publish(temporary, as: audioURL, replacing: force)
  }

  /// Writes the caption files whose final cues changed: every cue of each request but its last,
  /// which later characters may still extend or break differently (a request with no other cue
  /// has no file yet). A file that would get what it holds already is left alone.
  ///
  /// These files are rewritten again within seconds, so they are not flushed to the disk, and
  /// the warnings wait for the final captions, so that each is shown once. Returns whether any
  /// file was written.
  private func publishFinalCues(
    of transcript: Transcript, run: ExportRun, source: InputSource, stem: String,
    published: inout [URL: Data]
  ) throws -> Bool {
    var partial = run
    partial.leavesOutLastCue = true
    let plan = try partial.prepare(transcript: transcript, source: source, stem: stem).plan.get()
    var created = plan
    var replaced = plan
    created.entries = []
    replaced.entries = []
    for entry in plan.entries {
      guard case .file(let url) = entry.target, published[url] != entry.content else { continue }
      if published[url] == nil {
        created.entries.append(entry)
      } else {
        replaced.entries.append(entry)
      }
    }
    try replaced.write(replacing: true, durable: false)
    try created.write(replacing: force, durable: false)
    for case (.file(let url), let content) in replaced.entries + created.entries {
      published[url] = content
    }
    return !(replaced.entries.isEmpty && created.entries.isEmpty)
  }

  /// A stream chunk's audio, decoded, and the chunk with an empty `audio_base64` in its place:
  /// the captions are read from the rest, which is all the tts-stream reader looks at (it
  /// needs the member to be there, not its content).
  static func separatingAudio(_ chunk: JSONValue) -> (audio: Data?, rest: JSONValue) {
    guard var object = chunk.objectValue, case .string(let encoded)? = object["audio_base64"]
    else { return (nil, chunk) }
    for index in object.members.indices where object.members[index].key == "audio_base64" {
      if case .string = object.members[index].value {
        object.members[index].value = .string("")
      }
    }
    return (Data(base64Encoded: encoded), .object(object))
  }
}
