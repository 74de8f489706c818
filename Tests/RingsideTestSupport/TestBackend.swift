import Foundation
import XCTest

/// Which backend a suite's stores live on: SQLite files, or PostgreSQL databases when
/// `RINGSIDE_TEST_STORE_BACKEND=postgres` (`.ci/test-backends` runs the store, import,
/// services, staging and CLI suites once more that way, on the server `TestPostgres` names).
public enum TestBackend {
  public static let isPostgres =
    ProcessInfo.processInfo.environment["RINGSIDE_TEST_STORE_BACKEND"] == "postgres"

  /// Skips a test of something only the SQLite backend has (files, permissions, unix groups,
  /// `--shared`, WAL, pragmas, the writer lock file).
  public static func requireSQLite(_ what: String) throws {
    if isPostgres { throw XCTSkip("SQLite only: \(what)") }
  }
}
