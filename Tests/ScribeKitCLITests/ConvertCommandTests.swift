import Foundation
import Testing

@Suite("scribekit convert")
struct ConvertCommandTests {
  private func contents(_ folder: URL) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
  }

  @Test func convertsTheSampleToStandardOutput() throws {
    let result = try CLI.run([
      "convert", CLI.sample("interview.json"), "--format", "srt", "-o", "-",
    ])
    #expect(result.status == 0, "\(result.standardError)")
    let expected = try String(contentsOfFile: CLI.sample("interview.srt"), encoding: .utf8)
    #expect(result.standardOutput == expected)
    #expect(result.standardError.isEmpty)
  }

  @Test func readsStandardInputAndWritesStandardOutputByDefault() throws {
    let input = try Data(contentsOf: URL(fileURLWithPath: CLI.sample("interview.json")))
    let result = try CLI.run(["convert", "-"], stdin: input)
    #expect(result.status == 0)
    #expect(result.standardOutput.hasPrefix("1\n00:00:00,420 --> "))
  }

  /// Reading stdin into a folder, files are named after the transcript's ID, which comes from
  /// data: it must not name another folder, a hidden file, or anything outside `-o`.
  @Test(arguments: [
    ("../../escape", "______escape"), ("/etc/passwd", "_etc_passwd"), (".hidden", "_hidden"),
    ("a b\u{0}c\\d", "a_b_c_d"), ("", "transcript"), ("ok-id_42", "ok-id_42"),
  ])
  func namesFromTranscriptIDsStayInTheOutputFolder(id: String, stem: String) throws {
    let folder = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let json = try JSONSerialization.data(withJSONObject: [
      "transcription_id": id, "words": [["text": "hi", "start": 0, "end": 1, "type": "word"]],
    ])
    let output = folder.appendingPathComponent("out")
    let result = try CLI.run(
      ["convert", "-", "--format", "srt,txt", "-o", output.path + "/"], stdin: json)
    #expect(result.status == 0, "\(result.standardError)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["out"])
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: output.path).sorted() == [
        "\(stem).srt", "\(stem).txt",
      ])
  }

  @Test func writesBesideTheInputAndNeverReplacesWithoutForce() throws {
    let folder = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let input = folder.appendingPathComponent("talk.json")
    try FileManager.default.copyItem(atPath: CLI.sample("interview.json"), toPath: input.path)
    #expect(try CLI.run(["convert", input.path]).status == 0)
    #expect(try contents(folder) == ["talk.json", "talk.srt"])
    try Data("keep me".utf8).write(to: folder.appendingPathComponent("talk.srt"))
    let again = try CLI.run(["convert", input.path])
    #expect(again.status == 1)
    #expect(again.standardError.contains("talk.srt: already exists; not replaced (use --force"))
    #expect(
      try String(contentsOf: folder.appendingPathComponent("talk.srt"), encoding: .utf8)
        == "keep me")
    #expect(try CLI.run(["convert", input.path, "--force"]).status == 0)
    #expect(
      try String(contentsOf: folder.appendingPathComponent("talk.srt"), encoding: .utf8).hasPrefix(
        "1\n"))
    #expect(try contents(folder) == ["talk.json", "talk.srt"], "no temporary file is left")
  }

  @Test func neverOverwritesItsInput() throws {
    let folder = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let input = folder.appendingPathComponent("talk.srt")
    try FileManager.default.copyItem(atPath: CLI.sample("interview.json"), toPath: input.path)
    let original = try Data(contentsOf: input)
    for arguments in [
      ["convert", input.path, "--force"], ["convert", input.path, "-o", input.path, "--force"],
    ] {
      let result = try CLI.run(arguments)
      #expect(result.status == 1)
      #expect(result.standardError.contains("is the input file; refusing to overwrite it"))
      #expect(try Data(contentsOf: input) == original)
    }
  }

  @Test func malformedInputFailsWithThePlaceAndWritesNothing() throws {
    let folder = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let input = folder.appendingPathComponent("broken.json")
    try Data("{\"words\": [\n  {\"text\": \"hi\", \"start\": 0, \"end\": }\n]}".utf8).write(
      to: input)
    let result = try CLI.run([
      "convert", input.path, "-o", folder.appendingPathComponent("out.srt").path,
    ])
    #expect(result.status == 1)
    #expect(result.standardOutput.isEmpty)
    #expect(
      result.standardError
        == "scribekit: error: \(input.path): not valid JSON at line 2, column 37: expected a JSON value, found '}'\n"
    )
    #expect(try contents(folder) == ["broken.json"])
  }

  @Test func wrongTypesNameTheJSONPath() throws {
    let result = try CLI.run(
      ["convert", "-"], stdin: Data(#"{"words": [{"text": "a", "start": "1.5", "end": 2}]}"#.utf8))
    #expect(result.status == 1)
    #expect(
      result.standardError
        == "scribekit: error: <stdin>: at $.words[0].start: expected a number or null, found a string (\"1.5\")\n"
    )
  }

  @Test func repairsAreWarnedOnStandardError() throws {
    let json =
      #"{"words": [{"text": "a", "start": -1, "end": 1}, {"text": " ", "start": 1, "end": 1.1}, {"text": "b", "start": 1.2, "end": 1.1}]}"#
    let result = try CLI.run(["convert", "-"], stdin: Data(json.utf8))
    #expect(result.status == 0)
    #expect(result.standardOutput.contains("a b"))
    #expect(result.standardError.split(separator: "\n").count == 2)
    #expect(result.standardError.contains("warning: <stdin>: $.words[0]"))
    let quiet = try CLI.run(["convert", "-", "--quiet"], stdin: Data(json.utf8))
    #expect(quiet.standardError.isEmpty)
  }

  @Test func flagsCarryTheAPIsOptionNames() throws {
    let result = try CLI.run([
      "convert", CLI.sample("interview.json"), "-o", "-", "--max-segment-chars", "none",
      "--max-segment-duration-s", "none", "--segment-on-silence-longer-than-s", "1.5",
      "--max-characters-per-line", "none", "--include-speakers",
    ])
    #expect(result.status == 0, "\(result.standardError)")
    let cues = result.standardOutput.components(separatedBy: "\n\n")
    #expect(
      cues.first?.hasSuffix(
        "[speaker_0] Welcome back to Field Notes. Today I'm talking with Dr. Amara Osei, who maps the sounds of city parks."
      ) == true)
    #expect(cues.allSatisfy { $0.split(separator: "\n").count == 3 }, "one line per cue")
  }

  @Test func additionalFormatsEntriesWinOverFlags() throws {
    let folder = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let options = folder.appendingPathComponent("formats.json")
    try Data(
      #"[{"format": "srt", "max_characters_per_line": 20, "include_speakers": true}, {"format": "srt"}]"#
        .utf8
    )
    .write(to: options)
    let result = try CLI.run([
      "convert", CLI.sample("interview.json"), "--additional-formats", "@\(options.path)",
      "--max-characters-per-line", "60", "-o", folder.path + "/",
    ])
    #expect(result.status == 0, "\(result.standardError)")
    #expect(try contents(folder) == ["formats.json", "interview-2.srt", "interview.srt"])
    let first = try String(
      contentsOf: folder.appendingPathComponent("interview.srt"), encoding: .utf8)
    let second = try String(
      contentsOf: folder.appendingPathComponent("interview-2.srt"), encoding: .utf8)
    #expect(first.contains("[speaker_0] Welcome\n"))
    #expect(second.contains("\nWelcome back to Field Notes. Today I'm\n"))
  }

  @Test func anUnreadableArgumentFileIsNamedWithItsOption() throws {
    let result = try CLI.run([
      "convert", CLI.sample("interview.json"), "--speaker-names", "@/nonexistent/names.json",
      "-o", "-",
    ])
    #expect(result.status != 0)
    #expect(
      result.standardError.contains(
        "/nonexistent/names.json: cannot read the --speaker-names file"),
      "\(result.standardError)")
  }

  @Test func badOptionsAreRefusedBeforeReading() throws {
    let cases: [([String], String)] = [
      (
        ["--additional-formats", #"[{"format": "srt", "max_segment_chars": "x"}]"#],
        "additional formats at $[0].max_segment_chars: expected a whole number or null, found a string"
      ),
      (["--format", "srt,webm"], "--format: unknown format \"webm\""),
      (["--max-segment-chars", "0"], "--max-segment-chars must be a whole number of at least 1"),
      (["--preset", "netflix"], "unknown preset \"netflix\""),
      (["--channel", "left"], "--channel must be each, merged, or a channel index"),
      (["--format", "pdf", "--paper", "a5"], "--paper must be a4 or letter; found \"a5\""),
    ]
    for (extra, message) in cases {
      let result = try CLI.run(["convert", CLI.sample("interview.json"), "-o", "-"] + extra)
      #expect(result.status != 0, "\(extra)")
      #expect(result.standardError.contains(message), "\(extra): \(result.standardError)")
      #expect(result.standardOutput.isEmpty)
    }
  }

  @Test func multichannelGivesOneFilePerChannelOrOneMerged() throws {
    let folder = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let input = CLI.packageRoot.appendingPathComponent(
      "Tests/ScribeKitTests/Inputs/multichannel.json"
    ).path
    let each = try CLI.run(["convert", input, "-o", folder.path])
    #expect(each.status == 0, "\(each.standardError)")
    #expect(try contents(folder) == ["multichannel.channel-0.srt", "multichannel.channel-1.srt"])
    let toStdout = try CLI.run(["convert", input, "-o", "-"])
    #expect(toStdout.status == 1)
    #expect(
      toStdout.standardError.contains(
        "2 outputs (multichannel.channel-0.srt, multichannel.channel-1.srt) cannot all go to stdout"
      ))
    let merged = try CLI.run([
      "convert", input, "-o", "-", "--channel", "merged", "--include-speakers",
    ])
    #expect(merged.status == 0)
    #expect(merged.standardOutput.contains("[speaker_1] Hi! Thanks for taking my call."))
    let one = try CLI.run(["convert", input, "-o", "-", "--channel", "1"])
    #expect(
      one.standardOutput.contains("Hi! Thanks for taking my call.")
        && !one.standardOutput.contains("Good"))
    let missing = try CLI.run(["convert", input, "-o", "-", "--channel", "7"])
    #expect(
      missing.standardError.contains("the transcript has no channel 7; its channels are 0, 1"))
  }

  @Test func helpExplainsEveryOptionWithItsDefault() throws {
    let result = try CLI.run(["convert", "--help"])
    #expect(result.status == 0)
    for phrase in [
      "--segment-on-silence-longer-than-s", "Default: 0.8 for srt", "--max-segment-duration-s",
      "--max-segment-chars", "--max-characters-per-line", "--include-speakers",
      "--no-include-timestamps", "--additional-formats", "--preset", "--channel",
    ] {
      #expect(result.standardOutput.contains(phrase), "help lacks \(phrase)")
    }
  }

  @Test func writesEveryFormatAtOnceNamedAfterTheInput() throws {
    let folder = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let input = folder.appendingPathComponent("talk.json")
    try FileManager.default.copyItem(atPath: CLI.sample("interview.json"), toPath: input.path)
    let result = try CLI.run([
      "convert", input.path, "--format", "srt,vtt,txt,html,docx,segmented_json",
    ])
    #expect(result.status == 0, "\(result.standardError)")
    #expect(
      try contents(folder) == [
        "talk.docx", "talk.html", "talk.json", "talk.segmented.json", "talk.srt", "talk.txt",
        "talk.vtt",
      ])
    #expect(
      try Data(contentsOf: input)
        == Data(contentsOf: URL(fileURLWithPath: CLI.sample("interview.json"))))
    let html = try String(contentsOf: folder.appendingPathComponent("talk.html"), encoding: .utf8)
    #expect(html.contains("<title>talk</title>"))
    // The segmented JSON is itself an input: converting it gives the same SRT.
    let again = try CLI.run([
      "convert", folder.appendingPathComponent("talk.segmented.json").path, "-o", "-",
    ])
    #expect(again.status == 0, "\(again.standardError)")
    #expect(
      again.standardOutput
        == (try String(contentsOf: folder.appendingPathComponent("talk.srt"), encoding: .utf8)))
  }

  @Test func additionalFormatsGiveTheFilesTheAPIWouldWithEachEntrysOptions() throws {
    let folder = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try CLI.run([
      "convert", CLI.sample("interview.json"), "-o", folder.path + "/",
      "--additional-formats",
      #"[{"format": "txt", "include_timestamps": false}, {"format": "docx"}, {"format": "segmented_json", "include_speakers": false}, {"format": "html"}]"#,
    ])
    #expect(result.status == 0, "\(result.standardError)")
    #expect(
      try contents(folder) == [
        "interview.docx", "interview.html", "interview.segmented.json", "interview.txt",
      ])
    let txt = try String(
      contentsOf: folder.appendingPathComponent("interview.txt"), encoding: .utf8)
    #expect(txt.hasPrefix("[speaker_0]\nWelcome back to Field Notes."))
    let json = try String(
      contentsOf: folder.appendingPathComponent("interview.segmented.json"), encoding: .utf8)
    #expect(!json.contains("speaker_id") && json.contains("\"start\""))
    let docx = try Data(contentsOf: folder.appendingPathComponent("interview.docx"))
    #expect(docx.starts(with: [0x50, 0x4B, 0x03, 0x04]), "a zip file")
  }

  @Test func htmlWithAudioIsInteractive() throws {
    let result = try CLI.run([
      "convert", CLI.sample("interview.json"), "--format", "html", "--audio",
      "https://example.com/a b.mp3",
      "--title", "Field Notes", "-o", "-",
    ])
    #expect(result.status == 0)
    #expect(
      result.standardOutput.contains(
        "<audio id=\"player\" controls preload=\"metadata\" src=\"https://example.com/a b.mp3\">"))
    #expect(result.standardOutput.contains("<h1 dir=\"auto\">Field Notes</h1>"))
    #expect(result.standardOutput.contains("<script>"))
  }

  @Test func vttWordTimestampsAreAFlag() throws {
    let result = try CLI.run([
      "convert", CLI.sample("interview.json"), "--format", "vtt", "--word-timestamps", "-o", "-",
    ])
    #expect(result.status == 0)
    #expect(
      result.standardOutput.hasPrefix(
        "WEBVTT\n\n00:00:00.420 --> 00:00:03.841\nWelcome <00:00:01.036>back"))
  }

  @Test func convertsAFolderAndKeepsGoingPastABadFile() throws {
    let folder = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let inputs = folder.appendingPathComponent("in")
    try FileManager.default.createDirectory(at: inputs, withIntermediateDirectories: true)
    for name in ["a.json", "b.json"] {
      try FileManager.default.copyItem(
        atPath: CLI.sample("interview.json"), toPath: inputs.appendingPathComponent(name).path)
    }
    try Data("{".utf8).write(to: inputs.appendingPathComponent("broken.json"))
    try Data("{}".utf8).write(to: inputs.appendingPathComponent("old.segmented.json"))
    let result = try CLI.run([
      "convert", inputs.path, "--format", "srt,txt", "-o", folder.path + "/out/",
    ])
    #expect(result.status == 1)
    #expect(result.standardError.contains("broken.json: not valid JSON at line 1, column 2"))
    #expect(result.standardError.hasSuffix("scribekit: 1 of 3 inputs failed\n"))
    let out = try FileManager.default.contentsOfDirectory(atPath: folder.path + "/out").sorted()
    #expect(out == ["a.srt", "a.txt", "b.srt", "b.txt"])
    let stdout = try CLI.run(["convert", inputs.path, "-o", "-"])
    #expect(stdout.status == 1)
    #expect(stdout.standardError.contains("several inputs cannot share stdin or stdout"))
  }

  /// A folder's inputs are converted several at once, but everything said about them comes in
  /// input order, each input's warnings before its next neighbour's, as one at a time.
  @Test func convertsAFolderConcurrentlyWithMessagesInInputOrder() throws {
    let folder = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let inputs = folder.appendingPathComponent("in")
    try FileManager.default.createDirectory(at: inputs, withIntermediateDirectories: true)
    let sample = try Data(contentsOf: URL(fileURLWithPath: CLI.sample("interview.json")))
    // A repaired timing warns; a broken file fails: every fifth input warns, every seventh fails.
    let repaired = Data(
      #"{"words": [{"text": "a", "start": -1, "end": 1}, {"text": " ", "start": 1, "end": 1.1}, {"text": "b", "start": 1.2, "end": 1.3}]}"#
        .utf8)
    var expected: [String] = []
    var good: [String] = []
    for index in 0..<40 {
      let name = String(format: "t%02d", index)
      let url = inputs.appendingPathComponent(name + ".json")
      if index % 7 == 3 {
        try Data("{\"words\": [".utf8).write(to: url)
        expected.append("error: \(url.path): ")
      } else if index % 5 == 1 {
        try repaired.write(to: url)
        expected.append("warning: \(url.path): $.words[0]")
        good.append(name)
      } else {
        try sample.write(to: url)
        good.append(name)
      }
    }
    let out = folder.appendingPathComponent("out")
    let result = try CLI.run(["convert", inputs.path, "--format", "srt,vtt", "-o", out.path + "/"])
    #expect(result.status == 1)
    let lines = result.standardError.split(separator: "\n").map(String.init)
    #expect(lines.last == "scribekit: 6 of 40 inputs failed")
    let said = lines.dropLast()
    #expect(said.count == expected.count)
    for (line, start) in zip(said, expected) {
      #expect(line.hasPrefix("scribekit: " + start), "\(line) should start with \(start)")
    }
    #expect(try contents(out) == good.flatMap { [$0 + ".srt", $0 + ".vtt"] }.sorted())
    // The same bytes as converting one input alone.
    let alone = try CLI.run(["convert", inputs.appendingPathComponent("t00.json").path, "-o", "-"])
    #expect(
      try String(contentsOf: out.appendingPathComponent("t00.srt"), encoding: .utf8)
        == alone.standardOutput)
  }

  /// Two inputs that would write one name: the first in input order wins and the second fails,
  /// as one at a time, whichever finishes first; nothing temporary is left behind.
  @Test func theFirstInputWinsANameTwoWouldWrite() throws {
    let folder = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    var arguments = ["convert"]
    for (index, name) in ["a", "b", "c"].enumerated() {
      let sub = folder.appendingPathComponent(name)
      try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
      let url = sub.appendingPathComponent("talk.json")
      // The first is the longest, so it is the last to be ready if they run at once.
      let json =
        index == 0
        ? try Data(contentsOf: URL(fileURLWithPath: CLI.sample("interview.json")))
        : Data(#"{"words": [{"text": "short", "start": 0, "end": 1}]}"#.utf8)
      try json.write(to: url)
      arguments.append(url.path)
    }
    let out = folder.appendingPathComponent("out")
    let result = try CLI.run(arguments + ["-o", out.path + "/"])
    #expect(result.status == 1)
    #expect(result.standardError.components(separatedBy: "talk.srt: already exists").count == 3)
    #expect(result.standardError.hasSuffix("scribekit: 2 of 3 inputs failed\n"))
    #expect(try contents(out) == ["talk.srt"])
    let written = try String(contentsOf: out.appendingPathComponent("talk.srt"), encoding: .utf8)
    #expect(!written.contains("short"))
  }
}
