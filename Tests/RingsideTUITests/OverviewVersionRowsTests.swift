import RingsideDomain
import RingsideStore
import XCTest

@testable import RingsideTUI

/// The Overview's version bars read as they count: one bar per version as the screen names
/// it, and Enter on it reaches exactly the devices it counts.
final class OverviewVersionRowsTests: XCTestCase {
  func testVersionsThatReadTheSameAreOneBarWhoseDrillInReachesEveryDeviceItCounts() throws {
    let store = try TestFleet.store()
    let snapshot = FleetSnapshot(
      counts: try store.fleetCounts(now: TestFleet.now), rings: try store.rings(),
      catalog: try store.catalog())
    var merged = 0
    for (platform, rows) in snapshot.versions {
      XCTAssertEqual(
        Set(rows.map(\.label)).count, rows.count, "\(platform): a label shown twice")
      for row in rows where row.version.base != nil {
        if row.marks.count > 1 { merged += 1 }
        let scope = DeviceScope.version(row, trains: [])
        XCTAssertEqual(
          try store.countDevices(filter: DeviceFilter(terms: scope.terms), now: TestFleet.now),
          row.count, "\(platform) \(row.label)")
      }
    }
    XCTAssertGreaterThan(
      merged, 0, "the demo fleet reports some versions with and without a letter")
  }
}
