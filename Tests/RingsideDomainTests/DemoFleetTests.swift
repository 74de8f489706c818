import Foundation
import XCTest

@testable import RingsideDomain

final class DemoFleetTests: XCTestCase {
  let now = Date(timeIntervalSince1970: 1_795_000_000)

  func testSameIndexGivesTheSameDevice() {
    let a = DemoFleet(count: 50, now: now).map(\.device)
    let b = DemoFleet(count: 50, now: now).map(\.device)
    XCTAssertEqual(a, b)
  }

  func testSerialsAreUnique() {
    let keys = DemoFleet(count: 5_000, now: now).map(\.device.key)
    XCTAssertEqual(Set(keys).count, keys.count)
  }

  func testDefaultFleetHasEveryStateAndRemovalSituation() {
    let assessor = StateAssessor(catalog: .builtin)
    var states: Set<DeviceState> = []
    var platforms: Set<Platform> = []
    var hasSpecialName = false
    var hasUserEnrolled = false
    for entry in DemoFleet(now: now) {
      let d = entry.device
      states.insert(
        assessor.assess(platform: d.platform, version: d.version, removedLetter: d.removedLetter)
          .state)
      platforms.insert(d.platform)
      hasSpecialName = hasSpecialName || !d.name.allSatisfy(\.isASCII)
      hasUserEnrolled = hasUserEnrolled || d.userEnrolled
    }
    XCTAssertEqual(states, Set(DeviceState.allCases))
    XCTAssertEqual(platforms, Set(Platform.allCases))
    XCTAssertTrue(hasSpecialName)
    XCTAssertTrue(hasUserEnrolled)
  }
}
