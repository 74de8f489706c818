/// A SQLite failure translated for people: what was being done and what SQLite said.
public struct StoreError: Error, Sendable, CustomStringConvertible {
  /// Why the store refused, so the CLI can choose an exit code.
  public enum Kind: Sendable {
    case cannotOpen, busy, readOnly, full, corrupt, newerSchema, constraint, notFound, conflict,
      /// A query stopped on purpose (the dashboard interrupts one a newer one replaces).
      interrupted,
      other
  }

  public let kind: Kind
  public let message: String

  public init(_ kind: Kind, _ message: String) {
    self.kind = kind
    self.message = message
  }

  public var description: String { message }
}
