import Foundation
import RingsideDomain
import RingsideImport
import XCTest

@testable import RingsideStore

/// The shared samples and the synthetic fixtures import, and together give the fleet the
/// samples README describes.
final class SampleImportTests: XCTestCase {
  /// The RSR actually installed on each sample device (samples README), `none` for no letter.
  static let expectedLetters: [String: RSRMark] = [
    "RS-IPH-001": .letter("a"), "RS-IPH-002": .letter("c"), "RS-IPH-003": .none,
    "RS-IPH-004": .none,
    "Lab iPad, Cart 3": .letter("c"), "Contractor’s iPad": .none, "RS-MAC-001": .letter("c"),
    "RS-MAC-002": .none,
  ]

  func testEverySampleFileImportsOnItsOwn() throws {
    for name in Support.allSources + ["intune-devices.zip", "intune-devices-stored.zip"] {
      let store = try Support.store(self)
      let files =
        name.contains("available-os-updates")
        ? [Support.fixture("mdm-device-information-many.plist"), Support.fixture(name)]
        : [Support.fixture(name)]
      let summary = try Support.run(store, files)
      XCTAssertEqual(summary.rejected, 0, name)
      XCTAssertTrue(summary.stored, name)
      XCTAssertGreaterThan(summary.added, 0, name)
    }
  }

  func testAllSourcesTogetherGiveTheEightDevicesWithTheirLetters() throws {
    let store = try Support.store(self)
    let summary = try Support.run(store, Support.allSources.map(Support.fixture))
    XCTAssertEqual(summary.rejected, 0)
    XCTAssertEqual(summary.skipped, 1, "the Linux host in the Fleet fixture")
    let devices = try store.devices(limit: 100)
    XCTAssertEqual(devices.count, 8)
    XCTAssertEqual(
      Dictionary(uniqueKeysWithValues: devices.map { ($0.device.name, $0.device.version.rsr) }),
      Self.expectedLetters)
    XCTAssertEqual(summary.unknownLetters, 0)
  }

  func testIntuneAloneLeavesEveryLetterUnknown() throws {
    let store = try Support.store(self)
    let summary = try Support.run(store, [Support.fixture("intune-devices.csv")])
    XCTAssertEqual(summary.read, 8)
    XCTAssertEqual(summary.added, 7)
    XCTAssertEqual(summary.unchanged, 0)
    XCTAssertEqual(summary.repeated, 1, "the stale re-enrolment record")
    XCTAssertEqual(summary.unknownLetters, 7)
    for record in try store.devices(limit: 100) {
      XCTAssertEqual(record.device.version.rsr, .unknown, record.device.name)
      XCTAssertNotNil(record.device.version.base, record.device.name)
    }
  }

  func testGraphPagesGivenTogetherAreOneImport() throws {
    let store = try Support.store(self)
    let summary = try Support.run(
      store, ["graph-managedDevices.json", "graph-managedDevices-page2.json"].map(Support.fixture))
    XCTAssertEqual(summary.choices.map(\.format), [.graphJSON, .graphJSON])
    XCTAssertEqual(summary.added, 8)
    XCTAssertEqual(try store.countDevices(), 8)
  }

  func testAutoDetectionNamesEachFormat() throws {
    let store = try Support.store(self)
    let summary = try Support.run(
      store, Support.allSources.map(Support.fixture) + [Support.fixture("intune-devices.zip")])
    XCTAssertEqual(
      summary.choices.map(\.format),
      [
        .intuneCSV, .graphJSON, .graphJSON, .jamfJSON, .jamfJSON, .fleetJSON, .kandjiJSON,
        .mdmPlist, .mdmPlist, .mdmPlist, .intuneCSV,
      ])
    XCTAssertTrue(summary.choices.allSatisfy { !$0.reason.isEmpty })
  }

  func testZipDeflatedAndStoredGiveTheSameDevicesAsTheCSV() throws {
    var results: [[String]] = []
    for name in ["intune-devices.csv", "intune-devices.zip", "intune-devices-stored.zip"] {
      let store = try Support.store(self)
      try Support.run(store, [Support.fixture(name)])
      results.append(
        try store.devices(limit: 100).map {
          "\($0.device.key) \($0.device.version.displayString) \($0.device.name)"
        }.sorted())
    }
    XCTAssertEqual(results[0], results[1])
    XCTAssertEqual(results[0], results[2])
  }

