import Foundation

/// What `--db` names: a PostgreSQL connection URL, or else a SQLite file path.
public enum StoreLocation: Sendable, Equatable {
  case sqlite(path: String)
  /// Text meant for PostgreSQL: a URL, or something Ringside refuses when it connects (a
  /// libpq keyword/value string, a URL without its `//`) rather than take it for a file name.
  case postgres(url: String)

  /// `postgresql://…` and `postgres://…` (any letter case in the scheme) select PostgreSQL, as
  /// do `PostgresURL.looksLikePostgres`'s near misses, to be refused with a usage error;
  /// everything else is a SQLite path, the embedded default.
  public init(_ text: String) {
    self = PostgresURL.looksLikePostgres(text) ? .postgres(url: text) : .sqlite(path: text)
  }

  /// How messages name the store: the path, or the URL without any password.
  public var displayName: String {
    switch self {
    case .sqlite(let path): path
    case .postgres(let url): PostgresURL.redacted(url)
    }
  }

  /// Throws the usage error (`.malformedLocation`) a PostgreSQL location Ringside cannot use
  /// gets, before anything is opened; a SQLite path passes.
  public func check() throws(StoreError) {
    if case .postgres(let url) = self { _ = try PostgresURL.check(url) }
  }
}

/// Recognises PostgreSQL connection URLs and their near misses.
public enum PostgresURL {
  /// True for a `postgresql://` or `postgres://` URL, in any letter case.
  public static func isPostgres(_ text: String) -> Bool {
    splitScheme(text)?.scheme.hasSuffix("//") ?? false
  }

  /// True for a URL, and for what was surely meant for PostgreSQL though it is none: text
  /// that starts with `postgres:` or `postgresql:` (any case) without the `//`, or a libpq
  /// keyword/value string (`host=db dbname=ringside`).
  public static func looksLikePostgres(_ text: String) -> Bool {
    splitScheme(text) != nil || isConninfo(text)
  }

  /// The scheme as written with its `//` (`PostgreSQL://`), or for a near miss with the one
  /// slash or none it has (`postgres:/`), and the rest; nil when `text` does not start with
  /// `postgres:` or `postgresql:` in any case.
  static func splitScheme(_ text: String) -> (scheme: String, rest: Substring)? {
    let lower = text.prefix(11).lowercased()
    let length =
      lower.hasPrefix("postgresql:") ? 11 : lower.hasPrefix("postgres:") ? 9 : 0
    guard length > 0 else { return nil }
    var end = text.index(text.startIndex, offsetBy: length)
    if text[end...].hasPrefix("//") {
      end = text.index(end, offsetBy: 2)
    } else if text[end...].hasPrefix("/") {
      end = text.index(after: end)
    }
    return (String(text[..<end]), text[end...])
  }

  /// The keywords libpq takes in a `key=value` connection string.
  static let conninfoKeywords: Set<String> = [
    "host", "hostaddr", "port", "dbname", "user", "password", "passfile", "service",
    "options", "application_name", "fallback_application_name", "connect_timeout",
    "client_encoding", "sslmode", "sslcert", "sslkey", "sslrootcert", "sslpassword",
    "target_session_attrs", "require_auth", "channel_binding", "gssencmode",
    "krbsrvname", "keepalives", "load_balance_hosts", "replication",
  ]

  /// A libpq keyword/value string: one that starts with `keyword=` (spaces allowed around
  /// the `=`), or, holding no `/`, has a `keyword=` after a space. `./host=x` stays a path.
  static func isConninfo(_ text: String) -> Bool {
    let words = text.split(whereSeparator: \.isWhitespace)
    func isPair(_ index: Int) -> Bool {
      let word = words[index]
      let key = word.prefix { $0 != "=" }
      guard conninfoKeywords.contains(key.lowercased()) else { return false }
      return key.count < word.count || (index + 1 < words.count && words[index + 1].first == "=")
    }
    guard !words.isEmpty else { return false }
    if isPair(0) { return true }
    return !text.contains("/") && words.indices.dropFirst().contains { isPair($0) }
  }
}
