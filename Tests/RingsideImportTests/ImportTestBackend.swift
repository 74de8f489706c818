import Foundation
import RingsideTestSupport
import XCTest

@testable import RingsideStore

/// What the importer tests ask of the backend under test (`TestBackend`, shared by the suites).
extension TestBackend {
  /// The URL of a new database of its own on the test server, dropped when `test` ends; the
  /// test is skipped without a server.
  static func postgresDatabase(for test: XCTestCase) throws -> String {
    try TestPostgres(for: test, prefix: "ringside_import_").url
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
