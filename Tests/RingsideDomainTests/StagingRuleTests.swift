import XCTest

@testable import RingsideDomain

/// The staging rules, without a store: conflicts with another admin, replacing one's own value,
/// reverting to the applied value, invalid values.
final class StagingRuleTests: XCTestCase {
  private let applied = try! RingPolicy(
    rsrInstallation: .allow, rsrRemoval: .block, deferralDays: 7)

  func testANewValueIsStagedOverTheAppliedOne() {
    XCTAssertEqual(
      StagingRule.decide(
        .rsrRemoval(.unset), applied: applied, staged: nil, by: "alice", replacingOthers: false),
      .stage(old: .rsrRemoval(.block), new: .rsrRemoval(.unset), replacing: nil))
  }

  func testAnotherAdminsDifferentValueIsAConflictUnlessReplacedOnPurpose() {
    let bobs = StagingRule.Staged(author: "bob", value: .rsrRemoval(.allow))
    XCTAssertEqual(
      StagingRule.decide(
        .rsrRemoval(.unset), applied: applied, staged: bobs, by: "alice", replacingOthers: false),
      .conflict(bobs))
    XCTAssertEqual(
      StagingRule.decide(
        .rsrRemoval(.unset), applied: applied, staged: bobs, by: "alice", replacingOthers: true),
      .stage(old: .rsrRemoval(.block), new: .rsrRemoval(.unset), replacing: bobs))
  }

  func testTheSameValueAsAnotherAdminIsNoConflict() {
    let bobs = StagingRule.Staged(author: "bob", value: .rsrRemoval(.allow))
    XCTAssertEqual(
      StagingRule.decide(
        .rsrRemoval(.allow), applied: applied, staged: bobs, by: "alice", replacingOthers: false),
      .stage(old: .rsrRemoval(.block), new: .rsrRemoval(.allow), replacing: bobs))
  }

  func testOnesOwnStagedValueIsReplacedWithoutAsking() {
    let mine = StagingRule.Staged(author: "alice", value: .deferralDays(14))
    XCTAssertEqual(
      StagingRule.decide(
        .deferralDays(30), applied: applied, staged: mine, by: "alice", replacingOthers: false),
      .stage(old: .deferralDays(7), new: .deferralDays(30), replacing: mine))
  }

  func testTheAppliedValueDropsWhatWasStaged() {
    let mine = StagingRule.Staged(author: "alice", value: .rsrRemoval(.allow))
    XCTAssertEqual(
      StagingRule.decide(
        .rsrRemoval(.block), applied: applied, staged: mine, by: "alice", replacingOthers: false),
      .revert(dropping: mine))
    XCTAssertEqual(
      StagingRule.decide(
        .rsrRemoval(.block), applied: applied, staged: nil, by: "alice", replacingOthers: false),
      .revert(dropping: nil))
  }

  func testAnInvalidValueIsRefusedWithTheReason() {
    guard
      case .invalid(let reason) = StagingRule.decide(
        .deferralDays(200), applied: applied, staged: nil, by: "alice", replacingOthers: false)
    else { return XCTFail("a 200-day deferral was accepted") }
    XCTAssertTrue(reason.contains("1 to 90 days"), reason)
  }
}
