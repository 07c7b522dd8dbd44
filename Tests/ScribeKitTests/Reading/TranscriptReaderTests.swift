import Foundation
import Testing

@testable import ScribeKit

@Suite("Reading: shapes")
struct TranscriptReaderTests {
  private func read(_ json: String, reader: TranscriptReader = TranscriptReader()) throws(ReadError)
    -> Transcript
  {
    try reader.read(Data(json.utf8), source: "test.json")
  }

  private func error(_ json: String, reader: TranscriptReader = TranscriptReader()) -> ReadError? {
    do {
      _ = try read(json, reader: reader)
      return nil
    } catch {
      return error
    }
  }

  private func texts(_ channel: Channel?) -> [String] {
    (channel?.words ?? []).filter(\.isTimed).map(\.text)
  }

  @Test(.enabled(if: Files.sharedFixturesAvailable, Files.skipReason))
  func readsTheRealSpeechToTextFixturesWithoutLosingAnItem() throws {
    for name in Files.speechToTextFixtures {
      let result = try Files.readShared(name)
      let raw = try JSONParser.parse([UInt8](Files.shared(name)))
      let rawWords = raw.objectValue?["words"]?.arrayValue ?? []
      #expect(result.inputShape == .speechToText, "\(name)")
      #expect(result.channels.count == 1, "\(name)")
      let words = result.channels[0].words
      #expect(words.count == rawWords.count, "\(name): every item is kept")
      #expect(words.map(\.text) == rawWords.map { $0.objectValue?["text"]?.stringValue ?? "?" })
      #expect(words.allSatisfy { $0.start <= $0.end && $0.start >= 0 }, "\(name)")
      #expect(result.warnings.isEmpty, "\(name): \(result.warnings)")
    }
  }

  @Test(.enabled(if: Files.sharedFixturesAvailable, Files.skipReason))
  func readsTheRealQuirksAsTheyAre() throws {
    let english = try Files.readShared("stt/english-monologue.json").channels[0].words
    #expect(english.first?.text == ".")
    #expect(english.first?.start == 16.34)
    #expect(english.filter { $0.start == $0.end }.count == 90, "zero-length items stay zero-length")

    let docs = try Files.readShared("stt/docs-example-scribe-v1.json")
    #expect(docs.languageCode == "en")
    #expect(docs.languageProbability == 1)
    #expect(docs.channels[0].words.allSatisfy { $0.logprob == nil })

    let mandarin = try Files.readShared("stt/mandarin-mixed-script.json")
    let mandarinWords = mandarin.channels[0].words
    #expect(mandarinWords.filter { $0.kind == .spacing }.count == 9)
    #expect(mandarinWords.contains { $0.text == "happy，" })
  }

