import ElevenLabsAPI
import Foundation
import ScribeKit
import Testing

/// `scribekit align` end to end against the fake server, whose alignment is made from the text
/// it received: the exports must hold exactly the script's words.
@Suite("align: captions from a script", .serialized)
struct AlignCommandTests {
  /// A script with punctuation, quotes, a paragraph break and a Japanese line written without
  /// spaces, so that invented or lost spaces show.
  static let script = """
    Hello, world — it's 9:30.

    "Quoted," she said (twice).
    今日は、晴れです。

    """

  /// Runs `scribekit` with the fake server's key and address (or `key`), checking that the key
  /// shows nowhere in what it printed.
  private func run(
    _ arguments: [String], server: FakeServer, key: String? = FakeServer.key, stdin: Data = Data()
  ) throws -> CLI.Result {
    let environment = key.map { ["ELEVENLABS_API_KEY=\($0)"] } ?? ["-u", "ELEVENLABS_API_KEY"]
    let result = try CLI.run(
      ["env"] + environment + [CLI.executable.path] + arguments + ["--base-url", server.baseURL],
      stdin: stdin, viaEnv: true)
    #expect(
      !result.standardOutput.contains(FakeServer.key)
        && !result.standardError.contains(FakeServer.key))
    return result
  }

  /// A folder holding `talk.wav` (bytes that are not audio: the fake does not listen) and
  /// `talk.txt`, the script.
  private func workspace(script: String = AlignCommandTests.script) throws -> URL {
    let folder = try CLI.temporaryFolder()
    try Data(repeating: 0x52, count: 4096).write(to: folder.appendingPathComponent("talk.wav"))
    try Data(script.utf8).write(to: folder.appendingPathComponent("talk.txt"))
    return folder
  }

  private func names(in folder: URL) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
  }

  /// The cue text of an SRT or WebVTT file: every line that is not a number, a time line, the
  /// header or blank.
  private func cueText(_ captions: String) -> String {
    captions.split(separator: "\n").filter { line in
      !line.contains("-->") && Int(line) == nil && line != "WEBVTT"
    }.joined(separator: " ")
  }

  @Test func exportsTheScriptsOwnWordsToSRTAndVTT() throws {
    let server = try FakeServer()
    let folder = try workspace()
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try run(
      [
        "align", folder.appendingPathComponent("talk.wav").path, "--text",
        folder.appendingPathComponent("talk.txt").path, "--format", "srt,vtt",
      ], server: server)
    #expect(result.status == 0, "\(result.standardError)")
    #expect(result.standardError.isEmpty, "\(result.standardError)")
    #expect(try names(in: folder) == ["talk.srt", "talk.txt", "talk.vtt", "talk.wav"])

    let fields = try #require(try server.requests().last?["fields"] as? [String: Any])
    #expect(fields["text"] as? String == Self.script, "the script is sent as written")
    #expect((fields["file"] as? [String: Any])?["filename"] as? String == "talk.wav")
    #expect((fields["file"] as? [String: Any])?["size"] as? Int == 4096)
    #expect(fields["enabled_spooled_file"] == nil)
    #expect(try server.requests().last?["path"] as? String == "/v1/forced-alignment")

    // Line breaks in the script are spacing like any other; the words and their spacing are
    // the script's: none lost, none invented (the Japanese line has no spaces).
    let words = Self.script.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    for name in ["talk.srt", "talk.vtt"] {
      let captions = try String(
        contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
      #expect(cueText(captions) == words, "\(name):\n\(captions)")
      #expect(captions.contains("今日は、晴れです。"))
    }
    let srt = try String(contentsOf: folder.appendingPathComponent("talk.srt"), encoding: .utf8)
    #expect(srt.hasPrefix("1\n00:00:00,250 --> "), "the first word's time, from the fake")
  }

  @Test func captionStylesAndStdinScriptsToo() throws {
    let server = try FakeServer()
    let folder = try workspace()
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try run(
      [
        "align", folder.appendingPathComponent("talk.wav").path, "--text", "-", "--preset",
        "netflix-en", "-o", "-",
      ], server: server, stdin: Data(Self.script.utf8))
    #expect(result.status == 0, "\(result.standardError)")
    #expect(
      cueText(result.standardOutput)
        == Self.script.split(whereSeparator: \.isWhitespace).joined(separator: " "))
    #expect(result.standardOutput.contains("今日は、晴れです。"))
    #expect(try names(in: folder) == ["talk.txt", "talk.wav"], "stdout only")
    let fields = try #require(try server.requests().last?["fields"] as? [String: Any])
    #expect(fields["text"] as? String == Self.script)
  }

  @Test func saveJSONKeepsTheRawResponseBesideTheExports() throws {
    let server = try FakeServer()
    let folder = try workspace()
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try run(
      [
        "align", folder.appendingPathComponent("talk.wav").path, "--text",
        folder.appendingPathComponent("talk.txt").path, "--save-json", "--enabled-spooled-file",
        "-o", folder.path + "/out/",
      ], server: server)
    #expect(result.status == 0, "\(result.standardError)")
    let out = folder.appendingPathComponent("out")
    #expect(try names(in: out) == ["talk.json", "talk.srt"])
    let saved = try Data(contentsOf: out.appendingPathComponent("talk.json"))
    let root = try #require(try JSONSerialization.jsonObject(with: saved) as? [String: Any])
    let characters = try #require(root["characters"] as? [[String: Any]])
    #expect(characters.compactMap { $0["text"] as? String }.joined() == Self.script)
    #expect((root["words"] as? [[String: Any]])?.allSatisfy { $0["loss"] is Double } == true)
    #expect(root["loss"] is Double)
    // convert reads the saved response again, as the same shape, to the same captions.
    let again = try CLI.run(["convert", out.appendingPathComponent("talk.json").path, "-o", "-"])
    #expect(again.status == 0, "\(again.standardError)")
    let srt = try String(contentsOf: out.appendingPathComponent("talk.srt"), encoding: .utf8)
    #expect(again.standardOutput == srt)
    let fields = try #require(try server.requests().last?["fields"] as? [String: Any])
    #expect(fields["enabled_spooled_file"] as? String == "true")
  }

  @Test func outputIntoAFolderAndForce() throws {
    let server = try FakeServer()
    let folder = try workspace()
    defer { try? FileManager.default.removeItem(at: folder) }
    let arguments = [
      "align", folder.appendingPathComponent("talk.wav").path, "--text",
      folder.appendingPathComponent("talk.txt").path, "--format", "srt,vtt,txt", "-o",
      folder.path + "/captions/",
    ]
    let first = try run(arguments, server: server)
    #expect(first.status == 0, "\(first.standardError)")
    let captions = folder.appendingPathComponent("captions")
    #expect(try names(in: captions) == ["talk.srt", "talk.txt", "talk.vtt"])
    try Data("old".utf8).write(to: captions.appendingPathComponent("talk.srt"))

    // Without --force an existing file is refused before the upload, and nothing is written.
    let refused = try run(arguments, server: server)
    #expect(refused.status == 1)
    #expect(refused.standardError.contains("talk.srt: already exists"))
    #expect(refused.standardError.contains("(use --force to replace it)"))
    #expect(try server.requests().count == 1, "no second upload")
    let kept = try String(contentsOf: captions.appendingPathComponent("talk.srt"), encoding: .utf8)
    #expect(kept == "old")

    let forced = try run(arguments + ["--force"], server: server)
    #expect(forced.status == 0, "\(forced.standardError)")
    let replaced = try String(
      contentsOf: captions.appendingPathComponent("talk.srt"), encoding: .utf8)
    #expect(replaced.hasPrefix("1\n00:00:00,250"))
  }

  @Test func neverWritesOverTheScriptOrTheAudioEvenWithForce() throws {
    let server = try FakeServer()
    let folder = try workspace()
    defer { try? FileManager.default.removeItem(at: folder) }
    let audio = folder.appendingPathComponent("talk.wav").path
    let script = folder.appendingPathComponent("talk.txt").path
    // TXT beside the audio is talk.txt: the script.
    let overScript = try run(
      ["align", audio, "--text", script, "--format", "txt", "--force"], server: server)
    #expect(overScript.status == 1)
    #expect(overScript.standardError.contains("talk.txt: is the script; refusing to overwrite it"))
    let overAudio = try run(
      ["align", audio, "--text", script, "-o", audio, "--force"], server: server)
    #expect(overAudio.status == 1)
    #expect(overAudio.standardError.contains("talk.wav: is the audio; refusing to overwrite it"))
    #expect(try String(contentsOfFile: script, encoding: .utf8) == Self.script)
    #expect(try server.requests().isEmpty, "refused before any upload")
  }

  @Test func aRetried503StillAligns() throws {
    let server = try FakeServer()
    try server.queue(#"[{"status": 503}]"#)
    let folder = try workspace()
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try run(
      [
        "align", folder.appendingPathComponent("talk.wav").path, "--text",
        folder.appendingPathComponent("talk.txt").path, "-o", "-",
      ], server: server)
    #expect(result.status == 0, "\(result.standardError)")
    #expect(result.standardError.contains("the API answered 503; retrying in"))
    #expect(result.standardOutput.hasPrefix("1\n00:00:00,250"))
    let requests = try server.requests()
    #expect(requests.count == 2)
    #expect(requests.allSatisfy { $0["path"] as? String == "/v1/forced-alignment" })
    #expect(
      requests.allSatisfy { ($0["fields"] as? [String: Any])?["text"] as? String == Self.script },
      "the retry sends the whole body again")
  }

  @Test func refusedFieldsAreListedAndNothingIsWritten() throws {
    let server = try FakeServer()
    try server.queue(#"[{"status": 422, "field": "text"}]"#)
    let folder = try workspace()
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try run(
      [
        "align", folder.appendingPathComponent("talk.wav").path, "--text",
        folder.appendingPathComponent("talk.txt").path, "--save-json",
      ], server: server)
    #expect(result.status == 1)
    #expect(
      result.standardError
        == "scribekit: error: the API refused the request (422): body.text: field required\n")
    #expect(try names(in: folder) == ["talk.txt", "talk.wav"])
    #expect(try server.requests().count == 1, "a 422 is not retried")
  }

  @Test func theClientSendsBothPartsAndTheServerRefusesAnEmptyText() async throws {
    let server = try FakeServer()
    let folder = try workspace()
    defer { try? FileManager.default.removeItem(at: folder) }
    var configuration = ClientConfiguration(apiKey: APIKey(FakeServer.key))
    configuration.baseURL = try #require(URL(string: server.baseURL))
    let client = ElevenLabsClient(configuration: configuration)
    let audio = folder.appendingPathComponent("talk.wav")
    let data = try await client.forcedAlignment(audio: audio, text: "Good morning.")
    let transcript = try Transcript(data: data)
    #expect(transcript.inputShape == .forcedAlignment, "detected without being forced")
    #expect(transcript.channels[0].words.filter(\.isTimed).map(\.text) == ["Good", "morning."])

    do {
      _ = try await client.forcedAlignment(audio: audio, text: "")
      Issue.record("an empty text was accepted")
    } catch {
      #expect(error == .validation([.init(location: "body.text", message: "field required")]))
    }
  }

  @Test func aMissingKeyIsNamedBeforeAnyUpload() throws {
    let server = try FakeServer()
    let folder = try workspace()
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try run(
      [
        "align", folder.appendingPathComponent("talk.wav").path, "--text",
        folder.appendingPathComponent("talk.txt").path,
      ], server: server, key: nil)
    #expect(result.status == 1)
    #expect(
      result.standardError
        == "scribekit: error: no API key: set ELEVENLABS_API_KEY or pass --api-key-file\n")
    #expect(try server.requests().isEmpty)
    #expect(try names(in: folder) == ["talk.txt", "talk.wav"])
  }

  @Test func missingOrEmptyInputsAreRefusedBeforeAnyUpload() throws {
    let server = try FakeServer()
    let folder = try workspace()
    defer { try? FileManager.default.removeItem(at: folder) }
    let audio = folder.appendingPathComponent("talk.wav").path
    let script = folder.appendingPathComponent("talk.txt").path
    let missingScript = folder.appendingPathComponent("nope.txt").path
    let empty = folder.appendingPathComponent("empty.txt")
    try Data(" \n\n".utf8).write(to: empty)
    let cases: [(arguments: [String], stdin: Data, message: String)] = [
      (
        ["--text", missingScript], Data(), "\(missingScript): no such file (the script for --text)"
      ),
      (
        ["--text", empty.path], Data(),
        "\(empty.path): the script is empty; forced alignment needs the words spoken in the audio"
      ),
      (
        ["--text", "-"], Data("\n".utf8),
        "<stdin>: the script is empty; forced alignment needs the words spoken in the audio"
      ),
      (
        ["--text", "@" + script], Data(),
        "@\(script): no such file; --text takes the script's path, without @ (\(script))"
      ),
      (["--text", folder.path], Data(), "\(folder.path): is a folder; expected the script"),
    ]
    for (arguments, stdin, message) in cases {
      let result = try run(["align", audio] + arguments, server: server, stdin: stdin)
      #expect(result.status == 1)
      #expect(result.standardError.hasPrefix("scribekit: error: \(message)"), "\(arguments)")
    }
    let missingAudio = folder.appendingPathComponent("nope.wav").path
    let noAudio = try run(["align", missingAudio, "--text", script], server: server)
    #expect(noAudio.standardError == "scribekit: error: \(missingAudio): no such file\n")
    let remote = try run(
      ["align", "https://storage.example.com/talk.mp3", "--text", script], server: server)
    #expect(remote.standardError.contains("forced alignment uploads a local file"))
    #expect(try server.requests().isEmpty, "nothing was uploaded")
    #expect(try names(in: folder) == ["empty.txt", "talk.txt", "talk.wav"])
  }

  @Test(.enabled(if: CLI.hasTerminalRunner))
  func anUploadShowsItsProgressOnATerminal() throws {
    let server = try FakeServer()
    let folder = try workspace()
    defer { try? FileManager.default.removeItem(at: folder) }
    let audio = folder.appendingPathComponent("big.wav")
    try Data(repeating: 0x52, count: 6_000_000).write(to: audio)
    let command =
      "env ELEVENLABS_API_KEY=\(FakeServer.key) \(CLI.executable.path) align \(audio.path) "
      + "--text \(folder.appendingPathComponent("talk.txt").path) -o \(folder.path)/out/ "
      + "--base-url \(server.baseURL)"
    let (status, shown) = try CLI.runOnTerminal(command)
    #expect(status == 0, "\(shown)")
    #expect(shown.contains("uploading big.wav: "), "\(shown)")
    #expect(shown.contains(" of 6.0 MB"))
    #expect(shown.contains("uploaded big.wav (6.0 MB); waiting for the alignment"))
    #expect(!shown.contains(FakeServer.key))
  }

  @Test func helpDescribesTheScriptAndTheSavedJSON() throws {
    let help = try CLI.run(["align", "--help"])
    #expect(help.status == 0)
    for text in [
      "POST /v1/forced-alignment", "--text <script>", "- to read it from stdin", "--save-json",
      "NAME.json", "--enabled-spooled-file", "--preset", "--force", "--retries",
    ] {
      #expect(help.standardOutput.contains(text), "\(text)")
    }
  }
}
