import Foundation
import RingsideDomain
import RingsideImport
import XCTest

@testable import RingsideStore

/// The shapes vendors and tenants really produce: numbers where text is expected, sections
/// left out as null, single-device responses, Apple TVs, several check-in fields.
final class VendorShapeTests: XCTestCase {
  private func imported(_ name: String, _ json: String, _ options: ImportOptions = ImportOptions())
    throws -> (InventoryStore, ImportSummary)
  {
    let store = try Support.store(self)
    let summary = try Support.run(store, [Support.file(self, name, json)], options)
    return (store, summary)
  }

  private func issues(_ name: String, _ json: String) throws -> [ImportIssue] {
    let store = try Support.store(self)
    guard case .rejected(_, let issues)? = Support.failure(store, [Support.file(self, name, json)])
    else { throw NotFound(name: "rejection", count: 0) }
    return issues
  }

  private static let fleetHost = """
    {"id": 1, "hardware_serial": "ZZRING000101", "uuid": "00008110-0000000000000101",
     "platform": "darwin", "os_version": "macOS 14.5", "build": "23F79",
     "hardware_model": "Mac14,2", "display_name": "First Mac", "team_id": 1,
     "seen_time": "2024-06-10T09:00:00Z", "detail_updated_at": "2024-06-04T09:00:00Z"}
    """

  func testFleetHostWithIdOneKeepsItsIdAsText() throws {
    let (store, summary) = try imported("fleet.json", "{\"hosts\": [\(Self.fleetHost)]}")
    XCTAssertEqual(summary.added, 1)
    let ids = try store.database.prepare(
      "SELECT external_id FROM device_sources WHERE source = 'fleet'"
    ).query { $0.string(at: 0) ?? "" }
    XCTAssertEqual(ids, ["1"])
  }

  func testFleetTeamOneNamesARingAfterTheField() throws {
    let (store, _) = try imported(
      "fleet.json", "{\"hosts\": [\(Self.fleetHost)]}", ImportOptions(ringFrom: "team_id"))
    XCTAssertEqual(try Support.device(store, "First Mac").device.ring, "team_id-1")
  }

  func testFleetCheckInIsTheLaterOfSeenTimeAndDetailUpdate() throws {
    let (store, _) = try imported("fleet.json", "{\"hosts\": [\(Self.fleetHost)]}")
    XCTAssertEqual(
      try Support.device(store, "First Mac").device.lastCheckIn,
      ISO8601DateFormatter().date(from: "2024-06-10T09:00:00Z"))
  }

  func testFleetSingleHostResponseReadsItsEndUser() throws {
    let host =
      Self.fleetHost.dropLast() + """
        , "end_users": [{"idp_id": "9", "idp_username": "ring.tester01@example.com",
          "idp_full_name": "Ring Tester", "other_emails": []}]}
        """
    let (store, summary) = try imported("host.json", "{\"host\": \(host)}")
    XCTAssertEqual(summary.added, 1)
    XCTAssertEqual(
      try Support.device(store, "First Mac").device.userName, "ring.tester01@example.com")
  }

