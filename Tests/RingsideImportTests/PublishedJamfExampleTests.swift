import Foundation
import RingsideDomain
import RingsideImport
import XCTest

@testable import RingsideStore

/// Imports the Jamf Pro API examples and real Jamf responses in `Fixtures/published` (sources
/// in its SOURCES.md), exactly as they were published.
final class PublishedJamfExampleTests: XCTestCase {
  /// Checks the iPad of Jamf's `/api/v2/mobile-devices` reference example, which reports no
  /// OS version and no check-in.
  private func assertIsTheReferenceIPad(
    _ d: Device, file: StaticString = #filePath, line: UInt = #line
  ) {
    XCTAssertEqual(d.serial, "DMQVGC0DHLA0", file: file, line: line)
    XCTAssertEqual(d.name, "iPad", file: file, line: line)
    XCTAssertEqual(d.source, "jamf-mobile", file: file, line: line)
    XCTAssertEqual(d.platform, .iPadOS, file: file, line: line)
    XCTAssertEqual(d.udid, "0dad565fb40b010a9e490440188063a378721069", file: file, line: line)
    XCTAssertEqual(d.model, "iPad 5th Generation (Wi-Fi) (iPad6,11)", file: file, line: line)
    XCTAssertEqual(d.userName, "admin", file: file, line: line)
    XCTAssertNil(d.version.base, "the endpoint reports no OS version", file: file, line: line)
    XCTAssertNil(d.lastCheckIn, "the endpoint reports no check-in", file: file, line: line)
    XCTAssertNil(d.supervised, file: file, line: line)
  }

  func testMobileDevicesV2ListIsReadAsAnIPadWithItsVersionUnknownNotAsAMacNamedAfterItsID()
    throws
  {
    let store = try Support.store(self)
    let (summary, warnings, _) = try Support.runCollecting(
      store, [Support.published("jamf-mobile-devices-v2-list-docs.json")])
    XCTAssertEqual(summary.choices.first?.format, .jamfJSON)
    XCTAssertEqual(summary.added, 1)
    XCTAssertEqual(summary.rejected, 0)
    let devices = try store.devices(limit: 10).map(\.device)
    XCTAssertEqual(devices.map(\.name), ["iPad"])
    assertIsTheReferenceIPad(try Support.device(store, "DMQVGC0DHLA0").device)
    XCTAssertEqual(warnings.count, 1, "the example's totalCount is 3: \(warnings)")
  }

  func testOneMobileDeviceOfTheV2EndpointIsDetectedAndReadAsTheSameIPad() throws {
    // `GET /api/v2/mobile-devices/{id}` answers with the list's record alone, no envelope.
    let data = try Data(
      contentsOf: URL(fileURLWithPath: Support.published("jamf-mobile-devices-v2-list-docs.json")))
    let page = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let record = try XCTUnwrap((page["results"] as? [Any])?.first)
    let one = try JSONSerialization.data(withJSONObject: record, options: [.prettyPrinted])
    let store = try Support.store(self)
    let summary = try Support.run(
      store, [Support.file(self, "mobile-device-1.json", bytes: Array(one))])
    XCTAssertEqual(summary.choices.first?.format, .jamfJSON)
    XCTAssertEqual(summary.added, 1)
    assertIsTheReferenceIPad(try Support.device(store, "DMQVGC0DHLA0").device)
  }

  func testStaticGroupMembershipRecordIsReadFromItsTopLevelFields() throws {
    let store = try Support.store(self)
    let summary = try Support.run(
      store, [Support.published("jamf-mobile-device-group-membership-docs.json")])
    XCTAssertEqual(summary.added, 1)
    XCTAssertEqual(summary.rejected, 0)
    let d = try Support.device(store, "5C28FDAE").device
    XCTAssertEqual(d.name, "iPad")
    XCTAssertEqual(d.source, "jamf-mobile")
    XCTAssertEqual(d.platform, .iPadOS)
    XCTAssertEqual(d.udid, "0dad565fb40b010a9e490440188063a378721069")
    XCTAssertEqual(d.model, "iPad 7th Generation (Wi-Fi) (iPad7,11)")
    XCTAssertEqual(d.version.base?.description, "11.4")
    XCTAssertEqual(d.version.rsr, .letter("a"))
    XCTAssertEqual(d.version.build?.text, "15F79")
    XCTAssertEqual(d.version.supplementalBuild?.text, "22A103310o")
    XCTAssertEqual(d.supervised, true)
    XCTAssertFalse(d.userEnrolled, "institutional, with a serial and a UDID")
    XCTAssertEqual(d.userName, "support@jamf.com")
    XCTAssertEqual(d.lastCheckIn, Support.date("2022-10-17T11:48:56Z"))
  }

