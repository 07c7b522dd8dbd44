import Foundation
import ScribeKit
@_spi(Benchmarks) import ScribeKit

// Times ScribeKit per stage and as a whole process on generated transcripts of 1 h, 10 h and
// 100 h of speech (about 6k, 60k and 600k words), reports peak memory, and converts a folder of
// 1,000 one-minute transcripts. Release build only; numbers are medians of several runs.
//
// usage: scribekit-bench [--hours 1,10,100] [--runs 5]

let arguments = CommandLine.arguments
func option(_ name: String, _ fallback: String) -> String {
  guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return fallback }
  return arguments[index + 1]
}
let hours = option("--hours", "1,10,100").split(separator: ",").compactMap { Int($0) }
let runs = max(1, Int(option("--runs", "5")) ?? 5)

let packageRoot = URL(fileURLWithPath: #filePath)
  .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  .deletingLastPathComponent()
let data = packageRoot.appendingPathComponent("Benchmarks/.data")
try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)

// The CLI, built in release mode from the main package.
let build = Spawn.run(["swift", "build", "-c", "release", "--package-path", packageRoot.path, "--product", "scribekit"])
guard build.status == 0 else {
  FileHandle.standardError.write(Data("building scribekit failed\n".utf8))
  exit(1)
}
let binary = packageRoot.appendingPathComponent(".build/release/scribekit").path

func median(_ values: [Double]) -> Double {
  let sorted = values.sorted()
  return sorted[sorted.count / 2]
}

func time(_ body: () throws -> Void) rethrows -> Double {
  var samples: [Double] = []
  for _ in 0..<runs {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
  }
  return median(samples)
}

func generate(words: Int, seed: Int, to url: URL, extra: [String] = []) {
  guard !FileManager.default.fileExists(atPath: url.path) else { return }
  let script = packageRoot.appendingPathComponent("scripts/generate_transcript.py").path
  let command = "python3 \(script) --words \(words) --seed \(seed) \(extra.joined(separator: " ")) > \(url.path)"
  _ = Spawn.run(["sh", "-c", command], quietOutput: false)
}

func format(_ seconds: Double) -> String {
  seconds < 1 ? String(format: "%.1f ms", seconds * 1000) : String(format: "%.2f s", seconds)
}

