import Foundation
import RingsideDomain
import RingsideTestSupport
import XCTest

@testable import RingsideStore

final class StoreQueryTests: XCTestCase {
  nonisolated(unsafe) static let shared: (TemporaryStore, InventoryStore) =
    TemporaryStore.sharedDemo()
  var store: InventoryStore { Self.shared.1 }
  let now = TemporaryStore.now

  /// The states the store holds must be what the domain derives for each device.
  func testStoredStatesMatchTheDomain() throws {
    let assessor = StateAssessor(catalog: .builtin, today: store.today)
    var expected: [DeviceState: Int] = [:]
    for entry in DemoFleet(now: now) {
      let d = entry.device
      expected[
        assessor.assess(
          platform: d.platform, model: d.model, version: d.version, removedLetter: d.removedLetter
        ).state, default: 0] += 1
    }
    let summary = try store.summary(now: now)
    XCTAssertEqual(summary.devices, 2000)
    XCTAssertEqual(summary.byState, expected)
    // No RSR/BSI is installable in late 2026: every other state occurs.
    XCTAssertEqual(
      Set(summary.byState.keys), Set(DeviceState.allCases).subtracting([.rsrAvailable]))
  }

  func testEveryRemovalStatusOccursAndAddsUp() throws {
    let summary = try store.summary(now: now)
    XCTAssertEqual(Set(summary.byRemoval.keys), Set(RemovalStatus.allCases))
    XCTAssertEqual(summary.byRemoval.values.reduce(0, +), 2000)
    XCTAssertGreaterThan(summary.stale, 0)
  }

  func testFilterSelectsTheSameDevicesAsCounting() throws {
    for text in [
      "state:pulled-rsr", "state:pending", "-state:pending ring:test", "ring:test",
      "platform:macos supervised:no", "os:16.5.1", "os:16",
      "os:\"16.5.1 (c)\"", "removal:not-enforced", "-state:current", "stale:yes", "RS-MAC",
    ] {
      let filter = try DeviceFilter.parse(text)
      let count = try store.countDevices(filter: filter, now: now)
      let page = try store.devices(filter: filter, offset: 0, limit: 5000, now: now)
      XCTAssertEqual(page.count, count, text)
      XCTAssertGreaterThan(count, 0, text)
    }
  }

  func testVersionFilterMatchesOnlyThatRelease() throws {
    let page = try store.devices(
      filter: try DeviceFilter.parse("os:\"16.5.1 (a)\""), limit: 500, now: now)
    XCTAssertFalse(page.isEmpty)
    XCTAssertTrue(
      page.allSatisfy { $0.device.version.displayString == "16.5.1 (a)" && $0.state == .pulledRSR })
  }

  func testPagesAreSortedAndDoNotOverlap() throws {
    let sort = DeviceSort(.os, descending: true)
    let first = try store.devices(sort: sort, offset: 0, limit: 50, now: now)
    let second = try store.devices(sort: sort, offset: 50, limit: 50, now: now)
    XCTAssertTrue(Set(first.map(\.id)).isDisjoint(with: second.map(\.id)))
    let keys = (first + second).map(\.device.version.sortKey)
    XCTAssertEqual(keys, keys.sorted(by: >))
  }

  func testRingSortGroupsEachRingByVersionFromAnIndex() throws {
    try TestBackend.requireSQLite("SQLite's query plan")
    for descending in [false, true] {
      let sort = DeviceSort(.ring, descending: descending)
      let rows = try store.devices(sort: sort, offset: 0, limit: 5000, now: now)
      XCTAssertEqual(rows.count, 2000)
      let position = Dictionary(
        uniqueKeysWithValues: try store.rings().enumerated().map { ($1.name, $0) })
      let keys = rows.map {
        (
          position[$0.device.ring]!, $0.device.platform.rawValue, $0.device.version.sortKey,
          $0.state.rawValue, $0.removal.rawValue, $0.id
        )
      }
      let sorted = keys.sorted { a, b in descending ? a > b : a < b }
      XCTAssertTrue(keys.elementsEqual(sorted, by: ==), "descending: \(descending)")
      let plan = try store.database.prepare(
        """
        EXPLAIN QUERY PLAN SELECT \(InventoryStore.deviceColumns)
        FROM devices d JOIN rings r ON r.id = d.ring_id WHERE 1
        ORDER BY \(sort.sqlOrder) LIMIT ?1 OFFSET ?2
        """
      ).query([.integer(40), .integer(0)]) { $0.string(at: 3) ?? "" }.joined(separator: "\n")
      XCTAssertTrue(plan.contains("USING INDEX devices_overview "), plan)
      XCTAssertFalse(plan.contains("TEMP B-TREE"), plan)
    }
  }

  func testFilterTextIsNeverSQL() throws {
    // A bare `)` closes a group; quoted, or after its `(` inside a term, it is text.
    for text in ["\"x'); DROP TABLE devices; --\"", "x'(); DROP TABLE devices; -- OR x'(')"] {
      let filter = try DeviceFilter.parse(text)
      XCTAssertEqual(try store.countDevices(filter: filter, now: now), 0)
    }
    XCTAssertEqual(try store.countDevices(now: now), 2000)
  }

  func testVersionCountsAddUpToTheFleet() throws {
    let counts = try store.versionCounts(now: now)
    XCTAssertEqual(counts.map(\.count).reduce(0, +), 2000)
    XCTAssertTrue(
      counts.contains { $0.platform == .iOS && $0.version.displayString == "16.5.1 (a)" })
  }

  func testRingSummariesCarryPolicies() throws {
    let rings = try store.ringSummaries()
    XCTAssertEqual(rings.map(\.ring.name), ["test", "production"])
    XCTAssertEqual(rings.map(\.devices).reduce(0, +), 2000)
    XCTAssertEqual(rings[1].ring.policy.rsrRemoval, .block)
  }

  func testHistoryShowsTheRemovedLetter() throws {
    let removed = try store.devices(
      filter: try DeviceFilter.parse("state:rsr-removed"), limit: 1, now: now)
    let history = try store.history(deviceID: removed[0].id)
    XCTAssertTrue(history.contains { $0.version.rsr.letter != nil })
    XCTAssertEqual(history.last?.version.rsr, RSRMark.none)
  }

  func testFindDevicesBySerialOrName() throws {
    let one = try store.devices(
      filter: try DeviceFilter.parse("RS-IPH supervised:yes"), limit: 1, now: now)[0]
    XCTAssertEqual(
      try store.findDevices(matching: one.device.serial!.lowercased()).map(\.id), [one.id])
    XCTAssertEqual(try store.findDevices(matching: one.device.name.uppercased()).first?.id, one.id)
  }
}
