import ElevenLabsAPI
import Foundation
import ScribeKit
import Testing

/// `fetch` and `delete` and the client, end to end against the fake server, fault by fault.
@Suite("Talking to the API", .serialized)
struct APICommandTests {
  private func run(_ arguments: [String], server: FakeServer, key: String = FakeServer.key) throws
    -> CLI.Result
  {
    let result = try CLI.run(
      ["env", "ELEVENLABS_API_KEY=\(key)", CLI.executable.path] + arguments + [
        "--base-url", server.baseURL,
      ],
      viaEnv: true)
    // Whatever happens, the key never shows.
    #expect(!result.standardOutput.contains(key) && !result.standardError.contains(key))
    return result
  }

  @Test func fetchExportsNamedAfterTheIDAndKeepsTheRawJSON() throws {
    let server = try FakeServer()
    let folder = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try run(
      ["fetch", "interview", "--format", "srt,docx", "--save-json", "-o", folder.path],
      server: server)
    #expect(result.status == 0, "\(result.standardError)")
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    #expect(
      names == [
        "sample-interview-001.docx", "sample-interview-001.json", "sample-interview-001.srt",
      ])
    let srt = try String(
      contentsOf: folder.appendingPathComponent("sample-interview-001.srt"), encoding: .utf8)
    #expect(srt == (try String(contentsOfFile: CLI.sample("interview.srt"), encoding: .utf8)))
    let saved = try Data(contentsOf: folder.appendingPathComponent("sample-interview-001.json"))
    #expect(saved.count > 1000)
    let requests = try server.requests()
    #expect(requests.count == 1)
    #expect(requests.first?["method"] as? String == "GET")
    #expect(requests.first?["path"] as? String == "/v1/speech-to-text/transcripts/interview")
    #expect(requests.first?["key_ok"] as? Bool == true)
  }

  @Test func fetchTakesSeveralIDsAndGoesOnPastOneThatFails() throws {
    let server = try FakeServer()
    let folder = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try run(
      ["fetch", "interview", "nope", "multichannel", "--format", "srt", "-o", folder.path],
      server: server)
    #expect(result.status == 1)
    #expect(result.standardError.contains("transcript nope: "))
    #expect(result.standardError.contains("1 of 3 transcripts failed"))
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    #expect(names.contains("sample-interview-001.srt"))
    #expect(names.contains { $0.hasSuffix(".channel-0.srt") })
    #expect(try server.requests().count == 3)
  }

  @Test func aWrongKeySaysSoAndWritesNothing() throws {
    let server = try FakeServer()
    let folder = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try run(
      ["fetch", "interview", "-o", folder.path], server: server, key: "sk_wrong_key_123")
    #expect(result.status == 1)
    #expect(
      result.standardError
        == "scribekit: error: the API key was refused (401): Invalid API key; check ELEVENLABS_API_KEY\n"
    )
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
  }

  @Test func aMissingTranscriptIsNotFound() throws {
    let server = try FakeServer()
    let result = try run(["fetch", "nope", "-o", "-"], server: server)
    #expect(result.status == 1)
    #expect(result.standardError == "scribekit: error: not found (404): Transcript not found.\n")
  }

  @Test func rateLimitsAndServerErrorsAreRetriedAsTheyAsk() throws {
    let server = try FakeServer()
    try server.queue(#"[{"status": 429, "retry_after": "1"}, {"status": 503}]"#)
    let started = Date()
    let result = try run(["fetch", "interview", "-o", "-"], server: server)
    #expect(result.status == 0, "\(result.standardError)")
    #expect(Date().timeIntervalSince(started) >= 1, "Retry-After: 1 was honoured")
    #expect(result.standardError.contains("the API answered 429; retrying in 1.0 s (attempt 2)"))
    #expect(result.standardError.contains("the API answered 503; retrying in"))
    #expect(try server.requests().count == 3)
    #expect(result.standardOutput.hasPrefix("1\n00:00:00,420"))
  }

  @Test func retriesStopAtTheLimit() throws {
    let server = try FakeServer()
    try server.queue(#"[{"status": 500}, {"status": 500}, {"status": 500}]"#)
    let result = try run(["fetch", "interview", "-o", "-", "--retries", "1"], server: server)
    #expect(result.status == 1)
    #expect(
      result.standardError.hasSuffix(
        "scribekit: error: the API answered 500 after 2 attempts: Something went wrong.\n"))
    #expect(try server.requests().count == 2)
  }

  @Test func aTruncatedBodyIsAClearErrorAndNoFile() throws {
    let server = try FakeServer()
    try server.queue(#"[{"truncate": true}]"#)
    let folder = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try run(["fetch", "interview", "--save-json", "-o", folder.path], server: server)
    #expect(result.status == 1)
    #expect(
      result.standardError.contains(
        "the API's answer could not be read: the body is not complete JSON"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
  }

  @Test func aSlowServerTimesOut() throws {
    let server = try FakeServer()
    try server.queue(#"[{"delay": 4}]"#)
    let result = try run(
      ["fetch", "interview", "-o", "-", "--timeout", "1", "--retries", "0"], server: server)
    #expect(result.status == 1)
    #expect(
      result.standardError.contains("could not reach the API: the request timed out"),
      "\(result.standardError)")
  }

  @Test func deleteRemovesTheTranscript() throws {
    let server = try FakeServer()
    let deleted = try run(["delete", "interview"], server: server)
    #expect(deleted.status == 0)
    #expect(deleted.standardError == "scribekit: deleted transcript interview\n")
    let again = try run(["fetch", "interview", "-o", "-"], server: server)
    #expect(again.standardError.contains("not found (404)"))
    #expect(try server.requests().map { $0["method"] as? String } == ["DELETE", "GET"])
  }

  @Test func theClientUploadsMultipartAndReportsRefusedFields() async throws {
    let server = try FakeServer()
    var configuration = ClientConfiguration(apiKey: APIKey(FakeServer.key))
    configuration.baseURL = try #require(URL(string: server.baseURL))
    let client = ElevenLabsClient(configuration: configuration)
    var request = TranscriptionRequest(file: URL(fileURLWithPath: CLI.sample("interview.json")))
    request.diarize = true
    request.numSpeakers = 2
    request.additionalFormats = #"[{"format": "srt"}]"#
    let data = try await client.transcribe(request)
    #expect(try Transcript(data: data).channels[0].words.count > 100)
    let fields = try #require(try server.requests().last?["fields"] as? [String: Any])
    #expect(fields["model_id"] as? String == "scribe_v1")
    #expect(fields["diarize"] as? String == "true")
    #expect(fields["num_speakers"] as? String == "2")
    #expect(fields["additional_formats"] as? String == #"[{"format": "srt"}]"#)
    #expect((fields["file"] as? [String: Any])?["filename"] as? String == "interview.json")

    do {
      _ = try await client.transcribe(TranscriptionRequest(file: nil))
      Issue.record("a request without audio was accepted")
    } catch {
      #expect(error == .validation([.init(location: "body.file", message: "field required")]))
    }
  }

  @Test func theClientGetsSpeechWithTimestamps() async throws {
    let server = try FakeServer()
    var configuration = ClientConfiguration(apiKey: APIKey(FakeServer.key))
    configuration.baseURL = try #require(URL(string: server.baseURL))
    var speech = SpeechRequest(text: "Our park opened in 2026.")
    speech.outputFormat = "mp3_44100_128"
    let data = try await ElevenLabsClient(configuration: configuration).speechWithTimestamps(
      voiceID: "voice1", speech)
    let result = try Transcript(data: data)
    #expect(result.inputShape == .textToSpeech)
    let last = try #require(try server.requests().last)
    #expect(last["path"] as? String == "/v1/text-to-speech/voice1/with-timestamps")
    #expect((last["query"] as? [String: [String]])?["output_format"] == ["mp3_44100_128"])
    #expect((last["fields"] as? [String: Any])?["text"] as? String == "Our park opened in 2026.")
  }

  @Test func transcribeUploadsSavesTheJSONAndTheServersOwnFiles() throws {
    let server = try FakeServer()
    let folder = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let audio = folder.appendingPathComponent("episode.wav")
    try Data(repeating: 0x52, count: 4096).write(to: audio)
    let result = try run(
      [
        "transcribe", audio.path, "--format", "srt,vtt,docx", "--server-formats", "--num-speakers",
        "2",
        "-o", folder.path + "/out/",
      ], server: server)
    #expect(result.status == 0, "\(result.standardError)")
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path + "/out").sorted()
    #expect(
      names == [
        "episode.docx", "episode.json", "episode.server.docx", "episode.server.srt", "episode.srt",
        "episode.vtt",
      ])
    let serverDOCX = try Data(contentsOf: folder.appendingPathComponent("out/episode.server.docx"))
    #expect(serverDOCX == Data("SERVER FILE".utf8), "base64 content is decoded")
    let fields = try #require(try server.requests().last?["fields"] as? [String: Any])
    #expect((fields["file"] as? [String: Any])?["size"] as? Int == 4096)
    #expect(fields["num_speakers"] as? String == "2")
    #expect(fields["diarize"] as? String == "true")
    let formats = try #require(fields["additional_formats"] as? String)
    #expect(formats.contains("\"format\": \"srt\"") && formats.contains("\"format\": \"docx\""))
    #expect(!formats.contains("vtt"), "vtt is ours; the API is not asked for it")
    #expect(formats.contains("\"max_characters_per_line\": 42"))
  }

  @Test(.enabled(if: CLI.hasTerminalRunner))
  func anUploadShowsBytesRateAndTimeLeftOnATerminal() throws {
    let server = try FakeServer()
    let folder = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let audio = folder.appendingPathComponent("big.wav")
    try Data(repeating: 0x52, count: 6_000_000).write(to: audio)
    // `script` runs the command under a pseudo-terminal, as a person's shell would.
    let command =
      "env ELEVENLABS_API_KEY=\(FakeServer.key) \(CLI.executable.path) transcribe \(audio.path) "
      + "-o \(folder.path)/out/ --base-url \(server.baseURL)"
    let (status, shown) = try CLI.runOnTerminal(command)
    #expect(status == 0, "\(shown)")
    #expect(shown.contains("uploading big.wav: "), "\(shown)")
    #expect(shown.contains(" of 6.0 MB"))
    #expect(shown.contains("uploaded big.wav (6.0 MB); waiting for the transcript"))
    #expect(!shown.contains(FakeServer.key))
  }

  @Test func transcribeReportsRefusedFields() throws {
    let server = try FakeServer()
    try server.queue(#"[{"status": 422}]"#)
    let folder = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let audio = folder.appendingPathComponent("a.wav")
    try Data([1, 2, 3]).write(to: audio)
    let result = try run(["transcribe", audio.path, "-o", folder.path + "/out/"], server: server)
    #expect(result.status == 1)
    #expect(
      result.standardError
        == "scribekit: error: the API refused the request (422): body.model_id: field required\n")
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["a.wav"])
  }

  @Test func speakWritesAudioAndCaptions() throws {
    let server = try FakeServer()
    let folder = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let textFile = folder.appendingPathComponent("script.txt")
    try Data("Our park opened in 2026.".utf8).write(to: textFile)
    let result = try run(
      [
        "speak", "@\(textFile.path)", "--voice", "v1", "-o",
        folder.appendingPathComponent("out.mp3").path, "--format", "srt,vtt",
      ],
      server: server)
    #expect(result.status == 0, "\(result.standardError)")
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == [
        "out.mp3", "out.srt", "out.vtt", "script.txt",
      ])
    let audio = try Data(contentsOf: folder.appendingPathComponent("out.mp3"))
    #expect(audio.starts(with: Data("ID3".utf8)))
    let srt = try String(contentsOf: folder.appendingPathComponent("out.srt"), encoding: .utf8)
    #expect(
      srt == (try String(contentsOfFile: CLI.sample("speech-with-timestamps.srt"), encoding: .utf8))
    )
    let last = try #require(try server.requests().last)
    #expect((last["fields"] as? [String: Any])?["text"] as? String == "Our park opened in 2026.")
  }

  @Test func speakStreamsWithTheNormalizedAlignment() throws {
    let server = try FakeServer()
    let folder = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try run(
      [
        "speak", "Our park", "--voice", "v1", "--stream", "--normalized", "-o",
        folder.appendingPathComponent("s.mp3").path,
      ],
      server: server)
    #expect(result.status == 0, "\(result.standardError)")
    let srt = try String(contentsOf: folder.appendingPathComponent("s.srt"), encoding: .utf8)
    #expect(srt.contains("Our park opened in twenty twenty-six."))
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == [
        "s.mp3", "s.srt",
      ])
  }

  @Test(arguments: [
    ["--format", "srt,vtt"], ["--format", "srt,vtt", "--preset", "netflix-en", "--normalized"],
  ])
  func aLongPacedStreamEndsWithTheCaptionsOfTheWholeStream(_ options: [String]) throws {
    let server = try FakeServer()
    // Three minutes of speech in 186 chunks of a second's audio each (about 21 KB of base64),
    // sent faster than the API sends them.
    try server.streamSettings(#"{"paced": true, "interval": 0.005}"#)
    let folder = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    try FileManager.default.createDirectory(
      at: folder.appendingPathComponent("spoken"), withIntermediateDirectories: true)
    let result = try run(
      ["speak", "a long script", "--voice", "v1", "--stream"] + options + [
        "-o", folder.appendingPathComponent("spoken/long.mp3").path,
      ],
      server: server)
    #expect(result.status == 0, "\(result.standardError)")
    let saved = folder.appendingPathComponent("saved.ndjson")
    let body = try server.lastStreamBody()
    try body.write(to: saved)
    let chunks = body.split(separator: UInt8(ascii: "\n")).count
    #expect(chunks > 150)
    let alignment = options.contains("--normalized") ? "normalized" : "original"
    let converted = try CLI.run(
      ["convert", saved.path, "--input-shape", "tts-stream", "--alignment", alignment]
        + options.filter { $0 != "--normalized" } + ["-o", folder.path + "/"])
    #expect(converted.status == 0, "\(converted.standardError)")
    for fileExtension in ["srt", "vtt"] {
      let streamed = try Data(
        contentsOf: folder.appendingPathComponent("spoken/long.\(fileExtension)"))
      let whole = try Data(contentsOf: folder.appendingPathComponent("saved.\(fileExtension)"))
      #expect(streamed == whole, "\(fileExtension)")
      #expect(String(decoding: whole, as: UTF8.self).components(separatedBy: "-->").count > 40)
    }
    // The audio is every chunk's, in order: a second of 128 kbit/s MP3 each.
    let audio = try Data(contentsOf: folder.appendingPathComponent("spoken/long.mp3"))
    #expect(audio.count == chunks * 16_000)
    #expect(audio.starts(with: Data("ID3".utf8)))
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: folder.path + "/spoken").sorted() == [
        "long.mp3", "long.srt", "long.vtt",
      ])
  }

  @Test func captionsWrittenWhileStreamingAreTheStartOfTheFinalOnes() throws {
    let server = try FakeServer()
    try server.streamSettings(#"{"paced": true, "words": 120, "interval": 0.03}"#)
    let folder = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [
      "ELEVENLABS_API_KEY=\(FakeServer.key)", CLI.executable.path, "speak", "words", "--voice",
      "v1", "--stream", "-o", folder.appendingPathComponent("s.mp3").path, "--base-url",
      server.baseURL,
    ]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    // Every version of the captions a player following the file could have read.
    let captions = folder.appendingPathComponent("s.srt")
    var versions: [String] = []
    let deadline = Date().addingTimeInterval(60)
    while process.isRunning && Date() < deadline {
      if let text = try? String(contentsOf: captions, encoding: .utf8), text != versions.last {
        versions.append(text)
      }
      Thread.sleep(forTimeInterval: 0.002)
    }
    if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    let final = try String(contentsOf: captions, encoding: .utf8)
    let partial = versions.filter { $0 != final }
    #expect(partial.count >= 3, "\(versions.count) versions seen")
    for version in partial {
      // Only final cues: each version is the final file's start, and never all of it.
      #expect(final.hasPrefix(version) && version.count < final.count, "\(version)")
      #expect(final.dropFirst(version.count).hasPrefix("\n"), "ends inside a cue: \(version)")
    }
  }

  @Test func aStreamShowsEachWarningOnce() throws {
    // Not once for every rewrite of the captions.
    let server = try FakeServer()
    try server.streamSettings(#"{"paced": true, "words": 60, "interval": 0.005}"#)
    let folder = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try run(
      [
        "speak", "words", "--voice", "v1", "--stream", "--additional-formats",
        #"[{"format": "srt", "bogus": 1}]"#, "-o", folder.appendingPathComponent("s.mp3").path,
      ],
      server: server)
    #expect(result.status == 0, "\(result.standardError)")
    #expect(
      result.standardError
        == "scribekit: warning: $[0].bogus: ignored; not an export option the API knows\n")
    let srt = try String(contentsOf: folder.appendingPathComponent("s.srt"), encoding: .utf8)
    #expect(srt.components(separatedBy: "-->").count > 4)
  }

  @Test func aStreamThatStopsMidChunkLeavesNoFiles() throws {
    let server = try FakeServer()
    try server.queue(#"[{"cut": true}]"#)
    let folder = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try run(
      [
        "speak", "x", "--voice", "v1", "--stream", "--format", "srt,vtt", "-o",
        folder.appendingPathComponent("cut.mp3").path,
      ],
      server: server)
    #expect(result.status == 1)
    #expect(
      result.standardError.contains(
        "the stream stopped in the middle of chunk 8 (157 bytes of it arrived)"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
  }

  @Test func streamedChunksArriveAsTheyAreSentNotAtTheEnd() async throws {
    let server = try FakeServer()
    var configuration = ClientConfiguration(apiKey: APIKey(FakeServer.key))
    configuration.baseURL = try #require(URL(string: server.baseURL))
    let client = ElevenLabsClient(configuration: configuration)
    let started = Date()
    var arrivals: [TimeInterval] = []
    for try await line in try client.streamSpeechWithTimestamps(
      voiceID: "v1", SpeechRequest(text: "hi"))
    {
      #expect(try JSONParser.parse([UInt8](line)).objectValue?["audio_base64"] != nil)
      arrivals.append(Date().timeIntervalSince(started))
    }
    #expect(arrivals.count == 8)
    // The server sends a line every 0.2 s: the first must be here long before the last.
    if let first = arrivals.first, let last = arrivals.last {
      #expect(last - first > 1.0, "arrivals \(arrivals)")
    }
  }

  @Test func audioStreamsToBytes() async throws {
    let server = try FakeServer()
    var configuration = ClientConfiguration(apiKey: APIKey(FakeServer.key))
    configuration.baseURL = try #require(URL(string: server.baseURL))
    var total = 0
    var chunks = 0
    for try await chunk in try ElevenLabsClient(configuration: configuration).streamSpeech(
      voiceID: "v1", SpeechRequest(text: "hi"))
    {
      total += chunk.count
      chunks += 1
    }
    #expect(total == 5_000)
    #expect(chunks >= 2)
  }

  @Test func transcribeACloudURLOrByWebhook() throws {
    let server = try FakeServer()
    let folder = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let remote = try run(
      ["transcribe", "https://storage.example.com/show/ep1.mp3", "-o", folder.path + "/"],
      server: server)
    #expect(remote.status == 0, "\(remote.standardError)")
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == [
        "ep1.json", "ep1.srt",
      ])
    let fields = try #require(try server.requests().last?["fields"] as? [String: Any])
    #expect(fields["cloud_storage_url"] as? String == "https://storage.example.com/show/ep1.mp3")
    #expect(fields["file"] == nil)

    let hooked = try run(
      [
        "transcribe", "https://storage.example.com/show/ep2.mp3", "--webhook", "-o",
        folder.path + "/",
      ], server: server)
    #expect(hooked.status == 0)
    #expect(hooked.standardOutput == "tr-42\n")
    #expect(hooked.standardError.contains("scribekit fetch tr-42"))
  }
}

/// The key must never show: not on standard output or error, not in any file written, on any
/// path a command can fail by. Each case is one way to fail; the server of one of them quotes
/// the key it was sent in its error message, as some proxies and servers do.
@Suite("The API key never shows", .serialized)
struct SecretsTests {
  struct Failure: CustomTestStringConvertible, Sendable {
    var name: String
    var faults: String
    var arguments: [String]
    var status: Int32 = 1
    var testDescription: String { name }
  }

  static let failures: [Failure] = [
    Failure(
      name: "fetch, server quotes the key", faults: #"[{"status": 401, "echo_key": true}]"#,
      arguments: ["fetch", "interview"]),
    Failure(
      name: "transcribe, server quotes the key", faults: #"[{"status": 401, "echo_key": true}]"#,
      arguments: ["transcribe", "https://storage.example.com/a.mp3"]),
    Failure(
      name: "speak, server quotes the key", faults: #"[{"status": 401, "echo_key": true}]"#,
      arguments: ["speak", "hi", "--voice", "v1"]),
    Failure(
      name: "speak --stream, server quotes the key",
      faults: #"[{"status": 401, "echo_key": true}]"#,
      arguments: ["speak", "hi", "--voice", "v1", "--stream"]),
    Failure(
      name: "delete, server quotes the key", faults: #"[{"status": 401, "echo_key": true}]"#,
      arguments: ["delete", "interview"]),
    Failure(name: "not found", faults: "[]", arguments: ["fetch", "missing"]),
    Failure(
      name: "validation", faults: #"[{"status": 422}]"#,
      arguments: ["transcribe", "https://storage.example.com/a.mp3"]),
    Failure(
      name: "rate limited to the end",
      faults: #"[{"status": 429, "retry_after": "0"}, {"status": 429, "retry_after": "0"}]"#,
      arguments: ["fetch", "interview", "--retries", "1"]),
    Failure(
      name: "server error", faults: #"[{"status": 500}]"#,
      arguments: ["fetch", "interview", "--retries", "0"]),
    Failure(
      name: "truncated body", faults: #"[{"truncate": true}]"#, arguments: ["fetch", "interview"]),
    Failure(
      name: "timeout", faults: #"[{"delay": 3}]"#,
      arguments: ["fetch", "interview", "--timeout", "1", "--retries", "0"]),
    Failure(
      name: "stream cut", faults: #"[{"cut": true}]"#,
      arguments: ["speak", "hi", "--voice", "v1", "--stream", "--format", "srt"]),
    Failure(
      name: "speak succeeds (the files written are checked too)", faults: "[]",
      arguments: ["speak", "hi", "--voice", "v1", "--format", "srt,vtt,html"], status: 0),
    Failure(
      name: "fetch succeeds with the raw JSON saved", faults: "[]",
      arguments: ["fetch", "interview", "--format", "srt,docx", "--save-json"], status: 0),
  ]

  @Test(arguments: failures)
  func theKeyNeverShows(_ failure: Failure) throws {
    let server = try FakeServer()
    try server.queue(failure.faults)
    let folder = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    var arguments = failure.arguments
    if arguments.first == "speak" {
      arguments += ["-o", folder.appendingPathComponent("out.mp3").path]
    } else if arguments.first != "delete" {
      arguments += ["-o", folder.path + "/"]
    }
    let result = try CLI.run(
      ["env", "ELEVENLABS_API_KEY=\(FakeServer.key)", CLI.executable.path] + arguments + [
        "--base-url", server.baseURL,
      ],
      viaEnv: true)
    #expect(result.status == failure.status, "\(result.standardError)")
    #expect(!result.standardOutput.contains(FakeServer.key))
    #expect(!result.standardError.contains(FakeServer.key), "\(result.standardError)")
    if failure.faults.contains("echo_key") {
      #expect(result.standardError.contains("<redacted>"), "\(result.standardError)")
    }
    let key = Data(FakeServer.key.utf8)
    for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
      let content = try Data(contentsOf: folder.appendingPathComponent(name))
      #expect(content.range(of: key) == nil, "\(name) holds the key")
    }
  }

  @Test func aKeyFileThatCannotBeReadIsNamedButNotShown() throws {
    let folder = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let missing = folder.appendingPathComponent("no-such-key").path
    let result = try CLI.run(["fetch", "interview", "--api-key-file", missing])
    #expect(result.status != 0)
    #expect(
      result.standardError
        == "scribekit: error: the API key file \(missing) does not exist\n")
    let secretFile = folder.appendingPathComponent("key-folder")
    try FileManager.default.createDirectory(at: secretFile, withIntermediateDirectories: true)
    let folderResult = try CLI.run(["fetch", "interview", "--api-key-file", secretFile.path])
    #expect(folderResult.standardError.contains("is a folder; expected a file"))
    let empty = folder.appendingPathComponent("empty-key")
    try Data("\n".utf8).write(to: empty)
    let emptyResult = try CLI.run(["fetch", "interview", "--api-key-file", empty.path])
    #expect(emptyResult.standardError.contains("holds no key"))
  }

  @Test func aRefusedConnectionDoesNotShowTheKey() throws {
    // A port that was just free: nothing listens there.
    let port = try FakeServer().baseURL
    let result = try CLI.run(
      [
        "env", "ELEVENLABS_API_KEY=\(FakeServer.key)", CLI.executable.path, "fetch", "interview",
        "--base-url", port, "--retries", "0",
      ],
      viaEnv: true)
    #expect(result.status == 1)
    #expect(
      !result.standardError.contains(FakeServer.key)
        && !result.standardOutput.contains(FakeServer.key))
  }

  @Test func plainHTTPToAnotherHostIsRefusedBeforeTheKeyIsSent() throws {
    let result = try CLI.run(
      [
        "env", "ELEVENLABS_API_KEY=\(FakeServer.key)", CLI.executable.path, "fetch", "interview",
        "--base-url", "http://api.example.com",
      ],
      viaEnv: true)
    #expect(result.status == 1)
    #expect(result.standardError.contains("http"), "\(result.standardError)")
    #expect(!result.standardError.contains(FakeServer.key))
  }
}

