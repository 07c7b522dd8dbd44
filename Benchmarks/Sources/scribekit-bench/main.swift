import Foundation
import ScribeKit
@_spi(Benchmarks) import ScribeKit

// Times ScribeKit per stage and as a whole process on generated transcripts of 1 h, 10 h and
// 100 h of speech (about 6k, 60k and 600k words): every registered output format rendered,
// every input shape read (the generated transcript rewritten into each by
// scripts/convert_transcript.py), peak memory, and a folder of 10,000 one-minute transcripts.
// Prints one table, a row a path and a column a size, with 100 h's cost over 10 h's (linear is
// 10×; the rule is at most 11×). Release build only; numbers are medians of several runs.
//
// usage: scribekit-bench [--hours 1,10,100] [--runs 5] [--folder 10000] [--stream-runs 3]
//                        [--data Benchmarks/.data]
//        scribekit-bench --read FILE [--runs 5]

#if canImport(Glibc)
  import Glibc

  // Every size is read into fresh memory, as a `scribekit` process reads it. Left alone, glibc
  // raises its mmap threshold after the first large free (up to 32 MB): a 10 h transcript's
  // words are then made in heap memory the previous run left warm, and a 100 h transcript's
  // (over 32 MB) in fresh pages every run, which made reading look far from linear.
  // (`mallopt` is not in the Glibc module: malloc.h is not part of it. -3 is M_MMAP_THRESHOLD.)
  if let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") {
    typealias MallocOption = @convention(c) (Int32, Int32) -> Int32
    _ = unsafeBitCast(symbol, to: MallocOption.self)(-3, 256 * 1024)
  }
#endif

let arguments = CommandLine.arguments
func option(_ name: String, _ fallback: String) -> String {
  guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else {
    return fallback
  }
  return arguments[index + 1]
}
let hours = option("--hours", "1,10,100").split(separator: ",").compactMap { Int($0) }
let runs = max(1, Int(option("--runs", "5")) ?? 5)
let folderSize = max(0, Int(option("--folder", "10000")) ?? 10_000)
let streamRuns = max(0, Int(option("--stream-runs", "3")) ?? 3)

let packageRoot = URL(fileURLWithPath: #filePath)
  .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  .deletingLastPathComponent()
// Generated inputs (cached) and outputs: 100 h in every shape is several GB, so this can be a
// folder outside the repository.
let data = URL(
  fileURLWithPath: option("--data", packageRoot.appendingPathComponent("Benchmarks/.data").path))
try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)

// The CLI, built in release mode from the main package.
let build = Spawn.run([
  "swift", "build", "-c", "release", "--package-path", packageRoot.path, "--product", "scribekit",
])
guard build.status == 0 else {
  FileHandle.standardError.write(Data("building scribekit failed\n".utf8))
  exit(1)
}
let binary = packageRoot.appendingPathComponent(".build/release/scribekit").path

func median(_ values: [Double]) -> Double {
  let sorted = values.sorted()
  return sorted[sorted.count / 2]
}

/// Memory larger than this machine's caches, written before each timed run so that every size
/// starts from cold caches, as a `scribekit` process does. Otherwise a 10 h transcript (13 MB,
/// read again and again) runs from the processor's cache and a 100 h one (136 MB) from memory,
/// and a stage looks far from linear for a reason no user meets.
let cacheEvicter = UnsafeMutableRawBufferPointer.allocate(byteCount: 64 << 20, alignment: 64)
@MainActor func evictCaches() {
  for offset in stride(from: 0, to: cacheEvicter.count, by: 64) {
    cacheEvicter[offset] &+= 1
  }
}

@MainActor func time(_ body: () throws -> Void) rethrows -> Double {
  var samples: [Double] = []
  for _ in 0..<runs {
    evictCaches()
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
  }
  return median(samples)
}

// `--read FILE`: only read FILE into a transcript, `--runs` times, and print the median; for
// profiling one reader (`perf record scribekit-bench --read ...`).
if let index = arguments.firstIndex(of: "--read"), index + 1 < arguments.count {
  let bytes = try Data(contentsOf: URL(fileURLWithPath: arguments[index + 1]))
  print(format(try time { _ = try Transcript(data: bytes) }))
  exit(0)
}

func generate(words: Int, seed: Int, to url: URL, extra: [String] = []) {
  guard !FileManager.default.fileExists(atPath: url.path) else { return }
  let script = packageRoot.appendingPathComponent("scripts/generate_transcript.py").path
  let command =
    "python3 \(script) --words \(words) --seed \(seed) \(extra.joined(separator: " ")) > \(url.path)"
  _ = Spawn.run(["sh", "-c", command], quietOutput: false)
}

