import Foundation
import RingsideDomain
import RingsideTestSupport
import XCTest

@testable import RingsideStore
@testable import RingsideTUI

/// On PostgreSQL a first import holds the devices until it commits (a minute at 1M): a view
/// whose query waits for that lock says so within `StoreService.lockWaitMS` instead of
/// loading silently, and loads once the lock is gone, the message going with the wait (the
/// PostgreSQL test is skipped without a server).
final class PostgresLockedStoreTests: XCTestCase {
  func testAViewWaitingForAnotherSessionsLockSaysSoAndLoadsOnceItIsGone() throws {
    let pg = try TestPostgres(prefix: "ringside_tui_")
    try InventoryStore(path: pg.url, create: true).writeDemo(
      DemoFleet(count: 40, now: TestFleet.now))
    let service = StoreService(store: try InventoryStore(path: pg.url), clock: { TestFleet.now })
    let importer = try PostgresConnection(url: pg.url)
    try importer.execute("BEGIN; LOCK TABLE devices IN ACCESS EXCLUSIVE MODE")
    guard case .failed(let text) = service.perform(.loadSnapshot) else {
      return XCTFail("the snapshot loaded through another session's lock")
    }
    XCTAssertEqual(text, StoreService.lockedText)
    try importer.execute("ROLLBACK")
    guard case .snapshotLoaded(let snapshot, _, _) = service.perform(.loadSnapshot) else {
      return XCTFail("the snapshot did not load once the lock was gone")
    }
    XCTAssertEqual(snapshot.devices, 40)
  }

  func testTheLockedMessageGoesOnceTheViewsLoadAndOtherMessagesStay() throws {
    var state = DashboardState(
      width: 80, height: 24, storeLabel: "test", readOnly: false, themeName: "default",
      asciiOnly: false, now: TestFleet.now)
    _ = Dashboard.start(&state)
    let snapshot = try XCTUnwrap(
      StoreService(store: try TestFleet.store(), clock: { TestFleet.now }).perform(.loadSnapshot))
    for (failure, stays) in [(StoreService.lockedText, false), ("disk full", true)] {
      var s = Dashboard.update(state, .failed(failure)).0
      XCTAssertEqual(s.message?.text, failure)
      s = Dashboard.update(s, snapshot).0
      XCTAssertEqual(s.message?.text, stays ? failure : nil)
    }
  }
}
