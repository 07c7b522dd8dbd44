import ArgumentParser
import ElevenLabsAPI
import Foundation
import ScribeKit

/// `scribekit align`: captions from a script the user already has, timed to the audio by
/// forced alignment, so the words are the script's and not a transcription's.
struct AlignCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "align",
    abstract: "Time a script to its audio with ElevenLabs forced alignment and export the result.",
    discussion: """
      POST /v1/forced-alignment with the audio and the script, then the same exports as \
      convert. The exports hold the script's own words, punctuation and spacing; the API adds \
      only the times. Files are named after the audio (talk.mp3 gives talk.srt) and go beside \
      it unless -o says otherwise; no output ever replaces the script or the audio. The script \
      is a UTF-8 text file (or - for stdin), sent as written; an empty one, a missing file or a \
      missing audio file is refused before anything is uploaded. With --save-json the raw \
      response is kept as NAME.json beside the exports (in the current folder when they go to \
      stdout), which convert reads again without another upload.
      """)

  @Argument(
    help: ArgumentHelp(
      "The audio or video file (a local file: the endpoint takes no URL).", valueName: "audio"))
  var audio: String

  @Option(
    name: .customLong("text"),
    help: ArgumentHelp(
      "The script spoken in the audio: a UTF-8 text file, or - to read it from stdin.",
      valueName: "script"),
    completion: .file())
  var script: String

  @Flag(help: "enabled_spooled_file: let the server take a large file in chunks.")
  var enabledSpooledFile = false

  @Flag(help: "Also keep the raw JSON response, as NAME.json beside the exports.")
  var saveJSON = false

  @OptionGroup(title: "Connection")
  var api: APIFlags

  @OptionGroup(title: "Export options (the API's additional_formats options)")
  var export: ExportFlags

  @OptionGroup(title: "Output")
  var output: OutputFlags

  /// Checks the inputs and outputs, uploads, and exports what the API answers.
  func run() async throws {
    try await reportingFailures {
      // Everything that can be refused here is refused before the key is read or a byte sent.
      let audioURL = try checkedAudio()
      let (text, scriptURL) = try readScript()
      let name = audioURL.lastPathComponent
      let stem = InputSource(argument: name).stem ?? "alignment"
      try checkOutputs(
        stem: stem, audio: audioURL, script: scriptURL, requests: try export.requests().requests)
      let client = try api.client(quiet: output.quiet)
      let size =
        (try? FileManager.default.attributesOfItem(atPath: audioURL.path)[.size] as? Int) ?? 0
      let progress = Progress(
        "uploading \(name) (\(size / 1024) KiB) and waiting for the alignment",
        quiet: output.quiet)
      let data: Data
      do {
        data = try await client.forcedAlignment(
          audio: audioURL, text: text, enabledSpooledFile: enabledSpooledFile ? true : nil
        ) { sent, total in
          progress.bytes(sent, of: total, name: name, awaited: "the alignment")
        }
        progress.finish()
      } catch {
        progress.finish()
        throw error
      }
      var source = InputSource(label: "the alignment of \(audio)")
      // The script is this run's other input: naming it lets the output plan refuse, as it
      // writes, to replace it (talk.txt beside talk.mp3 is where `--format txt` goes).
      source.url = scriptURL
      var run = ExportRun(export: export, output: output)
      run.reading = ReadOptions(shape: .forcedAlignment)
      try run.run(
        data: data, source: source,
        defaultOutput: audioURL.deletingLastPathComponent().path + "/",
        stem: stem
      ) { folder, stem in
        guard saveJSON else { return [] }
        return [
          ((folder ?? URL(fileURLWithPath: ".")).appendingPathComponent("\(stem).json"), data)
        ]
      }
    }
  }

  /// Refuses before the upload, which costs, what writing the exports after it would refuse:
  /// an output that is the audio or the script, one that exists (without `--force`), several
  /// outputs for stdout or for one file. The export run checks again as it writes.
  private func checkOutputs(
    stem: String, audio: URL, script: URL?, requests: [ExportRequest]
  ) throws {
    let destination = output.output ?? audio.deletingLastPathComponent().path + "/"
    let folder: URL
    var files: [URL] = []
    if destination == "-" || !OutputPlan.namesFolder(destination) {
      guard requests.count == 1 else {
        let place = destination == "-" ? "stdout" : "one file (-o \(destination))"
        throw CommandFailure(
          "\(requests.count) formats cannot all go to \(place); give a folder with -o (an "
            + "existing one, or a path ending in /)")
      }
      if destination == "-" {
        folder = URL(fileURLWithPath: ".")
      } else {
        files.append(URL(fileURLWithPath: destination))
        folder = URL(fileURLWithPath: destination).deletingLastPathComponent()
      }
    } else {
      folder = URL(fileURLWithPath: destination, isDirectory: true)
      files += requests.fileNames(stem: stem).map { folder.appendingPathComponent($0) }
    }
    if saveJSON { files.append(folder.appendingPathComponent("\(stem).json")) }
    for file in files {
      for (input, what) in [(audio, "the audio"), (script, "the script")] {
        if let input, OutputPlan.isSameFile(file, input) {
          throw CommandFailure(
            "\(file.relativePath): is \(what); refusing to overwrite it (choose another name or "
              + "folder with -o)")
        }
      }
      if !output.force && FileManager.default.fileExists(atPath: file.path) {
        throw OutputError.fileExists(path: file.relativePath)
      }
    }
  }

  /// The audio file, checked to be a readable local file.
  private func checkedAudio() throws -> URL {
    let lowered = audio.lowercased()
    if lowered.hasPrefix("https://") || lowered.hasPrefix("http://") {
      throw CommandFailure(
        "\(audio): forced alignment uploads a local file; download the audio first")
    }
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: audio, isDirectory: &isFolder) else {
      throw CommandFailure("\(audio): no such file")
    }
    if isFolder.boolValue {
      throw CommandFailure("\(audio): is a folder; expected an audio or video file")
    }
    guard FileManager.default.isReadableFile(atPath: audio) else {
      throw CommandFailure("\(audio): cannot be read (permissions?)")
    }
    return URL(fileURLWithPath: audio)
  }

  /// The script's text (a leading byte order mark removed, nothing else changed) and its file,
  /// `nil` for stdin.
  private func readScript() throws -> (text: String, file: URL?) {
    let data: Data
    var file: URL?
    if script == "-" {
      data = FileHandle.standardInput.readDataToEndOfFile()
    } else {
      var isFolder: ObjCBool = false
      guard FileManager.default.fileExists(atPath: script, isDirectory: &isFolder) else {
        // speak takes @FILE; here the argument is always a path.
        let bare = String(script.dropFirst())
        if script.hasPrefix("@"), FileManager.default.fileExists(atPath: bare) {
          throw CommandFailure(
            "\(script): no such file; --text takes the script's path, without @ (\(bare))")
        }
        throw CommandFailure("\(script): no such file (the script for --text)")
      }
      if isFolder.boolValue {
        throw CommandFailure("\(script): is a folder; expected the script, a text file")
      }
      guard let contents = FileManager.default.contents(atPath: script) else {
        throw CommandFailure("\(script): cannot be read (permissions?)")
      }
      data = contents
      file = URL(fileURLWithPath: script)
    }
    let label = script == "-" ? "<stdin>" : script
    guard var text = String(data: data, encoding: .utf8) else {
      throw CommandFailure("\(label): the script is not UTF-8 text")
    }
    if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
    if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
      throw CommandFailure(
        "\(label): the script is empty; forced alignment needs the words spoken in the audio")
    }
    return (text, file)
  }
}
