import Foundation
import RingsideDomain
import RingsideImport
import XCTest

@testable import RingsideStore

/// Imports the Kandji examples and the real Kandji tenant responses in `Fixtures/published`
/// (sources in its SOURCES.md), exactly as they were published.
final class PublishedKandjiExampleTests: XCTestCase {
  private let tenantDetails = "kandji-device-details-tenant-jupiterone.json"

  func testRealTenantDetailsKeepTheModelIdentifierAndReadTheBuildFromSystemVersion() throws {
    let store = try Support.store(self)
    let summary = try Support.run(store, [Support.published(tenantDetails)])
    XCTAssertEqual(summary.choices.first?.format, .kandjiJSON)
    XCTAssertEqual(summary.added, 1)
    let d = try Support.device(store, "C02D91CNPV4M").device
    XCTAssertEqual(d.name, "RickandMorty-MBP")
    XCTAssertEqual(d.source, "kandji")
    XCTAssertEqual(d.platform, .macOS)
    // The identifier decides which releases the Mac runs: MacBookAir9,1 is an Intel Mac.
    XCTAssertEqual(d.model, "MacBook Air (Retina, 13-inch, 2020) (MacBookAir9,1)")
    XCTAssertEqual(d.version.base?.description, "12.0.1")
    XCTAssertEqual(d.version.build?.text, "21A559", "from system_version \"12.0.1 (21A559)\"")
    XCTAssertEqual(d.version.rsr, .unknown, "the tenant's record has no letter field")
    XCTAssertEqual(d.udid, "644d7162-2b41-5a68-9aa7-8db4fc6abff5")
    XCTAssertEqual(d.supervised, true)
    XCTAssertEqual(d.userName, "adam.williams@jupiterone.dev")
    // The agent's check-in (12:39:26), later than the MDM's (12:38:28).
    XCTAssertEqual(d.lastCheckIn, Support.date("2022-09-19T12:39:26Z"))
  }

  func testDocsDetailsKeepTheModelIdentifierAndTheBuild() throws {
    let store = try Support.store(self)
    try Support.run(store, [Support.published("kandji-device-details-docs.json")])
    let d = try Support.device(store, "FVHHFKF7Q6L4").device
    XCTAssertEqual(d.model, "MacBook Air (M1, 2020) (MacBookAir10,1)")
    XCTAssertEqual(d.version.build?.text, "23E224")
    XCTAssertEqual(d.version.supplementalBuild?.text, "23E224")
    XCTAssertEqual(d.version.rsr, .none)
  }

  func testASystemVersionWithALetterGivesTheLetterAndTheRSRBuildNotTheBaseBuild() throws {
    let text = try String(contentsOfFile: Support.published(tenantDetails), encoding: .utf8)
    XCTAssertTrue(text.contains(#""os_version":"12.0.1","system_version":"12.0.1 (21A559)""#))
    let rsr = text.replacingOccurrences(
      of: #""os_version":"12.0.1","system_version":"12.0.1 (21A559)""#,
      with: #""os_version":"13.4.1","system_version":"13.4.1 (c) (22F770820d)""#)
    let store = try Support.store(self)
    try Support.run(store, [Support.file(self, "details.json", rsr)])
    let v = try Support.device(store, "C02D91CNPV4M").device.version
    XCTAssertEqual(v.base?.description, "13.4.1")
    XCTAssertEqual(v.rsr, .letter("c"))
    XCTAssertEqual(v.supplementalBuild?.text, "22F770820d")
    XCTAssertNil(v.build, "the base build is not shown")
  }

  func testASystemVersionOfAnotherReleaseAddsNothing() throws {
    let text = try String(contentsOfFile: Support.published(tenantDetails), encoding: .utf8)
    let other = text.replacingOccurrences(
      of: #""system_version":"12.0.1 (21A559)""#, with: #""system_version":"12.1 (21C52)""#)
    let store = try Support.store(self)
    try Support.run(store, [Support.file(self, "details.json", other)])
    let v = try Support.device(store, "C02D91CNPV4M").device.version
    XCTAssertEqual(v.base?.description, "12.0.1")
    XCTAssertNil(v.build)
  }

  func testRealTenantListReadsTheMacWithItsRedactedSerialAndNoLetter() throws {
    let store = try Support.store(self)
    let summary = try Support.run(
      store, [Support.published("kandji-devices-tenant-jupiterone.json")])
    XCTAssertEqual(summary.choices.first?.format, .kandjiJSON)
    XCTAssertEqual(summary.added, 1)
    XCTAssertEqual(summary.unknownLettersBySource, ["kandji": 1])
    let d = try Support.device(store, "RickandMorty-MBP").device
    XCTAssertEqual(d.serial, "[REDACTED]", "the recorder's redaction, as published")
    XCTAssertEqual(d.platform, .macOS)
    XCTAssertEqual(d.model, "MacBook Air (Retina, 13-inch, 2020)", "the list has no identifier")
    XCTAssertEqual(d.version.base?.description, "12.0.1")
    XCTAssertEqual(d.version.rsr, .unknown, "the record has no supplemental_os_version_extra")
    XCTAssertNil(d.version.build)
    XCTAssertNil(d.supervised)
    XCTAssertEqual(d.userName, "adam.williams@jupiterone.dev", "user.email; user.id is a number")
    XCTAssertEqual(d.lastCheckIn, Support.date("2022-09-19T12:39:21Z"))
  }
}
