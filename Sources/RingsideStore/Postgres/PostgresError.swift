import Foundation

/// Turns libpq's failures into `StoreError`s that name the store by its URL without password.
enum PostgresError {
  /// A failed statement, by its SQLSTATE (class 23 and trigger exceptions are constraints,
  /// as SQLite reports a failed CHECK or `RAISE(ABORT)`).
  static func statement(_ sqlState: String, _ text: String, store: String) -> StoreError {
    let kind: StoreError.Kind =
      switch sqlState {
      case "40001", "40P01", "55P03": .busy
      case "25006", "42501": .readOnly
      case "53100": .full
      case "XX001", "XX002": .corrupt
      case "57014": .interrupted
      case "P0001": .constraint
      case "57P01", "57P02", "57P03": .unavailable
      default:
        sqlState.hasPrefix("23") ? .constraint : sqlState.hasPrefix("08") ? .unavailable : .other
      }
    let prefix: String =
      switch kind {
      case .busy: "the store \(store) stayed locked by another session"
      case .readOnly:
        "the database user may not do this on the store \(store) (members of ringside_admin "
          + "write, members of ringside_viewer read)"
      case .full: "the server holding \(store) is out of disk space; nothing was changed"
      case .corrupt: "the store \(store) is damaged"
      case .unavailable: "lost the connection to the PostgreSQL server at \(store)"
      default: "store \(store)"
      }
    // libpq's lost-connection text spans lines ("server closed the connection unexpectedly\n\t
    // This probably means…"); one line fits the dashboard's status line.
    let detail =
      kind == .unavailable
      ? text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
      : Self.withoutSeverity(text.trimmingCharacters(in: .whitespacesAndNewlines))
    var error = StoreError(kind, detail.isEmpty ? prefix : "\(prefix): \(detail)")
    // Class 08 and the server's shutdown or termination of the session: the connection is gone.
    error.lostConnection = kind == .unavailable || sqlState.hasPrefix("08")
    return error
  }

  /// libpq's message without its `ERROR:  ` label: the prefix above says what went wrong.
  static func withoutSeverity(_ text: String) -> String {
    for label in ["ERROR:  ", "FATAL:  "] where text.hasPrefix(label) {
      return String(text.dropFirst(label.count))
    }
    return text
  }

  /// A failed connection attempt, by what libpq said (its password already scrubbed,
  /// `PostgresSecrets`).
  static func connection(_ text: String, store: String) -> StoreError {
    // libpq's message spans lines with a tab-indented hint; one line reads better.
    let detail = text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    if libpqRefusedTheText.contains(where: { detail.contains($0) }) {
      // An option libpq could not read (from the URL or a PG… variable): a usage error.
      return StoreError(
        .malformedLocation, "cannot connect to \(store): libpq cannot read it: \(detail)")
    }
    if detail.contains("password authentication failed") || detail.contains("no password supplied")
    {
      return StoreError(
        .authentication,
        "the PostgreSQL server at \(store) refused the password: \(detail)")
    }
    if detail.contains("role \"") && detail.contains("does not exist") {
      return StoreError(
        .authentication,
        "the PostgreSQL server at \(store) has no such role (ask its owner to run `ringside init` "
          + "or CREATE ROLE): \(detail)")
    }
    if detail.contains("database \"") && detail.contains("does not exist") {
      return StoreError(
        .notFound,
        "no store at \(store): the database does not exist (create it with createdb, then run "
          + "`ringside init --db URL`): \(detail)")
    }
    return StoreError(
      .unavailable, "cannot reach the PostgreSQL server at \(store): \(detail)")
  }

  /// What libpq says of a URL, parameter or `PG…` variable it cannot read.
  static let libpqRefusedTheText = [
    "invalid integer value", "invalid port number", "percent-encoded", "in URI",
    "URI query parameter", "invalid connection option", "connection info string",
    "invalid sslmode value", "invalid target_session_attrs value",
  ]

  /// A server older than the oldest Ringside supports.
  static func tooOld(_ version: Int32, minimum: Int32, store: String) -> StoreError {
    StoreError(
      .unavailable,
      "the PostgreSQL server at \(store) runs version \(release(version)); "
        + "Ringside needs \(release(minimum)) or newer")
  }

  /// "15.4" for 150004, "9.6" for 90624 (before 10 the second number was part of the release).
  static func release(_ version: Int32) -> String {
    version >= 100_000
      ? "\(version / 10000).\(version % 10000)" : "\(version / 10000).\(version / 100 % 100)"
  }
}
