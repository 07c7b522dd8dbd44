import Foundation
import ScribeKit

/// The export half of every command: read timing data, render every request, write it all.
struct ExportRun {
  var export: ExportFlags
  var output: OutputFlags
  var reading = ReadOptions()
  /// See ``ExportSettings/leavesOutLastCue``: captions written while a stream still arrives.
  var leavesOutLastCue = false

  /// Reads `data`, renders the requested formats and writes them per ``OutputFlags``; returns
  /// the transcript it read, for callers that do more with it.
  ///
  /// - Parameters:
  ///   - defaultOutput: where outputs go without `-o` (`nil`: beside the input, or stdout).
  ///   - fallbackID: names the files when the input is not a file and has no transcription ID.
  ///   - stem: names the files instead of the input's name.
  ///   - extra: more files to write with the same all-or-nothing checks (a raw response).
  @discardableResult
  func run(
    data: consuming Data, source: InputSource, defaultOutput: String? = nil,
    fallbackID: String? = nil,
    stem: String? = nil, extra: (_ folder: URL?, _ stem: String) -> [(URL, Data)] = { _, _ in [] }
  ) throws -> Transcript {
    let prepared = try prepare(
      data: consume data, source: source, defaultOutput: defaultOutput, fallbackID: fallbackID,
      stem: stem, extra: extra)
    try prepared.commit()
    return prepared.transcript
  }

  /// ``run(data:source:defaultOutput:fallbackID:stem:extra:)`` for a transcript the caller has
  /// read already (`speak --stream` reads its stream as it grows) with ``reading``, which the
  /// warnings about unused options still consult.
  func run(transcript: Transcript, source: InputSource, stem: String? = nil) throws {
    try prepare(transcript: transcript, source: source, stem: stem).commit()
  }

  /// ``prepare(data:source:defaultOutput:fallbackID:stem:extra:)`` for a transcript the caller
  /// has read already, as ``run(transcript:source:stem:)`` takes it.
  func prepare(transcript: Transcript, source: InputSource, stem: String? = nil) throws
    -> Prepared
  {
    try prepare(source: source, defaultOutput: nil, fallbackID: nil, stem: stem) { transcript }
  }

  /// An export read and rendered but not yet shown or written: its warnings are held and its
  /// files are in memory.
  ///
  /// Why two steps: a folder's inputs are read and rendered on every core at once, and then
  /// committed one by one in input order, so that the warnings, the files written and which of
  /// two inputs claiming one output name wins are the same as converting them one at a time.
  struct Prepared: Sendable {
    var transcript: Transcript
    /// The warnings, in the groups ``Diagnostics/printWarnings(_:quiet:)`` limits one by one.
    var warnings: [[String]]
    /// Where the files go, or why they cannot.
    var plan: Result<OutputPlan, any Error>
    var quiet: Bool
    var force: Bool

    /// Writes the files' content ahead to temporary files (``OutputPlan/stage()``), so that
    /// ``commit()`` only names them; a failure is kept for ``commit()`` to throw.
    mutating func stage() {
      guard case .success(var staging) = plan else { return }
      do {
        try staging.stage()
        plan = .success(staging)
      } catch {
        plan = .failure(error)
      }
    }

    /// Prints the warnings, then writes the files (or throws the plan's refusal).
    func commit() throws {
      for group in warnings { Diagnostics.printWarnings(group, quiet: quiet) }
      try plan.get().write(replacing: force)
    }
  }

  /// Reads `data` and renders the requested formats, as ``run(data:source:defaultOutput:fallbackID:stem:extra:)``
  /// does, without printing or writing anything (the output folder is created if missing).
  func prepare(
    data: consuming Data, source: InputSource, defaultOutput: String? = nil,
    fallbackID: String? = nil,
    stem: String? = nil, extra: (_ folder: URL?, _ stem: String) -> [(URL, Data)] = { _, _ in [] }
  ) throws -> Prepared {
    // The input's bytes are handed over, not kept: let go of once read (when the caller passed
    // them in rather than keeping them), they are not held while the captions are made, which
    // is where a long transcript's memory peaks otherwise.
    var input: Data? = consume data
    return try prepare(
      source: source, defaultOutput: defaultOutput, fallbackID: fallbackID, stem: stem,
      extra: extra
    ) {
      let bytes = input.take() ?? Data()
      return try Transcript(data: consume bytes, source: source.label, options: reading)
    }
  }

