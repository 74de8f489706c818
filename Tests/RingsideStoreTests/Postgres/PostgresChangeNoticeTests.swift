import Foundation
import RingsideDomain
import RingsideTestSupport
import XCTest

@testable import RingsideStore

/// A dashboard on PostgreSQL learns of another session's commits from the store's change
/// notices: its `dataVersion` moves after every committed write to the tables it shows, stays
/// put otherwise, and costs no round trip.
final class PostgresChangeNoticeTests: XCTestCase {
  private let alice = AuditActor(user: "alice")
  private let now = Date(timeIntervalSince1970: 1_780_000_000)

  /// Asks `watcher` for its version until it differs from `old`, for up to two seconds.
  private func versionAfterChange(_ watcher: InventoryStore, from old: Int64) throws -> Int64 {
    let deadline = Date().addingTimeInterval(2)
    var version = try watcher.dataVersion()
    while version == old && Date() < deadline {
      usleep(10_000)
      version = try watcher.dataVersion()
    }
    return version
  }

  func testEveryCommittedWriteToAShownTableMovesTheVersionAndNothingElseDoes() throws {
    let pg = try TestPostgres()
    let writer = try InventoryStore(path: pg.url, create: true)
    let watcher = try InventoryStore(path: pg.url, readOnly: true)
    XCTAssertTrue(watcher.sendsChangeNotices)
    var version = try watcher.dataVersion()
    usleep(100_000)
    XCTAssertEqual(try watcher.dataVersion(), version, "no write, no change")
    let raw = try PostgresConnection(url: pg.url)
    let writes: [(String, () throws -> Void)] = [
      (
        "a staged change",
        { try writer.stagePolicy(.rsrRemoval(.block), ring: "test", by: self.alice, at: self.now) }
      ),
      ("a ring", { try raw.execute("INSERT INTO rings(name, position) VALUES ('lab', 9)") }),
      ("a policy", { try raw.execute("UPDATE policies SET defer_days = 3") }),
      (
        "a device",
        {
          try raw.execute(
            """
            INSERT INTO devices(device_key, name, platform, ring_id, source, state, removal)
            VALUES ('K1', 'n', 'ios', (SELECT MIN(id) FROM rings), 'demo', 'current', 'allowed')
            """)
        }
      ),
      ("a catalog override", { try raw.execute("DELETE FROM catalog_overrides") }),
    ]
    for (what, write) in writes {
      try write()
      let next = try versionAfterChange(watcher, from: version)
      XCTAssertNotEqual(next, version, what)
      version = next
    }
    // A transaction rolled back sends nothing; nor does a read.
    try raw.execute("BEGIN; UPDATE policies SET defer_days = 5; ROLLBACK")
    _ = try raw.scalar("SELECT COUNT(*) FROM devices")
    usleep(200_000)
    XCTAssertEqual(try watcher.dataVersion(), version)
  }

  func testSQLiteStoresKeepReadingDataVersion() throws {
    try TestBackend.requireSQLite("SQLite's data_version")
    let (temp, store) = try TemporaryStore.demo(count: 5)
    XCTAssertFalse(store.sendsChangeNotices)
    let other = try temp.open(create: false, readOnly: false)
    let before = try store.dataVersion()
    try other.stagePolicy(.rsrRemoval(.block), ring: "test", by: alice, at: now)
    XCTAssertNotEqual(try store.dataVersion(), before)
  }
}
