import Foundation

/// Replaces every known secret in a message with `[secret]` before it is shown: the last line
/// of defence should a server echo a credential back. It knows the configured secrets, as
/// given and as sent in a form body (percent-encoded), and every access token fetched.
final class Redactor: @unchecked Sendable {
  private let lock = NSLock()
  private var known: [String] = []

  init(_ secrets: [String] = []) {
    for secret in secrets { add(secret) }
  }

  var secrets: [String] { lock.withLock { known } }

  func add(_ secret: String) {
    for form in [secret, FormEncoding.escape(secret)] where form.count >= 4 {
      lock.withLock {
        if !known.contains(form) {
          known.append(form)
          // The longest first, so a secret inside another one leaves no tail behind.
          known.sort { $0.count > $1.count }
        }
      }
    }
  }

  func scrub(_ text: String) -> String {
    secrets.reduce(text) { $0.replacingOccurrences(of: $1, with: "[secret]") }
  }

  func scrub(_ failure: SyncFailure) -> SyncFailure {
    switch failure {
    case .usage(let text): return .usage(scrub(text))
    case .unreachable(let text): return .unreachable(scrub(text))
    case .refused(let text): return .refused(scrub(text))
    case .badData(let text): return .badData(scrub(text))
    case .importFailed: return failure
    }
  }
}
