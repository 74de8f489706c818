import Foundation
import RingsideDomain
import RingsideTestSupport
import XCTest

@testable import RingsideStore

/// Two admins on two connections (two sessions) staging the same ring key.
final class StagingConflictTests: XCTestCase {
  func testSecondAdminSeesTheConflictAndNothingIsOverwritten() throws {
    let temp = try StagingTestStore()
    _ = try temp.seeded()
    let aliceSession = try temp.open()
    let bobSession = try temp.open()
    try aliceSession.stagePolicy(.rsrInstallation(.block), ring: "test", by: StagingTestStore.alice)
    XCTAssertThrowsError(
      try bobSession.stagePolicy(.rsrInstallation(.allow), ring: "test", by: StagingTestStore.bob)
    ) { error in
      let e = error as! StoreError
      XCTAssertEqual(e.kind, .conflict)
      XCTAssertTrue(e.message.contains("alice staged RSR/BSI installation block"), e.message)
    }
    let staged = try aliceSession.stagedChanges()
    XCTAssertEqual(staged.count, 1)
    XCTAssertEqual(staged[0].author, "alice")
    XCTAssertTrue(staged[0].summary.hasSuffix("→ block"), staged[0].summary)
  }

  func testSecondAdminMayReplaceOnPurposeAndTheAuditNamesBoth() throws {
    let temp = try StagingTestStore()
    _ = try temp.seeded()
    let aliceSession = try temp.open()
    let bobSession = try temp.open()
    try aliceSession.stagePolicy(.rsrInstallation(.block), ring: "test", by: StagingTestStore.alice)
    let outcome = try bobSession.stagePolicy(
      .rsrInstallation(.allow), ring: "test", by: StagingTestStore.bob, replacingOthers: true)
    guard case .staged(let change, let replaced) = outcome else { return XCTFail("\(outcome)") }
    XCTAssertEqual(change.author, "bob")
    XCTAssertEqual(replaced?.author, "alice")
  }

  func testStagingTheSameValueAsAnotherAdminIsNoConflict() throws {
    let temp = try StagingTestStore()
    _ = try temp.seeded()
    let aliceSession = try temp.open()
    let bobSession = try temp.open()
    try aliceSession.stagePolicy(.deferralDays(5), ring: "test", by: StagingTestStore.alice)
    XCTAssertNoThrow(
      try bobSession.stagePolicy(.deferralDays(5), ring: "test", by: StagingTestStore.bob))
  }

  func testOneSessionSeesWhatAnotherStagedAtOnce() throws {
    let temp = try StagingTestStore()
    _ = try temp.seeded()
    let viewer = try temp.open(readOnly: true)
    let admin = try temp.open()
    XCTAssertEqual(try viewer.stagedChangeCount(), 0)
    try admin.stagePolicy(.rsrRemoval(.block), ring: "production", by: StagingTestStore.alice)
    XCTAssertEqual(try viewer.stagedChangeCount(), 1)
  }
}

/// The audit log's hash chain catches what the triggers cannot: edits made with them dropped.
final class AuditChainTests: XCTestCase {
  private func storeWithEntries() throws -> (StagingTestStore, InventoryStore) {
    let temp = try StagingTestStore()
    let store = try temp.seeded()
    try store.stagePolicy(.rsrInstallation(.block), ring: "test", by: StagingTestStore.alice)
    try store.stagePolicy(.deferralDays(3), ring: "test", by: StagingTestStore.alice)
    try store.stagePolicy(.rsrRemoval(.block), ring: "production", by: StagingTestStore.bob)
    return (temp, store)
  }

  func testIntactLogVerifies() throws {
    let (_, store) = try storeWithEntries()
    let result = try store.auditChainProblem()
    XCTAssertNil(result.problem)
    XCTAssertEqual(result.entries, 3)
  }

  func testEditWithTheTriggersDroppedIsFound() throws {
    try TestBackend.requireSQLite("the tampering below is SQLite's SQL")
    let (_, store) = try storeWithEntries()
    try store.database.execute(
      "DROP TRIGGER audit_log_no_update; UPDATE audit_log SET user_name = 'mallory' WHERE id = 2")
    XCTAssertEqual(try store.auditChainProblem().problem?.hasPrefix("entry #2 "), true)
  }

  func testRemovedEntriesAreFound() throws {
    try TestBackend.requireSQLite("the tampering below is SQLite's SQL")
    let (_, store) = try storeWithEntries()
    try store.database.execute(
      "DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE id = 1")
    XCTAssertNotNil(try store.auditChainProblem().problem)
    let (_, other) = try storeWithEntries()
    try other.database.execute(
      "DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE id = 3")
    XCTAssertEqual(
      try other.auditChainProblem().problem,
      "the newest entries were removed (the log ends before the last recorded entry)")
  }
}

final class StagedMoveVisibilityTests: XCTestCase {
  func testDeviceRowsCarryTheirStagedRing() throws {
    let temp = try StagingTestStore()
    let store = try temp.seeded()
    let outcome = try store.stageMove(
      serials: ["SUPIPHONE01"], toRing: "test", by: StagingTestStore.alice)
    XCTAssertEqual(outcome.staged, 1)
    let rows = try store.devices(limit: 10)
    XCTAssertEqual(rows.first { $0.device.serial == "SUPIPHONE01" }?.stagedRing, "test")
    XCTAssertTrue(
      rows.filter { $0.device.serial != "SUPIPHONE01" }.allSatisfy { $0.stagedRing == nil })
  }
}
