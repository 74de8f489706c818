import Foundation
import RingsideDomain
import RingsideStore
import XCTest

/// A fresh temporary folder, removed when the test ends, with a demo store on request: a file
/// in the folder, or under `RINGSIDE_TEST_STORE_BACKEND=postgres` a database of its own on the
/// server `RINGSIDE_TEST_POSTGRES_URL` names, dropped with the folder.
final class ServiceTestFolder {
  static let now = Date(timeIntervalSince1970: 1_788_264_000)  // 2026-09-01 12:00 UTC
  static let alice = AuditActor(user: "alice")
  static let onPostgres =
    ProcessInfo.processInfo.environment["RINGSIDE_TEST_STORE_BACKEND"] == "postgres"
  let path: String
  /// Where the store lives: `path/ringside.db`, or the PostgreSQL database's URL.
  let storePath: String
  private let server: String?
  private let databaseName: String?

  init() throws {
    path =
      FileManager.default.temporaryDirectory.appendingPathComponent(
        "ringside-services-\(UUID().uuidString)"
      ).path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    guard Self.onPostgres else {
      (server, databaseName, storePath) = (nil, nil, path + "/ringside.db")
      return
    }
    guard let server = ProcessInfo.processInfo.environment["RINGSIDE_TEST_POSTGRES_URL"],
      !server.isEmpty, var parts = URLComponents(string: server)
    else {
      throw XCTSkip("PostgreSQL backend skipped: RINGSIDE_TEST_POSTGRES_URL is not set")
    }
    let name =
      "ringside_services_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
    try PostgresConnection(url: server).execute("CREATE DATABASE \(name)")
    parts.path = "/" + name
    (self.server, databaseName, storePath) = (server, name, parts.string ?? server)
  }

  deinit {
    try? FileManager.default.removeItem(atPath: path)
    if let server, let databaseName {
      try? PostgresConnection(url: server).execute(
        "DROP DATABASE IF EXISTS \(databaseName) WITH (FORCE)")
    }
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
