/// How documents (HTML, DOCX, TXT, PDF) group words into paragraphs.
public enum ParagraphStyle: String, Sendable, Equatable, Hashable, CaseIterable {
  /// The API's rule with its document defaults, which have no limits: one block per speaker
  /// turn, however long. What the `elevenlabs` presets reproduce.
  case speakerTurns = "speaker-turns"
  /// Paragraphs a reader expects: a few sentences, rarely over a minute, each with its start
  /// time. A new one starts at a speaker change or a long pause, and otherwise at a sentence
  /// end near a pause once the paragraph has some length (see <doc:CaptionStyles#Documents>).
  case readable
}

/// Makes readable paragraphs for documents: greedy, word by word, like the API's rule, but
/// with the limits a reader of a transcript expects rather than a subtitle's.
///
/// A paragraph ends
/// - before a speaker change, or before a pause of ``longPause`` or more (a new topic, often);
/// - after a sentence that ends once the paragraph has lasted ``target`` seconds, when a pause
///   of ``breathingPause`` or more follows it or it is the paragraph's ``sentences``-th
///   sentence;
/// - after any sentence that ends once the paragraph has lasted ``longest`` seconds;
/// - before a word that would take it past ``hardLimit`` seconds, when no sentence ended in
///   time (speech without punctuation).
///
/// The numbers follow what transcript editors and readers of interview transcripts expect: a
/// paragraph of two to five sentences, 20 to 45 seconds of speech, broken where the speaker
/// takes a breath.
struct Paragrapher: Sendable {
  /// A pause this long always starts a new paragraph, in seconds.
  var longPause = 3.0
  /// How long a paragraph runs before a sentence end near a pause may close it, in seconds.
  var target = 20.0
  /// The pause after a sentence that counts as a breath, in seconds.
  var breathingPause = 0.4
  /// How many sentences close a paragraph that has reached ``target``.
  var sentences = 4
  /// After this long, the next sentence end closes the paragraph whatever follows, in seconds.
  var longest = 45.0
  /// No paragraph lasts longer, in seconds, unless a single word does.
  var hardLimit = 90.0

  /// The paragraphs of a channel's items, in order; every item is in exactly one.
  func cues(_ words: [Word]) -> [Cue] {
    var cues: [Cue] = []
    var lower = 0
    var open = false
    var start = 0.0
    var lastEnd = 0.0
    var speaker: String?
    var sentenceCount = 0
    var lastText = ""

    func close(_ upper: Int, _ reason: Cue.EndReason) {
      let slice = words[lower..<upper]
      var text = ""
      for item in slice { text += item.text }
      cues.append(
        Cue(
          itemSlice: slice, text: Whitespace.trimmingWhitespace(text), start: start,
          end: max(start, lastEnd), speakerID: speaker, endReason: reason))
    }

    for index in words.indices where words[index].kind != .spacing {
      let item = words[index]
      if open,
        let reason = boundary(
          before: item, start: start, lastEnd: lastEnd, speaker: speaker,
          sentences: sentenceCount, lastText: lastText)
      {
        close(index, reason)
        lower = index
        open = false
      }
      if !open {
        open = true
        start = item.start
        lastEnd = item.end
        speaker = item.speakerID
        sentenceCount = 0
      }
      lastEnd = max(lastEnd, item.end)
      speaker = speaker ?? item.speakerID
      if item.kind == .word, Sentences.endsSentence(item.text) { sentenceCount += 1 }
      lastText = item.text
    }
    if open { close(words.count, .transcriptEnd) }
    return cues
  }

  private func boundary(
    before item: Word, start: Double, lastEnd: Double, speaker: String?, sentences: Int,
    lastText: String
  ) -> Cue.EndReason? {
    if let next = item.speakerID, let current = speaker, next != current {
      return .speakerChange(from: current, to: next)
    }
    let pause = item.start - lastEnd
    if pause >= longPause { return .pause(seconds: pause, limit: longPause) }
    let length = lastEnd - start
    if Sentences.endsSentence(lastText) {
      if length >= longest { return .paragraphLength(longest) }
      if length >= target && (pause >= breathingPause || sentences >= self.sentences) {
        return .paragraphLength(target)
      }
    }
    if item.end - start > hardLimit { return .maxDuration(hardLimit) }
    return nil
  }
}
