import Foundation
import RingsideDomain
import XCTest

@testable import RingsideStore

/// Staged changes live in the store: they survive a restart, other sessions see them, and an
/// apply commits exactly the ones it wrote.
final class StagingStoreTests: XCTestCase {
  let now = StagingTestStore.now
  let alice = StagingTestStore.alice

  func testStagedPolicySurvivesReopeningAndIsSeenByAnotherSession() throws {
    let temp = try StagingTestStore()
    let store = try temp.seeded()
    try store.stagePolicy(.rsrRemoval(.block), ring: "test", by: alice, at: now)
    let other = try temp.open(readOnly: true)
    let staged = try other.stagedChanges()
    XCTAssertEqual(staged.map(\.summary), ["ring test: RSR/BSI removal unset → block"])
    XCTAssertEqual(staged.first?.author, "alice")
    XCTAssertEqual(staged.first?.stagedAt, now)
    XCTAssertEqual(
      try other.effectiveRings().first { $0.name == "test" }?.policy.rsrRemoval, .block)
    XCTAssertEqual(
      try other.rings().first { $0.name == "test" }?.policy.rsrRemoval, .unset, "not applied")
  }

  /// `discard 1` read off an older listing must never reach a change staged since: once
  /// discarded (or applied), a change's number is never given again.
  func testAChangesNumberIsNeverGivenAgainAfterItWasDiscarded() throws {
    let store = try StagingTestStore().seeded()
    try store.stagePolicy(.rsrRemoval(.block), ring: "test", by: alice, at: now)
    try store.stagePolicy(.rsrInstallation(.allow), ring: "test", by: alice, at: now)
    let first = try store.stagedChanges().map(\.id)
    try store.discardAllStaged(by: alice, at: now)
    try store.stagePolicy(.rsrRemoval(.allow), ring: "test", by: alice, at: now)
    let next = try XCTUnwrap(try store.stagedChanges().first?.id)
    XCTAssertGreaterThan(next, try XCTUnwrap(first.max()), "\(first) then \(next)")
  }

  func testReplacingAnotherAdminsStagedValueOnPurposeSaysWhose() throws {
    let store = try StagingTestStore().seeded()
    try store.stagePolicy(.rsrInstallation(.allow), ring: "test", by: alice, at: now)
    let outcome = try store.stagePolicy(
      .rsrInstallation(.block), ring: "test", by: StagingTestStore.bob, at: now,
      replacingOthers: true)
    guard case .staged(let change, let replaced) = outcome else { return XCTFail("\(outcome)") }
    XCTAssertEqual(change.summary, "ring test: RSR/BSI installation unset → block")
    XCTAssertEqual(replaced?.author, "alice")
    XCTAssertEqual(try store.stagedChangeCount(), 1)
  }

  func testStagingTheAppliedValueDropsTheStagedChange() throws {
    let store = try StagingTestStore().seeded()
    try store.stagePolicy(.deferralDays(7), ring: "test", by: alice, at: now)
    let outcome = try store.stagePolicy(.deferralDays(nil), ring: "test", by: alice, at: now)
    guard case .reverted(let dropped) = outcome else { return XCTFail("\(outcome)") }
    XCTAssertNotNil(dropped)
    XCTAssertEqual(try store.stagedChangeCount(), 0)
  }

  func testInvalidValueOrRingStagesNothing() throws {
    let store = try StagingTestStore().seeded()
    XCTAssertThrowsError(
      try store.stagePolicy(
        [.rsrInstallation(.allow), .deferralDays(91)], ring: "test", by: alice, at: now))
    XCTAssertThrowsError(
      try store.stagePolicy(.rsrInstallation(.allow), ring: "nope", by: alice, at: now)
    ) {
      XCTAssertTrue("\($0)".contains("the rings are: test, production"))
    }
    XCTAssertEqual(try store.stagedChangeCount(), 0)
  }

  func testRingsViewStepsCycleAndStepTheStagedPolicy() throws {
    let store = try StagingTestStore().seeded()
    try store.stagePolicy(.cycle(.rsrInstallation), ring: "test", by: alice, at: now)
    try store.stagePolicy(.cycle(.rsrInstallation), ring: "test", by: alice, at: now)
    try store.stagePolicy(.deferral(by: 1), ring: "test", by: alice, at: now)
    try store.stagePolicy(.deferral(by: 1), ring: "test", by: alice, at: now)
    let policy = try XCTUnwrap(try store.effectiveRings().first { $0.name == "test" }?.policy)
    XCTAssertEqual(policy.rsrInstallation, .block)
    XCTAssertEqual(policy.deferralDays, 2)
  }

