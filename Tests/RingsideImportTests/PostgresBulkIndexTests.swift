import Foundation
import RingsideImport
import RingsideTestSupport
import XCTest

@testable import RingsideStore

/// On PostgreSQL a bulk import into a store that holds no devices takes the device tables'
/// secondary indexes off and builds them once before its commit (`dropIndexesForBulkWrite`),
/// as the owner or as an admin through the owner's functions; a store with devices and a
/// reader in the middle of a query keep them, and the import still stores everything.
/// Skipped without a server.
final class PostgresBulkIndexTests: XCTestCase {
  private let fixture = Support.fixture("intune-devices.csv")

  private var bulk: ImportOptions {
    var options = ImportOptions()
    options.bulkMinimumRecords = 0
    return options
  }

  /// The store's indexes as the importing connection sees them once the import has begun
  /// (when it has chosen the file's format, inside its transaction).
  private func indexesDuringImport(_ store: InventoryStore) throws -> [String] {
    var seen: [String] = []
    var events = ImportEvents()
    events.chose = { _ in
      seen = ((try? TestBackend.indexes(store)) ?? ["(unreadable)"]) + self.foreignKeys(store)
    }
    _ = try Importer.run(files: [fixture], into: store, options: bulk, events: events)
    return seen
  }

  /// The store's foreign keys with their definitions.
  private func foreignKeys(_ store: InventoryStore) -> [String] {
    (try? store.database.prepare(
      """
      SELECT conname || ': ' || pg_get_constraintdef(oid) FROM pg_constraint
      WHERE contype = 'f' AND connamespace = current_schema()::regnamespace ORDER BY conname
      """
    ).query { $0.string(at: 0) ?? "" }) ?? ["(unreadable)"]
  }

  private func everything(_ store: InventoryStore) throws -> [String] {
    try TestBackend.indexes(store) + foreignKeys(store)
  }

  private func names(_ indexes: [String]) -> Set<String> {
    Set(indexes.map { String($0.prefix { $0 != ":" }) })
  }

  func testABulkImportIntoAnEmptyStoreBuildsTheIndexesOnceAsTheyWere() throws {
    let store = try InventoryStore(path: TestBackend.postgresDatabase(for: self), create: true)
    let before = try everything(store)
    let during = names(try indexesDuringImport(store))
    XCTAssertFalse(during.contains("devices_by_name"), "\(during)")
    XCTAssertFalse(during.contains("device_sources_device_id_fkey"), "\(during)")
    // A key to a table every view reads stays (its drop would lock `rings` too).
    XCTAssertTrue(during.contains("devices_ring_id_fkey"), "\(during)")
    XCTAssertFalse(during.contains("devices_by_words"), "\(during)")
    XCTAssertFalse(during.contains("device_sources_by_device"), "\(during)")
    // The keys an import looks devices up by stay.
    XCTAssertTrue(during.isSuperset(of: ["devices_pkey", "devices_device_key_key"]), "\(during)")
    XCTAssertEqual(try everything(store), before)
    XCTAssertEqual(try store.countDevices(), 7)
    XCTAssertEqual(try store.integrityProblems(), [])
  }

  func testABulkImportIntoAStoreWithDevicesKeepsItsIndexesForItsReaders() throws {
    let store = try InventoryStore(path: TestBackend.postgresDatabase(for: self), create: true)
    try Support.run(store, [fixture])
    let before = try everything(store)
    XCTAssertEqual(try indexesDuringImport(store), before)
    XCTAssertEqual(try everything(store), before)
  }

  func testAReaderHoldingTheTableKeepsTheIndexesAndTheImportGoesOn() throws {
    let url = try TestBackend.postgresDatabase(for: self)
    let store = try InventoryStore(path: url, create: true)
    let before = try everything(store)
    let reader = try PostgresConnection(url: url)
    try reader.execute("BEGIN; LOCK TABLE devices IN ACCESS SHARE MODE")
    defer { try? reader.execute("ROLLBACK") }
    XCTAssertEqual(try indexesDuringImport(store), before)
    XCTAssertEqual(try store.countDevices(), 7)
    XCTAssertEqual(try everything(store), before)
  }

  /// A login role of `group` on the database `url` names, dropped when the test ends, and the
  /// URL that logs in as it.
  private func login(_ url: String, in group: String) throws -> String {
    let role = "bulk_\(group.suffix(5))_\(UUID().uuidString.prefix(8).lowercased())"
    let raw = try PostgresConnection(url: url)
    try raw.execute("CREATE ROLE \(role) LOGIN PASSWORD 'pw-\(role)' IN ROLE \(group)")
    addTeardownBlock {
      try? raw.execute("DROP OWNED BY \(role); DROP ROLE \(role)")
    }
    var parts = try XCTUnwrap(URLComponents(string: url))
    parts.user = role
    parts.password = "pw-\(role)"
    return try XCTUnwrap(parts.string)
  }

  /// A new store as its owner sees it, with its indexes and keys, and a connection of a login
  /// of `ringside_admin` to it (that role's grants made by `init`).
  private func storeAndAdmin() throws -> (
    url: String, owner: InventoryStore, before: [String], admin: PostgresConnection
  ) {
    let url = try TestBackend.postgresDatabase(for: self)
    let owner = try InventoryStore(path: url, create: true)
    return (
      url, owner, try everything(owner),
      try PostgresConnection(url: try login(url, in: "ringside_admin"))
    )
  }

