import Foundation
import XCTest

@testable import RingsideDomain

final class VersionOrderTests: XCTestCase {
  private func v(_ text: String) throws -> AppleOSVersion {
    try AppleOSVersion.parse(text, missingLetter: .none)
  }

  func testRSRSitsBetweenItsBaseAndTheNextRelease() throws {
    let chain = try ["16.4.1", "16.4.1 (a)", "16.4.1 (c)", "16.5", "16.10"].map(v)
    for (a, b) in zip(chain, chain.dropFirst()) {
      XCTAssertLessThan(a, b, "\(a) < \(b)")
      XCTAssertFalse(b < a)
    }
  }

  func testNumericComponentsCompareAsNumbers() {
    XCTAssertLessThan(OSVersionNumber("16.9")!, OSVersionNumber("16.10")!)
    XCTAssertEqual(OSVersionNumber("16.4")!, OSVersionNumber("16.4.0")!)
    XCTAssertLessThan(OSVersionNumber("9.3.5")!, OSVersionNumber("10.0")!)
  }

  func testUnknownLetterSortsAfterNoneAndBeforeAnyLetter() throws {
    let none = try v("16.4.1")
    let unknown = try AppleOSVersion.parse("16.4.1")
    let a = try v("16.4.1 (a)")
    XCTAssertLessThan(none, unknown)
    XCTAssertLessThan(unknown, a)
  }

  func testEveryRSRReleaseOrdersAfterItsBaseAndBeforeTheNextPatch() throws {
    let rows = try Fixtures.rsrReleases()
    XCTAssertEqual(rows.count, 26)
    for row in rows {
      let text = row["version"]!.replacingOccurrences(of: " beta", with: "")
      let rsr = try v(text)
      let base = try v(String(text.prefix { $0 != " " }))
      XCTAssertNotNil(rsr.rsr.letter, text)
      XCTAssertLessThan(base, rsr, text)
      let next = OSVersionNumber(base.base!.major, base.base!.minor, base.base!.patch + 1)
      XCTAssertLessThan(rsr, AppleOSVersion(base: next, rsr: .none), text)
      XCTAssertNoThrow(try AppleBuild(row["build"]!), row["build"]!)
    }
  }

  func testLettersOfTheSameBaseOrderAlphabetically() throws {
    let rows = try Fixtures.rsrReleases()
    var byBase: [String: [AppleOSVersion]] = [:]
    for row in rows {
      let text = row["version"]!.replacingOccurrences(of: " beta", with: "")
      byBase[row["platform"]! + String(text.prefix { $0 != " " }), default: []].append(try v(text))
    }
    for (_, versions) in byBase {
      let sorted = versions.sorted()
      XCTAssertEqual(sorted.map(\.rsr), versions.map(\.rsr).sorted())
    }
  }

  func testSOFAReleaseListsAreInDescendingVersionOrder() throws {
    for feed in ["ios_data_feed.json", "macos_data_feed.json"] {
      let root = try JSONSerialization.jsonObject(with: Fixtures.data(feed)) as! [String: Any]
      var checked = 0
      for os in root["OSVersions"] as! [[String: Any]] {
        let versions = try (os["SecurityReleases"] as! [[String: Any]]).map {
          try v($0["ProductVersion"] as! String)
        }
        for (newer, older) in zip(versions, versions.dropFirst()) {
          XCTAssertFalse(newer < older, "\(feed): \(newer) listed before \(older)")
          checked += 1
        }
      }
      let bsis = (root["BackgroundSecurityImprovements"] as! [String: [[String: Any]]]).values
        .joined()
      for bsi in bsis {
        let base = try v(bsi["Version"] as! String)
        let rsr = try v("\(bsi["Version"] as! String) \(bsi["VersionExtra"] as! String)")
        XCTAssertLessThan(base, rsr)
        checked += 1
      }
      XCTAssertGreaterThan(checked, 40, feed)
    }
  }

  func testSortKeyOrdersLikeTheVersions() throws {
    let versions = try ["13.4.1", "13.4.1 (a)", "13.4.1 (c)", "13.10", "16.4.1", "26.3.1 (a)"].map(
      v)
    XCTAssertEqual(versions.map(\.sortKey), versions.map(\.sortKey).sorted())
  }
}