/// Ctrl-C or `kill` in the middle of a run: the files being written are removed, the files a
/// stream had published are taken back, and the exit status says which signal it was.
@Suite("Interrupted runs", .serialized)
struct InterruptTests {
  @Test(arguments: [SIGINT, SIGTERM])
  func anInterruptedStreamLeavesNoFile(signal number: Int32) throws {
    let server = try FakeServer()
    let folder = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [
      "ELEVENLABS_API_KEY=\(FakeServer.key)", CLI.executable.path, "speak", "Our park", "--voice",
      "v1", "--stream", "--format", "srt,vtt", "-o", folder.appendingPathComponent("s.mp3").path,
      "--base-url", server.baseURL,
    ]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    // The server sends a chunk every 0.2 s: wait until the audio is being written and a
    // caption file has been published, then interrupt.
    let deadline = Date().addingTimeInterval(10)
    func names() -> [String] {
      (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    }
    while Date() < deadline
      && !(names().contains { $0.hasSuffix("scribekit-tmp") } && names().contains("s.srt"))
    {
      Thread.sleep(forTimeInterval: 0.01)
    }
    #expect(names().contains("s.srt"), "the stream published captions before the interrupt")
    kill(process.processIdentifier, number)
    let exitDeadline = Date().addingTimeInterval(10)
    while process.isRunning && Date() < exitDeadline { Thread.sleep(forTimeInterval: 0.01) }
    if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    process.waitUntilExit()
    #expect(process.terminationStatus == 128 + number)
    #expect(names().isEmpty, "left behind: \(names())")
  }
}
