/// The shapes of ElevenLabs timing data that ScribeKit reads.
///
/// ``TranscriptReader`` detects the shape by itself; forcing one is useful when a document could
/// be read more than one way or when a pipeline wants a wrong input to fail loudly.
public enum InputShape: String, Sendable, Equatable, CaseIterable {
  /// A speech-to-text response for one channel (`POST /v1/speech-to-text`, or the GET of a stored
  /// transcript), including the `combined` multichannel style whose words carry `channel_index`.
  case speechToText = "stt"
  /// A multichannel speech-to-text response: `{"transcripts": [...]}`.
  case speechToTextMultichannel = "stt-multichannel"
  /// A speech-to-text webhook delivery: `{"type": ..., "data": {"transcription": ...}}`.
  case webhook
  /// A text-to-speech `/with-timestamps` response: `{audio_base64, alignment, normalized_alignment}`.
  case textToSpeech = "tts"
  /// A bare alignment object: `{characters, character_start_times_seconds, character_end_times_seconds}`.
  case alignment
  /// A text-to-speech `/stream/with-timestamps` body: one JSON object per line.
  case textToSpeechStream = "tts-stream"
  /// ScribeKit's or the API's `segmented_json` export: `{"segments": [{"text", "words"}]}`.
  case segmentedJSON = "segmented-json"

  /// A short phrase for messages: "a speech-to-text response", ...
  public var summary: String {
    switch self {
    case .speechToText: return "a single-channel speech-to-text response"
    case .speechToTextMultichannel: return "a multichannel speech-to-text response"
    case .webhook: return "a speech-to-text webhook payload"
    case .textToSpeech: return "a text-to-speech with-timestamps response"
    case .alignment: return "a bare text-to-speech alignment"
    case .textToSpeechStream: return "a text-to-speech stream of JSON chunks"
    case .segmentedJSON: return "a segmented_json export"
    }
  }
}

/// Which of a text-to-speech response's two alignments to read.
public enum AlignmentChoice: String, Sendable, Equatable, CaseIterable {
  /// `alignment`: follows the input text exactly as it was sent. The default.
  case original = "alignment"
  /// `normalized_alignment`: what was actually spoken after text normalization (numbers spelled
  /// out, scripts sometimes romanized).
  case normalized = "normalized_alignment"
}