  func testMovesBySerialAreAllOrNothing() throws {
    let store = try StagingTestStore().seeded()
    XCTAssertThrowsError(
      try store.stageMove(serials: ["SUPIPHONE01", "NOSUCH"], toRing: "test", by: alice, at: now))
    XCTAssertEqual(try store.stagedChangeCount(), 0)
    let outcome = try store.stageMove(
      serials: ["supiphone01", "UNSUPIPHONE"], toRing: "test", by: alice, at: now)
    XCTAssertEqual(outcome, MoveOutcome(staged: 2, unchanged: 0))
    XCTAssertEqual(
      try store.stagedMoveGroups(),
      [StagedMoveGroup(fromRing: "production", toRing: "test", devices: 2, authors: ["alice"])])
    let back = try store.stageMove(
      serials: ["UNSUPIPHONE"], toRing: "production", by: alice, at: now)
    XCTAssertEqual(back, MoveOutcome(staged: 0, unchanged: 1))
    XCTAssertEqual(try store.stagedChangeCount(), 1)
  }

  func testMovesMatchingAFilterStageEveryMatchingDevice() throws {
    let store = try StagingTestStore().seeded()
    let outcome = try store.stageMove(
      matching: DeviceFilter(terms: [.platform(.iOS)]), toRing: "test", by: alice, at: now)
    XCTAssertEqual(outcome.staged, 2)
  }

  func testSegmentsCountDevicesInTheRingTheyAreStagedToMoveTo() throws {
    let store = try StagingTestStore().seeded()
    try store.stageMove(serials: ["MACBOOK0001"], toRing: "test", by: alice, at: now)
    let segments = try store.stagedFleetSegments()
    XCTAssertEqual(segments.filter { $0.ring == "test" }.map(\.platform), [.macOS])
    XCTAssertEqual(segments.filter { $0.ring == "production" }.reduce(0) { $0 + $1.count }, 3)
  }

  func testCommitAppliesPoliciesAndMovesAndClearsOnlyTheSnapshot() throws {
    let store = try StagingTestStore().seeded()
    try store.stagePolicy(.rsrRemoval(.block), ring: "test", by: alice, at: now)
    try store.stageMove(
      serials: ["UNSUPIPHONE", "SUPIPHONE01"], toRing: "test", by: alice, at: now)
    let snapshot = try store.stagingSnapshot()
    XCTAssertEqual(snapshot.moveCount, 2)
    try store.stagePolicy(.deferralDays(5), ring: "production", by: StagingTestStore.bob, at: now)

    let applied = try store.commitStagedApply(
      snapshot, directory: "/profiles", organization: "Ringside",
      files: [
        ProfileFileWrite(
          name: "test-ios.mobileconfig", action: .create, beforeSHA256: nil, afterSHA256: "aa",
          forced: false)
      ], by: alice, at: now)
    XCTAssertEqual(applied, AppliedStaging(policyChanges: 1, moves: 2, filesChanged: 1))
    XCTAssertEqual(try store.rings().first { $0.name == "test" }?.policy.rsrRemoval, .block)
    XCTAssertEqual(
      try store.stagedChanges().map(\.summary), ["ring production: OS update deferral unset → 5"])
    let moved = try store.findDevices(matching: "UNSUPIPHONE").first
    XCTAssertEqual(moved?.device.ring, "test")
    XCTAssertEqual(moved?.removal, .notEnforced)
    XCTAssertEqual(try store.findDevices(matching: "SUPIPHONE01").first?.removal, .blocked)
    XCTAssertEqual(
      try store.profileFileHashes(directory: "/profiles"), ["test-ios.mobileconfig": ["aa"]])
  }

  func testCommitLeavesAChangeRestagedWithAnotherValueAfterTheSnapshotStaged() throws {
    let store = try StagingTestStore().seeded()
    try store.stagePolicy(.deferralDays(3), ring: "test", by: alice, at: now)
    let snapshot = try store.stagingSnapshot()
    // Another session stages a different value for the same setting while the files are written.
    try store.stagePolicy(.deferralDays(9), ring: "test", by: alice, at: now)

    let applied = try store.commitStagedApply(
      snapshot, directory: "/p", organization: "Ringside", files: [], by: alice, at: now)
    XCTAssertEqual(applied.policyChanges, 0, "the row changed since the snapshot")
    XCTAssertEqual(
      try store.stagedChanges().map(\.summary), ["ring test: OS update deferral unset → 9"])
    XCTAssertNil(try store.rings().first { $0.name == "test" }?.policy.deferralDays)
  }

  func testIntentHashesAreKnownUntilTheCommit() throws {
    let store = try StagingTestStore().seeded()
    try store.recordProfileIntent(directory: "/p", hashes: ["a": "11"])
    XCTAssertEqual(try store.profileFileHashes(directory: "/p"), ["a": ["11"]])
    try store.commitStagedApply(
      try store.stagingSnapshot(), directory: "/p", organization: "Ringside",
      files: [
        ProfileFileWrite(
          name: "a", action: .create, beforeSHA256: nil, afterSHA256: "11", forced: false)
      ],
      by: alice, at: now)
    try store.recordProfileIntent(directory: "/p", hashes: ["a": "22"])
    XCTAssertEqual(try store.profileFileHashes(directory: "/p"), ["a": ["11", "22"]])
  }

