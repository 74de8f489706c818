import RingsideDomain
import RingsideStore
import XCTest

@testable import RingsideTUI

/// The Overview and Rings pages are laid out once per change of what they show, not on every
/// key: cursor keys and redraws read the layout the last change made.
final class ViewLayoutTests: XCTestCase {
  func testCursorKeysAndRedrawsDoNotLayOutThePagesAgain() throws {
    var r = Reducer(store: try TestFleet.store())
    r.press(.character("3"))
    let overview = r.state.layout.overviewPasses
    let rings = r.state.layout.ringsPasses
    XCTAssertGreaterThan(rings, 0)
    for _ in 0..<5 {
      r.press(.character("j"))
      _ = r.screen
    }
    r.press(.character("1"), .character("j"), .character("k"))
    XCTAssertEqual(r.state.layout.overviewPasses, overview)
    XCTAssertEqual(r.state.layout.ringsPasses, rings)
  }

  func testAResizeLaysThePagesOutAgainForTheNewWidth() throws {
    var r = Reducer(store: try TestFleet.store())
    let rings = r.state.layout.ringsPasses
    let (next, _) = Dashboard.update(r.state, .resize(width: 132, height: 40))
    XCTAssertEqual(next.layout.ringsPasses, rings + 1)
    XCTAssertEqual(
      next.layout.rings(next)?.lines.count,
      RingsView.canvas(try XCTUnwrap(next.snapshot), width: 132, staging: next.staging).lines.count)
  }
}