  /// The body of ``prepare(data:source:defaultOutput:fallbackID:stem:extra:)``, with the
  /// transcript from `read`, called once the options have been checked (so a bad option is
  /// reported before a bad input, as it always was).
  private func prepare(
    source: InputSource, defaultOutput: String?, fallbackID: String?, stem: String?,
    extra: (_ folder: URL?, _ stem: String) -> [(URL, Data)] = { _, _ in [] },
    read: () throws -> Transcript
  ) throws -> Prepared {
    let (requests, optionWarnings) = try export.requests()
    var transcript = try read()
    let destination = output.output ?? defaultOutput
    let audio = output.audio.map { audioReference($0, destination: destination, source: source) }
    var warnings = [
      optionWarnings + unusedOptionWarnings(requests, transcript: transcript)
        + (requests.contains { $0.format.appliesOptions.contains(.audio) }
          ? audio?.warning.map { [$0] } ?? [] : []),
      transcript.warnings.map { "\(source.label): \($0)" },
    ]
    transcript.transcriptionID = transcript.transcriptionID ?? fallbackID
    let usedStem = stem ?? source.stem ?? transcript.defaultFileStem
    let files: [ExportedFile]
    do {
      files = try transcript.export(
        requests,
        settings: ExportSettings(
          channels: output.channelSelection ?? .each, title: output.title ?? usedStem,
          audioSource: audio?.source, wordTimestamps: output.wordTimestamps, fileStem: usedStem,
          language: output.language, speakerNames: try output.names(),
          speakerLabels: SpeakerLabelStyle(rawValue: output.speakerLabels) ?? .both,
          paper: output.paperSize, karaoke: output.karaokeStyle, frameRate: export.frameRateValue,
          leavesOutLastCue: leavesOutLastCue))
    } catch {
      // Run one at a time, the warnings above came before this error: they still do.
      return Prepared(
        transcript: transcript, warnings: warnings, plan: .failure(error), quiet: output.quiet,
        force: output.force)
    }
    warnings.append(files.flatMap { file in file.warnings.map { "\(file.fileName): \($0)" } })
    // A refused plan is kept, not thrown: the warnings above are printed before its error.
    let plan = Result { () throws -> OutputPlan in
      var plan = try OutputPlan(files: files, input: source, output: destination)
      for (url, content) in extra(plan.folder, usedStem) {
        plan.entries.append((.file(url), content))
      }
      return plan
    }
    return Prepared(
      transcript: transcript, warnings: warnings, plan: plan, quiet: output.quiet,
      force: output.force)
  }

  /// One warning for each option given that no requested format (or input) uses: set
  /// silently, it would look as if it had worked.
  private func unusedOptionWarnings(
    _ requests: [ExportRequest], transcript: Transcript
  ) -> [String] {
    let formats = requests.map(\.format)
    let asked = FormatHelp.listed(formats.map(\.name))
    var warnings: [String] = []
    for (flag, option, given) in [
      ("--audio", FormatOptions.audio, output.audio != nil),
      ("--title", .title, output.title != nil),
      ("--word-timestamps", .wordTimestamps, output.wordTimestamps),
      ("--paper", .paper, output.paper != nil),
      ("--karaoke", .karaoke, output.karaoke || output.karaokeSweep),
    ] where given && !formats.contains(where: { $0.appliesOptions.contains(option) }) {
      warnings.append(
        "\(flag) applies to \(FormatHelp.formats(taking: option)); ignored for \(asked)")
    }
    let alignmentShapes: [InputShape] = [.textToSpeech, .alignment, .textToSpeechStream]
    if reading.alignment != .original, let shape = transcript.inputShape,
      !alignmentShapes.contains(shape)
    {
      warnings.append(
        "--alignment applies to text-to-speech input; ignored for \(shape.summary)")
    }
    return warnings
  }

  /// What the page should call the audio: a URL as given; a local file relative to the folder
  /// the page is written to (the page is opened from there, not from here), with a warning
  /// when the file does not exist.
  func audioReference(
    _ audio: String, destination: String?, source: InputSource
  ) -> (source: String, warning: String?) {
    let lowered = audio.lowercased()
    let schemes = ["http://", "https://", "file://", "data:", "blob:"]
    if schemes.contains(where: lowered.hasPrefix) { return (audio, nil) }
    let file = URL(fileURLWithPath: audio).standardizedFileURL
    let warning =
      FileManager.default.fileExists(atPath: file.path)
      ? nil : "--audio \(audio): no such file; the page's player cannot play it until it exists"
    let folder: URL
    switch destination {
    case "-"?:
      return (audio, warning)
    case let path?:
      folder =
        OutputPlan.namesFolder(path)
        ? URL(fileURLWithPath: path, isDirectory: true)
        : URL(fileURLWithPath: path).deletingLastPathComponent()
    case nil:
      guard let input = source.url else { return (audio, warning) }
      folder = input.deletingLastPathComponent()
    }
    return (Self.relativePath(of: file, from: folder.standardizedFileURL), warning)
  }

  /// `file`'s path from `folder`: `talk.wav`, `../talk.wav`, `media/talk.wav`.
  static func relativePath(of file: URL, from folder: URL) -> String {
    let target = file.pathComponents
    let base = folder.pathComponents
    var common = 0
    while common < min(target.count - 1, base.count), target[common] == base[common] {
      common += 1
    }
    let ups = Array(repeating: "..", count: base.count - common)
    return (ups + target[common...]).joined(separator: "/")
  }
}
