import Foundation
import RingsideDomain
import XCTest

@testable import RingsideStore

/// The overview's counts come from `fleet_groups`, kept by triggers and bulk recounts; after
/// any mix of writes they must equal a count of every device.
final class FleetGroupsTests: XCTestCase {
  private func kept(_ store: InventoryStore) throws -> [String: Int] {
    var out: [String: Int] = [:]
    for g in try store.fleetCounts(now: TemporaryStore.now).groups {
      out["\(g.ring)|\(g.platform)|\(g.versionSortKey)|\(g.version)|\(g.state)|\(g.removal)"] =
        g.count
    }
    return out
  }

  private func recount(_ store: InventoryStore) throws -> [String: Int] {
    let rows = try store.database.prepare(
      """
      SELECT r.name, d.platform, d.os_sort, d.rsr, d.state, d.removal, COUNT(*)
      FROM devices d JOIN rings r ON r.id = d.ring_id GROUP BY 1, 2, 3, 4, 5, 6
      """
    ).query {
      (
        $0.string(at: 0) ?? "", $0.string(at: 1) ?? "", $0.string(at: 2) ?? "",
        $0.string(at: 3), $0.string(at: 4) ?? "", $0.string(at: 5) ?? "", Int($0.int(at: 6) ?? 0)
      )
    }
    var out: [String: Int] = [:]
    for (ring, p, sort, rsr, state, removal, n) in rows {
      let platform = Platform(rawValue: p)!
      let version = DeviceColumns.version(
        platform: platform, base: InventoryStore.base(fromSortKey: sort), rsr: rsr, build: nil,
        supplemental: nil)
      let s = DeviceState(rawValue: state)!
      let r = RemovalStatus(rawValue: removal)!
      out["\(ring)|\(platform)|\(sort)|\(version)|\(s)|\(r)"] = n
    }
    return out
  }

  private func assertEqualToRecount(
    _ store: InventoryStore, _ step: String, file: StaticString = #filePath, line: UInt = #line
  ) throws {
    let recounted = try recount(store)
    XCTAssertFalse(recounted.isEmpty, step, file: file, line: line)
    XCTAssertEqual(try kept(store), recounted, "after \(step)", file: file, line: line)
    // Stale per ring, at cutoffs on and between day boundaries.
    for now in [TemporaryStore.now, Date(timeIntervalSince1970: 1_795_017_600)] {
      let cutoff = Int64(now.timeIntervalSince1970) - Int64(DeviceFilter.staleDays * 86400)
      let rows = try store.database.prepare(
        """
        SELECT r.name, COUNT(*) FROM devices d JOIN rings r ON r.id = d.ring_id
        WHERE d.last_checkin IS NULL OR d.last_checkin < ?1 GROUP BY r.name
        """
      ).query([.integer(cutoff)]) { ($0.string(at: 0) ?? "", Int($0.int(at: 1) ?? 0)) }
      XCTAssertEqual(
        try store.fleetCounts(now: now).staleByRing.filter { $0.value > 0 },
        Dictionary(uniqueKeysWithValues: rows), "stale after \(step)", file: file, line: line)
    }
  }

  func testKeptCountsEqualARecountAfterRandomImportsMovesPolicyChangesAndDeletes() throws {
    let (_, store) = try TemporaryStore.demo(count: 400)
    try assertEqualToRecount(store, "the demo write")
    var rng = SystemRandomNumberGenerator()
    let rings = try store.rings().map(\.name)
    let versions = ["26.3.1", "26.3", "18.7.5", "16.7.12", "16.4.1 (a)", "26.3.1 (a)"]
    for round in 0..<12 {
      let operation = Int.random(in: 0..<6, using: &rng)
      try store.write {
        switch operation {
        case 0:
          // An import of a few devices, row by row, new and existing keys.
          let session = try ImportSession(store: store)
          for i in 0..<Int.random(in: 1...30, using: &rng) {
            let key = "FG\(round)-\(Int.random(in: 0..<20, using: &rng))-\(i % 3)"
            let platform: Platform = [.iOS, .iPadOS, .macOS].randomElement(using: &rng)!
            let version = try AppleOSVersion.parse(versions.randomElement(using: &rng)!)
            let device = Device(
              serial: key, name: "Device \(key)", platform: platform, model: "iPhone 16",
              version: version, ring: rings.randomElement(using: &rng)!, source: "test")
            if let old = try session.device(key: key) {
              try session.update(
                id: old.id, from: old.device, to: device, historyIsEmpty: true)
            } else {
              try session.insert(device)
            }
          }
          try session.flushLinks()
        case 1:
          // Ring moves, as `apply` makes them.
          try store.database.execute(
            """
            UPDATE devices SET ring_id = (SELECT id FROM rings ORDER BY random() LIMIT 1)
            WHERE id IN (SELECT id FROM devices ORDER BY random() LIMIT 25)
            """)
        case 2:
          // A policy change re-derives every removal status in the ring.
          let policy = try RingPolicy(
            rsrRemoval: [.allow, .block, .unset].randomElement(using: &rng)!)
          try store.setPolicy(policy, forRing: rings.randomElement(using: &rng)!)
        case 5:
          // Check-ins move: none, before 1970, on and around the stale cutoff's day.
          let cutoff = Int64(TemporaryStore.now.timeIntervalSince1970) - 14 * 86400
          for value in ["NULL", "-5", "\(cutoff)", "\(cutoff - 1)", "\(cutoff / 86400 * 86400)"] {
            try store.database.execute(
              """
              UPDATE devices SET last_checkin = \(value)
              WHERE id IN (SELECT id FROM devices ORDER BY random() LIMIT 7)
              """)
          }
        case 3:
          try store.database.execute(
            "DELETE FROM devices WHERE id IN (SELECT id FROM devices ORDER BY random() LIMIT 20)")
        default:
          // A bulk import: triggers dropped, one recount before the commit.
          let session = try ImportSession(store: store)
          try session.prepareBulk()
          for i in 0..<40 {
            try session.insert(
              Device(
                serial: "BULK\(round)-\(i)", name: "Bulk \(i)", platform: .macOS,
                model: "Mac mini (M4)", version: try AppleOSVersion.parse("26.3.1"),
                ring: rings.randomElement(using: &rng)!, source: "test"))
          }
          try session.restoreIndexes()
        }
      }
      try assertEqualToRecount(store, "round \(round), operation \(operation)")
    }
  }