  func testJSONBooleanWhereTextBelongsIsRefusedNamingTheField() throws {
    let found = try issues(
      "fleet.json",
      "{\"hosts\": [\(Self.fleetHost.replacingOccurrences(of: "\"id\": 1", with: "\"id\": true"))]}"
    )
    XCTAssertEqual(found.first?.field, "id")
    XCTAssertTrue(found[0].description.contains("fleet.json"), found[0].description)
    XCTAssertTrue(found[0].description.contains("hosts[0]"), found[0].description)
    XCTAssertTrue(found[0].reason.contains("true"), found[0].reason)
  }

  private static let jamfComputer = """
    {"totalCount": 1, "results": [{"id": "5", "udid": "0000FE00-0000-4000-8000-000000000105",
     "general": {"name": "Studio Mac", "lastContactTime": "2024-06-10T08:00:00Z",
                 "reportDate": "2024-06-04T08:00:00Z"},
     "hardware": {"serialNumber": "ZZRING000105", "model": "Mac Studio (2023)"},
     "operatingSystem": null}]}
    """

  func testJamfComputerWithNullOperatingSystemStaysAComputer() throws {
    let (store, summary) = try imported("jamf.json", Self.jamfComputer)
    XCTAssertEqual(summary.added, 1)
    let d = try Support.device(store, "ZZRING000105").device
    XCTAssertEqual(d.name, "Studio Mac")
    XCTAssertEqual(d.platform, .macOS)
    XCTAssertEqual(d.source, "jamf-computer")
    XCTAssertEqual(d.udid, "0000FE00-0000-4000-8000-000000000105")
  }

  func testJamfComputerCheckInIsTheLastContactNotTheInventoryReport() throws {
    let (store, _) = try imported("jamf.json", Self.jamfComputer)
    XCTAssertEqual(
      try Support.device(store, "ZZRING000105").device.lastCheckIn,
      ISO8601DateFormatter().date(from: "2024-06-10T08:00:00Z"))
  }

  func testJamfVersionWrittenAsANumberIsRefusedNamingRecordAndField() throws {
    let json = """
      {"totalCount": 1, "results": [{"mobileDeviceId": "7", "deviceType": "iOS",
       "general": {"displayName": "Phone", "osVersion": 16.10},
       "hardware": {"serialNumber": "ZZRING000107", "model": "iPhone 14"}}]}
      """
    let found = try issues("jamf.json", json)
    XCTAssertEqual(found.count, 1)
    XCTAssertEqual(found[0].field, "general.osVersion")
    XCTAssertEqual(found[0].location.path, "results[0]")
    XCTAssertTrue(found[0].reason.contains("16.10"), found[0].reason)
  }

  func testJamfSingleMobileDeviceDetailImports() throws {
    let json = """
      {"mobileDeviceId": "8", "deviceType": "iOS",
       "general": {"displayName": "Single Phone", "osVersion": "16.5.1",
                   "osRapidSecurityResponse": "(c)", "osBuild": "20F75",
                   "osSupplementalBuildVersion": "20F770750d", "udid": "00008110-0000000000000108",
                   "supervised": true, "lastInventoryUpdateDate": "2024-06-03T08:00:00Z"},
       "hardware": {"serialNumber": "ZZRING000108", "model": "iPhone 13"}}
      """
    let (store, summary) = try imported("detail.json", json)
    XCTAssertEqual(summary.added, 1)
    let d = try Support.device(store, "Single Phone").device
    XCTAssertEqual(d.version.rsr, .letter("c"))
    XCTAssertEqual(d.supervised, true)
  }

  func testJamfSingleComputerInventoryDetailImports() throws {
    let json = """
      {"id": "9", "udid": "0000FE00-0000-4000-8000-000000000109",
       "general": {"name": "Single Mac", "lastContactTime": "2024-06-03T08:00:00Z"},
       "hardware": {"serialNumber": "ZZRING000109", "model": "MacBook Air (M2, 2022)"},
       "operatingSystem": {"version": "13.4.1", "build": "22F82",
                           "rapidSecurityResponse": "(c)", "supplementalBuildVersion": "22F770820d"}}
      """
    let (store, summary) = try imported("computer.json", json)
    XCTAssertEqual(summary.added, 1)
    XCTAssertEqual(try Support.device(store, "Single Mac").device.version.rsr, .letter("c"))
  }

  func testKandjiAppleTVIsSkippedAndCounted() throws {
    let json = """
      [{"device_id": "k1", "device_name": "Lobby TV", "model": "Apple TV 4K (3rd generation)",
        "serial_number": "ZZRING000110", "platform": "AppleTV", "os_version": "17.5",
        "last_check_in": "2024-06-03T08:00:00Z"},
       {"device_id": "k2", "device_name": "Desk Mac", "model": "MacBook Air (M2, 2022)",
        "serial_number": "ZZRING000111", "platform": "Mac", "os_version": "14.5",
        "supplemental_os_version_extra": "", "last_check_in": "2024-06-03T08:00:00Z"}]
      """
    let (_, summary) = try imported("kandji.json", json)
    XCTAssertEqual(summary.skipped, 1)
    XCTAssertEqual(summary.added, 1)
  }

  func testMDMDeviceInformationFromAnAppleTVIsSkippedAndCounted() throws {
    let plist = """
      <?xml version="1.0" encoding="UTF-8"?>
      <plist version="1.0"><dict>
        <key>UDID</key><string>00008110-0000000000000112</string>
        <key>QueryResponses</key><dict>
          <key>DeviceName</key><string>Board Room</string>
          <key>ModelName</key><string>Apple TV</string>
          <key>ProductName</key><string>AppleTV11,1</string>
          <key>OSVersion</key><string>17.5</string>
          <key>SerialNumber</key><string>ZZRING000112</string>
        </dict>
      </dict></plist>
      """
    let (_, summary) = try imported("tv.plist", plist)
    XCTAssertEqual(summary.skipped, 1)
    XCTAssertEqual(summary.rejected, 0)
  }

  func testRecordWithoutALetterFieldHasAnUnknownLetter() throws {
    let json = """
      [{"device_id": "k3", "device_name": "No Letter Field", "model": "iPhone 14",
        "serial_number": "ZZRING000113", "platform": "iPhone", "os_version": "16.5.1",
        "last_check_in": "2024-06-03T08:00:00Z"},
       {"device_id": "k4", "device_name": "Empty Letter Field", "model": "iPhone 14",
        "serial_number": "ZZRING000114", "platform": "iPhone", "os_version": "16.5.1",
        "supplemental_os_version_extra": "", "last_check_in": "2024-06-03T08:00:00Z"}]
      """
    let (store, _) = try imported("kandji.json", json)
    XCTAssertEqual(try Support.device(store, "No Letter Field").device.version.rsr, .unknown)
    XCTAssertEqual(try Support.device(store, "Empty Letter Field").device.version.rsr, .none)
  }

  func testKandjiDeviceDetailsReadsSupervisionAndTheAgentCheckIn() throws {
    let json = """
      {"general": {"device_id": "k5", "device_name": "Detail Mac", "model": "MacBook Air (M1, 2020)",
                   "platform": "Mac", "os_version": "14.4.1", "supplemental_build_version": "23E224",
                   "supplemental_os_version_extra": "", "blueprint_name": "Pilot Macs",
                   "assigned_user": {"email": "ring.tester07@example.com", "name": "Tester"}},
       "mdm": {"mdm_enabled": "True", "supervised": "True",
               "last_check_in": "2024-07-23 12:43:15.675470+00:00"},
       "kandji_agent": {"last_check_in": "2024-07-23T14:26:49.166267Z"},
       "hardware_overview": {"model_identifier": "MacBookAir10,1", "serial_number": "ZZRING000115",
                             "udid": "3c976d96-08a0-5014-89e4-000000000115"}}
      """
    let (store, summary) = try imported(
      "details.json", json, ImportOptions(ringFrom: "blueprint_name"))
    XCTAssertEqual(summary.added, 1)
    let d = try Support.device(store, "Detail Mac").device
    XCTAssertEqual(d.supervised, true)
    XCTAssertEqual(d.userName, "ring.tester07@example.com")
    XCTAssertEqual(d.ring, "pilot-macs")
    XCTAssertEqual(d.lastCheckIn?.timeIntervalSince1970 ?? 0, 1_721_744_809, accuracy: 1)
  }

  func testTVWatchAndVisionDevicesAreSkippedAndCountedInEveryFormat() throws {
    let files: [(String, String)] = [
      (
        "graph.json",
        #"{"@odata.context": "x", "value": [{"id": "g1", "deviceName": "TV", "operatingSystem": "tvOS", "osVersion": "17.5", "serialNumber": "ZZTV00000001"}]}"#
      ),
      (
        "jamf.json",
        #"{"totalCount": 1, "results": [{"mobileDeviceId": "1", "deviceType": "tvOS", "general": {"displayName": "TV", "osVersion": "17.5"}, "hardware": {"serialNumber": "ZZTV00000002", "model": "Apple TV 4K"}}]}"#
      ),
      (
        "kandji.json",
        #"[{"device_id": "k1", "device_name": "Headset", "platform": "AppleVisionPro", "model": "Apple Vision Pro", "serial_number": "ZZTV00000003", "os_version": "1.2"}]"#
      ),
      (
        "fleet.json",
        #"{"hosts": [{"id": 1, "platform": "tvos", "hardware_model": "AppleTV14,1", "hardware_serial": "ZZTV00000004", "os_version": "tvOS 17.5"}]}"#
      ),
      (
        "intune.csv",
        Support.intuneCSV(
          ["Device ID", "Device name", "Serial number", "OS", "OS version", "Model"],
          [["i1", "Watch", "ZZTV00000005", "watchOS", "10.5", "Apple Watch Series 9"]])
      ),
    ]
    for (name, text) in files {
      let store = try Support.store(self)
      let summary = try Support.run(store, [Support.file(self, name, text)])
      XCTAssertEqual(summary.skipped, 1, name)
      XCTAssertEqual(summary.added + summary.rejected, 0, name)
    }
  }

  func testJSONWithAByteOrderMarkImports() throws {
    let json = "\u{FEFF}" + "{\"hosts\": [\(Self.fleetHost)]}"
    let (_, summary) = try imported("fleet-bom.json", json)
    XCTAssertEqual(summary.added, 1)
  }
}
