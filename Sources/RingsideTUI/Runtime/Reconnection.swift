import Foundation

/// The waits between attempts to reopen a lost store connection: 0.25 s, doubling each time,
/// never more than 5 s. Never zero, so a server that stays away is not asked in a busy loop.
struct ReconnectBackoff: Sendable {
  static let first: TimeInterval = 0.25
  static let longest: TimeInterval = 5
  private var attempts = 0

  /// The wait before the next attempt.
  mutating func next() -> TimeInterval {
    defer { attempts += 1 }
    return min(Self.longest, Self.first * pow(2, Double(min(attempts, 16))))
  }
}

/// Reopens a lost connection: waits the back-off's delay, tries `open`, and again until it
/// succeeds. `wait` does the waiting (a test passes one that only records it) and returns
/// false when the session ends meanwhile; then nil is returned.
enum Reconnection {
  static func run<T>(
    open: () throws -> T, wait: (TimeInterval) -> Bool, failed: (Error) -> Void = { _ in }
  ) -> T? {
    var backoff = ReconnectBackoff()
    while wait(backoff.next()) {
      do { return try open() } catch { failed(error) }
    }
    return nil
  }
}
