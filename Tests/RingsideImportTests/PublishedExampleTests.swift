import Foundation
import RingsideDomain
import RingsideImport
import XCTest

@testable import RingsideStore

/// Imports the vendor examples and real tenant responses in `Fixtures/published` (sources in
/// its SOURCES.md), exactly as they were published.
final class PublishedExampleTests: XCTestCase {
  private func published(_ name: String) -> String {
    Support.fixtures.appendingPathComponent("published").appendingPathComponent(name).path
  }

  private func date(_ text: String) -> Date? { ISO8601DateFormatter().date(from: text) }

  func testJamfAPIReferenceExampleImportsAsAComputer() throws {
    let store = try Support.store(self)
    let summary = try Support.run(store, [published("jamf-computers-inventory-docs.json")])
    XCTAssertEqual(summary.added, 1)
    XCTAssertEqual(summary.choices.first?.format, .jamfJSON)
    let d = try Support.device(store, "Boalime").device
    XCTAssertEqual(d.platform, .macOS)
    XCTAssertEqual(d.source, "jamf-computer")
    XCTAssertEqual(d.serial, "C02ZC2QYLVDL")
    XCTAssertEqual(d.supervised, true)
    XCTAssertEqual(d.userName, "email@com.pl")
    XCTAssertEqual(d.version.base?.description, "10.9.5")
    XCTAssertEqual(d.lastCheckIn, date("2018-10-31T18:04:13Z"))
  }

  func testRealJamfTenantRecordWithNullOperatingSystemStaysAComputerCheckedInAtLastContact()
    throws
  {
    let store = try Support.store(self)
    let summary = try Support.run(store, [published("jamf-computers-inventory-tenant.json")])
    XCTAssertEqual(summary.added, 1)
    XCTAssertEqual(summary.rejected, 0)
    let d = try Support.device(store, "XXXXXXXXXXXX").device
    XCTAssertEqual(d.name, "llama’s MacBook Air")
    XCTAssertEqual(d.platform, .macOS)
    XCTAssertEqual(d.source, "jamf-computer")
    XCTAssertEqual(d.udid, "54C764F5-7DC6-5CC0-B877-641BEDF8AF20")
    XCTAssertNil(d.version.base, "the section with the version was not asked for")
    // lastContactTime (Feb 21), not reportDate (Feb 15); stored to the second.
    XCTAssertEqual(d.lastCheckIn, date("2023-02-21T09:31:49Z"))
  }

  func testKandjiListExampleImportsWithNoLetter() throws {
    let store = try Support.store(self)
    let summary = try Support.run(store, [published("kandji-device-docs.json")])
    XCTAssertEqual(summary.added, 1)
    let d = try Support.device(store, "FVHHFKF7Q6L4").device
    XCTAssertEqual(d.name, "accuhive's MacBook Air")
    XCTAssertEqual(d.version.base?.description, "14.4.1")
    XCTAssertEqual(d.version.rsr, .none)
    XCTAssertEqual(d.userName, "accuhive.admin@kandji.io")
  }

  func testKandjiDeviceDetailsExampleReadsSupervisionBlueprintAndAgentCheckIn() throws {
    let store = try Support.store(self)
    let summary = try Support.run(
      store, [published("kandji-device-details-docs.json")],
      ImportOptions(ringFrom: "blueprint_name"))
    XCTAssertEqual(summary.added, 1)
    let d = try Support.device(store, "FVHHFKF7Q6L4").device
    XCTAssertEqual(d.name, "testuser’s MacBook Air")
    XCTAssertEqual(d.supervised, true)
    XCTAssertEqual(d.udid, "3c976d96-08a0-5014-89e4-66259ab79fe6")
    XCTAssertEqual(d.ring, "test_something")
    XCTAssertEqual(d.lastCheckIn, date("2024-07-23T14:26:49Z"))
  }

  func testFleetDocsExampleAsPublishedIsRefusedAtItsTrailingComma() throws {
    let store = try Support.store(self)
    guard
      case .file(let issue, _)? = Support.failure(store, [published("fleet-hosts-docs-2020.json")])
    else { return XCTFail("expected a file error") }
    XCTAssertEqual(issue.location.line, 77)
    XCTAssertTrue(issue.reason.contains("trailing comma"), issue.reason)
    XCTAssertEqual(try store.countDevices(), 0)
  }

