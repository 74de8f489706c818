import Foundation
import XCTest

/// Which backend the CLI tests' stores live on: SQLite files, or PostgreSQL databases when
/// `RINGSIDE_TEST_STORE_BACKEND=postgres` (`.ci/test-backends` runs these suites once more that
/// way, on the server `RINGSIDE_TEST_POSTGRES_URL` names). `CLIHarness.dbPath` follows it.
enum TestBackend {
  static let isPostgres =
    ProcessInfo.processInfo.environment["RINGSIDE_TEST_STORE_BACKEND"] == "postgres"

  /// Skips a test of something only the SQLite backend has (files, permissions, unix groups,
  /// `--shared`, WAL, the writer lock file, a process killed while it writes a file).
  static func requireSQLite(_ what: String) throws {
    if isPostgres { throw XCTSkip("SQLite only: \(what)") }
  }
}
