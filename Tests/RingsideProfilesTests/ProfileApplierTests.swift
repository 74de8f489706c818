import Foundation
import RingsideDomain
import XCTest

@testable import RingsideProfiles

/// The apply sequence: check, record intent, write, commit; stop on files changed by others.
final class ProfileApplierTests: XCTestCase {
  private var directory = ""
  private let allowBlock = TestSupport.policy(install: .allow, removal: .block)

  override func setUpWithError() throws {
    directory = try TestSupport.temporaryDirectory(self) + "/profiles"
  }

  private func apply(_ ledger: MemoryLedger, force: Bool = false, dryRun: Bool = false) throws
    -> ProfileApplier.Report
  {
    try ProfileApplier.apply(
      ledger: ledger, options: .init(directory: directory, force: force, dryRun: dryRun))
  }

  private func contents() throws -> [String: String] {
    var out: [String: String] = [:]
    for name in try FileManager.default.contentsOfDirectory(atPath: directory)
    where !name.hasPrefix(".") {
      var isFolder: ObjCBool = false
      _ = FileManager.default.fileExists(atPath: directory + "/" + name, isDirectory: &isFolder)
      if isFolder.boolValue { continue }
      out[name] = try String(contentsOfFile: directory + "/" + name, encoding: .utf8)
    }
    return out
  }

  func testFirstApplyCreatesEveryFileAndCommitsOnce() throws {
    let ledger = MemoryLedger(rings: [TestSupport.ring(allowBlock)])
    let report = try apply(ledger)
    XCTAssertEqual(report.applied.map(\.action), [.create, .create, .create, .create])
    XCTAssertEqual(
      Set(try contents().keys),
      [
        "test-ios.mobileconfig", "test-ios.ddm.json", "test-macos.mobileconfig",
        "test-macos.ddm.json",
      ])
    XCTAssertEqual(ledger.commits.count, 1)
    XCTAssertTrue(ledger.pending.isEmpty)
  }

  func testSecondRunWritesTheSameBytesAndChangesNothing() throws {
    let ledger = MemoryLedger(rings: [TestSupport.ring(allowBlock)])
    _ = try apply(ledger)
    let first = try contents()
    let report = try apply(ledger)
    XCTAssertEqual(try contents(), first)
    XCTAssertTrue(report.applied.allSatisfy { $0.action == .unchanged })
    XCTAssertTrue(report.plan.unifiedDiff.isEmpty)
  }

  func testFileChangedOutsideRingsideStopsTheApplyUntilForced() throws {
    let ledger = MemoryLedger(rings: [TestSupport.ring(allowBlock)])
    _ = try apply(ledger)
    let edited = directory + "/test-ios.mobileconfig"
    try Data("hand edited\n".utf8).write(to: URL(fileURLWithPath: edited))
    ledger.rings = [TestSupport.ring(TestSupport.policy(install: .block))]
    let before = try contents()
    XCTAssertThrowsError(try apply(ledger)) { error in
      guard case .changedOnDisk(let problems)? = error as? ProfileError else {
        return XCTFail("unexpected \(error)")
      }
      XCTAssertEqual(problems.count, 1)
      XCTAssertTrue(
        problems[0].contains("test-ios.mobileconfig was changed after Ringside wrote it"))
      XCTAssertTrue("\(error)".contains("--force"))
    }
    XCTAssertEqual(try contents(), before, "nothing written")
    XCTAssertEqual(ledger.commits.count, 1, "nothing committed")

    let forced = try apply(ledger, force: true)
    XCTAssertTrue(forced.applied.contains { $0.name == "test-ios.mobileconfig" && $0.forced })
    XCTAssertNotEqual(try contents()["test-ios.mobileconfig"], "hand edited\n")
  }

  func testAFileThisStoreDidNotWriteIsNotOverwrittenAndSaysWhoElseMayHave() throws {
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    try Data("someone else's\n".utf8).write(
      to: URL(fileURLWithPath: directory + "/test-ios.mobileconfig"))
    let ledger = MemoryLedger(rings: [TestSupport.ring(allowBlock)])
    XCTAssertThrowsError(try apply(ledger)) { error in
      XCTAssertTrue(
        "\(error)".contains(
          "test-ios.mobileconfig exists but was not written from this store (another store's apply"
        ), "\(error)")
    }
  }

  func testSymbolicLinkWithAProfileNameIsNeverWrittenThrough() throws {
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    let victim = directory + "/../victim"
    try Data("precious\n".utf8).write(to: URL(fileURLWithPath: victim))
    try FileManager.default.createSymbolicLink(
      atPath: directory + "/test-ios.mobileconfig", withDestinationPath: victim)
    let ledger = MemoryLedger(rings: [TestSupport.ring(allowBlock)])
    XCTAssertThrowsError(try apply(ledger)) { error in
      XCTAssertTrue("\(error)".contains("symbolic link"))
    }
    _ = try apply(ledger, force: true)
    XCTAssertEqual(try String(contentsOfFile: victim, encoding: .utf8), "precious\n")
  }

