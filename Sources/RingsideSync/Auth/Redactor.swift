import Foundation

/// Replaces every known secret in a message with `[secret]` before it is shown: the last line
/// of defence should a server echo a credential back.
struct Redactor: Sendable {
  private(set) var secrets: [String] = []

  mutating func add(_ secret: String) {
    if secret.count >= 4 && !secrets.contains(secret) { secrets.append(secret) }
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
