import Foundation
import RingsideDomain
import RingsideStore
import RingsideTestSupport

/// A store in a fresh temporary folder with a few known devices, for the staging tests.
final class StagingTestStore {
  let directory: String
  let path: String
  /// The test's own PostgreSQL database under `RINGSIDE_TEST_STORE_BACKEND=postgres`.
  let postgres: TestPostgres?
  static let now = Date(timeIntervalSince1970: 1_795_000_000)
  static let alice = AuditActor(user: "alice", origin: "ssh 192.0.2.7:51234")
  static let bob = AuditActor(user: "bob")

  init() throws {
    directory =
      FileManager.default.temporaryDirectory.appendingPathComponent(
        "ringside-staging-\(UUID().uuidString)"
      ).path
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    postgres = TestBackend.isPostgres ? try TestPostgres() : nil
    path = postgres?.url ?? directory + "/ringside.db"
  }

  deinit { try? FileManager.default.removeItem(atPath: directory) }

  func open(readOnly: Bool = false) throws -> InventoryStore {
    try InventoryStore(path: path, create: !readOnly, readOnly: readOnly)
  }

  /// A store with rings test and production and four devices in production:
  /// a supervised iPhone, an unsupervised iPhone, a user-enrolled iPad and a Mac.
  func seeded() throws -> InventoryStore {
    let store = try open()
    let devices: [(String, Platform, Bool?, Bool, String)] = [
      ("SUPIPHONE01", .iOS, true, false, "18.5"),
      ("UNSUPIPHONE", .iOS, false, false, "17.6"),
      ("BYODIPAD001", .iPadOS, true, true, "18.1"),
      ("MACBOOK0001", .macOS, true, false, "27.0"),
    ]
    try store.write {
      let writer = try DeviceWriter(store: store)
      for (serial, platform, supervised, enrolled, os) in devices {
        _ = try writer.insert(
          Device(
            serial: serial, name: "Device " + serial, platform: platform,
            version: AppleOSVersion(platform: platform, base: OSVersionNumber(os), rsr: .none),
            supervised: supervised, userEnrolled: enrolled, ring: "production", source: "test"))
      }
    }
    return store
  }
}
