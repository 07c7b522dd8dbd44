/// Eight-bytes-at-a-time questions about UTF-8 text, for the loops that run over every byte of
/// a transcript: a 300 MB word must not cost a step per byte.
enum ByteScan {
  private static let ones: UInt64 = 0x0101_0101_0101_0101
  private static let highs: UInt64 = 0x8080_8080_8080_8080

  /// `true` when some byte of `chunk` is zero.
  @inline(__always) private static func hasZeroByte(_ chunk: UInt64) -> Bool {
    (chunk &- ones) & ~chunk & highs != 0
  }

  /// `true` when some byte of `chunk` equals `byte`.
  @inline(__always) static func has(_ byte: UInt8, in chunk: UInt64) -> Bool {
    hasZeroByte(chunk ^ (ones &* UInt64(byte)))
  }

  /// `true` when some byte of `chunk`, all of whose bytes are ASCII, is below `limit` (≤ 128).
  @inline(__always) static func hasASCII(below limit: UInt8, in chunk: UInt64) -> Bool {
    (chunk &- ones &* UInt64(limit)) & ~chunk & highs != 0
  }

  /// Calls `body` with the bytes of `text`, which are contiguous for native strings; `nil` for
  /// a bridged string without contiguous UTF-8.
  static func withBytes<Result>(
    of text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Result
  ) -> Result? {
    text.utf8.withContiguousStorageIfAvailable(body)
  }

  /// `start` moved on by whole 8-byte chunks for as long as `noMatch` says a chunk holds
  /// nothing the caller looks for; the caller checks bytes one by one from the result.
  static func skip(
    _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, while noMatch: (UInt64) -> Bool
  ) -> Int {
    guard let base = bytes.baseAddress else { return start }
    var index = start
    while index + 8 <= bytes.count,
      noMatch(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
    {
      index += 8
    }
    return index
  }
}
