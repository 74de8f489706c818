import Foundation

/// One line of the append-only audit log.
public struct AuditEntry: Sendable, Hashable, Identifiable {
  public let id: Int64
  public let at: Date
  public let user: String
  public let role: String
  public let origin: String
  public let action: AuditAction
  public let detail: String
  /// SHA-256 of a file before and after a write, when the entry is about a file.
  public let beforeHash: String?
  public let afterHash: String?
}
