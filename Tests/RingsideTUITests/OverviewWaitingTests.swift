import RingsideDomain
import XCTest

@testable import RingsideStore
@testable import RingsideTUI

/// The Overview shows how many devices have an RSR/BSI waiting to install, from the same
/// fleet counts as `report` and `check`, and only when there are some.
final class OverviewWaitingTests: XCTestCase {
  func text(_ counts: FleetCounts) -> String {
    let snapshot = FleetSnapshot(counts: counts, rings: [], catalog: .builtin)
    return OverviewView.canvas(snapshot, width: 100, glyphs: .unicode).lines.map { line in
      line.map(\.text).joined(separator: " ")
    }.joined(separator: "\n")
  }

  func testWaitingDevicesOfEveryRingAreAddedUpOnTheOverview() {
    let counts = FleetCounts(
      groups: [], staleByRing: [:], waitingByRing: ["test": 2, "production": 1_200])
    XCTAssertTrue(text(counts).contains("RSR/BSI waiting"), text(counts))
    XCTAssertTrue(text(counts).contains("1,202"), text(counts))
  }

  func testNoWaitingLineWithoutWaitingDevices() {
    XCTAssertFalse(text(FleetCounts(groups: [], staleByRing: [:])).contains("waiting"))
  }
}
