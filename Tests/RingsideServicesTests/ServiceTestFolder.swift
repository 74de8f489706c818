import Foundation
import RingsideDomain
import RingsideStore
import RingsideTestSupport
import XCTest

/// A fresh temporary folder, removed when the test ends, with a demo store on request: a file
/// in the folder, or under `RINGSIDE_TEST_STORE_BACKEND=postgres` a database of its own on the
/// server `RINGSIDE_TEST_POSTGRES_URL` names, dropped with the folder.
final class ServiceTestFolder {
  static let now = Date(timeIntervalSince1970: 1_788_264_000)  // 2026-09-01 12:00 UTC
  static let alice = AuditActor(user: "alice")
  static let onPostgres = TestBackend.isPostgres
  let path: String
  /// Where the store lives: `path/ringside.db`, or the PostgreSQL database's URL.
  let storePath: String
  private let postgres: TestPostgres?

  init() throws {
    path =
      FileManager.default.temporaryDirectory.appendingPathComponent(
        "ringside-services-\(UUID().uuidString)"
      ).path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    postgres = Self.onPostgres ? try TestPostgres(prefix: "ringside_services_") : nil
    storePath = postgres?.url ?? path + "/ringside.db"
  }

  deinit {
    try? FileManager.default.removeItem(atPath: path)
    postgres?.drop()
  }

  /// Whether a store exists yet: the file, or Ringside's schema in the database.
  var storeExists: Bool {
    guard Self.onPostgres else { return FileManager.default.fileExists(atPath: storePath) }
    return (try? InventoryStore(path: storePath, readOnly: true)) != nil
  }

  /// A store of 100 demo devices.
  func demoStore() throws -> InventoryStore {
    let store = try InventoryStore(path: storePath, create: true)
    try store.writeDemo(DemoFleet(count: 100, now: Self.now))
    return store
  }
}