  func testAFailedCommitPutsEveryOldFileBackAndTheNextRunAppliesIt() throws {
    let ledger = MemoryLedger(rings: [TestSupport.ring(allowBlock)])
    _ = try apply(ledger)
    let before = try contents()
    ledger.rings = [TestSupport.ring(TestSupport.policy(install: .block, defer: 5))]
    ledger.failCommit = true
    XCTAssertThrowsError(try apply(ledger))
    XCTAssertEqual(try contents(), before, "every file as it was")
    XCTAssertEqual(try hiddenLeftovers(), [])
    XCTAssertFalse(ledger.pending.isEmpty, "intent recorded before writing")
    ledger.failCommit = false
    let report = try apply(ledger)
    XCTAssertTrue(report.applied.allSatisfy { $0.action == .update }, "\(report.applied)")
    XCTAssertEqual(ledger.commits.count, 2)
  }

  func testAKilledApplyIsRecognisedAndFinishedByTheNextRun() throws {
    let ledger = MemoryLedger(rings: [TestSupport.ring(allowBlock)])
    _ = try apply(ledger)
    ledger.rings = [TestSupport.ring(TestSupport.policy(install: .block, defer: 5))]
    // What a run killed after its renames leaves: intent recorded, new files, no commit.
    let plan = try ProfileApplier.apply(
      ledger: ledger, options: .init(directory: directory, dryRun: true)
    ).plan
    try ledger.recordProfileIntent(
      directory: plan.directoryPath,
      hashes: Dictionary(
        uniqueKeysWithValues: plan.changes.compactMap { review in
          review.planned.map { (review.name, $0.sha256) }
        }))
    for review in plan.changes {
      if let file = review.planned {
        try Data(file.bytes).write(to: URL(fileURLWithPath: directory + "/" + review.name))
      }
    }
    let report = try apply(ledger)
    XCTAssertTrue(
      report.applied.allSatisfy { $0.action == .unchanged }, "files already new, no conflict")
    XCTAssertEqual(ledger.commits.count, 2)
  }

  func testAFolderInTheWayStopsAForcedApplyBeforeAnyFileIsReplaced() throws {
    let ledger = MemoryLedger(rings: [TestSupport.ring(allowBlock)])
    _ = try apply(ledger)
    let blocker = directory + "/test-macos.mobileconfig"
    try FileManager.default.removeItem(atPath: blocker)
    try FileManager.default.createDirectory(atPath: blocker, withIntermediateDirectories: false)
    let before = try contents(skipping: "test-macos.mobileconfig")
    ledger.rings = [TestSupport.ring(TestSupport.policy(install: .block, defer: 5))]
    XCTAssertThrowsError(try apply(ledger, force: true)) { error in
      XCTAssertTrue("\(error)".contains("nothing was applied"), "\(error)")
    }
    XCTAssertEqual(try contents(skipping: "test-macos.mobileconfig"), before)
    XCTAssertEqual(try hiddenLeftovers(), [])
    XCTAssertEqual(ledger.commits.count, 1)
  }

