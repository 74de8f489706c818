import Foundation
import RingsideDomain
import RingsideStore

/// A fresh temporary folder, removed when the test ends, with a demo store in it on request.
final class ServiceTestFolder {
  static let now = Date(timeIntervalSince1970: 1_788_264_000)  // 2026-09-01 12:00 UTC
  static let alice = AuditActor(user: "alice")
  let path: String

  init() throws {
    path =
      FileManager.default.temporaryDirectory.appendingPathComponent(
        "ringside-services-\(UUID().uuidString)"
      ).path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }

  deinit { try? FileManager.default.removeItem(atPath: path) }

  /// A store of 100 demo devices in this folder.
  func demoStore() throws -> InventoryStore {
    let store = try InventoryStore(path: path + "/ringside.db", create: true)
    try store.writeDemo(DemoFleet(count: 100, now: Self.now))
    return store
  }
}
