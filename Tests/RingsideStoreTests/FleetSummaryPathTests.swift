import Foundation
import RingsideDomain
import XCTest

@testable import RingsideStore

/// `report` and `check` read their numbers from the same counts the dashboard draws
/// (`fleetCounts`), filtered or not; each number equals a count of the devices themselves.
final class FleetSummaryPathTests: XCTestCase {
  func testSummariesFromTheFleetCountsEqualCountsOfTheDevicesUnderEveryFilter() throws {
    let (temp, store) = try TemporaryStore.demo(count: 600)
    defer { withExtendedLifetime(temp) {} }
    let now = TemporaryStore.now
    let filters: [DeviceFilter] = [
      .all, DeviceFilter(terms: [.ring("test")]), DeviceFilter(terms: [.platform(.macOS)]),
      DeviceFilter(terms: [.text("ipad")]),
      DeviceFilter(terms: [.ring("production"), .not(.state(.current))]),
    ]
    for filter in filters {
      let summary = try store.summary(filter: filter, now: now)
      XCTAssertEqual(summary.devices, try store.countDevices(filter: filter, now: now), "\(filter)")
      for state in DeviceState.allCases {
        let counted = try store.countDevices(
          filter: DeviceFilter(terms: filter.terms + [.state(state)]), now: now)
        XCTAssertEqual(summary.byState[state] ?? 0, counted, "\(filter) \(state)")
      }
      let versions = try store.versionCounts(filter: filter, now: now)
      XCTAssertEqual(versions.reduce(0) { $0 + $1.count }, summary.devices, "\(filter)")
    }
    let rings = try store.ringSummaries(now: now)
    XCTAssertEqual(rings.reduce(0) { $0 + $1.devices }, try store.countDevices(now: now))
    for ring in rings {
      XCTAssertEqual(
        ring.devices,
        try store.countDevices(filter: DeviceFilter(terms: [.ring(ring.ring.name)]), now: now))
    }
  }
}
