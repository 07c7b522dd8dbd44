/// Entry points the benchmark kit (a separate package) times, which are not public API.
@_spi(Benchmarks)
public enum BenchmarkProbe {
  /// Parses `bytes` into a JSON tree with the general parser and returns the top-level value's
  /// kind, so that the work cannot be optimised away.
  public static func parseJSON(_ bytes: [UInt8]) throws -> String {
    try JSONParser.parse(bytes).kindDescription
  }
}