  func testFleetDocsExampleHostOneIsReadAndItsLinuxHostsSkipped() throws {
    var text = try String(contentsOfFile: published("fleet-hosts-docs-2020.json"), encoding: .utf8)
    let comma = try XCTUnwrap(text.range(of: "},\n  ]", options: .backwards))
    text.replaceSubrange(comma, with: "}\n  ]")
    let store = try Support.store(self)
    let summary = try Support.run(store, [Support.file(self, "fleet.json", text)])
    XCTAssertEqual(summary.read, 2)
    XCTAssertEqual(summary.skipped, 2)
    XCTAssertEqual(summary.rejected, 0)
  }

  func testRealIntuneTenantDevicesImportTheIPhoneAndSkipTheWindowsVM() throws {
    let store = try Support.store(self)
    let summary = try Support.run(store, [published("graph-managed-devices-tenant.json")])
    XCTAssertEqual(summary.choices.first?.format, .graphJSON)
    XCTAssertEqual(summary.added, 1)
    XCTAssertEqual(summary.skipped, 1)
    let d = try Support.device(store, "GV4D807ZN73C").device
    XCTAssertEqual(d.platform, .iOS)
    XCTAssertEqual(d.version.base?.description, "16.5.1")
    XCTAssertEqual(d.version.rsr, .unknown)
    XCTAssertEqual(d.lastCheckIn, date("2023-06-29T05:17:54Z"))
  }

  func testMDMResultWithoutModelKeysIsRejectedNamingTheField() throws {
    let store = try Support.store(self)
    guard
      case .rejected(_, let issues)? = Support.failure(
        store, [published("mdm-device-information-flarexio.plist")])
    else { return XCTFail("expected a rejection") }
    XCTAssertEqual(issues.first?.field, "ProductName")
    XCTAssertTrue(
      issues[0].description.contains("mdm-device-information-flarexio.plist"), issues[0].description
    )
  }

  func testJamfMobileDeviceDetailExampleImportsAsTheIPadItDescribes() throws {
    let store = try Support.store(self)
    let summary = try Support.run(store, [published("jamf-mobile-device-detail-docs.json")])
    XCTAssertEqual(summary.choices.first?.format, .jamfJSON)
    XCTAssertEqual(summary.added, 1)
    XCTAssertEqual(summary.rejected, 0)
    let d = try Support.device(store, "DMQVGC0DHLF0").device
    XCTAssertEqual(d.name, "Jon's iPad")
    XCTAssertEqual(d.source, "jamf-mobile")
    XCTAssertEqual(d.platform, .iPadOS)
    XCTAssertEqual(d.udid, "0dad565fb40b010a9e490440188063a378721069")
    XCTAssertEqual(d.model, "iPad 5th Generation (Wi-Fi) (ipad6,11)")
    XCTAssertEqual(d.version.base?.description, "11.4")
    XCTAssertEqual(d.version.rsr, .letter("a"))
    XCTAssertEqual(d.supervised, true)
    XCTAssertEqual(d.userName, "ITBob@jamf.com")
    XCTAssertEqual(d.lastCheckIn, date("2018-10-15T16:39:56Z"))
  }

  func testJamfMobileDeviceDetailExampleReadsTheRingFromItsExtensionAttribute() throws {
    let store = try Support.store(self)
    try Support.run(
      store, [published("jamf-mobile-device-detail-docs.json")],
      ImportOptions(ringFrom: "Example EA"))
    XCTAssertEqual(try Support.device(store, "DMQVGC0DHLF0").device.ring, "ea-value")
  }

  func testJamfMobileDeviceDetailExampleReadsTheSectionItsTypeNames() throws {
    // Jamf's example fills the ios, tvos, watchos and visionos sections alike; as an Apple TV
    // the same record reads the tvos section (AppleTV3,2) and is skipped.
    let text = try String(
      contentsOfFile: published("jamf-mobile-device-detail-docs.json"), encoding: .utf8)
    XCTAssertTrue(text.contains("\"type\": \"ios\""))
    let tv = text.replacingOccurrences(of: "\"type\": \"ios\"", with: "\"type\": \"tvos\"")
    let store = try Support.store(self)
    let summary = try Support.run(store, [Support.file(self, "tv.json", tv)])
    XCTAssertEqual(summary.added, 0)
    XCTAssertEqual(summary.skipped, 1)
  }

