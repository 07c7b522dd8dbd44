import Foundation
import Testing

@testable import ScribeKit

/// AssemblyAI transcripts, in milliseconds: real ones from the shared fixtures, and a
/// hand-built multichannel one.
@Suite("Reading: AssemblyAI transcripts")
struct AssemblyAIShapeTests {
  /// The timed words of every channel.
  private func timed(_ transcript: Transcript) -> [Word] {
    transcript.channels.flatMap(\.words).filter(\.isTimed)
  }

  @Test(.enabled(if: Files.sharedFixturesAvailable, Files.skipReason))
  func millisecondsBecomeSecondsAndSpeakersKeepTheirLetters() throws {
    let data = try Files.shared("engines/assemblyai/call-two-speakers-utterances.json")
    let transcript = try ShapeTesting.read(data)
    #expect(transcript.inputShape == .assemblyAI)
    let words = timed(transcript)
    #expect(words.count == 102)
    #expect(words.first?.text == "Thank" && words.first?.start == 1.1 && words.first?.end == 2.1)
    #expect(words.last?.text == "account?" && words.last?.start == 39.87)
    #expect(words.last?.end == 40.16)
    #expect(Set(words.compactMap(\.speakerID)) == ["A", "B"])
    #expect(transcript.audioDuration == 40)
    #expect(transcript.languageCode == nil)
    #expect(ShapeTesting.text(transcript).hasPrefix("Thank you for calling. His name is Erin"))
    #expect(transcript.warnings.isEmpty, "\(transcript.warnings)")
    ShapeTesting.expectOnlyReadAs(.assemblyAI, data)
  }

  @Test(.enabled(if: Files.sharedFixturesAvailable, Files.skipReason))
  func theSpacewalkTranscriptEndsWithinItsAudio() throws {
    let transcript = try ShapeTesting.read(
      Files.shared("engines/assemblyai/spacewalk-one-speaker-utterances.json"))
    let words = timed(transcript)
    #expect(words.count == 60)
    #expect(words.first?.text == "Yeah." && words.first?.start == 0.17)
    #expect(words.last?.text == "today." && words.last?.end == 25.14)
    #expect(words.allSatisfy { $0.speakerID == "A" })
    #expect(transcript.languageCode == "en" && transcript.audioDuration == 25)
    #expect(transcript.transcriptionID == "6a9zvzyx8u-f8fd-4bf4-9614-9497d76c6891")
    #expect(transcript.warnings.isEmpty, "\(transcript.warnings)")
  }

  @Test func eachChannelOfAMultichannelTranscriptIsAChannel() throws {
    let data = try Files.input("assemblyai-multichannel.json")
    let transcript = try ShapeTesting.read(data)
    #expect(transcript.inputShape == .assemblyAI)
    #expect(transcript.channels.map(\.index) == [0, 1])
    #expect(
      transcript.channels.map { $0.words.map(\.text).joined() } == [
        "Support, this is Dana.", "Hi Dana, my card was charged twice.",
      ])
    #expect(transcript.channels[1].words.first?.start == 2.21)
    #expect(transcript.languageCode == "en_us")
    #expect(transcript.warnings.isEmpty, "\(transcript.warnings)")
    ShapeTesting.expectOnlyReadAs(.assemblyAI, data)
  }

  @Test func theUtterancesAreReadWhenTheWordsAreNot() throws {
    let json = """
      {"audio_url": "https://example.com/a.mp3", "words": null, "utterances": [
        {"speaker": "A", "start": 100, "end": 900, "text": "Hello there.",
         "words": [{"text": "Hello", "start": 100, "end": 400, "confidence": 0.9, "speaker": "A"},
                   {"text": "there.", "start": 420, "end": 900, "confidence": 0.9, "speaker": "A"}]},
        {"speaker": "B", "start": 1200, "end": 1500, "text": "Hi.",
         "words": [{"text": "Hi.", "start": 1200, "end": 1500, "confidence": 0.9, "speaker": "B"}]}]}
      """
    let transcript = try ShapeTesting.read(json)
    #expect(ShapeTesting.text(transcript) == "Hello there. Hi.")
    #expect(timed(transcript).map(\.speakerID) == ["A", "A", "B"])
    #expect(timed(transcript).last?.end == 1.5)
  }

  @Test func unitsThatAreNotMillisecondsAreRefusedOrWarnedAbout() throws {
    func transcript(_ words: [(Double, Double)], duration: Int = 30) -> String {
      let items = words.enumerated().map {
        #"{"text": "w\#($0.offset)", "start": \#($0.element.0), "end": \#($0.element.1), "#
          + #""confidence": 0.9, "speaker": "A"}"#
      }
      return #"{"audio_url": "u", "audio_duration": \#(duration), "words": ["#
        + items.joined(separator: ", ") + "]}"
    }
    // Seconds where milliseconds belong: ten words within 4.5 ms.
    let seconds = (0..<10).map { (Double($0) * 0.5, Double($0) * 0.5 + 0.4) }
    let refused = ShapeTesting.error(transcript(seconds))
    #expect(
      refused?.description.contains("look like seconds") == true, "\(String(describing: refused))")
    // Past 40 hours.
    let long = ShapeTesting.error(transcript([(0, 500), (500, 150_000_000)]))
    #expect(long?.description.contains("over 40 hours") == true)
    // Fractions of a millisecond and words past the audio: read, with the reasons.
    let odd = try ShapeTesting.read(transcript([(100.5, 400), (400, 45_000)]))
    #expect(odd.warnings.map(\.path) == ["$.words[0]", "$.audio_duration"])
  }

  @Test func aTranscriptStillProcessingSaysSo() {
    let queued = #"{"id": "x", "status": "processing", "audio_url": "u", "words": null}"#
    guard case .notATranscript(let reason)? = ShapeTesting.error(queued)?.problem else {
      Issue.record("a processing transcript was not named")
      return
    }
    #expect(reason.contains("\"processing\""))
  }

  @Test func anElevenLabsResponseWithAnUtterancesMemberIsNotTakenForAssemblyAI() throws {
    // Words with `type` are ElevenLabs' own: AssemblyAI never sends it.
    let json = """
      {"language_code": "en", "utterances": [],
       "words": [{"text": "Hi", "start": 0, "end": 0.5, "type": "word"}]}
      """
    let transcript = try ShapeTesting.read(json)
    #expect(transcript.inputShape == .speechToText)
    #expect(transcript.channels[0].words.first?.end == 0.5)
  }
}
