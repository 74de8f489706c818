import RingsideDomain
import RingsideStore
import XCTest

@testable import RingsideTUI

/// The pure state update, driven event by event without a terminal or a store.
final class DashboardUpdateTests: XCTestCase {
  func makeState() -> DashboardState {
    DashboardState(
      width: 80, height: 24, storeLabel: "", readOnly: false, themeName: "default",
      asciiOnly: false,
      now: TestFleet.now)
  }

  func type(_ state: DashboardState, _ keys: [Key]) -> (DashboardState, [Effect]) {
    var s = state
    var all: [Effect] = []
    for key in keys {
      let (next, effects) = Dashboard.update(s, .key(key))
      s = next
      all += effects
    }
    return (s, all)
  }

  func testFilterAsYouTypeQueriesCountAndOnePageOnEveryValidKeystroke() {
    let (s, effects) = type(makeState(), [.character("/"), .character("a"), .character("b")])
    XCTAssertEqual(s.current, .devices)
    XCTAssertEqual(s.input, .filter(draft: "ab", original: ""))
    XCTAssertEqual(s.devices.query.filter.terms, [.text("ab")])
    let counts = effects.filter { if case .count = $0 { true } else { false } }
    let pages = effects.compactMap { if case .loadPage(let r) = $0 { r } else { nil } }
    XCTAssertEqual(counts.count, 2)
    XCTAssertTrue(pages.allSatisfy { $0.limit <= 19 + 2 * DevicesModel.margin })
  }

  func testAnUnfinishedFilterShowsItsErrorAndKeepsTheLastResults() {
    let (s, effects) = type(makeState(), "/state:pu".map { Key.character($0) })
    XCTAssertNotNil(s.devices.filterError)
    XCTAssertEqual(s.devices.query.filter.terms, [.text("state")])
    XCTAssertFalse(
      effects.contains {
        if case .count(let q) = $0 {
          q.filter.terms.contains { if case .state = $0 { true } else { false } }
        } else {
          false
        }
      })
  }

  func testReopeningTheFilterSelectsItSoTypingReplacesIt() {
    var (s, _) = type(makeState(), "/ring:test".map { Key.character($0) } + [.enter])
    XCTAssertEqual(s.devices.filterText, "ring:test")
    (s, _) = type(s, [.character("/")] + "mac".map { Key.character($0) })
    XCTAssertEqual(s.input, .filter(draft: "mac", original: "ring:test"))
    XCTAssertEqual(s.devices.filterText, "mac")
  }

  func testTheFilterEditorMovesItsCursorAndEditsInPlace() {
    var (s, _) = type(makeState(), "/ring:test".map { Key.character($0) } + [.enter])
    (s, _) = type(s, [.character("/"), .home, .character("-")])
    XCTAssertEqual(s.input, .filter(draft: "-ring:test", original: "ring:test"))
    (s, _) = type(s, [.end, .character(" "), .character("x"), .left, .backspace])
    XCTAssertEqual(s.input, .filter(draft: "-ring:testx", original: "ring:test"))
    (s, _) = type(s, [.control("a"), .delete])
    XCTAssertEqual(s.input, .filter(draft: "ring:testx", original: "ring:test"))
    (s, _) = type(s, [.control("u")])
    XCTAssertEqual(s.input, .filter(draft: "", original: "ring:test"))
  }

  func testAnInvalidFilterShowsNoRowsOfTheOldOne() throws {
    let grid = try TestFleet.screen("2/ring:test<Enter>/state:pu", width: 80, height: 24)
    XCTAssertTrue(grid.text.contains("the filter above is not valid yet"), grid.text)
    XCTAssertFalse(grid.text.contains("RS-"), grid.text)
  }

  func testEscapeRestoresTheFilterFromBeforeEditing() {
    var (s, _) = type(makeState(), [.character("/"), .character("x"), .enter])
    (s, _) = type(s, [.character("/"), .character("y"), .escape])
    XCTAssertEqual(s.devices.filterText, "x")
    XCTAssertEqual(s.input, .none)
  }

  func testStoreChangeKeepsCursorAndFilter() {
    var (s, _) = type(makeState(), [.character("/"), .character("i"), .enter])
    let query = s.devices.query
    s = Dashboard.update(s, .countLoaded(query, 500)).0
    s.devices.cursor = 42
    s = Dashboard.update(s, .dataVersion(1)).0
    let (next, effects) = Dashboard.update(s, .dataVersion(2))
    XCTAssertEqual(next.devices.cursor, 42)
    XCTAssertEqual(next.devices.filterText, "i")
    XCTAssertEqual(next.devices.total, 500)
    XCTAssertTrue(effects.contains(.loadSnapshot))
    XCTAssertTrue(
      effects.contains { if case .count(let q) = $0 { q.filter == query.filter } else { false } })
  }

  func testStaleAnswersAreIgnored() {
    var (s, _) = type(makeState(), [.character("/"), .character("a")])
    let old = s.devices.query
    (s, _) = type(s, [.character("b")])
    s = Dashboard.update(s, .countLoaded(old, 7)).0
    XCTAssertNil(s.devices.total)
  }

  func testQuitKeysEndTheSession() {
    for key in [Key.character("q"), .function(10), .control("c")] {
      let (s, effects) = type(makeState(), [key])
      XCTAssertTrue(s.quitting)
      XCTAssertEqual(effects, [.quit])
    }
    let (s, _) = type(makeState(), [.character(":"), .character("q"), .enter])
    XCTAssertTrue(s.quitting)
  }

  func testCommandLineSwitchesViewsAndThemes() {
    var (s, _) = type(makeState(), Array(":rings").map { Key.character($0) } + [.enter])
    XCTAssertEqual(s.current, .rings)
    let (_, effects) = type(s, Array(":theme mono").map { Key.character($0) } + [.enter])
    XCTAssertEqual(effects, [.loadTheme("mono")])
    (s, _) = type(s, Array(":nope").map { Key.character($0) } + [.enter])
    XCTAssertEqual(s.message?.isError, true)
  }

  func testTabAndNumberKeysSwitchViews() {
    var (s, _) = type(makeState(), [.tab])
    XCTAssertEqual(s.current, .devices)
    (s, _) = type(s, [.character("3")])
    XCTAssertEqual(s.current, .rings)
    (s, _) = type(s, [.backTab])
    XCTAssertEqual(s.current, .devices)
  }
}
