import Foundation
import ScribeKit
import Testing

/// The command line helps where it used to leave the user guessing (issue 13).
@Suite("scribekit: messages, warnings and completion that help")
struct HelpfulCommandLineTests {
  @Test func audioInputPointsToTranscribe() throws {
    let folder = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let wav = folder.appendingPathComponent("talk.wav")
    try Data("RIFF\0\0\0\0WAVEfmt ".utf8).write(to: wav)
    let result = try CLI.run(["convert", wav.path, "-o", "-"])
    #expect(result.status == 1)
    #expect(result.standardError.contains("this is WAV audio, not timing data"))
    #expect(result.standardError.contains("scribekit transcribe"))
    #expect(result.standardError.contains("scribekit align --text SCRIPT"))
  }

  @Test func lintOfATranscriptPointsToConvert() throws {
    let result = try CLI.run(["lint", CLI.sample("interview.json")])
    #expect(result.status == 2)
    #expect(result.standardError.contains("this is JSON (a transcript?), not SRT or WebVTT"))
    #expect(result.standardError.contains("scribekit convert"))
  }

  @Test func typosGetADidYouMean() throws {
    let command = try CLI.run(["conver", CLI.sample("interview.json")])
    #expect(command.status != 0)
    #expect(command.standardError.contains("did you mean convert?"))
    let format = try CLI.run([
      "convert", CLI.sample("interview.json"), "--format", "str", "-o", "-",
    ])
    #expect(format.status == 1)
    #expect(format.standardError.contains("did you mean srt?"))
  }

  @Test func formatNamesInAnyCase() throws {
    let upper = try CLI.run(["convert", CLI.sample("interview.json"), "--format", "SRT", "-o", "-"])
    #expect(upper.status == 0)
    let expected = try String(contentsOfFile: CLI.sample("interview.srt"), encoding: .utf8)
    #expect(upper.standardOutput == expected)
  }

  @Test func aNegativeNumberIsRefusedForWhatItIs() throws {
    let result = try CLI.run([
      "convert", CLI.sample("interview.json"), "--max-characters-per-line", "-5", "-o", "-",
    ])
    #expect(result.status != 0)
    #expect(result.standardError.contains("must be a whole number of at least 1"))
    #expect(!result.standardError.contains("Missing value"))
  }

  @Test func optionsThatDoNothingAreWarnedAboutOnce() throws {
    let result = try CLI.run([
      "convert", CLI.sample("interview.json"), "--format", "srt", "--audio", "talk.wav",
      "--word-timestamps", "--alignment", "normalized", "-o", "-",
    ])
    #expect(result.status == 0)
    let warnings = result.standardError.split(separator: "\n")
    #expect(warnings.filter { $0.contains("--audio applies to html") }.count == 1)
    #expect(warnings.filter { $0.contains("--word-timestamps applies to vtt") }.count == 1)
    #expect(warnings.filter { $0.contains("--alignment applies to text-to-speech") }.count == 1)
  }