  func testFilesAKilledApplyLeftNewAreAuditedAsFinishedByTheNextApply() throws {
    let store = try StagingTestStore().seeded()
    try store.commitStagedApply(
      try store.stagingSnapshot(), directory: "/p", organization: "Ringside",
      files: [
        ProfileFileWrite(
          name: "a", action: .create, beforeSHA256: nil, afterSHA256: "11", forced: false)
      ], by: alice, at: now)
    // The next apply recorded its intent, wrote "a" and was killed before its commit.
    try store.recordProfileIntent(directory: "/p", hashes: ["a": "22"])
    let applied = try store.commitStagedApply(
      try store.stagingSnapshot(), directory: "/p", organization: "Ringside",
      files: [
        ProfileFileWrite(
          name: "a", action: .unchanged, beforeSHA256: "22", afterSHA256: "22", forced: false)
      ], by: alice, at: now)
    XCTAssertEqual(applied.filesFinished, ["a"])
    let entry = try store.auditEntries().first {
      $0.action == "write-profile" && $0.afterHash == "22"
    }
    XCTAssertEqual(entry?.detail, "finished /p/a: written by an apply that was interrupted")
    XCTAssertEqual(entry?.beforeHash, "11")
    XCTAssertEqual(try store.profileFileHashes(directory: "/p"), ["a": ["22"]])
  }

  func testEveryStagingWriteIsAuditedWithUserRoleAndOrigin() throws {
    let store = try StagingTestStore().seeded()
    try store.stagePolicy(.rsrInstallation(.allow), ring: "test", by: alice, at: now)
    try store.stageMove(serials: ["MACBOOK0001"], toRing: "test", by: alice, at: now)
    try store.discardAllStaged(by: StagingTestStore.bob, at: now)
    let entries = try store.auditEntries()
    XCTAssertEqual(entries.map(\.action), ["discard", "stage-move", "stage-policy"])
    XCTAssertEqual(entries.last?.user, "alice")
    XCTAssertEqual(entries.last?.role, "admin")
    XCTAssertEqual(entries.last?.origin, "ssh 192.0.2.7:51234")
    XCTAssertEqual(entries.first?.detail, "dropped all 2 staged change(s)")
  }

  func testAuditLogRefusesUpdatesAndDeletes() throws {
    let store = try StagingTestStore().seeded()
    try store.stagePolicy(.rsrInstallation(.allow), ring: "test", by: alice, at: now)
    XCTAssertThrowsError(try store.database.execute("UPDATE audit_log SET user_name = 'mallory'"))
    XCTAssertThrowsError(try store.database.execute("DELETE FROM audit_log"))
  }

  func testDiscardByIDDropsOnlyThoseChanges() throws {
    let store = try StagingTestStore().seeded()
    try store.stagePolicy(
      [.rsrInstallation(.allow), .rsrRemoval(.block)], ring: "test", by: alice, at: now)
    let first = try XCTUnwrap(try store.stagedChanges().first)
    XCTAssertEqual(try store.discardStaged(ids: [first.id, 9999], by: alice, at: now), 1)
    XCTAssertEqual(try store.stagedChangeCount(), 1)
  }

  func testActorOriginTrustsTheLoginRecordAndMarksSSHConnectionAsUnverified() {
    let ssh = ["SSH_CONNECTION": "203.0.113.9 50022 10.0.0.1 22"]
    XCTAssertEqual(AuditActor.origin(environment: ssh), "ssh 203.0.113.9:50022 (unverified)")
    XCTAssertEqual(
      AuditActor.origin(environment: ssh, loginHost: "203.0.113.9"), "ssh 203.0.113.9:50022")
    XCTAssertEqual(
      AuditActor.origin(environment: ssh, loginHost: "198.51.100.1"),
      "ssh 198.51.100.1 (SSH_CONNECTION claimed 203.0.113.9:50022)")
    XCTAssertEqual(
      AuditActor.origin(environment: [:], loginHost: "198.51.100.1"), "ssh 198.51.100.1")
    XCTAssertEqual(AuditActor.origin(environment: [:]), "local")
    XCTAssertEqual(
      AuditActor.origin(environment: ["SSH_CONNECTION": "1.2.3.4\u{1B}]0;x\u{07} 5"]),
      "ssh 1.2.3.4]0;x:5 (unverified)")
    XCTAssertFalse(AuditActor.unixUserName().isEmpty)
  }

  func testTheLoginRecordLookupNeverFailsWithoutATerminal() {
    // Under a test runner there is usually no terminal; with one, a host is printable text.
    let host = LoginRecord.hostOfControllingTerminal()
    XCTAssertTrue(host.map { !$0.isEmpty && $0.allSatisfy(\.isASCII) } ?? true)
  }
}
