import Foundation
import XCTest

@testable import RingsideStore

/// Which backend the importer tests write into: SQLite, or PostgreSQL when
/// `RINGSIDE_TEST_STORE_BACKEND=postgres` (`.ci/test-backends` runs these suites once more that
/// way, on the server `RINGSIDE_TEST_POSTGRES_URL` names).
enum TestBackend {
  static let isPostgres =
    ProcessInfo.processInfo.environment["RINGSIDE_TEST_STORE_BACKEND"] == "postgres"

  /// Skips a test of something only the SQLite backend has (files, WAL, pragmas).
  static func requireSQLite(_ what: String) throws {
    if isPostgres { throw XCTSkip("SQLite only: \(what)") }
  }

  /// The URL of a new database of its own on the test server, dropped when `test` ends; the
  /// test is skipped without a server.
  static func postgresDatabase(for test: XCTestCase) throws -> String {
    guard let server = ProcessInfo.processInfo.environment["RINGSIDE_TEST_POSTGRES_URL"],
      !server.isEmpty, var parts = URLComponents(string: server)
    else {
      throw XCTSkip(
        "PostgreSQL backend skipped: RINGSIDE_TEST_POSTGRES_URL is not set (bash .ci/with-postgres sets it)"
      )
    }
    let name =
      "ringside_import_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
    try PostgresConnection(url: server).execute("CREATE DATABASE \(name)")
    // A connection of its own for the drop: one held from here would stay open as long as
    // XCTest keeps the test case, and the server allows only so many.
    test.addTeardownBlock {
      try? PostgresConnection(url: server).execute("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
    }
    parts.path = "/" + name
    return try XCTUnwrap(parts.string)
  }

  /// The store's tables, by name.
  static func tables(_ store: InventoryStore) throws -> [String] {
    try store.database.prepare(
      store.database.dialect == .postgres
        ? """
        SELECT table_name FROM information_schema.tables
        WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name
        """
        : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
    ).query { $0.string(at: 0) ?? "" }
  }

  /// The store's indexes, by name, with their definitions (a rebuilt index must be the same).
  static func indexes(_ store: InventoryStore) throws -> [String] {
    try store.database.prepare(
      store.database.dialect == .postgres
        ? """
        SELECT indexname || ': ' || indexdef FROM pg_indexes
        WHERE schemaname = current_schema() ORDER BY indexname
        """
        : "SELECT name || ': ' || coalesce(sql, '') FROM sqlite_master WHERE type = 'index' ORDER BY name"
    ).query { $0.string(at: 0) ?? "" }
  }
}
