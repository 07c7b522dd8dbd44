import Foundation
import Testing

@testable import ScribeKit

/// A realtime speech-to-text session saved one WebSocket message per line.
@Suite("Reading: realtime speech-to-text sessions")
struct RealtimeSpeechToTextShapeTests {
  /// One message, as a session saves it.
  private func committed(_ words: String, text: String = "") -> String {
    #"{"message_type": "committed_transcript_with_timestamps", "text": "\#(text)", "#
      + #""language_code": "en", "words": [\#(words)]}"#
  }

  /// One item of a commit's `words`.
  private func word(_ text: String, _ start: Double, _ end: Double, type: String = "word")
    -> String
  {
    #"{"text": "\#(text)", "start": \#(start), "end": \#(end), "type": "\#(type)"}"#
  }

  @Test func theCommittedWordsAreJoinedInOrder() throws {
    let session = try ShapeTesting.read(Files.input("realtime-session.ndjson"))
    #expect(session.inputShape == .realtimeSpeechToText)
    #expect(session.languageCode == "en")
    #expect(
      ShapeTesting.text(session)
        == "Good morning, everyone. Let's get started with the quarterly review. Sales grew "
        + "twelve percent.")
    let items = session.channels[0].words
    let timed = items.filter(\.isTimed)
    #expect(timed.count == 14)
    #expect(
      timed.first
        == Word(text: "Good", start: 0.42, end: 0.66, speakerID: "speaker_0", logprob: -0.02))
    #expect(timed.last?.speakerID == "speaker_1")
    #expect(timed.last?.end == 7.6)
    // The commits' own spacing, and one between commits, timed across the pause.
    let between = try #require(items.first { $0.kind == .spacing && $0.start == 1.86 })
    #expect(between.end == 2.58 && between.text == " ")
    // Plain-string characters have no times to keep.
    #expect(items.allSatisfy { $0.characters == nil })
    #expect(session.warnings.isEmpty, "\(session.warnings)")
    ShapeTesting.expectOnlyReadAs(.realtimeSpeechToText, try Files.input("realtime-session.ndjson"))
  }

  @Test func otherMessagesAreSkippedAndUnknownOnesNamed() throws {
    let session = [
      #"{"message_type": "session_started", "session_id": "9f2c", "config": {}}"#,
      #"{"message_type": "partial_transcript", "text": "Hello"}"#,
      #"{"message_type": "speech_started"}"#,
      committed(word("Hello", 0.1, 0.4) + ", " + word("again.", 0.5, 0.9), text: "Hello again."),
      #"{"message_type": "committed_transcript", "text": "Hello again."}"#,
      #"{"message_type": "session_time_limit_exceeded", "error": "Session exceeded 30 minutes"}"#,
    ].joined(separator: "\n")
    let transcript = try ShapeTesting.read(session)
    #expect(ShapeTesting.texts(transcript) == ["Hello", "again."])
    #expect(
      transcript.warnings.map(\.description) == [
        "$[2] (line 3): unknown message type \"speech_started\"; skipped",
        "$[5] (line 6): the server reported session_time_limit_exceeded: "
          + "\"Session exceeded 30 minutes\"",
      ])
  }

  @Test func aSessionThatFailedSaysWhy() {
    let session =
      #"{"message_type": "auth_error", "error": "Invalid API key"}"# + "\n"
      + #"{"message_type": "partial_transcript", "text": ""}"#
    let error = ShapeTesting.error(session)
    guard case .notATranscript(let reason)? = error?.problem else {
      Issue.record("a failed session: \(String(describing: error))")
      return
    }
    #expect(reason.contains("auth_error: \"Invalid API key\""))
    #expect(reason.contains("no committed words"))
  }

  @Test func aSessionWithoutTimestampsSaysHowToGetThem() {
    let session =
      #"{"message_type": "session_started", "session_id": "9f2c", "config": {}}"# + "\n"
      + #"{"message_type": "committed_transcript", "text": "Hello."}"#
    let error = ShapeTesting.error(session)
    guard case .noTimings(let reason)? = error?.problem else {
      Issue.record("a session without timestamps: \(String(describing: error))")
      return
    }
    #expect(reason.contains("1 committed transcripts without timestamps"))
    #expect(reason.contains("include_timestamps=true"))
  }

  @Test func aCommitThatStartsBeforeThePreviousEndedIsKeptInOrderWithAWarning() throws {
    // Times that restart at each commit would look like this; nothing is re-timed.
    let session =
      committed(word("First", 0.2, 0.6) + ", " + word("commit.", 0.7, 1.3)) + "\n"
      + committed(word("Second", 0.1, 0.5) + ", " + word("one.", 0.6, 0.9))
    let transcript = try ShapeTesting.read(session)
    let timed = transcript.channels[0].words.filter(\.isTimed)
    #expect(timed.map(\.text) == ["First", "commit.", "Second", "one."])
    #expect(timed.map(\.start) == [0.2, 0.7, 0.1, 0.6])
    #expect(
      transcript.warnings.contains {
        $0.path == "$[1] (line 2).words"
          && $0.message.contains("starts at 0.1 s, before the previous commit ended (1.3 s)")
      })
  }

  @Test func commitsOfChineseOrJapaneseAreNotSpacedApart() throws {
    let japanese =
      committed(word("今日は", 0.1, 0.5)) + "\n" + committed(word("晴れです。", 0.6, 1.2))
    #expect(ShapeTesting.text(try ShapeTesting.read(japanese)) == "今日は晴れです。")
    let latin = committed(word("Hello.", 0.1, 0.5)) + "\n" + committed(word("Bye.", 0.6, 1.2))
    #expect(ShapeTesting.text(try ShapeTesting.read(latin)) == "Hello. Bye.")
  }

  @Test func aSessionOfOneMessageIsNotTakenForASpeechToTextResponse() throws {
    // It has `words`, as speech to text has; its message_type says what it is.
    let one = committed(word("Hi.", 0, 0.4))
    #expect(try ShapeTesting.read(one).inputShape == .realtimeSpeechToText)
    #expect(throws: ReadError.self) {
      try ShapeTesting.read(Files.sample("interview.json"), shape: .realtimeSpeechToText)
    }
    #expect(throws: ReadError.self) {
      try ShapeTesting.read(Files.input("tts-stream.ndjson"), shape: .realtimeSpeechToText)
    }
  }

  @Test func aBrokenWordIsNamedByLineAndPath() {
    let session =
      #"{"message_type": "session_started", "session_id": "9f2c", "config": {}}"# + "\n"
      + committed(#"{"text": "Hi", "start": "0.1", "end": 0.4}"#)
    #expect(
      ShapeTesting.error(session)?.description
        == "input: at $[1] (line 2).words[0].start: expected a number or null, found a string "
        + "(\"0.1\")")
  }
}
