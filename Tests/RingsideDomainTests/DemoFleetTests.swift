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
    // The 2,000 devices share a few dozen versions: each is assessed once.
    var assessed: [String: DeviceState] = [:]
    for entry in DemoFleet(now: now) {
      let d = entry.device
      let kind = "\(d.platform) \(d.version) \(d.removedLetter.map(String.init) ?? "")"
      let state =
        assessed[kind]
        ?? assessor.assess(platform: d.platform, version: d.version, removedLetter: d.removedLetter)
        .state
      assessed[kind] = state
      states.insert(state)
      platforms.insert(d.platform)
      hasSpecialName = hasSpecialName || !d.name.allSatisfy(\.isASCII)
      hasUserEnrolled = hasUserEnrolled || d.userEnrolled
    }
    // No RSR/BSI is installable in late 2026 (26.3.1 (a) was superseded by 26.4 and its
    // signing ended 2026-11-20), so a believable fleet has no rsr-available device.
    XCTAssertEqual(states, Set(DeviceState.allCases).subtracting([.rsrAvailable]))
    XCTAssertEqual(platforms, Set(Platform.allCases))
    XCTAssertTrue(hasSpecialName)
    XCTAssertTrue(hasUserEnrolled)
  }

  func testEveryDemoModelCanRunItsReleaseAndSomeRunOS27() {
    let catalog = ReleaseCatalog.builtin
    var on27: Set<Platform> = []
    for entry in DemoFleet(now: now).prefix(3000) {
      let d = entry.device
      guard let base = d.version.base else { continue }
      if base.major >= 27 { on27.insert(d.platform) }
      let own = catalog.releases.first {
        !$0.isRSR && $0.family == d.platform.family && $0.version == base
      }
      XCTAssertNotNil(own, "\(base) is not a release")
      XCTAssertNotEqual(
        own?.devices.includes(model: d.model, platform: d.platform), false,
        "\(d.model ?? "?") cannot run \(d.platform.displayName) \(base)")
    }
    XCTAssertEqual(on27, Set(Platform.allCases))
  }

  func testEveryRSRInADemoHistoryWasSeenWhileAppleOfferedIt() {
    let catalog = ReleaseCatalog.builtin
    for entry in DemoFleet(now: now).prefix(3000) {
      for (version, seen) in entry.history where version.rsr.letter != nil {
        guard let rsr = catalog.installedRSR(of: version, on: entry.device.platform),
          let released = rsr.released
        else { continue }
        let day = UTCTimestamp.date(Int64(seen.timeIntervalSince1970))
        XCTAssertGreaterThanOrEqual(day, released, "\(rsr.displayVersion) seen before it shipped")
        if let expires = rsr.expires {
          XCTAssertLessThanOrEqual(day, expires, "\(rsr.displayVersion) seen after it expired")
        }
      }
    }
  }

  /// The demo is a fleet that could exist on any day after the builtin catalog's: nothing is
  /// seen before Apple released it, a pulled or replaced RSR only before its replacement, a
  /// history in order.
  func testNoDemoDeviceReportsAVersionBeforeItsReleaseOrAPulledRSRAfterItsReplacement() {
    let catalog = ReleaseCatalog.builtin
    for day in [now, Date(timeIntervalSince1970: 1_796_040_000)] {
      for entry in DemoFleet(now: day).prefix(2000) {
        let platform = entry.device.platform
        func released(_ v: AppleOSVersion) -> String? {
          (v.supplementalBuild ?? v.build).flatMap { catalog.release(for: platform, build: $0) }?
            .released
        }
        // A device still on a pulled RSR checks in today; its history saw it arrive in time.
        var seen = entry.history.map { (version: $0.version, at: $0.seenAt, arrived: true) }
        if let checkIn = entry.device.lastCheckIn {
          seen.append((entry.device.version, checkIn, false))
        }
        for (version, at, arrived) in seen {
          let day = UTCTimestamp.date(Int64(at.timeIntervalSince1970))
          if let released = released(version) {
            XCTAssertGreaterThan(day, released, "\(version) seen on \(day)")
          }
          if arrived, let rsr = catalog.installedRSR(of: version, on: platform), rsr.isWithdrawn,
            let replaced = catalog.replacement(of: rsr)?.released
          {
            XCTAssertLessThanOrEqual(day, replaced, "\(rsr.displayVersion) seen on \(day)")
          }
        }
        let dates = entry.history.map(\.seenAt)
        XCTAssertEqual(dates, dates.sorted(), "history out of order")
      }
    }
  }
}