  func testDetailListRepeatingOneDeviceStoresItOnceAndWarnsNamingItAndTheSurplusOverTotalCount()
    throws
  {
    // Jamf's reference example: three results, all mobileDeviceId "1", totalCount 2.
    let store = try Support.store(self)
    let (summary, warnings, _) = try Support.runCollecting(
      store, [Support.published("jamf-mobile-devices-detail-list-docs.json")])
    XCTAssertEqual(summary.read, 3)
    XCTAssertEqual(summary.added, 1)
    XCTAssertEqual(summary.unchanged, 0, "repeats within one file are not \"unchanged\"")
    XCTAssertEqual(summary.repeated, 2)
    XCTAssertEqual(summary.warnings, 2)
    let repeated = try XCTUnwrap(warnings.first { $0.contains("more than once") }, "\(warnings)")
    XCTAssertTrue(repeated.contains("jamf-mobile-devices-detail-list-docs.json"), repeated)
    XCTAssertTrue(repeated.contains("5C28FDAE (Banezicron) 3 times"), repeated)
    XCTAssertTrue(repeated.contains("results[1], results[2]"), repeated)
    XCTAssertTrue(
      warnings.contains { $0.contains("holds 3 records but its totalCount is 2") }, "\(warnings)")
    let d = try Support.device(store, "5C28FDAE").device
    XCTAssertEqual(d.name, "Banezicron")
    XCTAssertEqual(d.platform, .iPadOS)
    XCTAssertEqual(d.model, "iPad 7th Generation (Wi-Fi) (iPad7,11)")
    XCTAssertEqual(d.version.base?.description, "11.4")
    XCTAssertEqual(d.version.rsr, .letter("a"))
    XCTAssertEqual(d.version.build?.text, "15F79")
    XCTAssertEqual(d.version.supplementalBuild?.text, "22A103310o")
    XCTAssertEqual(d.udid, "0dad565fb40b010a9e490440188063a378721069")
    XCTAssertEqual(d.supervised, true)
    XCTAssertEqual(d.userName, "ITBob@jamf.com")
    XCTAssertEqual(d.lastCheckIn, Support.date("2022-10-17T11:48:56Z"))
  }

  /// Checks the iPad of Teleport's real Jamf responses: BSI era, 26.3.1 (a).
  private func assertIsTheTeleportIPad(
    _ d: Device, file: StaticString = #filePath, line: UInt = #line
  ) {
    XCTAssertEqual(d.name, "iPad", file: file, line: line)
    XCTAssertEqual(d.serial, "CXXXXXXXXXX1", file: file, line: line)
    XCTAssertEqual(d.udid, "00008120-001C1D8136500032", file: file, line: line)
    XCTAssertEqual(d.source, "jamf-mobile", file: file, line: line)
    XCTAssertEqual(d.platform, .iPadOS, file: file, line: line)
    XCTAssertEqual(d.model, "iPad (A16) (iPad15,7)", file: file, line: line)
    XCTAssertEqual(d.version.base?.description, "26.3.1", file: file, line: line)
    XCTAssertEqual(d.version.rsr, .letter("a"), file: file, line: line)
    XCTAssertEqual(d.version.build?.text, "23D8133", file: file, line: line)
    XCTAssertEqual(d.version.supplementalBuild?.text, "23D771330a", file: file, line: line)
    XCTAssertEqual(d.supervised, false, file: file, line: line)
    XCTAssertEqual(d.lastCheckIn, Support.date("2026-04-09T13:25:05Z"), file: file, line: line)
  }

  func testRealDetailListOfABSIEraIPadReadsItsLetterAndBuilds() throws {
    let store = try Support.store(self)
    let summary = try Support.run(
      store, [Support.published("jamf-mobile-devices-detail-teleport-real.json")])
    XCTAssertEqual(summary.added, 1)
    XCTAssertEqual(summary.rejected, 0)
    assertIsTheTeleportIPad(try Support.device(store, "CXXXXXXXXXX1").device)
  }

  func testRealOneDeviceDetailOfTheSameIPadReadsTheSameValues() throws {
    let store = try Support.store(self)
    let summary = try Support.run(
      store, [Support.published("jamf-mobile-device-id-detail-teleport-real.json")])
    XCTAssertEqual(summary.choices.first?.format, .jamfJSON)
    XCTAssertEqual(summary.added, 1)
    assertIsTheTeleportIPad(try Support.device(store, "CXXXXXXXXXX1").device)
  }

  func testBothRealResponsesTogetherAreOneDevice() throws {
    let store = try Support.store(self)
    let (summary, warnings, _) = try Support.runCollecting(
      store,
      [
        Support.published("jamf-mobile-devices-detail-teleport-real.json"),
        Support.published("jamf-mobile-device-id-detail-teleport-real.json"),
      ])
    XCTAssertEqual(summary.added, 1)
    XCTAssertEqual(summary.unchanged, 1)
    XCTAssertEqual(summary.repeated, 0, "two files, not a repeat within one")
    XCTAssertEqual(warnings, [])
    assertIsTheTeleportIPad(try Support.device(store, "CXXXXXXXXXX1").device)
  }

  func testComputersInventoryV2OneComputerReferenceImportsAsTheMacItDescribes() throws {
    let store = try Support.store(self)
    let summary = try Support.run(
      store, [Support.published("jamf-computers-inventory-v2-id-docs.json")])
    XCTAssertEqual(summary.choices.first?.format, .jamfJSON)
    XCTAssertEqual(summary.added, 1)
    let d = try Support.device(store, "C02ZC2QYLVDL").device
    XCTAssertEqual(d.name, "Boalime")
    XCTAssertEqual(d.source, "jamf-computer")
    XCTAssertEqual(d.platform, .macOS)
    XCTAssertEqual(d.udid, "123")
    XCTAssertEqual(d.model, "13-inch MacBook Pro (Mid 2012) (MacBookPro9,2)")
    XCTAssertEqual(d.version.base?.description, "10.9.5")
    XCTAssertEqual(d.version.rsr, .letter("a"))
    XCTAssertEqual(d.version.build?.text, "13A603")
    XCTAssertEqual(d.version.supplementalBuild?.text, "13A953")
    XCTAssertEqual(d.supervised, true)
    XCTAssertEqual(d.userName, "email@com.pl")
    XCTAssertEqual(d.lastCheckIn, Support.date("2018-10-31T18:04:13Z"))
  }
}