  func testAppleDeviceInformationExampleImportsTheSupervisedIPhone() throws {
    let store = try Support.store(self)
    let path = published("mdm-device-information-apple-docs.plist")
    let summary = try Support.run(store, [path])
    XCTAssertEqual(summary.choices.first?.format, .mdmPlist)
    XCTAssertEqual(summary.added, 1)
    let d = try Support.device(store, "C7CX706CKWTK").device
    XCTAssertEqual(d.name, "iPhone")
    XCTAssertEqual(d.platform, .iOS)
    XCTAssertEqual(d.udid, "00008020-000915083C80012E")
    XCTAssertEqual(d.model, "iPhone (iPhone11,8)")
    XCTAssertEqual(d.version.base?.description, "13.0")
    XCTAssertEqual(d.version.rsr, .unknown, "the response has no SupplementalOSVersionExtra key")
    XCTAssertEqual(d.supervised, true)
    let modified =
      try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date
    XCTAssertEqual(
      d.lastCheckIn.map { Int($0.timeIntervalSince1970) },
      modified.map { Int($0.timeIntervalSince1970) }, "a response is dated by its file")
  }

  func testAppleAvailableOSUpdatesExampleIsRecordedForTheDeviceItNames() throws {
    let store = try Support.store(self)
    let summary = try Support.run(
      store,
      [
        published("mdm-available-os-updates-apple-docs.plist"),
        published("mdm-device-information-apple-docs.plist"),
      ])
    XCTAssertEqual(summary.rejected, 0)
    XCTAssertEqual(summary.pendingDevices, 1)
    let rows = try store.database.prepare(
      "SELECT d.serial, p.version, p.rsr, p.build, p.is_security_response FROM pending_updates p JOIN devices d ON d.id = p.device_id"
    ).query {
      ($0.string(at: 0) ?? "") + " " + ($0.string(at: 1) ?? "") + " " + ($0.string(at: 2) ?? "")
        + " " + ($0.string(at: 3) ?? "") + " \($0.int(at: 4) ?? -1)"
    }
    XCTAssertEqual(rows, ["C7CX706CKWTK 13.0 none 17A576 0"])
  }

  func testAppleAvailableOSUpdatesExampleAloneIsRejectedNamingItsUDID() throws {
    let store = try Support.store(self)
    guard
      case .rejected(_, let issues)? = Support.failure(
        store, [published("mdm-available-os-updates-apple-docs.plist")])
    else { return XCTFail("expected a rejection") }
    XCTAssertEqual(issues.first?.field, "UDID")
    XCTAssertTrue(
      issues[0].reason.contains("00008020-000915083C80012E"), issues[0].description)
  }

