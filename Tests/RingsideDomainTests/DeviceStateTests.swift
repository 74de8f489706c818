import XCTest

@testable import RingsideDomain

final class DeviceStateTests: XCTestCase {
  let assessor = StateAssessor(catalog: .builtin)

  private func state(
    _ platform: Platform, _ text: String, build: String? = nil, supplemental: String? = nil,
    missing: RSRMark = .none, removed: Character? = nil
  ) throws -> StateAssessment {
    var v = try AppleOSVersion.parse(text, missingLetter: missing)
    v.build = try build.map { try AppleBuild($0) }
    v.supplementalBuild = try supplemental.map { try AppleBuild($0) }
    return assessor.assess(platform: platform, version: v, removedLetter: removed)
  }

  /// Mid-March 2026: 26.3.1 was the newest release and its BSI was installable.
  let march = StateAssessor(
    catalog: VerdictTableTests.catalog(asStoodOn: "2026-03-18"), today: "2026-03-18")

  private func marchState(
    _ platform: Platform, _ text: String, model: String? = nil, build: String? = nil,
    supplemental: String? = nil, missing: RSRMark = .none
  ) throws -> StateAssessment {
    var v = try AppleOSVersion.parse(text, missingLetter: missing)
    v.build = try build.map { try AppleBuild($0) }
    v.supplementalBuild = try supplemental.map { try AppleBuild($0) }
    return march.assess(platform: platform, model: model, version: v)
  }

  func testNewestRSROnTheNewestReleaseIsCurrent() throws {
    XCTAssertEqual(try marchState(.iOS, "26.3.1 (a)", build: "23D8133").state, .current)
    XCTAssertEqual(try state(.iOS, "16.7.16").state, .current, "a legacy line, model unknown")
  }

  func testMacOnTheGeneralBSIIsCurrentDespiteAModelSpecificOneOnANewerBase() throws {
    XCTAssertEqual(try marchState(.macOS, "26.3.1 (a)", build: "25D2128").state, .current)
    XCTAssertEqual(
      try marchState(.macOS, "26.3.2", model: "Mac17,5", build: "25D2140").state, .rsrAvailable)
    XCTAssertEqual(
      try marchState(.macOS, "26.3.2", model: "Mac17,5", build: "25D2141").state, .current)
  }

  func testLatestOSWithoutAnyRSRIsCurrent() throws {
    XCTAssertEqual(try state(.iOS, "26.7.1").state, .current)
    XCTAssertEqual(try state(.iOS, "27.0.1").state, .current)
    XCTAssertEqual(try state(.macOS, "15.8.1").state, .current)
  }

  func testBaseWithoutItsRSRHasAnRSRAvailable() throws {
    let s = try marchState(.iOS, "26.3.1", build: "23D8133")
    XCTAssertEqual(s.state, .rsrAvailable)
    XCTAssertTrue(s.explanation.contains("26.3.1 (a)"), s.explanation)
  }

  func testPulledRSRIsNotCurrentAndNamesTheReplacement() throws {
    let s = try state(.iOS, "16.5.1 (a)", build: "20F75", supplemental: "20F770750b")
    XCTAssertEqual(s.state, .pulledRSR)
    XCTAssertTrue(
      s.explanation.hasPrefix(
        "16.5.1 (a) (20F770750b) was pulled on 2023-07-12; 16.5.1 (c) (20F770750d) replaced it."),
      s.explanation)
  }

  func testReplacedMacRSRIsReportedLikeAPulledOne() throws {
    XCTAssertEqual(try state(.macOS, "13.4.1 (a)").state, .pulledRSR)
  }

  func testOlderMinorNeedsAnOSUpdateBeforeAnyRSR() throws {
    XCTAssertEqual(try state(.iOS, "16.4.1").state, .osUpdateFirst)
    XCTAssertEqual(try state(.iOS, "16.4.1 (a)").state, .osUpdateFirst)
    XCTAssertEqual(try state(.iPadOS, "26.2").state, .osUpdateFirst)
  }

  func testHistoryWithALetterAndNowNoneIsARemovedRSR() throws {
    let history = [
      try AppleOSVersion.parse("26.3.1 (a)"),
      try AppleOSVersion.parse("26.3.1", missingLetter: .none),
    ]
    let removed = VersionHistory.removedLetter(history: history, current: history[1])
    XCTAssertEqual(removed, "a")
    XCTAssertEqual(try state(.iOS, "26.3.1", removed: removed).state, .rsrRemoved)
    XCTAssertEqual(
      march.assess(platform: .iOS, version: history[1], removedLetter: removed).state, .rsrRemoved)
  }

  func testUpdatingPastABaseIsNotARemoval() throws {
    let history = [
      try AppleOSVersion.parse("26.3.1 (a)"),
      try AppleOSVersion.parse("26.6.1", missingLetter: .none),
    ]
    XCTAssertNil(VersionHistory.removedLetter(history: history, current: history[1]))
  }

  func testUnknownLetterWhereAnRSRExistsIsUnknownNotCurrent() throws {
    let s = try marchState(.iOS, "26.3.1", missing: .unknown)
    XCTAssertEqual(s.state, .unknown)
    XCTAssertTrue(s.explanation.contains("letter"))
  }

  func testUnknownLetterWhereNoRSRExistsDoesNotMatter() throws {
    XCTAssertEqual(try state(.iOS, "26.7.1", missing: .unknown).state, .current)
  }

  func testNoReportedVersionIsUnknown() {
    XCTAssertEqual(assessor.assess(platform: .macOS, version: .unreported).state, .unknown)
  }

  func testBuildWithoutAnApplicableRSRIsCurrent() throws {
    XCTAssertEqual(
      try marchState(.iOS, "26.3.1", build: "23D9133", supplemental: "23D9133").state, .current)
  }

  func testRemovalBlockHoldsOnlyOnSupervisedIPhonesAndIPads() {
    XCTAssertEqual(
      StateAssessor.removalStatus(
        platform: .iOS, supervised: true, userEnrolled: false, ringRemoval: .block),
      .blocked)
    XCTAssertEqual(
      StateAssessor.removalStatus(
        platform: .iPadOS, supervised: false, userEnrolled: false, ringRemoval: .block),
      .notEnforced)
    XCTAssertEqual(
      StateAssessor.removalStatus(
        platform: .iOS, supervised: nil, userEnrolled: false, ringRemoval: .block),
      .notEnforced)
  }

  func testRemovalBlockHoldsOnMacsUnlessUserEnrolled() {
    XCTAssertEqual(
      StateAssessor.removalStatus(
        platform: .macOS, supervised: false, userEnrolled: false, ringRemoval: .block),
      .blocked)
    XCTAssertEqual(
      StateAssessor.removalStatus(
        platform: .macOS, supervised: true, userEnrolled: true, ringRemoval: .block),
      .notEnforced)
  }

  func testRemovalIsAllowedUnlessTheRingBlocksIt() {
    for setting in [PolicySetting.unset, .allow] {
      XCTAssertEqual(
        StateAssessor.removalStatus(
          platform: .iOS, supervised: true, userEnrolled: false, ringRemoval: setting),
        .allowed)
    }
  }
}
