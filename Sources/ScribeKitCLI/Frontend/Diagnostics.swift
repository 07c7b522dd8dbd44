import ArgumentParser
import ElevenLabsAPI
import Foundation
import ScribeKit

/// Writes to standard error, where warnings and errors go so that standard output stays clean.
enum Diagnostics {
  /// How many warnings are printed one by one before the rest are only counted.
  static let warningLimit = 20

  static func printError(_ message: String) {
    write("scribekit: error: \(message)\n")
  }

  /// An error in words, with what to type to get past it: the library's messages speak of the
  /// library, and this adds the command line's flags and commands.
  static func message(for error: any Error) -> String {
    let text = String(describing: error)
    switch error {
    case APIError.missingAPIKey:
      return "no API key: set ELEVENLABS_API_KEY or pass --api-key-file"
    case OutputError.fileExists:
      return text + " (use --force to replace it)"
    case let error as ReadError:
      switch error.problem {
      case .notTimingData(.audio):
        return text
          + " (`scribekit transcribe`, or `scribekit align --text SCRIPT` with its script)"
      case .notTimingData(.subtitles):
        return text + "; `scribekit lint` checks it"
      case .ambiguousShape(let matches):
        return text + " (--input-shape "
          + matches.compactMap(\.shape?.name).joined(separator: " or --input-shape ") + ")"
      case .alignmentIsNull(let choice, otherIsPresent: true):
        return text + " (--alignment " + (choice == .original ? "normalized" : "original") + ")"
      default:
        return text
      }
    default:
      return text
    }
  }

  static func printWarnings(_ warnings: [String], quiet: Bool) {
    guard !quiet, !warnings.isEmpty else { return }
    for warning in warnings.prefix(warningLimit) {
      write("scribekit: warning: \(warning)\n")
    }
    if warnings.count > warningLimit {
      write(
        "scribekit: warning: ... and \(warnings.count - warningLimit) more warnings "
          + "(\(warnings.count) in all)\n")
    }
  }

  static func write(_ text: String) {
    FileHandle.standardError.write(Data(text.utf8))
  }
}

/// A failure the command reports in one line before exiting with status 1.
struct CommandFailure: Error, CustomStringConvertible {
  var description: String

  init(_ description: String) {
    self.description = description
  }
}

extension ParsableCommand {
  /// Runs `body`, turning any failure into one line on standard error and exit status 1.
  func reportingFailures(_ body: () async throws -> Void) async throws {
    do {
      try await body()
    } catch let exit as ExitCode {
      throw exit
    } catch {
      Diagnostics.printError(Diagnostics.message(for: error))
      throw ExitCode.failure
    }
  }
}
