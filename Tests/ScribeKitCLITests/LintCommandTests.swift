import Foundation
import Testing

@Suite("scribekit lint and caption presets")
struct LintCommandTests {
  @Test func lintReportsEachViolationAndExitsOne() throws {
    let result = try CLI.run(["lint", CLI.sample("interview.srt"), "--preset", "netflix-en"])
    #expect(result.status == 1)
    let sample = CLI.sample("interview.srt")
    #expect(
      result.standardOutput
        == "\(sample): cue 7: min-duration: 0.52 s on screen (minimum 0.833 s)\n"
        + "\(sample): cue 8: min-gap: 63 ms before the next cue (minimum 83 ms)\n"
        + "13 cues, 2 violations of netflix-en: min-duration 1, min-gap 1\n")
  }

  @Test func lintAsJSON() throws {
    let result = try CLI.run(["lint", CLI.sample("interview.vtt"), "--json", "--min-gap-ms", "0"])
    #expect(result.status == 1)
    let document =
      try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any]
    #expect(document?["cues"] as? Int == 13)
    let violations = document?["violations"] as? [[String: Any]] ?? []
    #expect(violations.count == 1)
    #expect(violations.first?["rule"] as? String == "min-duration")
    #expect(violations.first?["cue"] as? Int == 7)
    #expect(violations.first?["hard"] as? Bool == false)
  }

  /// Speech-to-text artifacts in a file written by anyone: a cue of a lone "." (as a 20 ms
  /// word item makes it), a line opened by the sentence end of the phrase before, a cue on
  /// screen for a minute and one for a millisecond.
  static let artifacts = """
    1
    00:00:16,340 --> 00:00:17,173
    .

    2
    00:00:18,000 --> 00:00:21,000
    So that was it
    , and then we left.

    3
    00:00:22,000 --> 00:01:24,600
    <i>…and then nothing.</i>

    4
    00:01:25,000 --> 00:01:25,001
    Gone.

    """

  @Test func lintNamesTheArtifactRulesAndExitsOne() throws {
    let result = try CLI.run(
      ["lint", "-", "--preset", "netflix-en"], stdin: Data(Self.artifacts.utf8))
    #expect(result.status == 1)
    #expect(
      result.standardOutput
        == "<stdin>: cue 1: punctuation-only: the cue's only text is \".\"\n"
        + "<stdin>: cue 2: line-starts-with-punctuation: line 2 starts with \",\"\n"
        + "<stdin>: cue 3: max-duration: 62.6 s on screen (maximum 7 s)\n"
        + "<stdin>: cue 4: reading-speed: 5000 characters per second (limit 20)\n"
        + "<stdin>: cue 4: min-duration: 0.001 s on screen (minimum 0.833 s)\n"
        + "4 cues, 5 violations of netflix-en: reading-speed 1, min-duration 1, max-duration 1, "
        + "punctuation-only 1, line-starts-with-punctuation 1\n")
  }

  @Test func theArtifactRulesAreHardInJSON() throws {
    let japanese = "WEBVTT\n\n00:01.000 --> 00:04.000\n。\n\n00:05.000 --> 00:08.000\n。あした\n"
    let result = try CLI.run(
      ["lint", "-", "--preset", "netflix-ja", "--json"], stdin: Data(japanese.utf8))
    #expect(result.status == 1)
    let document =
      try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any]
    let violations = document?["violations"] as? [[String: Any]] ?? []
    #expect(
      violations.map { "\($0["cue"] as? Int ?? 0) \($0["rule"] as? String ?? "")" } == [
        "1 punctuation-only", "2 line-starts-with-punctuation",
      ])
    #expect(violations.allSatisfy { $0["hard"] as? Bool == true })
    let summary = document?["summary"] as? [String: Int]
    #expect(summary?["punctuation-only"] == 1)
    #expect(summary?["line-starts-with-punctuation"] == 1)
    #expect(summary?["line-break"] == 0)
  }

  @Test func ourNetflixOutputPassesItsOwnLint() throws {
    let convert = try CLI.run([
      "convert", CLI.sample("interview.json"), "--preset", "netflix-en", "-o", "-",
    ])
    #expect(convert.status == 0)
    let lint = try CLI.run(
      ["lint", "-", "--preset", "netflix-en"], stdin: Data(convert.standardOutput.utf8))
    #expect(lint.status == 0, "\(lint.standardOutput)")
    #expect(lint.standardOutput == "14 cues, 0 violations of netflix-en\n")
  }

  @Test func anUnreadableFileExitsTwoWithTheLine() throws {
    let result = try CLI.run(["lint", "-"], stdin: Data("1\n00:00:01 -> 00:00:02\nText\n".utf8))
    #expect(result.status == 2)
    #expect(
      result.standardError
        == "scribekit: error: <stdin>: line 2: expected a timing line such as 00:00:01,000 --> 00:00:02,500\n"
    )
  }

  @Test func explainSaysWhyEachCueEnds() throws {
    let api = try CLI.run(["convert", CLI.sample("interview.json"), "-o", "-", "--explain"])
    #expect(api.status == 0)
    #expect(
      api.standardError.contains(
        "cue 1 00:00:00,420 --> 00:00:03,841: ends because the next word would make it last longer than max_segment_duration_s 4"
      ))
    #expect(
      api.standardError.contains(
        "cue 3 00:00:07,919 --> 00:00:09,796: ends because the speaker changes (speaker_0 to speaker_1)"
      ))
    let styled = try CLI.run([
      "convert", CLI.sample("interview.json"), "-o", "-", "--explain", "--preset", "netflix-en",
    ])
    #expect(
      styled.standardError.contains(
        "cue 1 00:00:00,420 --> 00:00:02,939: ends because a sentence ends"))
  }

  @Test func explicitFlagsOverrideThePreset() throws {
    let result = try CLI.run([
      "convert", CLI.sample("interview.json"), "-o", "-", "--preset", "vertical",
      "--max-characters-per-line", "16",
    ])
    #expect(result.status == 0)
    let lines = result.standardOutput.split(separator: "\n").filter {
      !$0.contains("-->") && Int($0) == nil
    }
    #expect(lines.allSatisfy { $0.count <= 16 || !$0.contains(" ") }, "\(lines)")
    let cues = result.standardOutput.components(separatedBy: "\n\n")
    #expect(cues.allSatisfy { $0.split(separator: "\n").count == 3 }, "vertical: one line per cue")
  }
}
