/// A store failure translated for people: what was being done and what SQLite or the
/// PostgreSQL server said.
public struct StoreError: Error, Sendable, CustomStringConvertible {
  /// Why the store refused, so the CLI can choose an exit code.
  public enum Kind: Sendable {
    case cannotOpen, busy, readOnly, full, corrupt, newerSchema, constraint, notFound, conflict,
      /// A query stopped on purpose (the dashboard interrupts one a newer one replaces).
      interrupted,
      /// The PostgreSQL server cannot be reached, or is older than Ringside supports.
      unavailable,
      /// The PostgreSQL server refused the login: wrong password, or no such role.
      authentication,
      /// The store's location is meant for PostgreSQL but is no URL Ringside can use (a
      /// keyword/value string, a URL without `//`, a bare `%` or `@`, a port that is no number).
      malformedLocation,
      other
  }

  public let kind: Kind
  public let message: String
  /// True when the PostgreSQL server's connection broke under this statement (the server went
  /// away, or terminated the session): the connection is unusable and must be opened again.
  public internal(set) var lostConnection = false
  /// For a lost connection under a writing transaction: what became of the write.
  public internal(set) var writeOutcome: WriteOutcome?

  public init(_ kind: Kind, _ message: String) {
    self.kind = kind
    self.message = message
  }

  /// The same failure with `outcome` recorded and `note` ("nothing was saved") after the message.
  func with(_ outcome: WriteOutcome, note: String) -> StoreError {
    var copy = StoreError(kind, message + "; " + note)
    copy.lostConnection = lostConnection
    copy.writeOutcome = outcome
    return copy
  }

  public var description: String { message }
}