  func testIntuneExportWithMicrosoftsDocumentedColumnsReadsEveryFieldRingsideUses() throws {
    // Microsoft publishes the columns of the "All devices" export (DevicesWithInventory), not a
    // sample file: the header is theirs, the one row is the real tenant's iPhone from
    // graph-managed-devices-tenant.json, written into those columns here.
    let header = try String(
      contentsOfFile: published("intune-devices-with-inventory-columns-docs.csv"), encoding: .utf8)
    let names = header.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ",").map {
      String($0.dropFirst().dropLast())
    }
    XCTAssertEqual(names.count, 56)
    let values: [String: String] = [
      "Device ID": "8f198977-a53d-426a-8600-", "Device name": "Deeksha",
      "Enrollment date": "2023-06-27T08:15:54Z", "Last check-in": "2023-06-29T05:17:54Z",
      "Microsoft Entra Device ID": "98619e4e-63dd-4508-9a92-ef8f9d8545ba",
      "OS version": "16.5.1", "Serial number": "GV4D807ZN73C", "Manufacturer": "Apple",
      "Model": "iPhone 11",
      "Primary user UPN": "exchange_online_test@siemplifycyarx.onmicrosoft.com",
      "Supervised": "False", "OS": "iOS", "Ownership": "personal",
    ]
    let row = names.map { "\"" + (values[$0] ?? "") + "\"" }.joined(separator: ",")
    let store = try Support.store(self)
    let summary = try Support.run(
      store, [Support.file(self, "DevicesWithInventory.csv", header + row + "\r\n")])
    XCTAssertEqual(summary.choices.first?.format, .intuneCSV)
    XCTAssertEqual(summary.added, 1)
    let d = try Support.device(store, "GV4D807ZN73C").device
    XCTAssertEqual(d.name, "Deeksha")
    XCTAssertEqual(d.platform, .iOS)
    XCTAssertEqual(d.model, "iPhone 11")
    XCTAssertEqual(d.version.base?.description, "16.5.1")
    XCTAssertEqual(d.version.rsr, .unknown, "the export has no letter column")
    XCTAssertEqual(d.supervised, false)
    XCTAssertEqual(d.userName, "exchange_online_test@siemplifycyarx.onmicrosoft.com")
    XCTAssertEqual(d.lastCheckIn, date("2023-06-29T05:17:54Z"))
  }

  /// The real tenant response as the Microsoft Graph PowerShell SDK names the same properties
  /// (`OSVersion`, `SerialNumber`, `LastSyncDateTime`, ...), dated the way `ConvertTo-Json`
  /// writes a DateTime: `lastSync` replaces every `lastSyncDateTime`.
  private func powerShellShape(lastSync: String) throws -> String {
    let data = try Data(
      contentsOf: URL(fileURLWithPath: published("graph-managed-devices-tenant.json")))
    let list = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
    let renamed = list.map { device in
      var out: [String: Any] = [:]
      for (key, value) in device {
        let pascal =
          key == "osVersion"
          ? "OSVersion"
          : key.hasPrefix("azureAD")
            ? "AzureAd" + key.dropFirst(7) : key.prefix(1).uppercased() + key.dropFirst()
        out[pascal] = key == "lastSyncDateTime" ? lastSync : value
      }
      return out
    }
    let json = try JSONSerialization.data(withJSONObject: renamed, options: [.prettyPrinted])
    let text = String(decoding: json, as: UTF8.self)
    XCTAssertTrue(text.contains("\"OSVersion\""))
    XCTAssertFalse(text.contains("\"osVersion\""))
    return text
  }

  func testGraphDevicesSavedWithPowerShellAreReadByTheirPascalCaseNames() throws {
    for (lastSync, label) in [
      ("2023-06-29T07:17:54+02:00", "PowerShell 7"), ("/Date(1688015874000)/", "PowerShell 5.1"),
    ] {
      let store = try Support.store(self)
      let path = Support.file(self, "devices.json", try powerShellShape(lastSync: lastSync))
      let summary = try Support.run(store, [path])
      XCTAssertEqual(summary.choices.first?.format, .graphJSON, label)
      XCTAssertEqual(summary.added, 1, label)
      XCTAssertEqual(summary.skipped, 1, "the Windows VM, \(label)")
      let d = try Support.device(store, "GV4D807ZN73C").device
      XCTAssertEqual(d.name, "Deeksha", label)
      XCTAssertEqual(d.platform, .iOS, label)
      XCTAssertEqual(d.model, "iPhone 11", label)
      XCTAssertEqual(d.version.base?.description, "16.5.1", label)
      XCTAssertEqual(d.version.rsr, .unknown, label)
      XCTAssertEqual(d.supervised, false, label)
      XCTAssertEqual(d.lastCheckIn, date("2023-06-29T05:17:54Z"), label)
    }
  }

  func testConfigurationDataEntriesOfAvailableOSUpdatesAreNotPendingOSUpdates() throws {
    // Apple's example with a second entry as a real Mac lists it: the "macOS Installer
    // Notification" (Version 2.0) that Apple marks IsConfigDataUpdate, not an OS version.
    let example = try String(
      contentsOfFile: published("mdm-available-os-updates-apple-docs.plist"), encoding: .utf8)
    let notification = """
              <dict>
                  <key>HumanReadableName</key>
                  <string>macOS Installer Notification</string>
                  <key>IsConfigDataUpdate</key>
                  <true/>
                  <key>ProductKey</key>
                  <string>041-14451</string>
                  <key>Version</key>
                  <string>2.0</string>
              </dict>
          </array>
      """
    let anchor = try XCTUnwrap(example.range(of: "    </array>\n"))
    let updates = example.replacingCharacters(in: anchor, with: notification + "\n")
    let store = try Support.store(self)
    let summary = try Support.run(
      store,
      [
        Support.file(self, "updates.plist", updates),
        published("mdm-device-information-apple-docs.plist"),
      ])
    XCTAssertEqual(summary.pendingDevices, 1)
    let versions = try store.database.prepare("SELECT version FROM pending_updates").query {
      $0.string(at: 0) ?? ""
    }
    XCTAssertEqual(versions, ["13.0"])
  }
}
