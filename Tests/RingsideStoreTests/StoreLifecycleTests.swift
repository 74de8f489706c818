import Foundation
import RingsideDomain
import XCTest

@testable import RingsideStore

final class StoreLifecycleTests: XCTestCase {
  func testNewStoreIsPrivateAndHasTheDefaultRings() throws {
    let temp = try TemporaryStore()
    let store = try temp.open()
    let attributes = try FileManager.default.attributesOfItem(atPath: temp.path)
    XCTAssertEqual((attributes[.posixPermissions] as? NSNumber)?.intValue, 0o600)
    XCTAssertEqual(try store.rings().map(\.name), ["test", "production"])
    XCTAssertEqual(try store.database.scalar("PRAGMA journal_mode")?.string, "wal")
    XCTAssertEqual(try store.database.scalar("PRAGMA foreign_keys")?.int, 1)
  }

  func testMissingStoreIsAnErrorThatSaysHowToCreateOne() throws {
    let temp = try TemporaryStore()
    XCTAssertThrowsError(try temp.open(create: false)) { error in
      let e = error as! StoreError
      XCTAssertEqual(e.kind, .notFound)
      // It suggests a wrong --db or user first, then how to create one; never the demo fleet
      // written over the path monitoring and imports read.
      XCTAssertTrue(e.message.contains("another --db, $RINGSIDE_DB or user?"), e.message)
      XCTAssertTrue(e.message.contains("ringside init --db"), e.message)
      XCTAssertFalse(e.message.contains("ringside demo"), e.message)
    }
    XCTAssertFalse(FileManager.default.fileExists(atPath: temp.path))
  }

  func testStoreFromANewerRingsideIsRefusedAndLeftAlone() throws {
    let temp = try TemporaryStore()
    do {
      let store = try temp.open()
      try store.database.execute("PRAGMA user_version = 99")
    }
    let before = try Data(contentsOf: URL(fileURLWithPath: temp.path))
    XCTAssertThrowsError(try temp.open()) { error in
      XCTAssertEqual((error as! StoreError).kind, .newerSchema)
      XCTAssertTrue("\(error)".contains("newer Ringside"))
    }
    XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: temp.path)), before)
  }

  func testReadingCommandUpgradesAnOlderStoreItMayWrite() throws {
    let temp = try TemporaryStore()
    do {
      let store = try temp.open()
      try store.database.execute("DROP INDEX devices_overview; PRAGMA user_version = 3")
    }
    let reader = try temp.open(create: false, readOnly: true)
    XCTAssertEqual(
      try reader.database.scalar("PRAGMA user_version")?.int, Int64(Schema.currentVersion))
    XCTAssertEqual(
      try reader.database.scalar(
        "SELECT COUNT(*) FROM sqlite_master WHERE name = 'devices_overview'")?.int, 1)
  }

  func testNewStoreUsesSixteenKilobytePages() throws {
    let temp = try TemporaryStore()
    let store = try temp.open()
    XCTAssertEqual(try store.database.scalar("PRAGMA page_size")?.int, 16384)
  }

  func testUpgradeDropsIndexesThatOthersCover() throws {
    let temp = try TemporaryStore()
    do {
      let store = try temp.open()
      try store.database.execute(
        """
        CREATE INDEX devices_by_version ON devices(platform, os_sort, rsr, os_base);
        CREATE INDEX devices_by_ring_id ON devices(ring_id);
        PRAGMA user_version = 5;
        """)
    }
    let store = try temp.open()
    XCTAssertEqual(
      try store.database.scalar(
        "SELECT COUNT(*) FROM sqlite_master WHERE name IN ('devices_by_version', 'devices_by_ring_id')"
      )?.int, 0)
  }

  func testAuditLogRefusesUpdatesAndDeletes() throws {
    let temp = try TemporaryStore()
    let store = try temp.open()
    try store.database.execute(
      "INSERT INTO audit_log(at, user_name, role, origin, action, detail) VALUES (1, 'u', 'admin', 'local', 'x', 'y')"
    )
    XCTAssertThrowsError(try store.database.execute("UPDATE audit_log SET detail = 'z'"))
    XCTAssertThrowsError(try store.database.execute("DELETE FROM audit_log"))
    XCTAssertEqual(try store.database.scalar("SELECT detail FROM audit_log")?.string, "y")
  }

  func testDemoRefusesAStoreThatHoldsDevices() throws {
    let (_, store) = try TemporaryStore.demo(count: 10)
    XCTAssertThrowsError(try store.writeDemo(DemoFleet(count: 10, now: TemporaryStore.now)))
    XCTAssertEqual(try store.countDevices(), 10)
    XCTAssertEqual(try store.integrityProblems(), [])
  }

  func testDefaultPathFollowsTheEnvironment() {
    XCTAssertEqual(
      StorePath.resolve(explicit: "/x.db", environment: ["RINGSIDE_DB": "/y.db"]), "/x.db")
    XCTAssertEqual(StorePath.resolve(explicit: nil, environment: ["RINGSIDE_DB": "/y.db"]), "/y.db")
    XCTAssertEqual(
      StorePath.resolve(explicit: nil, environment: ["XDG_DATA_HOME": "/data", "HOME": "/h"]),
      "/data/ringside/ringside.db")
    XCTAssertEqual(
      StorePath.resolve(explicit: nil, environment: ["HOME": "/h"]),
      "/h/.local/share/ringside/ringside.db")
  }
}
