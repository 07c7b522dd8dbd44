/// A shape of timing data ScribeKit reads: a speech-to-text response, a text-to-speech
/// alignment, a stream of chunks, ...
///
/// Reading detects the shape by itself; name one in ``ReadOptions/shape`` to insist on it, when
/// a document could be read more than one way or when a pipeline wants a wrong input to fail
/// loudly. ``InputShape/all`` lists every shape; detection does not depend on their order.
public struct InputShape: Sendable, Hashable, CustomStringConvertible {
  /// The shape's name, as a command line's `--input-shape` takes it: `stt`, `tts-stream`, ...
  public let name: String
  /// A short phrase for messages: "a single-channel speech-to-text response".
  public let summary: String
  /// What identifies it, in a few words of Markdown (as the README's table shows it).
  public let signature: String

  /// Creates a shape descriptor; the shapes ScribeKit reads are its static members.
  init(name: String, summary: String, signature: String) {
    self.name = name
    self.summary = summary
    self.signature = signature
  }

  /// The shape's name.
  public var description: String { name }
}

/// Which of a text-to-speech response's two alignments to read.
public enum AlignmentChoice: String, Sendable, Equatable, CaseIterable {
  /// `alignment`: follows the input text exactly as it was sent. The default.
  case original = "alignment"
  /// `normalized_alignment`: what was actually spoken after text normalization (numbers spelled
  /// out, scripts sometimes romanized).
  case normalized = "normalized_alignment"
}
