import Foundation

/// Sends requests the polite way: retries 429/502/503/504 and lost connections after the
/// server's `Retry-After` or an exponential backoff, and keeps every request inside the sync's
/// time limit. Returns the first answer that is not "try later", whatever its status.
final class PoliteSender {
  let transport: HTTPTransport
  let clock: SyncClock
  let policy: RetryPolicy
  let deadline: Date
  /// The secrets to keep out of messages; token sources add the access tokens they fetch.
  let redactor: Redactor
  /// Requests sent, retries included (for the report and the benchmark).
  private(set) var requests = 0
  /// Seconds spent waiting for retries.
  private(set) var waited: Double = 0
  /// Called before a wait with "page: reason" and the seconds, for the progress line.
  var onWait: ((String, Double) -> Void)?

  init(
    transport: HTTPTransport, clock: SyncClock, policy: RetryPolicy,
    redactor: Redactor = Redactor()
  ) {
    self.transport = transport
    self.redactor = redactor
    self.clock = clock
    self.policy = policy
    deadline = clock.now().addingTimeInterval(policy.timeLimit)
  }

  /// Sends `request` for `what` (a page or the token endpoint, named in failures).
  func send(_ request: HTTPRequest, for what: String) throws(SyncFailure) -> HTTPResponse {
    var attempt = 0
    while true {
      attempt += 1
      let left = deadline.timeIntervalSince(clock.now())
      guard left > 0 else {
        throw .unreachable(
          "\(what): the sync's time limit (\(Int(policy.timeLimit)) s) ran out before it finished")
      }
      var timed = request
      timed.timeout = min(policy.requestTimeout, left)
      requests += 1
      var reason = ""
      var wait: Double = 0
      do {
        let response = try transport.send(timed)
        guard RetryPolicy.retriedStatuses.contains(response.status) else { return response }
        reason = "HTTP \(response.status)"
        wait = policy.backoff(after: attempt)
        if let asked = RetryAfter.seconds(response.headers["retry-after"], now: clock.now()) {
          guard asked <= policy.maxRetryAfter else {
            throw SyncFailure.unreachable(
              "\(what): HTTP \(response.status), and the server asks to wait \(Int(asked)) s (Retry-After), more than the \(Int(policy.maxRetryAfter)) s Ringside waits"
            )
          }
          wait = asked
        }
      } catch let error as TransportError {
        guard error.isTransient else {
          throw error.kind == .tooLarge
            ? .badData("\(what): \(error.reason)") : .unreachable("\(what): \(error.reason)")
        }
        reason = error.reason
        wait = policy.backoff(after: attempt)
      } catch let failure as SyncFailure {
        throw failure
      } catch {
        throw .unreachable("\(what): \(error)")
      }
      guard attempt < policy.attempts else {
        throw .unreachable("\(what): \(reason), still after \(attempt) tries")
      }
      guard clock.now().addingTimeInterval(wait) < deadline else {
        throw .unreachable(
          "\(what): \(reason), and waiting \(Int(wait)) s more would pass the sync's time limit (\(Int(policy.timeLimit)) s)"
        )
      }
      onWait?("\(what): \(reason)", wait)
      waited += wait
      clock.sleep(seconds: wait)
    }
  }
}
