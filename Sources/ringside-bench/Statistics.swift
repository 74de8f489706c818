import Foundation

/// One benchmark figure: the samples of several runs, summarised as median, min and max.
struct Figure: Sendable {
  /// A stable key for JSON, e.g. `first_frame_ms`.
  let key: String
  /// Words for the table.
  let title: String
  /// `ms`, `s`, `MB`, `bytes`, `x`.
  let unit: String
  let samples: [Double]

  var median: Double {
    let sorted = samples.sorted()
    guard !sorted.isEmpty else { return .nan }
    let mid = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
  }
  var min: Double { samples.min() ?? .nan }
  var max: Double { samples.max() ?? .nan }
}

/// Wall-clock timing with the monotonic clock.
enum Stopwatch {
  /// Nanoseconds on the monotonic clock.
  static func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

  /// Milliseconds since `start`.
  static func ms(since start: UInt64) -> Double { Double(now() - start) / 1_000_000 }

  /// Runs `body` and returns its result with the milliseconds it took.
  static func time<T>(_ body: () throws -> T) rethrows -> (T, Double) {
    let start = now()
    let result = try body()
    return (result, ms(since: start))
  }
}

/// The process's peak resident memory so far (a high-water mark), in MB.
enum PeakMemory {
  static func megabytes() -> Double {
    var usage = rusage()
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    return Double(usage.ru_maxrss) / 1024
  }
}
