import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Runs a command and measures it from outside: wall time and the child's peak resident memory,
/// read with `wait4`, which Foundation's `Process` does not expose.
enum Spawn {
  /// Runs a command through a small Python launcher that forks and execs it, and reports its
  /// time and peak memory.
  ///
  /// Why not `run` for memory: glibc's `posix_spawn` starts the child with `vfork`, so until it
  /// execs, the child shares this process's memory, and Linux carries that memory's high-water
  /// mark into the child's `ru_maxrss`: every child would seem to use at least as much memory
  /// as this benchmark holds (over 100 MB). The launcher is small (about 10 MB), well under
  /// anything measured here.
  static func measure(_ arguments: [String]) -> Measurement {
    let report = FileManager.default.temporaryDirectory
      .appendingPathComponent("scribekit-bench-\(getpid()).txt").path
    let launcher = """
      import os, sys, time
      report, command = sys.argv[1], sys.argv[2:]
      start = time.perf_counter()
      pid = os.fork()
      if pid == 0:
          null = os.open(os.devnull, os.O_WRONLY)
          os.dup2(null, 1)
          os.dup2(null, 2)
          try:
              os.execvp(command[0], command)
          finally:
              os._exit(127)
      _, status, usage = os.wait4(pid, 0)
      elapsed = time.perf_counter() - start
      with open(report, "w") as f:
          f.write(f"{elapsed} {usage.ru_maxrss} {os.waitstatus_to_exitcode(status)}")
      """
    let launched = run(["python3", "-c", launcher, report] + arguments)
    defer { unlink(report) }
    guard launched.status == 0, let text = try? String(contentsOfFile: report, encoding: .utf8)
    else { return Measurement(seconds: .nan, peakKiB: 0, status: -1) }
    let fields = text.split(separator: " ")
    guard fields.count == 3, let seconds = Double(fields[0]), let peak = Int(fields[1]),
      let status = Int32(fields[2])
    else { return Measurement(seconds: .nan, peakKiB: 0, status: -1) }
    return Measurement(seconds: seconds, peakKiB: peak, status: status)
  }

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
