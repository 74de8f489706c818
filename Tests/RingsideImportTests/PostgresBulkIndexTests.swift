import Foundation
import RingsideImport
import XCTest

@testable import RingsideStore

/// On PostgreSQL a bulk import into a store that holds no devices takes the device tables'
/// secondary indexes off and builds them once before its commit (`dropIndexesForBulkWrite`);
/// a store with devices, a reader in the middle of a query and a role that does not own the
/// tables keep them, and the import still stores everything. Skipped without a server.
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

  func testARoleThatDoesNotOwnTheTablesImportsWithTheIndexesKept() throws {
    let url = try TestBackend.postgresDatabase(for: self)
    let owner = try InventoryStore(path: url, create: true)
    let before = try everything(owner)
    let admin = "bulk_admin_\(UUID().uuidString.prefix(8).lowercased())"
    let raw = try PostgresConnection(url: url)
    try raw.execute("CREATE ROLE \(admin) LOGIN PASSWORD 'pw-admin' IN ROLE ringside_admin")
    defer { try? raw.execute("DROP OWNED BY \(admin); DROP ROLE \(admin)") }
    var parts = try XCTUnwrap(URLComponents(string: url))
    parts.user = admin
    parts.password = "pw-admin"
    let store = try InventoryStore(path: try XCTUnwrap(parts.string))
    XCTAssertEqual(try indexesDuringImport(store), before)
    XCTAssertEqual(try store.countDevices(), 7)
    XCTAssertEqual(try everything(owner), before)
  }
}
