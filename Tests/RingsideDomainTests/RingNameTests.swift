import RingsideDomain
import XCTest

/// A ring name given by a person is checked as it is; a label from an export is turned into a
/// name; a move group is keyed by its two names, not by text joined from them.
final class RingNameTests: XCTestCase {
  func testAValidNameIsKeptAndAnInvalidOneIsRefused() {
    XCTAssertEqual(RingName(validating: "pilot-macs")?.rawValue, "pilot-macs")
    XCTAssertNil(RingName(validating: "Pilot Macs"))
    XCTAssertNil(RingName(validating: "1st"))
    XCTAssertNil(RingName(validating: String(repeating: "a", count: 33)))
  }

  func testALabelFromAnExportBecomesAName() {
    XCTAssertEqual(RingName(label: "Update Ring: Pilot")?.rawValue, "update-ring-pilot")
    XCTAssertNil(RingName(label: "---"))
  }

  func testMovesBetweenDifferentRingsAreDifferentKeysEvenWhenTheirJoinedTextIsTheSame() {
    // "a→" + "b" and "a" + "→b" would join to the same text; the typed key keeps them apart.
    let one = RingMove(from: RingName("a→"), to: "b")
    let other = RingMove(from: "a", to: RingName("→b"))
    XCTAssertNotEqual(one, other)
    XCTAssertEqual([one: 1, other: 2].count, 2)
  }
}
