import Foundation

/// Samples the size of a store and its WAL from a background thread while a write runs, and
/// keeps the largest sum seen.
final class DiskSampler: @unchecked Sendable {
  private let path: String
  private let lock = NSLock()
  private var peak = 0.0
  private var running = true
  private let done = DispatchSemaphore(value: 0)

  init(path: String) {
    self.path = path
    Thread.detachNewThread { [self] in
      while lock.withLock({ running }) {
        let now = Self.megabytes(path) + Self.megabytes(path + "-wal")
        lock.withLock { peak = max(peak, now) }
        usleep(20_000)
      }
      done.signal()
    }
  }

  /// Stops sampling; returns the largest store + WAL size seen, in MB (the final sizes too).
  func stop() -> Double {
    lock.withLock { running = false }
    done.wait()
    let now = Self.megabytes(path) + Self.megabytes(path + "-wal")
    return lock.withLock { max(peak, now) }
  }

  /// The size of a file in MB; 0 when it is missing.
  static func megabytes(_ path: String) -> Double {
    var info = stat()
    return stat(path, &info) == 0 ? Double(info.st_size) / 1e6 : 0
  }
}
