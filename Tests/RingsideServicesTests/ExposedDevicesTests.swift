import RingsideDomain
import RingsideServices
import XCTest

/// The devices a change that lifts a protection exposes: only those the setting takes effect
/// on, by platform, supervision and enrollment.
final class ExposedDevicesTests: XCTestCase {
  private let segments = [
    FleetSegment(
      ring: "production", platform: .iOS, supervised: true, userEnrolled: false,
      osVersion: OSVersionNumber("26.7.1"), count: 10),
    FleetSegment(
      ring: "production", platform: .iPadOS, supervised: false, userEnrolled: false,
      osVersion: OSVersionNumber("26.7.1"), count: 3),
    FleetSegment(
      ring: "production", platform: .macOS, supervised: false, userEnrolled: false,
      osVersion: OSVersionNumber("26.7.1"), count: 7),
    FleetSegment(
      ring: "production", platform: .macOS, supervised: false, userEnrolled: false,
      osVersion: OSVersionNumber("27.0.1"), count: 4),
    FleetSegment(
      ring: "production", platform: .macOS, supervised: true, userEnrolled: false,
      osVersion: OSVersionNumber("27.0.1"), count: 5),
    FleetSegment(
      ring: "production", platform: .macOS, supervised: nil, userEnrolled: true,
      osVersion: OSVersionNumber("26.7.1"), count: 2),
    FleetSegment(
      ring: "test", platform: .macOS, supervised: true, userEnrolled: false,
      osVersion: OSVersionNumber("26.7.1"), count: 100),
  ]

  private func exposed(_ field: PolicyField) -> Int {
    ExposedDevices.count(field, ring: "production", segments: segments, enforcingRemovalBlock: 9)
  }

  func testTurningCriticalUpdatesOffCountsOnlyTheMacsThatTakeTheSetting() {
    // Macs before 27 (7), supervised Macs on 27 (5); not iPhones, iPads, unsupervised Macs
    // on 27 (only the supervised-only declaration reaches them), User Enrollment.
    XCTAssertEqual(exposed(.criticalUpdateInstall), 12)
  }

  func testBlockingInstallationCountsTheDevicesThatEnforceTheBlock() {
    // Supervised iPhones (10), Macs before 27 (7), supervised Macs on 27 (5).
    XCTAssertEqual(exposed(.rsrInstallation), 22)
  }

  func testLiftingARemovalBlockCountsTheDevicesThatEnforceItNow() {
    XCTAssertEqual(exposed(.rsrRemoval), 9)
  }

  func testNoLongerRequiringTheNewestMajorCountsTheWholeRing() {
    XCTAssertEqual(exposed(.majorTarget), 31)
  }
}