func format(_ seconds: Double) -> String {
  seconds < 1 ? String(format: "%.1f ms", seconds * 1000) : String(format: "%.2f s", seconds)
}

/// The one table: rows in the order first measured, a cell per size.
var rowOrder: [String] = []
var cells: [String: [Int: String]] = [:]
var seconds: [String: [Int: Double]] = [:]
@MainActor func cell(_ row: String, _ hour: Int, _ text: String) {
  if cells[row] == nil { rowOrder.append(row) }
  cells[row, default: [:]][hour] = text
}
@MainActor func timed(_ row: String, _ hour: Int, _ value: Double) {
  cell(row, hour, format(value))
  seconds[row, default: [:]][hour] = value
}

let script = packageRoot.appendingPathComponent("scripts/generate_transcript.py").path
let converter = packageRoot.appendingPathComponent("scripts/convert_transcript.py").path
var shapeCheck = ""
let office = ["/usr/bin/soffice", "/usr/bin/libreoffice"].first {
  FileManager.default.isExecutableFile(atPath: $0)
}
for hour in hours {
  let url = data.appendingPathComponent("transcript-\(hour)h.json")
  generate(words: hour * 6_000, seed: hour, to: url, extra: ["--speakers", "4"])
  let bytes = try Data(contentsOf: url)
  var result: Transcript?
  timed("JSON parse", hour, try time { _ = try BenchmarkProbe.parseJSON([UInt8](bytes)) })
  timed("read stt (parse + model)", hour, try time { result = try Transcript(data: bytes) })
  guard let transcript = result else { continue }
  let channel = transcript.channels[0]
  cell(
    "input", hour,
    String(
      format: "%.1f MB, %d words", Double(bytes.count) / 1e6, channel.words.filter(\.isTimed).count)
  )
  timed("segment (API srt)", hour, try time { _ = try transcript.cues(for: ExportRequest(.srt)) })
  timed(
    "captions (netflix-en)", hour,
    try time { _ = try transcript.cues(for: ExportRequest(.srt, preset: .netflixEnglish)) })
  // Every registered format, each from the cues the API's defaults for it give, so that a
  // format added to the list is measured without a change here.
  for outputFormat in OutputFormats.available {
    let request = ExportRequest(outputFormat)
    let cues = try transcript.cues(for: request)[0].cues
    let input = RenderInput(cues: cues, options: request.options)
    timed("render \(outputFormat.name)", hour, try time { _ = try outputFormat.render(input) })
  }

  // Every other input shape, from this transcript rewritten into it (cached with the
  // transcript); the smallest size is read back with the CLI, which must detect the shape and
  // give the same words.
  let shapes = data.appendingPathComponent("shapes-\(hour)h")
  if !FileManager.default.fileExists(atPath: shapes.appendingPathComponent(".complete").path) {
    let check = hour == hours.min() ? " --check \(binary)" : ""
    let converted = Spawn.run(
      [
        "sh", "-c",
        "python3 \(converter) \(url.path) \(shapes.path)\(check) >&2 && touch \(shapes.path)/.complete",
      ], quietOutput: false)
    if converted.status != 0 {
      shapeCheck += "converting the \(hour) h transcript to every shape failed\n"
    }
  }
  let shapeFiles = ((try? FileManager.default.contentsOfDirectory(atPath: shapes.path)) ?? [])
    .filter { !$0.hasPrefix(".") }.sorted()
  for name in shapeFiles {
    let file = try Data(contentsOf: shapes.appendingPathComponent(name))
    let shape = (name as NSString).deletingPathExtension
    // A shape's reader may refuse a size (a limit of its own): the table says why.
    do {
      timed("read \(shape)", hour, try time { _ = try Transcript(data: file) })
    } catch {
      cell("read \(shape)", hour, "refused: \(String(describing: error).prefix(90))")
    }
  }

  let out = data.appendingPathComponent("out-\(hour)h")
  // Each run writes new files into an emptied folder, the usual case; replacing files with
  // --force makes the file system's rename-over flush part of the time.
  func emptyOutput() {
    try? FileManager.default.removeItem(at: out)
    try? FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
  }
  var processSamples: [Double] = []
  var captionSamples: [Double] = []
  var allSamples: [Double] = []
  var pythonSamples: [Double] = []
  var lintSamples: [Double] = []
  var apiLintSamples: [Double] = []
  var ratioSamples: [Double] = []
  var peak = 0
  var captionPeak = 0
  let everyFormat = OutputFormats.available.map(\.name).joined(separator: ",")
  for _ in 0..<runs {
    emptyOutput()
    let one = Spawn.measure([
      binary, "convert", url.path, "--format", "srt", "-o", out.path + "/", "-q",
    ])
    processSamples.append(one.seconds)
    peak = max(peak, one.peakKiB)
    let srt = out.appendingPathComponent(url.deletingPathExtension().lastPathComponent + ".srt")
    // The API's cues break a caption style's rules all the time: every violation is printed.
    apiLintSamples.append(
      Spawn.measure([binary, "lint", srt.path, "--preset", "netflix-en"]).seconds)
    emptyOutput()
    let styled = Spawn.measure([
      binary, "convert", url.path, "--format", "srt", "--preset", "netflix-en", "-o",
      out.path + "/", "-q",
    ])
    captionSamples.append(styled.seconds)
    captionPeak = max(captionPeak, styled.peakKiB)
    // Paired run by run, so that the machine's drift during the runs cancels out.
    ratioSamples.append(styled.seconds / one.seconds)
    // The caption style's SRT, checked against the same style: every cue read, every rule
    // measured, the violations (few) printed.
    lintSamples.append(
      Spawn.measure([binary, "lint", srt.path, "--preset", "netflix-en"]).seconds)
    emptyOutput()
    let all = Spawn.measure([
      binary, "convert", url.path, "--format", everyFormat, "-o", out.path + "/", "-q",
    ])
    allSamples.append(all.seconds)
    let python = Spawn.measure(["python3", "-c", "import json; json.load(open('\(url.path)'))"])
    pythonSamples.append(python.seconds)
  }
  timed("convert to srt (process)", hour, median(processSamples))
  timed("convert to srt, netflix-en (process)", hour, median(captionSamples))
  cell(
    "netflix-en ÷ API mode, paired (process; goal ≤ 2×)", hour,
    String(format: "%.2f×", median(ratioSamples)))
  timed("lint the netflix-en srt (process)", hour, median(lintSamples))
  timed("lint the API srt (process)", hour, median(apiLintSamples))
  timed("convert to every format (process)", hour, median(allSamples))
  func memory(_ peak: Int) -> String {
    String(
      format: "%.0f MB (%.1f× input)", Double(peak) / 1024,
      Double(peak) * 1024 / Double(bytes.count))
  }
  cell("peak memory, srt (process)", hour, memory(peak))
  cell("peak memory, netflix-en (process)", hour, memory(captionPeak))
  timed("python json.load (process)", hour, median(pythonSamples))

  // The PDF as a whole process, beside LibreOffice converting our DOCX of the same transcript
  // (what a user without ScribeKit's PDF would do), up to 10 h: LibreOffice at 100 h takes
  // minutes.
  var pdfSamples: [Double] = []
  var officeSamples: [Double] = []
  emptyOutput()
  _ = Spawn.run([binary, "convert", url.path, "--format", "docx", "-o", out.path + "/", "-q"])
  let stem = url.deletingPathExtension().lastPathComponent
  for run in 0..<runs {
    pdfSamples.append(
      Spawn.measure([
        binary, "convert", url.path, "--format", "pdf", "-o", out.path + "/", "-q", "--force",
      ]).seconds)
    if let office, hour <= 10, run < 3 {
      let profile = "file://" + data.appendingPathComponent("office-profile").path
      officeSamples.append(
        Spawn.measure([
          office, "-env:UserInstallation=\(profile)", "--headless", "--convert-to", "pdf",
          "--outdir",
          out.appendingPathComponent("office").path,
          out.appendingPathComponent(stem + ".docx").path,
        ]).seconds)
    }
  }
  let info = Process()
  let pipe = Pipe()
  info.executableURL = URL(fileURLWithPath: "/usr/bin/pdfinfo")
  info.arguments = [out.appendingPathComponent(stem + ".pdf").path]
  info.standardOutput = pipe
  try? info.run()
  let infoText = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
  info.waitUntilExit()
  let pages =
    infoText.split(separator: "\n").first { $0.hasPrefix("Pages:") }
    .flatMap { $0.split(separator: " ").last.map(String.init) } ?? "?"
  timed("convert to pdf (process)", hour, median(pdfSamples))
  cell("pdf pages", hour, pages)
  if !officeSamples.isEmpty {
    let ours = median(pdfSamples)
    let theirs = median(officeSamples)
    cell(
      "LibreOffice, our docx to pdf (process)", hour,
      "\(format(theirs)) (\(String(format: "%.1f", theirs / ours))× ours)")
  }
}

