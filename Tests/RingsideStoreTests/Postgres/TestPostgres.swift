import Foundation
import XCTest

@testable import RingsideStore

/// A database of its own on the server `RINGSIDE_TEST_POSTGRES_URL` names (`.ci/with-postgres`
/// starts one), dropped when the test ends. Without the variable the test is skipped and
/// says the PostgreSQL backend was not tested.
final class TestPostgres {
  static let environmentKey = "RINGSIDE_TEST_POSTGRES_URL"
  /// The server's URL (its maintenance database), as the environment gives it.
  let serverURL: String
  /// This test's own database.
  let url: String
  let databaseName: String

  init() throws {
    guard let server = ProcessInfo.processInfo.environment[Self.environmentKey], !server.isEmpty
    else {
      throw XCTSkip(
        "PostgreSQL backend skipped: \(Self.environmentKey) is not set (bash .ci/with-postgres swift test sets it)"
      )
    }
    serverURL = server
    databaseName =
      "ringside_test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
    url = Self.replacingDatabase(in: server, with: databaseName)
    let admin = try PostgresConnection(url: server)
    try admin.execute("CREATE DATABASE \(databaseName)")
  }

  /// Drops the database now when nothing uses it any more, else when the test process ends
  /// (a store opened on it may outlive this object, e.g. `TemporaryStore.demo().1`).
  /// (A DROP of a database in use waits 5 s for its sessions before it fails, so one in use is
  /// left for the exit at once.)
  deinit {
    guard let admin = try? PostgresConnection(url: serverURL) else { return }
    let sessions = try? admin.scalar(
      "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = '\(databaseName)'")?.int
    if sessions != 0 || (try? admin.execute("DROP DATABASE IF EXISTS \(databaseName)")) == nil {
      Self.lock.withLock { Self.leftover.append((serverURL, databaseName)) }
      Self.dropLeftoversAtExit
    }
  }

  private static let lock = NSLock()
  nonisolated(unsafe) private static var leftover: [(String, String)] = []

  /// Registered once: at exit, drops what is left, closing whatever still uses it.
  private static let dropLeftoversAtExit: Void = {
    atexit {
      for (server, name) in TestPostgres.lock.withLock({ TestPostgres.leftover }) {
        try? PostgresConnection(url: server).execute("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
      }
    }
  }()

  /// `url` with its path (the database name) replaced by `name`, query kept.
  static func replacingDatabase(in url: String, with name: String) -> String {
    guard var parts = URLComponents(string: url) else { return url }
    parts.path = "/" + name
    return parts.string ?? url
  }

  /// `url` with its user and password replaced.
  static func replacingLogin(in url: String, user: String, password: String?) -> String {
    guard var parts = URLComponents(string: url) else { return url }
    parts.user = user
    parts.password = password
    return parts.string ?? url
  }

  /// The server URL's password, for tests that check it never shows.
  var serverPassword: String? { URLComponents(string: serverURL)?.password }
}

/// Which backend the store suite runs on: SQLite, or PostgreSQL when
/// `RINGSIDE_TEST_STORE_BACKEND=postgres` (`.ci/run` runs the suite once more that way).
enum TestBackend {
  static let isPostgres =
    ProcessInfo.processInfo.environment["RINGSIDE_TEST_STORE_BACKEND"] == "postgres"

  /// Skips a test of something only the SQLite backend has (files, WAL, the writer lock file).
  static func requireSQLite(_ what: String) throws {
    if isPostgres { throw XCTSkip("SQLite only: \(what)") }
  }
}
