import Foundation
import RingsideDomain
import RingsideStore
import XCTest

@testable import RingsideTUI

/// The dashboard's run of staging keys reaches the audit log once, with the final value, when
/// the user leaves Rings or the session ends.
final class StagingRunAuditTests: XCTestCase {
  /// A fresh demo store, removed with its folder when the test ends.
  private func freshStore() throws -> InventoryStore {
    let store = try TestFleet.freshStore()
    let folder = (store.path as NSString).deletingLastPathComponent
    addTeardownBlock { try? FileManager.default.removeItem(atPath: folder) }
    return store
  }

  private func stageEntries(_ store: InventoryStore) throws -> [String] {
    try store.auditEntries().filter { $0.action == "stage-policy" }.map(\.detail)
  }

  func testLeavingRingsWritesTheRunsEntryAndStayingDoesNot() throws {
    let store = try freshStore()
    var r = Reducer(store: store)
    r.press(.character("3"), .character("+"), .character("+"), .character("+"))
    XCTAssertEqual(try stageEntries(store), [], "held while the user stays on the ring")
    r.press(.character("4"))
    XCTAssertEqual(try stageEntries(store), ["ring test: OS update deferral unset → 3"])
  }

  func testQuittingWritesTheRunsEntryBeforeTheWorkerEnds() throws {
    let store = try freshStore()
    let path = store.path
    let runner = BackgroundRunner(
      open: { try InventoryStore(path: path) },
      staging: StagingContext(actor: TestFleet.alice, directory: TestFleet.noDirectory))
    for _ in 0..<4 {
      runner.submit([.write(.policy(.deferral(by: 1), ring: "test", replacingOthers: false))])
    }
    runner.stop()
    XCTAssertTrue(runner.waitUntilStopped(seconds: 10))
    XCTAssertEqual(try stageEntries(store), ["ring test: OS update deferral unset → 4"])
    XCTAssertNil(try store.auditChainProblem().problem)
  }
}