  @Test(.enabled(if: Files.sharedFixturesAvailable, Files.skipReason))
  func groupsTheRealAlignmentIntoWordsAndDropsLayoutWhitespace() throws {
    let result = try Files.readShared("tts/english-alignment-leading-whitespace.json")
    #expect(result.inputShape == .alignment)
    let words = result.channels[0].words
    #expect(words.first?.kind == .spacing)
    #expect(words.first?.text == " ")
    let timed = words.filter(\.isTimed)
    #expect(timed.prefix(4).map(\.text) == ["WikiTok", "is", "a", "web"])
    #expect(timed.allSatisfy { !$0.text.contains(where: \.isWhitespace) })
    #expect(words.filter { $0.kind == .spacing }.allSatisfy { $0.text == " " })
    // Every non-whitespace character of the input is in exactly one word, in order.
    let raw = try JSONParser.parse(
      [UInt8](Files.shared("tts/english-alignment-leading-whitespace.json")))
    let characters = (raw.objectValue?["characters"]?.arrayValue ?? []).compactMap(\.stringValue)
    #expect(
      timed.map(\.text).joined() == characters.filter { !$0.allSatisfy(\.isWhitespace) }.joined())
  }

  @Test func readsMultichannelResponsesOneChannelEach() throws {
    let transcript = try Files.readInput("multichannel.json")
    #expect(transcript.inputShape == .speechToTextMultichannel)
    #expect(transcript.isMultichannel)
    #expect(transcript.channels.map(\.index) == [0, 1])
    #expect(transcript.transcriptionID == "hand-multichannel-01")
    #expect(
      texts(transcript.channels[0]) == ["Good", "morning,", "caller.", "You're", "on", "air."])
    #expect(texts(transcript.channels[1]) == ["Hi!", "Thanks", "for", "taking", "my", "call."])
  }

  @Test func splitsTheCombinedStyleByChannelIndex() throws {
    let combined = try Files.readInput("combined.json")
    let separate = try Files.readInput("multichannel.json")
    #expect(combined.channels.map(\.index) == [0, 1])
    #expect(combined.channels.map(\.words) == separate.channels.map(\.words))
  }

  @Test func mergesChannelsIntoOneTimelineWithChannelSpeakers() throws {
    let merged = try Files.readInput("multichannel.json").mergedChannels()
    let timed = merged.words.filter(\.isTimed)
    #expect(timed.map(\.start) == timed.map(\.start).sorted())
    #expect(
      timed.map(\.text) == [
        "Good", "morning,", "caller.", "Hi!", "Thanks", "for", "taking", "my", "call.", "You're",
        "on", "air.",
      ])
    #expect(timed[3].speakerID == "speaker_1")
    #expect(timed[9].speakerID == "speaker_0")
    #expect(merged.words.count == 22, "spacing is kept with the word before it")
  }

  @Test func readsWebhookEnvelopesWithSeveralSpeakersAndEvents() throws {
    let result = try Files.readInput("webhook.json")
    #expect(result.inputShape == .webhook)
    let words = result.channels[0].words
    #expect(result.transcriptionID == "hand-webhook-01")
    #expect(Set(words.compactMap(\.speakerID)) == ["speaker_0", "speaker_1", "speaker_2"])
    let events = words.filter { $0.kind == .audioEvent }
    #expect(events.map(\.text) == ["(laughter)", "(applause)"])
    #expect(events[0].speakerID == nil)
  }

  @Test func repairsBadTimingsWithOneWarningEach() throws {
    let result = try Files.readInput("repairs.json")
    let words = result.channels[0].words.filter(\.isTimed)
    #expect(words.map(\.text) == ["one", "two", "three", "four", "five"])
    #expect(words[0].start == 0, "a negative start becomes 0")
    #expect(
      words[1].start >= words[0].end && words[1].end <= words[2].start, "placed between neighbours")
    #expect(words[2].start == 1.0 && words[2].end == 1.0, "end before start: end moves to start")
    #expect(words[3].start == 1.1 && words[3].end == 1.1, "one missing time: zero length")
    #expect(words.allSatisfy { $0.start <= $0.end })
    #expect(result.warnings.count == 4, "\(result.warnings)")
    #expect(
      result.warnings.map(\.path) == ["$.words[0]", "$.words[2]", "$.words[4]", "$.words[6]"])
  }

  @Test func rejectsATranscriptWithoutAnyTime() {
    let failure = error(#"{"words": [{"text": "a", "start": null, "end": null, "type": "word"}]}"#)
    guard case .noTimings? = failure?.problem else {
      Issue.record("expected noTimings, got \(String(describing: failure))")
      return
    }
  }

  @Test func keepsPerCharacterTimesAndNeverSplitsAGraphemeCluster() throws {
    let words = try Files.readInput("character-timestamps.json").channels[0].words
    #expect(words[0].characters?.map(\.text) == ["H", "é", "l", "l", "o"])
    #expect(words[2].text == "👩‍👩‍👧")
    #expect(words[2].text.count == 1)
  }

  @Test func readsStreamsSkippingAudioOnlyChunks() throws {
    let result = try Files.readInput("tts-stream.ndjson")
    #expect(result.inputShape == .textToSpeechStream)
    #expect(result.warnings.isEmpty)
    #expect(
      texts(result.channels.first) == ["Hello", "there,", "this", "is", "a", "stream."])
    let stream = result.channels[0].words.filter(\.isTimed)
    #expect(stream.map(\.start) == stream.map(\.start).sorted())
  }

  @Test func detectsChunkRelativeStreamTimesAndOffsetsThem() throws {
    let absolute = try Files.readInput("tts-stream.ndjson").channels[0].words
    let result = try Files.readInput("tts-stream-relative.ndjson")
    #expect(result.warnings.count == 1)
    #expect(result.warnings.first?.message.contains("relative") == true)
    let relative = result.channels[0].words
    #expect(relative.map(\.text) == absolute.map(\.text))
    for (a, b) in zip(relative, absolute) {
      #expect(abs(a.start - b.start) < 1e-9 && abs(a.end - b.end) < 1e-9, "\(a.text)")
    }
  }

  @Test func parsedChunksReadAsTheTextHoldingThem() throws {
    // `speak --stream` parses each line once and reads the parsed chunks as the stream grows:
    // the same transcript, warnings (the relative stream's) and shape as reading the text.
    for name in ["tts-stream.ndjson", "tts-stream-relative.ndjson"] {
      let data = try Files.input(name)
      let options = ReadOptions(shape: .textToSpeechStream, alignment: .original)
      let lines = data.split(separator: UInt8(ascii: "\n"))
      let parsed = try lines.enumerated().map { index, line in
        (value: try JSONParser.parse([UInt8](line)), line: index + 1)
      }
      let fromValues = try Transcript(parsed: parsed, source: name, options: options)
      #expect(fromValues == (try Transcript(data: data, source: name, options: options)), "\(name)")
    }
  }

  @Test func parsedChunksFailAsTheTextHoldingThem() throws {
    let text = #"{"audio_base64": "", "alignment": null}"# + "\n" + #"{"words": []}"# + "\n"
    let options = ReadOptions(shape: .textToSpeechStream)
    let parsed = try text.split(separator: "\n").enumerated().map { index, line in
      (value: try JSONParser.parse(Array(line.utf8)), line: index + 1)
    }
    let fromText = #expect(throws: ReadError.self) {
      try Transcript(data: Data(text.utf8), source: "s", options: options)
    }
    let fromValues = #expect(throws: ReadError.self) {
      try Transcript(parsed: parsed, source: "s", options: options)
    }
    #expect(fromValues?.description == fromText?.description)
    #expect(fromValues?.description.contains("line 2") == true, "\(String(describing: fromValues))")
    #expect(throws: ReadError.self) { try Transcript(parsed: [], options: options) }
  }

  @Test func readsWithTimestampsResponsesAndTheChosenAlignment() throws {
    let original = try TranscriptReader().read(Files.sample("speech-with-timestamps.json"))
    #expect(original.inputShape == .textToSpeech)
    #expect(texts(original.channels.first).contains("2026."))
    let normalized = try TranscriptReader(alignment: .normalized).read(
      Files.sample("speech-with-timestamps.json"))
    let words = texts(normalized.channels.first)
    #expect(words.contains("twenty-six.") && !words.contains("2026."))
  }

  @Test func saysWhenTheChosenAlignmentIsNullAndTheOtherIsNot() {
    let failure = error(
      #"{"audio_base64": "", "alignment": null, "normalized_alignment": {"characters": ["a"], "character_start_times_seconds": [0], "character_end_times_seconds": [1]}}"#
    )
    #expect(
      failure?.description.contains("normalized_alignment") == true,
      "\(String(describing: failure))")
  }

  @Test func groupsJapaneseIntoCharactersKeepingPunctuationAndBracketsAttached() throws {
    let words = try Files.readInput("tts-japanese.json").channels[0].words
    #expect(words.allSatisfy { $0.kind == .word })
    #expect(words.map(\.text) == ["こ", "ん", "に", "ち", "は。", "今", "日", "は", "「晴", "れ」", "で", "す。"])
  }

  @Test func rejectsMismatchedAlignmentArrays() {
    let failure = error(
      #"{"characters": ["a", "b"], "character_start_times_seconds": [0], "character_end_times_seconds": [1, 2]}"#
    )
    #expect(
      failure?.problem
        == .alignmentLengthMismatch(path: "$", characters: 2, starts: 1, ends: 2))
  }

  @Test func readsSegmentedJSONBack() throws {
    let json = #"""
      {"segments": [
        {"text": "Hello there.", "words": [
          {"text": "Hello", "start": 0.0, "end": 0.4, "type": "word", "speaker_id": "speaker_0"},
          {"text": " ", "start": 0.4, "end": 0.5, "type": "spacing"},
          {"text": "there.", "start": 0.5, "end": 0.9, "type": "word", "speaker_id": "speaker_0"}]},
        {"text": "Hi.", "words": [{"text": "Hi.", "start": 1.5, "end": 1.8, "type": "word", "speaker_id": "speaker_1"}]}
      ]}
      """#
    let result = try read(json)
    #expect(result.inputShape == .segmentedJSON)
    #expect(texts(result.channels.first) == ["Hello", "there.", "Hi."])
  }

  @Test func explainsAPIErrorResponsesAndWebhookAcknowledgements() throws {
    let notFound = try? Files.readInput("api-error.json")
    #expect(notFound == nil)
    do {
      _ = try Files.readInput("api-error.json")
    } catch let error as ReadError {
      #expect(
        error.description
          == "api-error.json: this is an API error response, not a transcript: Transcript not found."
      )
    }
    do {
      _ = try Files.readInput("webhook-ack.json")
      Issue.record("an acknowledgement is not a transcript")
    } catch let error as ReadError {
      #expect(error.description.contains("transcription_id"))
    }
  }

  @Test(arguments: [
    ("", "the input is empty"),
    ("[1, 2]", "at $: expected an object"),
    (#"{"hello": 1}"#, "none of the shapes"),
    (#"{"words": 3}"#, "at $.words: expected an array"),
    (#"{"words": [{"start": 0, "end": 1}]}"#, "at $.words[0].text: missing"),
    (
      #"{"words": [{"text": "a", "start": "0.5", "end": 1}]}"#,
      "at $.words[0].start: expected a number"
    ),
    (#"{"transcripts": []}"#, "at $.transcripts: expected at least one"),
    ("{\"words\": [\n  {\"text\": \"a\",}\n]}", "line 2, column 16"),
  ])
  func namesTheSourceThePlaceAndWhatWasExpected(json: String, message: String) {
    let failure = error(json)
    #expect(failure?.description.hasPrefix("test.json: ") == true)
    #expect(failure?.description.contains(message) == true, "\(String(describing: failure))")
  }

  @Test func forcingAShapeTheInputDoesNotHaveFails() {
    let failure = error(
      #"{"words": [{"text": "a", "start": 0, "end": 1}]}"#,
      reader: TranscriptReader(shape: .textToSpeech))
    guard case .shapeMismatch(.textToSpeech, _)? = failure?.problem else {
      Issue.record("expected a shape mismatch, got \(String(describing: failure))")
      return
    }
  }

  @Test func readsUTF8WithABOMAndUTF16() throws {
    let json = #"{"words": [{"text": "café", "start": 0, "end": 1, "type": "word"}]}"#
    let bom = Data([0xEF, 0xBB, 0xBF]) + Data(json.utf8)
    #expect(try TranscriptReader().read(bom).channels[0].words[0].text == "café")
    var utf16 = Data([0xFF, 0xFE])
    for unit in json.utf16 { utf16.append(contentsOf: [UInt8(unit & 0xFF), UInt8(unit >> 8)]) }
    #expect(try TranscriptReader().read(utf16).channels[0].words[0].text == "café")
    var noBOM = Data()
    for unit in json.utf16 { noBOM.append(contentsOf: [UInt8(unit & 0xFF), UInt8(unit >> 8)]) }
    #expect(throws: ReadError.self) { try TranscriptReader().read(noBOM) }
  }

  @Test func warnsAboutUnknownItemTypesAndKeepsTheirText() throws {
    let result = try read(#"{"words": [{"text": "hm", "start": 0, "end": 1, "type": "filler"}]}"#)
    #expect(result.channels[0].words[0].text == "hm")
    #expect(result.warnings.count == 1)
  }
}
