import ScribeKit

/// Help text about formats, made from the format registry so that a new format shows up in
/// `--help` without a line here.
enum FormatHelp {
  /// `srt, vtt and txt`: the formats that take `option`.
  static func formats(taking option: FormatOptions) -> String {
    listed(OutputFormats.available.filter { $0.appliesOptions.contains(option) }.map(\.name))
  }

  /// `42 for srt and vtt, 100 for txt, none otherwise`: a limit's current API default per
  /// format, grouped by value.
  static func defaults<Value: CustomStringConvertible & Equatable>(
    _ option: KeyPath<APIExportOptions, Value?>
  ) -> String {
    grouped(option, otherwise: "none") { value in
      value.map { value in
        // 4 rather than 4.0: the way the API's documentation writes its defaults.
        if let number = value as? Double, number == number.rounded(), abs(number) < 1e9 {
          return String(Int(number))
        }
        return value.description
      }
    }
  }

  /// `off for srt and vtt, on otherwise`: a flag's current API default per format.
  static func defaults(_ option: KeyPath<APIExportOptions, Bool>) -> String {
    let off = OutputFormats.available.filter { !$0.defaultOptions(.current)[keyPath: option] }
    return off.isEmpty ? "on" : "off for \(listed(off.map(\.name))), on otherwise"
  }

  private static func grouped<Value>(
    _ option: KeyPath<APIExportOptions, Value>, otherwise: String,
    _ text: (Value) -> String?
  ) -> String {
    var groups: [(value: String, names: [String])] = []
    for format in OutputFormats.available {
      guard let value = text(format.defaultOptions(.current)[keyPath: option]) else { continue }
      if let index = groups.firstIndex(where: { $0.value == value }) {
        groups[index].names.append(format.name)
      } else {
        groups.append((value, [format.name]))
      }
    }
    let parts = groups.map { "\($0.value) for \(listed($0.names))" }
    return (parts + ["\(otherwise) otherwise"]).joined(separator: ", ")
  }

  /// `a`, `a and b`, `a, b and c`.
  static func listed(_ names: [String]) -> String {
    guard let last = names.last else { return "none" }
    return names.count == 1 ? last : names.dropLast().joined(separator: ", ") + " and " + last
  }

  /// The name closest to `input` among `names` (a typo's intent), if it is close enough to
  /// suggest: at most two edits away, and fewer edits than the input has characters.
  static func suggestion(for input: String, among names: [String]) -> String? {
    let typed = Array(input.lowercased())
    var best: (name: String, distance: Int)?
    for name in names {
      let target = Array(name.lowercased())
      var previous = Array(0...target.count)
      for (row, character) in typed.enumerated() {
        var current = [row + 1]
        for (column, other) in target.enumerated() {
          current.append(
            min(
              previous[column + 1] + 1, current[column] + 1,
              previous[column] + (character == other ? 0 : 1)))
        }
        previous = current
      }
      let distance = previous[target.count]
      if distance < best?.distance ?? .max { best = (name, distance) }
    }
    guard let best, best.distance > 0, best.distance <= 2, best.distance < typed.count
    else { return nil }
    return best.name
  }
}
