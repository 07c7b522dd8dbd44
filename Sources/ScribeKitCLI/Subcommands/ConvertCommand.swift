import ArgumentParser
import Foundation
import ScribeKit

/// `scribekit convert`: timing data in, exports out.
struct ConvertCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "convert",
    abstract:
      "Convert ElevenLabs timing data (files, folders, or - for stdin) to subtitles and documents.",
    discussion: """
      The input's shape is detected: speech-to-text responses (single or multichannel, GET \
      responses, webhook payloads, realtime sessions), text-to-speech with-timestamps \
      responses, streams and WebSocket logs, bare alignments, text-to-dialogue responses and \
      streams, history items, forced alignments, dubbing transcripts, music with word \
      timestamps, and segmented_json exports; and other engines' transcripts: the OpenAI API, \
      openai-whisper, faster-whisper, whisper.cpp, whisperX, Deepgram, AssemblyAI, Rev.ai, \
      Speechmatics, Amazon Transcribe, Google and Azure, each in its own units.

      Without -o, files are written beside the input (to stdout when the input is stdin). \
      Existing files are never replaced without --force, and the input never is. Repairs made \
      to bad timings are reported on stderr as warnings.

      Several inputs, or a folder (every *.json in it, except *.segmented.json exports), are \
      converted into -o (a folder) or beside each input, several at once on a machine with \
      several cores, with messages and errors in input order; a file that fails is reported \
      and the others still convert, and the exit status is 1 if any failed.
      """
  )

  @Argument(
    help: ArgumentHelp(
      "The timing data: JSON files, folders of them, or - for stdin.", valueName: "input"))
  var inputs: [String]

  @OptionGroup(title: "Export options (the API's additional_formats options)")
  var export: ExportFlags

  @OptionGroup(title: "Output")
  var output: OutputFlags

  @Option(
    help: ArgumentHelp(
      "Insist on an input shape: \(InputShape.all.map(\.name).joined(separator: ", ")). Default: detect.",
      valueName: "shape"),
    completion: .list(InputShape.all.map(\.name)))
  var inputShape: String?

  @Option(
    help: ArgumentHelp(
      "Text-to-speech input: which alignment to read, original or normalized.",
      valueName: "alignment"))
  var alignment: String = "original"

  @Flag(help: "Print, for every cue, why it ends where it ends (to stderr).")
  var explain = false

  func validate() throws {
    if inputShape.map({ InputShape.named($0) == nil }) ?? false {
      throw ValidationError(
        "unknown input shape \"\(inputShape ?? "")\"; expected one of "
          + InputShape.all.map(\.name).joined(separator: ", "))
    }
    if !["original", "normalized"].contains(alignment) {
      throw ValidationError("--alignment must be original or normalized")
    }
  }

  func run() async throws {
    let reader = ReadOptions(
      shape: inputShape.flatMap(InputShape.named),
      alignment: alignment == "normalized" ? .normalized : .original)
    var files: [String] = []
    try await reportingFailures {
      // Options are checked before any input is read, so a typo costs nothing.
      _ = try export.requests()
      files = try Self.expand(inputs)
      if files.count > 1 && (output.output == "-" || files.contains("-")) {
        throw CommandFailure("several inputs cannot share stdin or stdout; give a folder with -o")
      }
      if files.count > 1, let path = output.output, !OutputPlan.namesFolder(path) {
        throw CommandFailure(
          "-o \(path): several inputs need a folder (an existing one, or a path ending in /)")
      }
    }
    guard files.count > 1 else {
      try await reportingFailures { try convert(files.first ?? "-", reader: reader) }
      return
    }
    let progress = Progress("converting \(files.count) inputs", quiet: output.quiet)
    defer { progress.finish() }
    let failures = convertConcurrently(
      files, run: ExportRun(export: export, output: output, reading: reader), progress: progress)
    if failures > 0 {
      Diagnostics.write("scribekit: \(failures) of \(files.count) inputs failed\n")
      throw ExitCode.failure
    }
  }

  private func convert(_ input: String, reader: ReadOptions) throws {
    let source = InputSource(argument: input)
    // Read into the call, not a local: the run lets go of the input once it is read, which
    // halves the peak memory of a long transcript.
    let transcript = try ExportRun(export: export, output: output, reading: reader).run(
      data: try source.read(), source: source)
    if explain { try explainCues(transcript) }
  }

  /// Converts several inputs on every core and returns how many failed.
  ///
  /// Each input is read, rendered and its files written to temporary files on one of several
  /// threads (see ``OrderedWork``); the results are committed (warnings printed, files given
  /// their names, errors reported) one by one in input order, so the messages, the files and
  /// which input wins a name two of them would write are those of converting the inputs one at
  /// a time.
  private func convertConcurrently(
    _ files: [String], run: ExportRun, progress: Progress
  ) -> Int {
    // Four threads a core: on 2 cores, 10,000 one-minute inputs to SRT and VTT took 15.4 s
    // one at a time, 10.2 s on 4 threads and 6.5 s on 8 (medians); 16 and 32 were slower, the
    // kernel's time tripling in contention on the output folder.
    let threads = ProcessInfo.processInfo.activeProcessorCount * 4
    var failures = 0
    progress.count(0, of: files.count, what: "inputs")
    OrderedWork.run(
      count: files.count, threads: threads, window: threads * 4,
      work: { index in Result { try Self.prepare(files[index], run: run) } },
      deliver: { index, result in
        do {
          let prepared = try result.get()
          try prepared.commit()
          if explain { try explainCues(prepared.transcript) }
        } catch {
          failures += 1
          // The error gets a line of its own, not the progress line's.
          progress.clear()
          Diagnostics.printError(Diagnostics.message(for: error))
        }
        progress.count(index + 1, of: files.count, what: "inputs")
      })
    return failures
  }

  /// Reads and renders one input of several and stages its files, naming none: see
  /// ``convertConcurrently(_:run:progress:)``.
  private static func prepare(_ input: String, run: ExportRun) throws -> ExportRun.Prepared {
    let source = InputSource(argument: input)
    var prepared = try run.prepare(data: try source.read(), source: source)
    prepared.stage()
    return prepared
  }

  /// The endings of the JSON files ScribeKit writes (`.segmented.json`), which a folder's
  /// transcripts are told apart from.
  static let exportSuffixes = OutputFormats.all.map { "." + $0.fileNameSuffix }
    .filter { $0.hasSuffix(".json") && $0 != ".json" }

  /// The input files: arguments as given, folders replaced by their `*.json` files in name order.
  static func expand(_ inputs: [String]) throws -> [String] {
    var files: [String] = []
    for input in inputs {
      var isDirectory: ObjCBool = false
      guard input != "-", FileManager.default.fileExists(atPath: input, isDirectory: &isDirectory),
        isDirectory.boolValue
      else {
        files.append(input)
        continue
      }
      let names: [String]
      do {
        names = try FileManager.default.contentsOfDirectory(atPath: input)
      } catch {
        throw CommandFailure("\(input): cannot list the folder: \(error.localizedDescription)")
      }
      let transcripts = names.filter {
        $0.hasSuffix(".json") && !Self.exportSuffixes.contains(where: $0.hasSuffix)
          && !$0.hasPrefix(".")
      }
      if transcripts.isEmpty { throw CommandFailure("\(input): the folder has no .json files") }
      files += transcripts.sorted().map {
        URL(fileURLWithPath: input).appendingPathComponent($0).path
      }
    }
    return files
  }

  /// Prints the first request's cues with the reason each one ends.
  private func explainCues(_ transcript: Transcript) throws {
    guard let request = try export.requests().requests.first else { return }
    let channels = try transcript.cues(
      for: request, channels: output.channelSelection ?? .each, language: output.language)
    for (index, cues) in channels {
      if let index { Diagnostics.write("channel \(index):\n") }
      for (number, cue) in cues.enumerated() {
        let cut =
          cue.isCutAtMaximumDuration
          ? "; shown for the style's maximum duration, though its words last "
            + "\(Cue.EndReason.format((cue.words.map(\.end).max() ?? cue.end) - cue.start)) s"
          : ""
        Diagnostics.write(
          "cue \(number + 1) \(Timecode.srt(cue.start)) --> \(Timecode.srt(cue.end)): ends because \(cue.endReason)\(cut)\n"
        )
      }
    }
  }
}
