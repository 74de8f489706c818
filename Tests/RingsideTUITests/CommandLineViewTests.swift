import RingsideDomain
import XCTest

@testable import RingsideTUI

/// A command typed on the `:` line belongs to a view: typed elsewhere, it opens that view and
/// runs there instead of doing nothing.
final class CommandLineViewTests: XCTestCase {
  private func type(_ r: inout Reducer, _ line: String) {
    r.perform(Dashboard.runCommandLine(&r.state, line))
  }

  func testSortTypedInOverviewOrAuditOpensDevicesSortedSo() throws {
    for view in ["1", "5"] {
      var r = Reducer(store: try TestFleet.store())
      r.press(.character(Character(view)))
      type(&r, "sort os desc")
      XCTAssertEqual(r.state.current, .devices, "from view \(view)")
      XCTAssertEqual(r.state.devices.query.sort, DeviceSort(.os, descending: true))
      XCTAssertNotNil(r.state.devices.currentPage, "rows loaded in that order")
      XCTAssertNil(r.state.message, "no error: \(r.state.message?.text ?? "")")
    }
  }

  func testABadSortTypedInOverviewSaysWhichColumnsThereAre() throws {
    var r = Reducer(store: try TestFleet.store())
    type(&r, "sort colour")
    XCTAssertEqual(r.state.current, .devices)
    XCTAssertTrue(
      r.state.message?.text.hasPrefix("sort by one of: name platform os") == true,
      r.state.message?.text ?? "no message")
  }
}