  func testARolledBackBulkImportLeavesTheTriggersInPlace() throws {
    let (_, store) = try TemporaryStore.demo(count: 50)
    XCTAssertThrowsError(
      try store.write {
        let session = try ImportSession(store: store)
        try session.prepareBulk()
        throw StoreError(.other, "stop")
      })
    try store.write { try store.database.execute("DELETE FROM devices WHERE id % 2 = 0") }
    try assertEqualToRecount(store, "a delete after the rollback")
  }

  func testABulkImportLeavesNoWALBehind() throws {
    let temp = try TemporaryStore()
    let store = try temp.open()
    try store.writeDemo(DemoFleet(count: 3_000, now: TemporaryStore.now))
    let wal = try FileManager.default.attributesOfItem(atPath: temp.path + "-wal")[.size] as? Int
    XCTAssertEqual(wal, 0, "the WAL is truncated after a bulk write")
    try store.write {
      let session = try ImportSession(store: store)
      try session.prepareBulk()
      for i in 0..<3_000 {
        try session.insert(
          Device(
            serial: "W\(i)", name: "W \(i)", platform: .iOS, model: "iPhone 16",
            version: try AppleOSVersion.parse("26.3"), ring: "production", source: "test"))
      }
      try session.restoreIndexes()
    }
    let after = try FileManager.default.attributesOfItem(atPath: temp.path + "-wal")[.size] as? Int
    XCTAssertEqual(after, 0)
    XCTAssertEqual(try store.countDevices(), 6_000)
  }

  func testPagesAndCountsOfGroupFiltersEqualPlainSQLUnderEverySort() throws {
    let (_, store) = try TemporaryStore.demo(count: 3_000)
    let filters = [
      "state:pending", "state:pending ring:test", "-state:pending",
      "os:26", "ring:pilot", "state:current", "platform:ios os:18", "-state:current ring:test",
      "removal:blocked", "os:16.4.1", "ring:nosuchring", "ipad os:26", "model:mac state:current",
      "stale ring:production", "-os:26 -os:18",
    ]
    for text in filters {
      let filter = try DeviceFilter.parse(text)
      var all: [Int64] = []
      try store.forEachDevice(filter: filter, now: TemporaryStore.now) { all.append($0.id) }
      XCTAssertEqual(
        try store.countDevices(filter: filter, now: TemporaryStore.now), all.count, text)
      for column in DeviceSort.Column.allCases {
        for descending in [false, true] {
          let sort = DeviceSort(column, descending: descending)
          var expected: [Int64] = []
          try store.forEachDevice(filter: filter, sort: sort, now: TemporaryStore.now) {
            expected.append($0.id)
          }
          for offset in [0, 7, max(0, expected.count - 5)] {
            let page = try store.devices(
              filter: filter, sort: sort, offset: offset, limit: 40, now: TemporaryStore.now
            ).map(\.id)
            XCTAssertEqual(
              page, Array(expected.dropFirst(offset).prefix(40)),
              "\(text) by \(column) \(descending ? "desc" : "asc") from \(offset)")
          }
        }
      }
    }
  }

  func testStaleCountsFromKeptCheckInsEqualACountOfTheDevices() throws {
    let (_, store) = try TemporaryStore.demo(count: 1_000)
    let now = TemporaryStore.now
    let cutoff = Int64(now.timeIntervalSince1970) - Int64(DeviceFilter.staleDays) * 86400
    // No check-in, and check-ins on the cutoff's own day either side of it.
    try store.database.execute(
      """
      UPDATE devices SET last_checkin = NULL WHERE id % 9 = 0;
      UPDATE devices SET last_checkin = \(cutoff - 1) WHERE id % 9 = 1;
      UPDATE devices SET last_checkin = \(cutoff) WHERE id % 9 = 2;
      UPDATE devices SET last_checkin = \(cutoff / 86400 * 86400) WHERE id % 9 = 3;
      """)
    for text in [
      "stale:yes", "stale:no", "stale:yes ring:test", "stale:no ring:pilot",
      "ring:test ring:pilot stale:yes", "ring:nosuchring stale:no",
    ] {
      let filter = try DeviceFilter.parse(text)
      var all = 0
      try store.forEachDevice(filter: filter, now: now) { _ in all += 1 }
      XCTAssertEqual(try store.countFromCheckins(filter, now: now), all, text)
    }
    XCTAssertNil(try store.countFromCheckins(try DeviceFilter.parse("stale:yes ipad"), now: now))
  }

  func testTheCheckInRecountReadsOnlyTheCheckInIndex() throws {
    let (_, store) = try TemporaryStore.demo(count: 50)
    let plan = try store.database.prepare("EXPLAIN QUERY PLAN " + FleetGroups.checkinCountSQL)
      .query { $0.string(at: 3) ?? "" }.joined(separator: "\n")
    XCTAssertTrue(plan.contains("COVERING INDEX devices_by_checkin_ring"), plan)
  }
}