let ratioColumn = hours.contains(10) && hours.contains(100)

// Many small files: one-minute transcripts (about 150 words each) in one folder, to SRT and
// VTT, with the CLI's folder conversion (which uses every core).
var folderRow: String?
if folderSize > 0 {
  let folder = data.appendingPathComponent("minutes-\(folderSize)")
  let last = folder.appendingPathComponent(String(format: "m%05d.json", folderSize - 1))
  if !FileManager.default.fileExists(atPath: last.path) {
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    // One Python process writes them all: a process a file would take minutes.
    let writer = """
      import contextlib, io, sys
      scripts, folder, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
      sys.path.insert(0, scripts)
      import generate_transcript
      for i in range(count):
          sys.argv = ["generate_transcript.py", "--words", "150", "--seed", str(i)]
          text = io.StringIO()
          with contextlib.redirect_stdout(text):
              generate_transcript.main()
          with open(f"{folder}/m{i:05d}.json", "w") as f:
              f.write(text.getvalue())
      """
    _ = Spawn.run([
      "python3", "-c", writer, packageRoot.appendingPathComponent("scripts").path, folder.path,
      String(folderSize),
    ])
  }
  // Each run writes into a new folder, removed only after the last run: removing 20,000 files
  // leaves the file system work to do (freeing, journalling) that overlapped the next run and
  // doubled or tripled its system time.
  var folderSamples: [Double] = []
  var outputs: [URL] = []
  for run in 0..<max(1, runs / 2) {
    let minutesOut = data.appendingPathComponent("minutes-out-\(run)")
    try? FileManager.default.removeItem(at: minutesOut)
    outputs.append(minutesOut)
    _ = Spawn.run(["sync"])
    folderSamples.append(
      Spawn.measure([
        binary, "convert", folder.path, "--format", "srt,vtt", "-o", minutesOut.path + "/", "-q",
      ])
      .seconds)
  }
  for output in outputs { try? FileManager.default.removeItem(at: output) }
  folderRow =
    "| \(folderSize.formatted()) one-minute transcripts in a folder to srt and vtt (process, "
    + "\(ProcessInfo.processInfo.activeProcessorCount) cores) | \(format(median(folderSamples))) |"
    + String(repeating: " |", count: hours.count - 1 + (ratioColumn ? 1 : 0))
}
print(
  "| path | " + hours.map { "\($0) h" }.joined(separator: " | ")
    + (ratioColumn ? " | 100 h ÷ 10 h (≤ 11×) |" : " |"))