  @Test func helpListsOnlyWhatRendersAndEachDefaultOnce() throws {
    // Help wraps its lines: compare with whitespace runs as single spaces.
    let help = try CLI.run(["convert", "--help"]).standardOutput
      .split(whereSeparator: \.isWhitespace).joined(separator: " ")
    let formats = help.components(separatedBy: "--format <formats>").dropFirst().first ?? ""
    // PDF is listed where the machine has Pango and Cairo to typeset it.
    let pdf = PDFFormat().isAvailable ? ", pdf." : "."
    #expect(
      formats.contains("srt, vtt, ttml, ebu-tt-d, lrc, txt, segmented_json, html, docx" + pdf))
    #expect(!help.contains("Default: 24."))
    #expect(help.contains("off for srt, vtt, ttml, ebu-tt-d and lrc"))
  }

  @Test func audioResolvesFromThePagesFolderAndAMissingFileIsWarnedAbout() throws {
    let folder = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    try FileManager.default.copyItem(
      atPath: CLI.sample("interview.json"), toPath: folder.appendingPathComponent("i.json").path)
    try Data().write(to: folder.appendingPathComponent("take#1.wav"))
    let result = try CLI.run(
      ["convert", "i.json", "--format", "html", "--audio", "take#1.wav", "-o", "sub/"], in: folder)
    #expect(result.status == 0, "\(result.standardError)")
    let page = try String(
      contentsOf: folder.appendingPathComponent("sub/i.html"), encoding: .utf8)
    #expect(page.contains("src=\"../take%231.wav\""))
    #expect(!result.standardError.contains("no such file"))
    let missing = try CLI.run(
      ["convert", "i.json", "--format", "html", "--audio", "gone.wav", "-o", "sub2/"],
      in: folder)
    #expect(missing.standardError.contains("--audio gone.wav: no such file"))
  }

  @Test func speakersHaveNamesAndVisibleLabelsInWebVTT() throws {
    let result = try CLI.run([
      "convert", CLI.sample("interview.json"), "--format", "vtt", "--include-speakers",
      "--speaker-names", "speaker_0=Amara,speaker_1=Joel", "-o", "-",
    ])
    #expect(result.status == 0)
    #expect(result.standardOutput.contains("<v Amara>[Amara] Welcome back"))
    let voiceOnly = try CLI.run([
      "convert", CLI.sample("interview.json"), "--format", "vtt", "--include-speakers",
      "--speaker-labels", "voice", "-o", "-",
    ])
    #expect(voiceOnly.standardOutput.contains("<v speaker_0>Welcome back"))
    let srt = try CLI.run([
      "convert", CLI.sample("interview.json"), "--include-speakers", "--speaker-names",
      "speaker_1=Joel", "-o", "-",
    ])
    #expect(srt.standardOutput.contains("[Joel] "))
    #expect(srt.standardOutput.contains("[speaker_0] "))
  }

  @Test func bashCompletionOffersTheSubcommandsAndFormats() throws {
    let script = try CLI.run(["--generate-completion-script", "bash"])
    #expect(script.status == 0)
    #expect(
      script.standardOutput.contains("'convert fetch delete transcribe align speak lint help'"))
    #expect(
      script.standardOutput.contains(
        "'srt'$'\\n''vtt'$'\\n''ttml'$'\\n''ebu-tt-d'$'\\n''lrc'$'\\n''txt'$'\\n''segmented_json'$'\\n''html'$'\\n''docx'"
      ))
    let folder = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("scribekit.bash")
    try Data(script.standardOutput.utf8).write(to: file)
    let check = Process()
    check.executableURL = URL(fileURLWithPath: "/bin/bash")
    check.arguments = ["-n", file.path]
    try check.run()
    check.waitUntilExit()
    #expect(check.terminationStatus == 0, "the bash completion script has a syntax error")
  }

  @Test func theGeneratorExplainsItsOptions() throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [
      "python3", CLI.packageRoot.appendingPathComponent("scripts/generate_transcript.py").path,
      "--help",
    ]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    for option in ["--hours", "--language", "--speakers", "--seed", "--artifacts"] {
      #expect(output.contains(option), "\(option) is not described")
    }
    #expect(output.contains("hours of speech"))
  }

  @Test(.enabled(if: CLI.hasTerminalRunner))
  func binaryOutputIsRefusedOnATerminalButNotOnAPipe() throws {
    // `script` runs the command under a pseudo-terminal, as a person's shell would.
    let command =
      "\(CLI.executable.path) convert \(CLI.sample("interview.json")) --format docx -o -"
    let (status, output) = try CLI.runOnTerminal(command)
    #expect(status == 1)
    #expect(output.contains("refusing to write it to a terminal"))
    #expect(!output.contains("PK"), "ZIP bytes reached the terminal")
    let piped = Process()
    piped.executableURL = CLI.executable
    piped.arguments = ["convert", CLI.sample("interview.json"), "--format", "docx", "-o", "-"]
    let bytes = Pipe()
    piped.standardOutput = bytes
    try piped.run()
    let data = bytes.fileHandleForReading.readDataToEndOfFile()
    piped.waitUntilExit()
    #expect(piped.terminationStatus == 0)
    #expect(data.starts(with: Array("PK".utf8)), "a pipe gets the document")
  }

  @Test(.enabled(if: CLI.hasTerminalRunner))
  func aFolderShowsProgressOnATerminalOnly() throws {
    let folder = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    for index in 1...3 {
      try FileManager.default.copyItem(
        atPath: CLI.sample("interview.json"),
        toPath: folder.appendingPathComponent("t\(index).json").path)
    }
    let command = "\(CLI.executable.path) convert \(folder.path) -o \(folder.path)/tty/"
    let (status, shown) = try CLI.runOnTerminal(command)
    #expect(status == 0)
    #expect(shown.contains("converting 2 of 3 inputs"), "\(shown)")
    #expect(shown.contains("/s, about"))
    let quiet = try CLI.run(["convert", folder.path, "-o", folder.path + "/pipe/"])
    #expect(quiet.status == 0)
    #expect(quiet.standardError.isEmpty, "progress reached a pipe: \(quiet.standardError)")
  }
}
