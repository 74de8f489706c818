import Foundation
import RingsideDomain
import XCTest

@testable import RingsideStore
@testable import RingsideTUI

/// The dashboard against real stores: hostile names, changes from another process.
final class StoreLiveTests: XCTestCase {
  func makeStore(names: [String]) throws -> InventoryStore {
    let path = try TestFolders.make("ringside-tui-live").appendingPathComponent("live.db").path
    let store = try InventoryStore(path: path, create: true)
    try store.write {
      let writer = try DeviceWriter(store: store)
      for (i, name) in names.enumerated() {
        try writer.insert(
          Device(
            serial: "SER\(i)", name: name, platform: .iOS,
            version: try AppleOSVersion.parse("16.5.1 (a)", missingLetter: .none), supervised: true,
            ring: "test", lastCheckIn: TestFleet.now, source: "test"))
      }
    }
    return store
  }

  func testAHostileDeviceNameIsDrawnAsVisiblePlaceholders() throws {
    let hostile = "\u{1B}]0;owned\u{07}\u{1B}[2J<script>"
    let store = try makeStore(names: [hostile, "山田のiPad 🍎"])
    for (script, shown) in [
      ("2", "^[]0;owned^G^[[2J<…"), ("2<Enter>", "^[]0;owned^G^[[2J<script>"),
    ] {
      let grid = try TestFleet.screen(script, store: store)
      XCTAssertTrue(grid.text.contains(shown), grid.text)
      XCTAssertFalse(
        grid.cells.contains {
          $0.text.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }
        })
    }
    let table = try TestFleet.screen("2", store: store)
    let row = (0..<table.height).first { table.line($0).contains("山田") }!
    let header = table.line(2)
    let osColumn = DisplayWidth.of(String(header[..<header.range(of: "OS/RSR")!.lowerBound]))
    let rowText = table.line(row)
    let osAt = DisplayWidth.of(String(rowText[..<rowText.range(of: "16.5.1")!.lowerBound]))
    XCTAssertEqual(osAt, osColumn, "a wide name shifts the columns:\n\(table.text)")
  }

  func testAnotherConnectionsCommitChangesTheDataVersion() throws {
    let store = try makeStore(names: ["one"])
    let service = StoreService(store: store, clock: { TestFleet.now })
    guard case .dataVersion(let before) = service.perform(.checkDataVersion) else {
      return XCTFail()
    }
    let other = try InventoryStore(path: store.path)
    try other.write { try other.database.execute("UPDATE devices SET name = 'two'") }
    guard case .dataVersion(let after) = service.perform(.checkDataVersion) else {
      return XCTFail()
    }
    XCTAssertNotEqual(before, after)
  }

  func testOverviewCountsReadTheBaseVersionFromTheSortKey() throws {
    XCTAssertEqual(
      InventoryStore.base(fromSortKey: AppleOSVersion(base: OSVersionNumber("16.5.1")).sortKey),
      "16.5.1")
    XCTAssertEqual(
      InventoryStore.base(fromSortKey: AppleOSVersion(base: OSVersionNumber("26.2")).sortKey),
      "26.2")
    XCTAssertNil(InventoryStore.base(fromSortKey: ""))
    let counts = try TestFleet.store().fleetCounts(now: TestFleet.now)
    XCTAssertEqual(counts.groups.reduce(0) { $0 + $1.count }, 2000)
    XCTAssertEqual(
      counts.staleByRing.values.reduce(0, +),
      try TestFleet.store().summary(now: TestFleet.now).stale)
  }

  func testTheLastPageOfALargeListIsReadFromTheFarEnd() throws {
    let store = try TestFleet.store()
    let sort = DeviceSort(.name)
    let direct = try store.devices(filter: .all, sort: sort, offset: 1990, limit: 10)
    let flipped = try store.devicePage(
      filter: .all, sort: sort, offset: 1990, limit: 10, total: 2000)
    XCTAssertEqual(direct.map(\.id), flipped.map(\.id))
  }
}

/// Enter on a number must list exactly that many devices.
final class DrillInTests: XCTestCase {
  func testEveryNumberOnOverviewAndRingsOpensThatManyDevices() throws {
    let store = try TestFleet.store()
    let catalog = try store.catalog()
    let snapshot = FleetSnapshot(
      counts: try store.fleetCounts(now: TestFleet.now), rings: try store.rings(), catalog: catalog)
    let canvases = [
      OverviewView.canvas(snapshot, width: 80, glyphs: .unicode),
      OverviewView.canvas(snapshot, width: 132, glyphs: .unicode),
      RingsView.canvas(snapshot, width: 80),
    ]
    var checked = 0
    for canvas in canvases {
      for item in canvas.items {
        let text = canvas.lines[item.line].first { $0.x == item.x }?.text ?? ""
        guard let shown = Int(text.filter(\.isNumber)),
          text.allSatisfy({ $0.isNumber || $0 == "," || $0 == " " })
        else { continue }
        let listed = try store.countDevices(
          filter: DeviceFilter(terms: item.scope.terms), now: TestFleet.now)
        XCTAssertEqual(listed, shown, "\(item.scope.title) shows \(shown) but opens \(listed)")
        checked += 1
      }
    }
    XCTAssertGreaterThan(checked, 60)
  }
}