print("| size | input | JSON parse | read (parse + model) | segment (API srt) | captions (netflix-en) | srt | vtt | txt | segmented_json | html | docx | pdf | convert to srt (process) | all six formats (process) | peak memory (srt) | python json.load (process) |")
print("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
var processTimes: [Int: Double] = [:]
var pdfTimes: [Int: (ours: Double, office: Double?, pages: String)] = [:]
for hour in hours {
  let url = data.appendingPathComponent("transcript-\(hour)h.json")
  generate(words: hour * 6_000, seed: hour, to: url, extra: ["--speakers", "4"])
  let bytes = try Data(contentsOf: url)
  var result: Transcript?
  let parse = try time { _ = try BenchmarkProbe.parseJSON([UInt8](bytes)) }
  let read = try time { result = try Transcript(data: bytes) }
  guard let transcript = result else { continue }
  let channel = transcript.channels[0]
  let srtRequest = ExportRequest(.srt)
  var segments: [Cue] = []
  let segment = try time { segments = try transcript.cues(for: srtRequest)[0].cues }
  let captions = try time {
    _ = try transcript.cues(for: ExportRequest(.srt, preset: .netflixEnglish))
  }
  // The document formats' cues: the API's defaults for them have no limits.
  let paragraphs = try transcript.cues(for: ExportRequest(.txt))[0].cues
  func render(_ format: some OutputFormat, _ cues: [Cue]) throws -> Double {
    let input = RenderInput(cues: cues, options: ExportRequest(format).options)
    return try time { _ = try format.render(input) }
  }
  let srt = try render(.srt, segments)
  let vtt = try render(.vtt, segments)
  let txt = try render(.txt, paragraphs)
  let json = try render(.segmentedJSON, paragraphs)
  let html = try render(.html, paragraphs)
  let docx = try render(.docx, paragraphs)
  let pdf = try render(.pdf, paragraphs)

  let out = data.appendingPathComponent("out-\(hour)h")
  try? FileManager.default.removeItem(at: out)
  try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
  var processSamples: [Double] = []
  var peak = 0
  var allSamples: [Double] = []
  var pythonSamples: [Double] = []
  // Each run writes new files into an emptied folder, the usual case; replacing files with
  // --force makes the file system's rename-over flush part of the time.
  func emptyOutput() {
    try? FileManager.default.removeItem(at: out)
    try? FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
  }
  for _ in 0..<runs {
    emptyOutput()
    let one = Spawn.measure([binary, "convert", url.path, "--format", "srt", "-o", out.path + "/", "-q"])
    processSamples.append(one.seconds)
    peak = max(peak, one.peakKiB)
    emptyOutput()
    let all = Spawn.measure([
      binary, "convert", url.path, "--format", "srt,vtt,txt,segmented_json,html,docx", "-o", out.path + "/", "-q",
    ])
    allSamples.append(all.seconds)
    let python = Spawn.measure(["python3", "-c", "import json; json.load(open('\(url.path)'))"])
    pythonSamples.append(python.seconds)
  }
  processTimes[hour] = median(processSamples)
  // The PDF as a whole process, beside LibreOffice converting our DOCX of the same transcript
  // (what a user without ScribeKit's PDF would do), up to 10 h: LibreOffice at 100 h takes
  // minutes.
  var pdfSamples: [Double] = []
  var officeSamples: [Double] = []
  let office = ["/usr/bin/soffice", "/usr/bin/libreoffice"].first {
    FileManager.default.isExecutableFile(atPath: $0)
  }
  emptyOutput()
  _ = Spawn.run([binary, "convert", url.path, "--format", "docx", "-o", out.path + "/", "-q"])
  let stem = url.deletingPathExtension().lastPathComponent
  for run in 0..<runs {
    pdfSamples.append(
      Spawn.measure([binary, "convert", url.path, "--format", "pdf", "-o", out.path + "/", "-q", "--force"]).seconds)
    if let office, hour <= 10, run < 3 {
      let profile = "file://" + data.appendingPathComponent("office-profile").path
      officeSamples.append(
        Spawn.measure([
          office, "-env:UserInstallation=\(profile)", "--headless", "--convert-to", "pdf", "--outdir",
          out.appendingPathComponent("office").path, out.appendingPathComponent(stem + ".docx").path,
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
  let pages = infoText.split(separator: "\n").first { $0.hasPrefix("Pages:") }
    .flatMap { $0.split(separator: " ").last.map(String.init) } ?? "?"
  pdfTimes[hour] = (median(pdfSamples), officeSamples.isEmpty ? nil : median(officeSamples), pages)
  let size = String(format: "%.1f MB", Double(bytes.count) / 1e6)
  let memory = String(format: "%.0f MB (%.1f× input)", Double(peak) / 1024, Double(peak) * 1024 / Double(bytes.count))
  print(
    "| \(hour) h (\(channel.words.filter(\.isTimed).count) words) | \(size) | \(format(parse)) | \(format(read)) | \(format(segment)) | \(format(captions)) | \(format(srt)) | \(format(vtt)) | \(format(txt)) | \(format(json)) | \(format(html)) | \(format(docx)) | \(format(pdf)) | \(format(median(processSamples))) | \(format(median(allSamples))) | \(memory) | \(format(median(pythonSamples))) |"
  )
}
if let ten = processTimes[10], let hundred = processTimes[100] {
  print(String(format: "\n100 h costs %.1f× 10 h (linear would be 10×).", hundred / ten))
}

print("\n| PDF | pages | ScribeKit (process, PDF alone) | LibreOffice, our DOCX to PDF (process) | ratio |")
print("|---|---|---|---|---|")
for hour in hours {
  guard let times = pdfTimes[hour] else { continue }
  let office = times.office.map(format) ?? "not run"
  let ratio = times.office.map { String(format: "%.1f× faster", $0 / times.ours) } ?? ""
  print("| \(hour) h | \(times.pages) | \(format(times.ours)) | \(office) | \(ratio) |")
}
if let ten = pdfTimes[10]?.ours, let hundred = pdfTimes[100]?.ours {
  print(String(format: "\nPDF: 100 h costs %.1f× 10 h (linear would be 10×).", hundred / ten))
}

// Many small files: 1,000 one-minute transcripts (about 150 words each) in one folder.
let folder = data.appendingPathComponent("minutes")
if !FileManager.default.fileExists(atPath: folder.appendingPathComponent("m0999.json").path) {
  try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  let script = packageRoot.appendingPathComponent("scripts/generate_transcript.py").path
  _ = Spawn.run([
    "sh", "-c",
    "for i in $(seq 0 999); do python3 \(script) --words 150 --seed $i > \(folder.path)/m$(printf %04d $i).json; done",
  ])
}
let minutesOut = data.appendingPathComponent("minutes-out")
var folderSamples: [Double] = []
for _ in 0..<max(1, runs / 2) {
  try? FileManager.default.removeItem(at: minutesOut)
  folderSamples.append(Spawn.measure([binary, "convert", folder.path, "--format", "srt", "-o", minutesOut.path + "/", "-q"]).seconds)
}
print("\n1,000 one-minute transcripts in a folder to SRT: \(format(median(folderSamples))) (one process).")
