import Foundation
import RingsideDomain
import XCTest

@testable import RingsideStore

/// One audit entry per staged change as finally staged: a dashboard session's run of keys on
/// one setting of one ring is appended once, with the final value, and the log stays an
/// append-only hash chain.
final class StagingAuditRunTests: XCTestCase {
  private let now = StagingTestStore.now
  private let alice = StagingTestStore.alice

  private func stageEntries(_ store: InventoryStore) throws -> [String] {
    try store.auditEntries().filter { $0.action == "stage-policy" }.map(\.detail).reversed()
  }

  private func press(
    _ store: InventoryStore, _ step: PolicyStep, ring: String = "test", times: Int = 1,
    session: String = "s1", by actor: AuditActor? = nil
  ) throws {
    for _ in 0..<times {
      try store.stagePolicy(step, ring: ring, by: actor ?? alice, at: now, session: session)
    }
  }

  func testSevenKeysOnOneSettingAreOneEntryWithTheFinalValue() throws {
    let fixture = try StagingTestStore()
    let store = try fixture.seeded()
    let before = try store.auditEntryCount()
    try press(store, .deferral(by: 1), times: 7)
    XCTAssertEqual(try store.auditEntryCount(), before, "held while the run goes on")
    try store.flushPendingAudit(session: "s1")
    XCTAssertEqual(try stageEntries(store), ["ring test: OS update deferral unset → 7"])
    XCTAssertEqual(try store.auditEntries().first?.user, "alice")
    XCTAssertEqual(try store.auditEntries().first?.origin, alice.origin)
    XCTAssertNil(try store.auditChainProblem().problem)
  }

  func testASessionHoldingNoEntryEndsWithoutWaitingForAnotherWriter() throws {
    let fixture = try StagingTestStore()
    let store = try fixture.seeded()
    // Another writer (a stage, or an import logging itself) holds the writers' turn until the
    // test ends.
    let other = try fixture.open()
    if other.database.dialect == .postgres {
      try other.database.execute(
        "BEGIN; SELECT pg_advisory_xact_lock(\(PostgresConnection.writerLockKey))")
    } else {
      try other.database.execute("BEGIN IMMEDIATE")
    }
    defer { try? other.database.execute("ROLLBACK") }
    // Before the fix this waited out the busy timeout (5 s) and failed as busy.
    try store.flushPendingAudit(session: "nothing-held")
  }

  func testAKeyOnAnotherSettingOrRingEndsTheRun() throws {
    let fixture = try StagingTestStore()
    let store = try fixture.seeded()
    try press(store, .deferral(by: 1), times: 3)
    try press(store, .cycle(.rsrInstallation))
    XCTAssertEqual(try stageEntries(store), ["ring test: OS update deferral unset → 3"])
    try press(store, .deferral(by: 1), ring: "production", times: 2)
    XCTAssertEqual(
      try stageEntries(store),
      [
        "ring test: OS update deferral unset → 3",
        "ring test: RSR/BSI installation unset → allow",
      ])
    try store.flushPendingAudit(session: "s1")
    XCTAssertEqual(try stageEntries(store).last, "ring production: OS update deferral unset → 2")
  }

  func testARunBackToTheAppliedValueLeavesNoEntry() throws {
    let fixture = try StagingTestStore()
    let store = try fixture.seeded()
    let before = try store.auditEntryCount()
    try press(store, .deferral(by: 1), times: 2)
    try press(store, .deferral(by: -1), times: 2)
    try store.flushPendingAudit(session: "s1")
    XCTAssertEqual(try store.auditEntryCount(), before)
    XCTAssertEqual(try store.stagedChangeCount(), 0)
  }

  func testARunThatDropsAnEarlierStagedValueSaysSo() throws {
    let fixture = try StagingTestStore()
    let store = try fixture.seeded()
    try store.stagePolicy(.deferralDays(2), ring: "test", by: StagingTestStore.bob, at: now)
    try press(store, .deferral(by: -1), times: 2, session: "s2", by: StagingTestStore.bob)
    try store.flushPendingAudit(session: "s2")
    XCTAssertEqual(
      try stageEntries(store).last,
      "ring test: OS update deferral back to unset; dropped ring test: OS update deferral unset → 2 (staged by bob)"
    )
  }

  func testDiscardAndApplyWriteTheHeldEntryFirst() throws {
    let fixture = try StagingTestStore()
    let store = try fixture.seeded()
    try press(store, .deferral(by: 1), times: 4)
    try store.discardAllStaged(by: alice, at: now)
    let actions = try store.auditEntries().prefix(2).map(\.action)
    XCTAssertEqual(actions, ["discard", "stage-policy"])
    XCTAssertEqual(try stageEntries(store), ["ring test: OS update deferral unset → 4"])
  }

  func testAHeldEntryOutlivesItsSessionAndIsWrittenByTheNextWrite() throws {
    let fixture = try StagingTestStore()
    let store = try fixture.seeded()
    try press(store, .deferral(by: 1), times: 5)
    // The dashboard is killed here: nothing flushes. Another process writes next.
    let other = try fixture.open()
    try other.stagePolicy(
      .rsrRemoval(.block), ring: "production", by: StagingTestStore.bob, at: now)
    XCTAssertEqual(
      try stageEntries(other),
      [
        "ring test: OS update deferral unset → 5",
        "ring production: RSR/BSI removal unset → block",
      ])
    XCTAssertNil(try other.auditChainProblem().problem)
  }

  func testTwoSessionsKeepTheirOwnRuns() throws {
    let fixture = try StagingTestStore()
    let store = try fixture.seeded()
    try press(store, .deferral(by: 1), times: 2, session: "alice-1")
    try press(
      store, .cycle(.rsrRemoval), ring: "production", session: "bob-1", by: StagingTestStore.bob)
    try press(store, .deferral(by: 1), times: 2, session: "alice-1")
    try store.flushPendingAudit(session: "alice-1")
    XCTAssertEqual(try stageEntries(store), ["ring test: OS update deferral unset → 4"])
    try store.flushPendingAudit(session: "bob-1")
    XCTAssertEqual(try stageEntries(store).count, 2)
  }
}
