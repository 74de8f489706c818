import RingsideDomain
import XCTest

@testable import RingsideProfiles

final class StagingWarningsTests: XCTestCase {
  private func segment(
    _ platform: Platform, supervised: Bool? = true, userEnrolled: Bool = false, os: String = "18.5",
    count: Int, ring: String = "test"
  ) -> FleetSegment {
    FleetSegment(
      ring: ring, platform: platform, supervised: supervised, userEnrolled: userEnrolled,
      osVersion: OSVersionNumber(os), count: count)
  }

  private func warnings(_ policy: RingPolicy, _ segments: [FleetSegment]) -> [StagingWarning.Kind:
    StagingWarning]
  {
    let found = StagingWarnings.evaluate(rings: [TestSupport.ring(policy)], segments: segments)
    return Dictionary(found.map { ($0.kind, $0) }, uniquingKeysWith: { first, _ in first })
  }

  func testBlockedRemovalWarnsAboutUnsupervisedAndUserEnrolledDevices() throws {
    let found = warnings(
      TestSupport.policy(removal: .block),
      [
        segment(.iOS, supervised: true, count: 10), segment(.iOS, supervised: false, count: 3),
        segment(.iPadOS, supervised: nil, count: 2), segment(.macOS, supervised: false, count: 7),
        segment(.iOS, supervised: true, userEnrolled: true, count: 4),
      ])
    let warning = try XCTUnwrap(found[.restrictionNotEnforced])
    XCTAssertEqual(warning.devices, 9)
    XCTAssertTrue(warning.message.contains("5 unsupervised"), warning.message)
    XCTAssertTrue(warning.message.contains("4 user-enrolled"), warning.message)
    XCTAssertTrue(warning.message.contains("removal"), warning.message)
  }

  func testUnsupervisedMacsOnOS27CannotEnforceABlockNorReceiveTheDeclaration() throws {
    let found = warnings(
      TestSupport.policy(removal: .block),
      [
        segment(.macOS, supervised: false, os: "26.7.1", count: 7),
        segment(.macOS, supervised: false, os: "27.0.1", count: 4),
        segment(.macOS, supervised: true, os: "27.0.1", count: 5),
      ])
    let notEnforced = try XCTUnwrap(found[.restrictionNotEnforced])
    XCTAssertEqual(notEnforced.devices, 4)
    XCTAssertTrue(
      notEnforced.message.contains("4 unsupervised (or not reported) Macs on macOS 27 or later"),
      notEnforced.message)
    let removed = try XCTUnwrap(found[.profileKeysRemoved])
    XCTAssertEqual(removed.devices, 9)
    XCTAssertTrue(
      removed.message.contains("not the 4 unsupervised (or not reported) Macs among them"),
      removed.message)
  }

  func testNotEnforcedTotalIsTheSumOfItsParts() throws {
    for policy in [TestSupport.policy(install: .block), TestSupport.policy(removal: .block)] {
      let warning = try XCTUnwrap(
        warnings(
          policy,
          [
            segment(.iOS, supervised: false, count: 3),
            segment(.macOS, supervised: false, os: "27.0.1", count: 4),
            segment(.iPadOS, supervised: true, userEnrolled: true, count: 2),
            segment(.macOS, supervised: false, os: "26.7.1", count: 50),
          ])[.restrictionNotEnforced])
      XCTAssertEqual(warning.devices, 9)
      XCTAssertTrue(
        warning.message.contains(
          "not enforced on 9 devices: 3 unsupervised (or not reported) iPhones/iPads, "
            + "4 unsupervised (or not reported) Macs on macOS 27 or later, 2 user-enrolled."),
        warning.message)
    }
  }

  func testAllowedRemovalNeedsNoEnforcementWarning() {
    XCTAssertNil(
      warnings(TestSupport.policy(removal: .allow), [segment(.iOS, supervised: false, count: 3)])[
        .restrictionNotEnforced])
  }

  func testDeferralWarnsThatItHoldsBackRSRs() throws {
    let warning = try XCTUnwrap(
      warnings(
        TestSupport.policy(defer: 30), [segment(.iOS, count: 5), segment(.macOS, count: 2)])[
          .deferralHoldsRSR])
    XCTAssertEqual(warning.devices, 7)
    XCTAssertTrue(warning.message.contains("latest minor"), warning.message)
  }

  func testDevicesOnOS27AndLaterAreOnlyReachedByTheDeclaration() throws {
    let warning = try XCTUnwrap(
      warnings(
        TestSupport.policy(install: .allow),
        [
          segment(.iOS, os: "27.0", count: 4), segment(.macOS, os: "27.1", count: 1),
          segment(.iOS, os: "26.3", count: 9),
        ]
      )[.profileKeysRemoved])
    XCTAssertEqual(warning.devices, 5)
  }

  func testDevicesBeforeIOS18OrMacOS15MissTheDeclaration() throws {
    let warning = try XCTUnwrap(
      warnings(
        TestSupport.policy(install: .allow),
        [
          segment(.iOS, os: "17.6", count: 4), segment(.iPadOS, os: "16.7.8", count: 2),
          segment(.macOS, os: "14.7", count: 3), segment(.macOS, os: "15.0", count: 8),
          FleetSegment(
            ring: "test", platform: .iOS, supervised: true, userEnrolled: false, osVersion: nil,
            count: 6),
        ]
      )[.declarationUnsupported])
    XCTAssertEqual(warning.devices, 9)
  }

  func testCriticalOnlyPolicyDoesNotWarnAboutIPhones() {
    let found = warnings(TestSupport.policy(critical: .on), [segment(.iOS, os: "17.0", count: 4)])
    XCTAssertTrue(found.isEmpty, "no Mac in the ring, so no payload to collide: \(found)")
  }

  func testSoftwareUpdatePayloadWarnsThatASecondOneFromTheMDMConflicts() throws {
    for critical in [CriticalUpdateSetting.on, .off] {
      let warning = try XCTUnwrap(
        warnings(
          TestSupport.policy(critical: critical),
          [segment(.macOS, count: 5), segment(.iOS, count: 3)])[.singlePayloadConflict])
      XCTAssertEqual(warning.devices, 5)
      XCTAssertEqual(
        warning.message,
        "ring test's com.apple.SoftwareUpdate payload (test-macos.mobileconfig, 5 devices) "
          + "conflicts with any second one the MDM sends them: macOS installs only one.")
    }
  }

  func testNoConflictWarningWithoutASoftwareUpdatePayload() {
    for policy in TestSupport.allPolicies where policy.criticalUpdateInstall == .unset {
      XCTAssertNil(
        warnings(policy, [segment(.macOS, count: 5)])[.singlePayloadConflict], policy.summary)
    }
  }

  func testRingsWithoutPolicyOrDevicesStayQuiet() {
    XCTAssertTrue(warnings(.unset, [segment(.iOS, supervised: false, count: 3)]).isEmpty)
    XCTAssertNil(warnings(TestSupport.policy(removal: .block), [])[.restrictionNotEnforced])
  }
}
