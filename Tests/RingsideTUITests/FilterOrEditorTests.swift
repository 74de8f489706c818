import RingsideDomain
import RingsideStore
import XCTest

@testable import RingsideTUI

/// The dashboard's `/` editor with `OR` and parentheses: the typed filter is one term the
/// drill-in scope must also meet, rows shown always match it, and mistakes say where.
final class FilterOrEditorTests: XCTestCase {
  func reducer() throws -> Reducer {
    var r = Reducer(store: try TestFleet.store())
    r.press(.character("2"))
    return r
  }

  func testTypingAnOrFilterQueriesTheUnionAndShowsOnlyMatchingRows() throws {
    var r = try reducer()
    r.press(.character("/"))
    for c in "(platform:macos OR platform:ipados) -state:current" { r.press(.character(c)) }
    XCTAssertEqual(
      r.state.devices.query.filter.terms,
      [.or([.platform(.macOS), .platform(.iPadOS)]), .not(.state(.current))])
    let store = try TestFleet.store()
    let expected = try store.countDevices(filter: r.state.devices.query.filter, now: TestFleet.now)
    XCTAssertEqual(r.state.devices.total, expected)
    XCTAssertGreaterThan(expected, 0)
    let rows = r.state.devices.currentPage?.rows ?? []
    XCTAssertFalse(rows.isEmpty)
    for row in rows {
      XCTAssertTrue([.macOS, .iPadOS].contains(row.device.platform), "\(row.device.name)")
      XCTAssertNotEqual(row.state, .current)
    }
  }

  func testAnUnclosedParenthesisShowsWhereAndNoRows() throws {
    let grid = try TestFleet.screen("2/(ring:test OR", width: 80, height: 24)
    XCTAssertTrue(grid.line(1).contains("OR at position 12 has nothing after it"), grid.text)
    let closed = try TestFleet.screen("2/(ring:test OR mac", width: 80, height: 24)
    XCTAssertTrue(closed.line(1).contains("( at position 1 is never closed"), closed.text)
    XCTAssertTrue(closed.text.contains("the filter above is not valid yet"), closed.text)
    XCTAssertFalse(closed.text.contains("RS-"), closed.text)
  }

  func testADrilledScopeStillHoldsAroundATypedOr() throws {
    var r = Reducer(store: try TestFleet.store())
    r.press(.down, .down, .enter)
    let scope = try XCTUnwrap(r.state.devices.scope)
    r.press(.character("/"))
    for c in "ring:test OR ring:production" { r.press(.character(c)) }
    XCTAssertEqual(
      r.state.devices.query.filter.terms, scope.terms + [.or([.ring("test"), .ring("production")])])
    let scoped = try TestFleet.store().countDevices(
      filter: DeviceFilter(terms: scope.terms), now: TestFleet.now)
    // Every device is in one of the two rings: the OR narrows nothing inside the scope.
    XCTAssertEqual(r.state.devices.total, scoped)
  }
}
