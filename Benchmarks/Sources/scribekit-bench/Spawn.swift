import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Runs a command and measures it from outside: wall time and the child's peak resident memory,
/// read with `wait4`, which Foundation's `Process` does not expose.
enum Spawn {
  struct Measurement {
    var seconds: Double
    var peakKiB: Int
    var status: Int32
  }

  static func run(_ arguments: [String], quietOutput: Bool = true) -> Measurement {
    var pid: pid_t = 0
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    if quietOutput {
      posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
      posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    }
    var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
    defer { for pointer in argv { free(pointer) } }
    let started = DispatchTime.now().uptimeNanoseconds
    let spawned = posix_spawnp(&pid, arguments[0], &actions, nil, &argv, environ)
    guard spawned == 0 else { return Measurement(seconds: .nan, peakKiB: 0, status: -1) }
    var status: Int32 = 0
    var usage = rusage()
    _ = wait4(pid, &status, 0, &usage)
    let elapsed = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
    return Measurement(seconds: elapsed, peakKiB: usage.ru_maxrss, status: (status >> 8) & 0xFF)
  }
}
