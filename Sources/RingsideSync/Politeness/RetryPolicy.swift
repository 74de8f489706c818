/// How a sync treats a busy or flaky server: which answers are retried, how long it waits
/// (the server's `Retry-After`, else exponential backoff with a cap) and how long the whole
/// sync may take.
public struct RetryPolicy: Sendable {
  /// Tries per request, the first included.
  public var attempts: Int
  /// The first backoff; each retry doubles it.
  public var baseDelay: Double
  /// The longest backoff between two tries.
  public var maxDelay: Double
  /// The longest `Retry-After` honoured; a server asking for more fails the sync.
  public var maxRetryAfter: Double
  /// Seconds the whole sync (every page) may take.
  public var timeLimit: Double
  /// Seconds one request may take.
  public var requestTimeout: Double

  public init(
    attempts: Int = 6, baseDelay: Double = 1, maxDelay: Double = 60, maxRetryAfter: Double = 300,
    timeLimit: Double = 1800, requestTimeout: Double = 120
  ) {
    self.attempts = attempts
    self.baseDelay = baseDelay
    self.maxDelay = maxDelay
    self.maxRetryAfter = maxRetryAfter
    self.timeLimit = timeLimit
    self.requestTimeout = requestTimeout
  }

  /// Statuses that mean "later": too many requests, bad gateway, unavailable, gateway timeout.
  static let retriedStatuses: Set<Int> = [429, 502, 503, 504]

  /// The backoff before try `attempt` + 1 (attempt 1 is the first retry).
  func backoff(after attempt: Int) -> Double {
    var delay = baseDelay
    for _ in 1..<max(1, attempt) { delay = min(maxDelay, delay * 2) }
    return min(maxDelay, delay)
  }
}
