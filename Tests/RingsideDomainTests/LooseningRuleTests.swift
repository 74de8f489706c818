import XCTest

@testable import RingsideDomain

/// Which staged values lift a protection, judged by what devices do: an unset key leaves
/// Apple's default (`true`) in force.
final class LooseningRuleTests: XCTestCase {
  private func loosening(_ changes: [(PolicyChange, PolicyChange)]) -> [String] {
    changes.filter { $0.1.loosens(from: $0.0) }.map { "\($0.0.text) → \($0.1.text)" }
  }

  func testBlockingRSRInstallationLoosensAndLiftingTheBlockDoesNot() {
    let all = PolicySetting.allCases.flatMap { old in
      PolicySetting.allCases.map {
        (PolicyChange.rsrInstallation(old), PolicyChange.rsrInstallation($0))
      }
    }
    XCTAssertEqual(loosening(all), ["unset → block", "allow → block"])
  }

  func testLiftingARemovalBlockLoosensAndUnsetAllowsAsAllowDoes() {
    let all = PolicySetting.allCases.flatMap { old in
      PolicySetting.allCases.map { (PolicyChange.rsrRemoval(old), PolicyChange.rsrRemoval($0)) }
    }
    XCTAssertEqual(loosening(all), ["block → unset", "block → allow"])
  }

  func testTurningCriticalUpdatesOffLoosensFromUnsetAsFromOn() {
    let all = CriticalUpdateSetting.allCases.flatMap { old in
      CriticalUpdateSetting.allCases.map {
        (PolicyChange.criticalUpdateInstall(old), PolicyChange.criticalUpdateInstall($0))
      }
    }
    XCTAssertEqual(loosening(all), ["unset → off", "on → off"])
  }

  func testNoLongerRequiringTheNewestMajorLoosens() {
    let all = MajorTarget.allCases.flatMap { old in
      MajorTarget.allCases.map { (PolicyChange.majorTarget(old), PolicyChange.majorTarget($0)) }
    }
    XCTAssertEqual(loosening(all), ["newest → unset", "newest → line"])
  }
}
