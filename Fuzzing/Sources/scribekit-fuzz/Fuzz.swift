import Foundation
import ScribeKit

/// The target chosen by the environment variable SCRIBEKIT_FUZZ_TARGET: `stt` (every JSON
/// shape, detected), `tts` (forced text-to-speech, both alignments), `stream` (forced stream),
/// `segmented` (forced segmented JSON), `subtitles` (the SRT/VTT parser and linter). Every
/// input that reads is also segmented both ways and rendered in every format, so the fuzzer
/// reaches the whole pipeline. A crash, a hang or a broken invariant is a finding.
let target = ProcessInfo.processInfo.environment["SCRIBEKIT_FUZZ_TARGET"] ?? "stt"

func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
  let data = Data(bytes: start, count: count)
  switch target {
  case "subtitles":
    if let text = String(data: data, encoding: .utf8), let file = try? SubtitleFile.parse(text) {
      for style in Preset.all.compactMap(\.captionStyle) { _ = file.violations(of: style) }
    }
  case "tts":
    for choice in AlignmentChoice.allCases {
      exercise(try? Transcript(data: data, options: ReadOptions(shape: .textToSpeech, alignment: choice)))
      exercise(try? Transcript(data: data, options: ReadOptions(shape: .alignment, alignment: choice)))
    }
  case "stream":
    exercise(try? Transcript(data: data, options: ReadOptions(shape: .textToSpeechStream)))
  case "segmented":
    exercise(try? Transcript(data: data, options: ReadOptions(shape: .segmentedJSON)))
  default:
    exercise(try? Transcript(data: data))
  }
  return 0
}

func exercise(_ read: Transcript?) {
  guard let read else { return }
  let srtRequest = ExportRequest(.srt)
  let captionRequest = ExportRequest(.srt, preset: .netflixEnglish)
  for channel in read.channels + [read.mergedChannels()] {
    let transcript = Transcript(channels: [channel])
    let timed = channel.words.filter { $0.kind != .spacing }
    for word in channel.words where !(word.start >= 0 && word.end >= word.start && word.end.isFinite) {
      fatalError("reader broke its guarantee: \(word)")
    }
    // Every item that shows something is in exactly one segment, in order. (Whitespace alone,
    // with no word around it, belongs to no segment.)
    func visible(_ items: [Word]) -> [Word] {
      items.filter { !$0.text.allSatisfy(\.isWhitespace) }
    }
    guard let segments = try? transcript.cues(for: srtRequest)[0].cues,
      let cues = try? transcript.cues(for: captionRequest)[0].cues
    else { fatalError("a single-channel transcript has no channel") }
    if visible(segments.flatMap(\.items)) != visible(channel.words) {
      fatalError("segmentation lost or reordered items")
    }
    if visible(cues.flatMap(\.items)) != visible(channel.words) {
      fatalError("captioning lost or reordered items")
    }
    let rendered = try? SRTFormat().render(RenderInput(cues: segments, options: srtRequest.options))
    let srt = String(decoding: rendered ?? Data(), as: UTF8.self)
    if srt.contains("\n\n\n") || srt.hasPrefix("\n") { fatalError("SRT with an empty cue") }
    _ = timed
  }
  for format in OutputFormats.all {
    _ = try? read.export(
      [ExportRequest(format)], settings: ExportSettings(audioSource: "a.mp3", wordTimestamps: true))
  }
}

// SwiftPM links an executable's entry point as `<module>_main`, and libFuzzer brings its own
// `main`. Naming our entry point that way and handing control to libFuzzer's driver keeps both.
@_silgen_name("LLVMFuzzerRunDriver")
func runDriver(
  _ argc: UnsafeMutablePointer<CInt>,
  _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
  _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

@_cdecl("scribekit_fuzz_main")
public func fuzzMain(
  _ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
) -> CInt {
  var count = argc
  var arguments = argv
  return runDriver(&count, &arguments) { pointer, size in
    guard let pointer else { return 0 }
    return fuzz(UnsafeRawPointer(pointer), size)
  }
}