  func testAFolderSharedByAGroupGetsGroupReadableProfilesAndNoLockFile() throws {
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    chmod(directory, 0o2770)
    let ledger = MemoryLedger(rings: [TestSupport.ring(allowBlock)])
    _ = try apply(ledger)
    var folder = stat()
    XCTAssertEqual(stat(directory, &folder), 0)
    for name in try FileManager.default.contentsOfDirectory(atPath: directory) {
      var info = stat()
      XCTAssertEqual(lstat(directory + "/" + name, &info), 0)
      XCTAssertEqual(info.st_gid, folder.st_gid, name)
      XCTAssertEqual(info.st_mode & 0o777, 0o640, name)
    }
    XCTAssertEqual(
      try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasPrefix(".") },
      [], "only profiles in the folder the MDM reads")
  }

  func testTheFolderLockMakesASecondApplyWaitWithoutPuttingAFileInTheFolder() throws {
    let held = try ProfileDirectory.prepare(at: directory).lock()
    XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory), [])
    let ledger = MemoryLedger(rings: [TestSupport.ring(allowBlock)])
    let done = DispatchSemaphore(value: 0)
    let path = directory
    let box = LedgerBox(ledger)
    Thread.detachNewThread {
      _ = try? ProfileApplier.apply(ledger: box.ledger, options: .init(directory: path))
      done.signal()
    }
    XCTAssertEqual(done.wait(timeout: .now() + 0.5), .timedOut, "waits for the lock")
    XCTAssertTrue(ledger.commits.isEmpty)
    held.release()
    XCTAssertEqual(done.wait(timeout: .now() + 10), .success)
    XCTAssertEqual(ledger.commits.count, 1)
  }

  func testTheEmptyLockFileOfAnEarlierVersionIsRemovedAndAnythingElseKept() throws {
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    let former = directory + "/.ringside.lock"
    FileManager.default.createFile(atPath: former, contents: nil)
    _ = try apply(MemoryLedger(rings: [TestSupport.ring(allowBlock)]))
    XCTAssertFalse(FileManager.default.fileExists(atPath: former))
    FileManager.default.createFile(atPath: former, contents: Data("someone's\n".utf8))
    _ = try apply(MemoryLedger(rings: [TestSupport.ring(allowBlock)]))
    XCTAssertTrue(FileManager.default.fileExists(atPath: former), "not Ringside's: kept")
  }

  func testAPrivateFolderKeepsPrivateFiles() throws {
    let ledger = MemoryLedger(rings: [TestSupport.ring(allowBlock)])
    _ = try apply(ledger)
    for name in try FileManager.default.contentsOfDirectory(atPath: directory) {
      var info = stat()
      XCTAssertEqual(lstat(directory + "/" + name, &info), 0)
      XCTAssertEqual(info.st_mode & 0o777, 0o600, name)
    }
  }

  func testAFullDiskHalfwayLeavesEveryFileAsItWasAndAppliesNothing() throws {
    try XCTSkipUnless(geteuid() == 0, "mounting a small tmpfs needs root")
    let mount = try TestSupport.temporaryDirectory(self) + "/small"
    try FileManager.default.createDirectory(atPath: mount, withIntermediateDirectories: true)
    XCTAssertEqual(
      try TestSupport.run("/bin/mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", mount]).status, 0
    )
    addTeardownBlock { _ = try? TestSupport.run("/bin/umount", [mount]) }
    directory = mount + "/profiles"
    let ledger = MemoryLedger(rings: [TestSupport.ring(allowBlock)])
    _ = try apply(ledger)
    let before = try contents()
    // Fill the disk, then free room for about two of the four new files.
    let filler = mount + "/filler"
    let handle = try XCTUnwrap(
      FileHandle(forWritingAtPath: filler)
        ?? {
          FileManager.default.createFile(atPath: filler, contents: nil)
          return FileHandle(forWritingAtPath: filler)
        }())
    let block = Data(repeating: 0x41, count: 4096)
    while (try? handle.write(contentsOf: block)) != nil {}
    try handle.truncate(atOffset: try handle.offset() - 8192)
    try handle.close()
    // A second ring: four new files where there is room for about two.
    ledger.rings = [
      TestSupport.ring(allowBlock),
      TestSupport.ring(TestSupport.policy(install: .block, defer: 5), name: "pilot"),
    ]
    XCTAssertThrowsError(try apply(ledger)) { error in
      XCTAssertTrue("\(error)".contains("nothing was applied"), "\(error)")
    }
    XCTAssertEqual(try contents(), before, "no new file, every old one as it was")
    XCTAssertEqual(try hiddenLeftovers(), [])
    XCTAssertEqual(ledger.commits.count, 1)
  }

  private func contents(skipping skipped: String) throws -> [String: String] {
    try contents().filter { $0.key != skipped }
  }

  private func hiddenLeftovers() throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: directory).filter {
      $0.contains(ProfileDirectory.temporaryMarker)
    }
  }

  func testRingWithoutPolicyLosesTheFilesRingsideWroteForIt() throws {
    let ledger = MemoryLedger(rings: [TestSupport.ring(allowBlock)])
    _ = try apply(ledger)
    ledger.rings = [TestSupport.ring(.unset)]
    let report = try apply(ledger)
    XCTAssertEqual(report.applied.filter { $0.action == .remove }.count, 4)
    XCTAssertTrue(try contents().isEmpty)
  }

  func testDryRunCreatesNothingAndCommitsNothing() throws {
    let ledger = MemoryLedger(rings: [TestSupport.ring(allowBlock)])
    let report = try apply(ledger, dryRun: true)
    XCTAssertTrue(report.dryRun)
    XCTAssertEqual(report.plan.changes.count, 4)
    XCTAssertFalse(FileManager.default.fileExists(atPath: directory))
    XCTAssertTrue(ledger.commits.isEmpty)
    XCTAssertTrue(ledger.pending.isEmpty)
  }

  func testPlanShowsTheLineDiffAgainstTheFileOnDisk() throws {
    let ledger = MemoryLedger(rings: [TestSupport.ring(allowBlock)])
    _ = try apply(ledger)
    ledger.rings = [TestSupport.ring(TestSupport.policy(install: .allow, removal: .allow))]
    let report = try apply(ledger, dryRun: true)
    let review = try XCTUnwrap(report.plan.reviews.first { $0.name == "test-ios.mobileconfig" })
    XCTAssertEqual(review.action, .update)
    XCTAssertTrue(
      review.unifiedDiff.contains("-\t\t\t<false/>\n+\t\t\t<true/>"), review.unifiedDiff)
  }
}

/// Hands the ledger to the thread that applies while the test holds the lock.
private final class LedgerBox: @unchecked Sendable {
  let ledger: MemoryLedger
  init(_ ledger: MemoryLedger) { self.ledger = ledger }
}