  /// The planner's row estimate for `devices` (-1 before the table was ever analysed).
  private func plannedRows(_ store: InventoryStore) throws -> Int64 {
    try XCTUnwrap(
      store.database.scalar("SELECT reltuples::bigint FROM pg_class WHERE relname = 'devices'")?
        .int)
  }

  func testAnAdminWhoDoesNotOwnTheTablesImportsWithTheIndexesBuiltOnceAndStatistics() throws {
    let url = try TestBackend.postgresDatabase(for: self)
    let owner = try InventoryStore(path: url, create: true)
    let before = try everything(owner)
    let store = try InventoryStore(path: try login(url, in: "ringside_admin"))
    let during = names(try indexesDuringImport(store))
    XCTAssertFalse(during.contains("devices_by_words"), "\(during)")
    XCTAssertFalse(during.contains("device_grams_by_code"), "\(during)")
    XCTAssertFalse(during.contains("device_sources_device_id_fkey"), "\(during)")
    XCTAssertEqual(try store.countDevices(), 7)
    XCTAssertEqual(try everything(owner), before)
    XCTAssertEqual(try plannedRows(owner), 7, "the admin's import gathers the statistics")
    XCTAssertEqual(try owner.integrityProblems(), [])
  }

  func testADropCommittedWithoutItsRebuildIsHealedByTheNextBulkImport() throws {
    let (_, owner, before, admin) = try storeAndAdmin()
    XCTAssertGreaterThan(
      try admin.scalar("SELECT ringside_suspend_bulk_indexes(ARRAY['devices', 'device_sources'])")?
        .int ?? 0, 0)
    XCTAssertFalse(names(try everything(owner)).contains("devices_by_name"))
    // An import that is not a bulk one leaves them off; the next bulk one, into a store that
    // now holds devices, drops nothing more and builds what was left off.
    try Support.run(owner, [fixture])
    XCTAssertFalse(names(try everything(owner)).contains("devices_by_name"))
    _ = try Importer.run(files: [fixture], into: owner, options: bulk)
    XCTAssertEqual(try everything(owner), before)
    XCTAssertEqual(try owner.countDevices(), 7)
  }

  func testTheSuspendedIndexesAreTheOwnersAloneAndAViewerMayNotCallTheirFunctions() throws {
    let (url, owner, before, admin) = try storeAndAdmin()
    XCTAssertThrowsError(
      try admin.execute(
        "INSERT INTO suspended_indexes (name, table_name, statement) VALUES ('x', 'devices', 'CREATE TABLE stolen (a int)')"
      ))
    // A temporary table of the caller's own never stands in for the owner's.
    try admin.execute(
      """
      CREATE TEMPORARY TABLE suspended_indexes (
        position BIGINT, name TEXT, table_name TEXT, statement TEXT);
      INSERT INTO suspended_indexes VALUES (1, 'x', 'devices', 'CREATE TABLE stolen (a int)');
      CREATE TEMPORARY TABLE devices (id BIGINT);
      INSERT INTO devices VALUES (1);
      """)
    XCTAssertEqual(try admin.scalar("SELECT ringside_rebuild_bulk_indexes()")?.int, 0)
    XCTAssertEqual(try owner.database.scalar("SELECT to_regclass('stolen') IS NULL")?.int, 1)
    let viewer = try PostgresConnection(url: try login(url, in: "ringside_viewer"))
    for call in [
      "SELECT ringside_suspend_bulk_indexes(ARRAY['devices'])",
      "SELECT ringside_rebuild_bulk_indexes()", "SELECT ringside_refresh_statistics()",
    ] {
      XCTAssertThrowsError(try viewer.execute(call), call)
    }
    XCTAssertEqual(try everything(owner), before)
  }

  func testAFunctionSomeoneMadeInTheStoresSchemaIsNeverCalledByTheOwnersFunctions() throws {
    let (_, owner, before, admin) = try storeAndAdmin()
    // As in a database upgraded from PostgreSQL 14, where everyone may create in `public`.
    try owner.database.execute("GRANT CREATE ON SCHEMA public TO PUBLIC")
    for types in ["text, name", "text, text"] {
      try admin.execute(
        """
        CREATE FUNCTION public.format(\(types)) RETURNS text LANGUAGE plpgsql AS $$
        BEGIN
          CREATE TABLE IF NOT EXISTS public.stolen (a int);
          RETURN pg_catalog.format($1, $2);
        END $$
        """)
    }
    XCTAssertGreaterThan(
      try admin.scalar("SELECT ringside_suspend_bulk_indexes(ARRAY['devices'])")?.int ?? 0, 0)
    XCTAssertGreaterThan(try admin.scalar("SELECT ringside_rebuild_bulk_indexes()")?.int ?? 0, 0)
    XCTAssertEqual(try owner.database.scalar("SELECT to_regclass('public.stolen') IS NULL")?.int, 1)
    XCTAssertEqual(try everything(owner), before)
  }

  func testInitTakesCreatingInPublicFromEveryoneAsADatabaseFromPostgreSQL14Allowed() throws {
    let url = try TestBackend.postgresDatabase(for: self)
    try PostgresConnection(url: url).execute("GRANT CREATE ON SCHEMA public TO PUBLIC")
    _ = try InventoryStore(path: url, create: true)
    let admin = try PostgresConnection(url: try login(url, in: "ringside_admin"))
    XCTAssertThrowsError(
      try admin.execute(
        "CREATE FUNCTION public.lower(name) RETURNS text LANGUAGE sql AS 'SELECT 1'"))
  }
}