  func testUserEnrolledIPadWithoutSerialIsOneDeviceAcrossSources() throws {
    let store = try Support.store(self)
    try Support.run(store, ["intune-devices.csv", "jamf-mobile-devices.json"].map(Support.fixture))
    let ipad = try Support.device(store, "Contractor’s iPad")
    XCTAssertNil(ipad.device.serial)
    XCTAssertTrue(ipad.device.userEnrolled)
    XCTAssertEqual(ipad.device.platform, .iPadOS)
    XCTAssertEqual(ipad.device.supervised, false)
    XCTAssertEqual(ipad.device.version.rsr, .none)
  }

  func testLabIPadReportingIOSIsStoredAsIPadOS() throws {
    let store = try Support.store(self)
    try Support.run(store, ["graph-managedDevices.json"].map(Support.fixture))
    XCTAssertEqual(try Support.device(store, "ZZRING000005").device.platform, .iPadOS)
  }

  func testAvailableOSUpdatesAreRecordedAsPendingUpdates() throws {
    let store = try Support.store(self)
    let summary = try Support.run(
      store,
      ["mdm-available-os-updates.plist", "mdm-device-information-many.plist"].map(Support.fixture))
    XCTAssertEqual(summary.pendingDevices, 1)
    let rows = try store.database.prepare(
      "SELECT d.name, p.version, p.rsr, p.is_security_response FROM pending_updates p JOIN devices d ON d.id = p.device_id ORDER BY p.version"
    ).query {
      "\($0.string(at: 0) ?? "") \($0.string(at: 1) ?? "") \($0.string(at: 2) ?? "") \($0.int(at: 3) ?? -1)"
    }
    XCTAssertEqual(rows, ["RS-IPH-003 16.5.1 c 1", "RS-IPH-003 17.5.1 none 0"])
  }

  func testFleetCountsCountDevicesWithASecurityResponseWaitingPerRing() throws {
    let store = try Support.store(self)
    try Support.run(
      store,
      ["mdm-available-os-updates.plist", "mdm-device-information-many.plist"].map(Support.fixture))
    let device = try Support.device(store, "RS-IPH-003")
    XCTAssertEqual(try store.fleetCounts().waitingByRing, [device.device.ring: 1])
    XCTAssertEqual(try store.fleetCounts().summary.waiting, 1)
    XCTAssertEqual(
      try store.fleetCounts(filter: DeviceFilter(terms: [.platform(.macOS)])).summary.waiting, 0)
    XCTAssertEqual(
      try store.waitingSecurityResponses(deviceID: device.id).map(\.displayString), ["16.5.1 (c)"])
  }

  func testAvailableOSUpdatesForAnUnknownDeviceAreRejected() throws {
    let store = try Support.store(self)
    guard
      case .rejected(_, let issues)? = Support.failure(
        store, [Support.fixture("mdm-available-os-updates.plist")])
    else {
      return XCTFail("expected a rejection")
    }
    XCTAssertTrue(issues[0].description.contains("UDID"), issues[0].description)
  }

  func testDeviceInformationPlistGivesApplesFourKeys() throws {
    let store = try Support.store(self)
    try Support.run(store, [Support.fixture("mdm-device-information.plist")])
    let d = try Support.device(store, "ZZRING000001").device
    XCTAssertEqual(d.version.displayString, "16.4.1 (a)")
    XCTAssertEqual(d.version.build?.text, "20E252")
    XCTAssertEqual(d.version.supplementalBuild?.text, "20E772520a")
    XCTAssertEqual(d.udid, "00008110-0000010000000001")
    XCTAssertEqual(d.supervised, true)
  }

  func testFleetReadsTheLetterFromOSVersionAndSkipsLinuxHosts() throws {
    let store = try Support.store(self)
    let summary = try Support.run(store, [Support.fixture("fleet-hosts.json")])
    XCTAssertEqual(summary.skipped, 1)
    let mac = try Support.device(store, "ZZRING000007").device
    XCTAssertEqual(mac.version.displayString, "13.4.1 (c)")
    XCTAssertEqual(mac.version.supplementalBuild?.text, "22F770820d")
    XCTAssertNil(mac.supervised, "Fleet does not report supervision")
  }

  func testKandjiEmptyExtraMeansNoRSR() throws {
    let store = try Support.store(self)
    try Support.run(store, [Support.fixture("kandji-devices.json")])
    XCTAssertEqual(try Support.device(store, "ZZRING000003").device.version.rsr, RSRMark.none)
  }
}
