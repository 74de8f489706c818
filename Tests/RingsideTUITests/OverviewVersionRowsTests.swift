import RingsideDomain
import RingsideStore
import XCTest

@testable import RingsideTUI

/// The Overview's version bars read as they count: one bar per version as the screen names
/// it, and Enter on it reaches exactly the devices it counts.
final class OverviewVersionRowsTests: XCTestCase {
  /// The Overview's numbers for `store`, as the dashboard reads them.
  private static func snapshot(_ store: InventoryStore) throws -> FleetSnapshot {
    FleetSnapshot(
      counts: try store.fleetCounts(now: TestFleet.now), rings: try store.rings(),
      catalog: try store.catalog())
  }

  func testVersionsThatReadTheSameAreOneBarWhoseDrillInReachesEveryDeviceItCounts() throws {
    let store = try TestFleet.store()
    let snapshot = try Self.snapshot(store)
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

  /// The rollout counts patched devices: Macs left on 26.3.1, above macOS 15.8.1 (the minimum
  /// while Apple still ships 15), are not, and Enter on the number reaches the devices counted.
  func testTheRolloutCountsTheCurrentDevicesOfEachRingAndItsDrillInReachesThem() throws {
    let store = try TestFleet.store()
    let snapshot = try Self.snapshot(store)
    var checked = 0
    for ring in snapshot.rings {
      for r in ring.rollout {
        let all: [DeviceFilter.Term] = [.ring(ring.ring.name), .platform(r.platform)]
        let current = try store.countDevices(
          filter: DeviceFilter(terms: all + [.state(.current)]), now: TestFleet.now)
        XCTAssertEqual(r.reached, current, "\(ring.ring.name) \(r.platform)")
        let scope = OverviewView.reachedScope(ring: ring.ring.name, r)
        XCTAssertEqual(
          try store.countDevices(filter: DeviceFilter(terms: scope.terms), now: TestFleet.now),
          r.reached)
        checked += 1
        if r.platform == .macOS {
          let floor = try AppleOSVersion.parse("macOS 15.8.1", missingLetter: .none)
          XCTAssertEqual(floor.base, r.target.version, "the minimum while Apple ships 15")
          XCTAssertLessThan(r.reached, r.total, "\(ring.ring.name): Macs on 26.3.1 are behind")
        }
      }
    }
    XCTAssertGreaterThanOrEqual(checked, 4)
  }

  /// j keeps to its column: from the right column's last removal row it reaches the stale
  /// count below the Check-ins title, not the left column's next row.
  func testDownKeepsToTheRightColumnAcrossItsSectionTitle() throws {
    let text = try TestFleet.screen("1ljjjj<Enter>", width: 80, height: 24).text
    XCTAssertTrue(text.contains("stale"), text)
    XCTAssertFalse(text.contains("RSR removed"), text)
  }

  /// At 60 columns every Overview number is shown whole: the removal and check-in counts
  /// below the states, the rollout's counts without its bars.
  func testAtSixtyColumnsEveryOverviewNumberIsWhole() throws {
    let store = try TestFleet.store()
    let snapshot = try Self.snapshot(store)
    let text = try TestFleet.screen("", width: 60, height: 60).text
    let lines = text.split(separator: "\n").dropFirst().dropLast(2)
    for line in lines where line.contains(where: \.isNumber) {
      XCTAssertFalse(line.contains("…"), String(line))
    }
    XCTAssertTrue(text.contains((snapshot.byRemoval[.blocked] ?? 0).grouped), text)
    for ring in snapshot.rings {
      for r in ring.rollout {
        XCTAssertTrue(
          lines.contains {
            $0.contains(" \(r.reached.grouped) of ") && $0.contains(r.total.grouped)
          },
          "\(ring.ring.name) \(r.platform): \(text)")
      }
    }
  }
}
