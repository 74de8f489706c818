import Foundation

/// The time and the waiting of a sync; tests give one that records waits instead of sleeping.
public protocol SyncClock: AnyObject {
  func now() -> Date
  func sleep(seconds: Double)
}

/// The real clock: `Date()` and `nanosleep`.
public final class SystemClock: SyncClock {
  public init() {}

  public func now() -> Date { Date() }

  public func sleep(seconds: Double) {
    guard seconds > 0 else { return }
    var request = timespec(
      tv_sec: Int(seconds), tv_nsec: Int((seconds - floor(seconds)) * 1_000_000_000))
    var rest = timespec()
    while nanosleep(&request, &rest) != 0 && errno == EINTR { request = rest }
  }
}
