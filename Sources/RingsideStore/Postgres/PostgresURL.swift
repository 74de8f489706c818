import Foundation

/// What `--db` names: a PostgreSQL connection URL, or else a SQLite file path.
public enum StoreLocation: Sendable, Equatable {
  case sqlite(path: String)
  case postgres(url: String)

  /// `postgresql://…` and `postgres://…` (any letter case in the scheme) select PostgreSQL;
  /// everything else is a SQLite path, the embedded default.
  public init(_ text: String) {
    self = PostgresURL.isPostgres(text) ? .postgres(url: text) : .sqlite(path: text)
  }

  /// How messages name the store: the path, or the URL without any password.
  public var displayName: String {
    switch self {
    case .sqlite(let path): path
    case .postgres(let url): PostgresURL.redacted(url)
    }
  }
}

/// Recognises and redacts PostgreSQL connection URLs.
public enum PostgresURL {
  /// True for a `postgresql://` or `postgres://` URL.
  public static func isPostgres(_ text: String) -> Bool {
    let lower = text.prefix(13).lowercased()
    return lower.hasPrefix("postgresql://") || lower.hasPrefix("postgres://")
  }

  /// The URL (or `key=value` connection string) without its password, for messages: the
  /// `:secret` of `user:secret@host` and every `password=` parameter are left out.
  public static func redacted(_ text: String) -> String {
    if isPostgres(text) {
      guard let schemeEnd = text.range(of: "://") else { return text }
      let scheme = text[..<schemeEnd.upperBound]
      var rest = Substring(text[schemeEnd.upperBound...])
      var query: Substring = ""
      if let mark = rest.firstIndex(of: "?") {
        query = rest[mark...]
        rest = rest[..<mark]
      }
      // The userinfo ends at the last "@" before the path.
      let authorityEnd = rest.firstIndex(of: "/") ?? rest.endIndex
      var authority = rest[..<authorityEnd]
      let path = rest[authorityEnd...]
      if let at = authority.lastIndex(of: "@") {
        let userinfo = authority[..<at]
        let user =
          userinfo.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
          .first ?? ""
        authority = Substring(user + authority[at...])
      }
      let keptQuery =
        query.isEmpty
        ? ""
        : query.dropFirst().split(separator: "&").filter {
          !$0.lowercased().hasPrefix("password=")
        }.joined(separator: "&")
      return scheme + authority + path + (keptQuery.isEmpty ? "" : "?" + keptQuery)
    }
    return text.split(separator: " ").filter { !$0.lowercased().hasPrefix("password=") }
      .joined(separator: " ")
  }
}
