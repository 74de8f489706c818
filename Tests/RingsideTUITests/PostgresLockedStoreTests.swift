import Foundation
import RingsideDomain
import XCTest

@testable import RingsideStore
@testable import RingsideTUI

/// On PostgreSQL a first import holds the devices until it commits (a minute at 1M): a view
/// whose query waits for that lock says so within `StoreService.lockWaitMS` instead of
/// loading silently, and loads once the lock is gone (skipped without a server).
final class PostgresLockedStoreTests: XCTestCase {
  func testAViewWaitingForAnotherSessionsLockSaysSoAndLoadsOnceItIsGone() throws {
    let pg = try DashboardPostgres()
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
}
