import Foundation

/// Runs many independent jobs on several threads and hands their results over one by one in
/// the jobs' order, on the calling thread.
///
/// Why threads of its own rather than Swift concurrency's pool: a folder's conversions spend
/// much of their time waiting for the disk (each file written is flushed), and the pool has
/// one thread a core, so waiting jobs would leave the cores idle; a few more threads than
/// cores keep them busy while others wait.
enum OrderedWork {
  /// Calls `work` for every index in `0..<count` on `threads` threads, starting a job only
  /// while fewer than `window` results wait to be handed over (so memory stays that of a few
  /// jobs, however many there are), and calls `deliver` with each result in index order.
  static func run<Output: Sendable>(
    count: Int, threads: Int, window: Int, work: @escaping @Sendable (Int) -> Output,
    deliver: (Int, Output) -> Void
  ) {
    guard count > 0 else { return }
    let state = State<Output>()
    // A slot for each result that may wait to be handed over: a thread takes one before it
    // starts a job, and handing a result over gives it back.
    let slots = DispatchSemaphore(value: max(1, window))
    for _ in 0..<max(1, min(threads, count)) {
      let thread = Thread {
        while true {
          slots.wait()
          state.condition.lock()
          let index = state.next
          state.next += 1
          state.condition.unlock()
          guard index < count else {
            slots.signal()
            return
          }
          let output = work(index)
          state.condition.lock()
          state.finished[index] = output
          // Only the caller waits on the condition, and only for the result it hands over next.
          if index == state.awaited { state.condition.signal() }
          state.condition.unlock()
        }
      }
      // The main thread's size: rendering recurses no deeper there than here.
      thread.stackSize = 8 << 20
      thread.start()
    }
    for index in 0..<count {
      state.condition.lock()
      state.awaited = index
      var output = state.finished.removeValue(forKey: index)
      while output == nil {
        state.condition.wait()
        output = state.finished.removeValue(forKey: index)
      }
      state.condition.unlock()
      slots.signal()
      if let output { deliver(index, output) }
    }
  }

  /// What the threads share, always under `condition`'s lock.
  private final class State<Output>: @unchecked Sendable {
    let condition = NSCondition()
    /// The next index to start.
    var next = 0
    /// The index of the result the caller waits for.
    var awaited = 0
    /// Results not yet handed over, by index.
    var finished: [Int: Output] = [:]
  }
}
