import Foundation
import RingsideDomain
import RingsideProfiles
import RingsideServices
import RingsideStore
import XCTest

/// Applying what is staged: the files are written and the changes applied and counted; a dry
/// run writes nothing and counts what is staged; a file changed by someone else stops it.
final class StagedApplyTests: XCTestCase {
  func testApplyWritesTheProfilesAndCountsTheAppliedChange() throws {
    let folder = try ServiceTestFolder()
    let store = try folder.demoStore()
    try store.stagePolicy(.deferralDays(5), ring: "test", by: ServiceTestFolder.alice)
    let out = folder.path + "/profiles"
    let outcome = try StagedApply.run(
      store: store, actor: ServiceTestFolder.alice, options: .init(directory: out))
    XCTAssertEqual(outcome.policyChanges, 1)
    XCTAssertEqual(outcome.moves, 0)
    XCTAssertTrue(FileManager.default.fileExists(atPath: out + "/test-ios.mobileconfig"))
    XCTAssertEqual(try store.stagedChangeCount(), 0)
    XCTAssertEqual(try store.rings().first { $0.name == "test" }?.policy.deferralDays, 5)
  }

  func testADryRunWritesNothingAndCountsWhatIsStaged() throws {
    let folder = try ServiceTestFolder()
    let store = try folder.demoStore()
    try store.stagePolicy(.deferralDays(5), ring: "test", by: ServiceTestFolder.alice)
    let out = folder.path + "/profiles"
    let outcome = try StagedApply.run(
      store: store, actor: ServiceTestFolder.alice, options: .init(directory: out, dryRun: true))
    XCTAssertEqual(outcome.policyChanges, 1)
    XCTAssertFalse(outcome.report.plan.reviews.isEmpty)
    XCTAssertFalse(FileManager.default.fileExists(atPath: out))
    XCTAssertEqual(try store.stagedChangeCount(), 1)
  }

  func testAFileChangedOutsideRingsideStopsTheApplyAsAProfileFailure() throws {
    let folder = try ServiceTestFolder()
    let store = try folder.demoStore()
    let out = folder.path + "/profiles"
    try store.stagePolicy(.deferralDays(5), ring: "test", by: ServiceTestFolder.alice)
    _ = try StagedApply.run(
      store: store, actor: ServiceTestFolder.alice, options: .init(directory: out))
    try Data("edited by hand".utf8).write(to: URL(fileURLWithPath: out + "/test-ios.mobileconfig"))
    try store.stagePolicy(.deferralDays(7), ring: "test", by: ServiceTestFolder.alice)
    XCTAssertThrowsError(
      try StagedApply.run(
        store: store, actor: ServiceTestFolder.alice, options: .init(directory: out))
    ) { error in
      guard case .profile(.changedOnDisk) = error as? StagedApply.Failure else {
        return XCTFail("\(error)")
      }
    }
    XCTAssertEqual(try store.stagedChangeCount(), 1, "nothing applied")
  }
}