print("|---|" + String(repeating: "---|", count: hours.count + (ratioColumn ? 1 : 0)))
var nonlinear: [String] = []
for row in rowOrder {
  var line = "| \(row) | " + hours.map { cells[row]?[$0] ?? "" }.joined(separator: " | ") + " |"
  if ratioColumn {
    if let ten = seconds[row]?[10], let hundred = seconds[row]?[100], ten > 0 {
      let ratio = hundred / ten
      if ratio > 11 { nonlinear.append(row) }
      line += String(format: " %.1f× %@ |", ratio, ratio > 11 ? "✗" : "✓")
    } else {
      line += " |"
    }
  }
  print(line)
}
if let folderRow { print(folderRow) }
if ratioColumn {
  print(
    nonlinear.isEmpty
      ? "\nEvery path measured at 10 h and 100 h costs at most 11× at 100 h what it costs at 10 h."
      : "\nMore than 11× from 10 h to 100 h: \(nonlinear.joined(separator: ", ")).")
}
if !shapeCheck.isEmpty { print("\n" + shapeCheck) }

// Streaming latency: `speak --stream` against the test server streaming a three-minute script
// at a realistic pace (Benchmarks/stream-latency.py, which prints its own table: its rows are
// latencies, not sizes).
if streamRuns > 0 {
  print("\n### Streaming latency (`speak --stream`, medians and maxima of \(streamRuns) runs)\n")
  let script = packageRoot.appendingPathComponent("Benchmarks/stream-latency.py").path
  // Through a pipe and printed here, so that it comes after the table printed above.
  let latency = Process()
  let output = Pipe()
  latency.executableURL = URL(fileURLWithPath: "/usr/bin/env")
  latency.arguments = ["python3", script, binary, "--runs", String(streamRuns)]
  latency.standardOutput = output
  try latency.run()
  let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
  latency.waitUntilExit()
  print(text)
  if latency.terminationStatus != 0 {
    print("stream-latency.py failed (status \(latency.terminationStatus))")
  }
}
