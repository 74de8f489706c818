import Foundation
import RingsideDomain
import RingsideImport
import XCTest

@testable import RingsideStore

/// A record a reader recognises but from which it gets neither serial number, UDID nor name
/// is rejected naming the file, the record and the fields looked at; it is never stored as a
/// device named after its numeric id.
final class UnidentifiedRecordTests: XCTestCase {
  /// One record per format that has an id and a version but nothing naming the device, with
  /// the fields the message must name.
  private let cases: [(file: String, text: String, record: String, fields: [String])] = [
    (
      "jamf-mobile.json",
      #"{"totalCount": 1, "results": [{"mobileDeviceId": "7", "deviceType": "iOS", "general": {"osVersion": "17.5"}}]}"#,
      "results[0]", ["hardware.serialNumber", "general.udid", "general.displayName"]
    ),
    (
      "jamf-computer.json",
      #"{"totalCount": 1, "results": [{"id": "7", "udid": null, "general": {"platform": "Mac"}, "operatingSystem": {"version": "14.5"}}]}"#,
      "results[0]", ["hardware.serialNumber", "udid", "general.name"]
    ),
    (
      "jamf-flat.json",
      #"{"totalCount": 1, "results": [{"mobileDeviceId": "7", "osVersion": "17.5", "model": "iPhone 15"}]}"#,
      "results[0]", ["serialNumber", "udid", "displayName or name"]
    ),
    (
      "kandji.json", #"[{"device_id": "7", "platform": "Mac", "os_version": "14.5"}]"#, "[0]",
      ["serial_number", "udid", "device_name"]
    ),
    (
      "graph.json", #"{"value": [{"id": "7", "operatingSystem": "iOS", "osVersion": "17.5"}]}"#,
      "value[0]", ["serialNumber", "udid", "deviceName"]
    ),
    (
      "fleet.json",
      #"{"hosts": [{"id": 7, "platform": "darwin", "os_version": "macOS 14.5", "osquery_version": "5.0"}]}"#,
      "hosts[0]", ["hardware_serial", "uuid", "display_name"]
    ),
    (
      "intune.csv", "Device ID,Device name,Serial number,OS,OS version\r\n7,,,iOS,17.5\r\n",
      "csv:2",
      ["Serial number", "UDID", "Device name"]
    ),
  ]

  func testARecordWithNoSerialUDIDOrNameIsRejectedNamingTheFieldsInEveryFormat() throws {
    for c in cases {
      let store = try Support.store(self)
      let path = Support.file(self, c.file, c.text)
      guard case .rejected(let summary, let issues)? = Support.failure(store, [path]) else {
        XCTFail("\(c.file): expected the record to be rejected")
        continue
      }
      XCTAssertEqual(summary.rejected, 1, c.file)
      let text = try XCTUnwrap(issues.first).description
      XCTAssertTrue(text.contains(c.file), text)
      XCTAssertTrue(text.contains(c.record), text)
      XCTAssertTrue(text.contains("has no serial number"), text)
      for field in c.fields { XCTAssertTrue(text.contains(field), "\(field) in \(text)") }
      XCTAssertEqual(try store.countDevices(), 0, c.file)
    }
  }

  func testWithSkipInvalidTheUnidentifiedRecordIsListedAndTheOthersStored() throws {
    let text = #"""
      {"totalCount": 2, "results": [
        {"mobileDeviceId": "7", "deviceType": "iOS", "general": {"osVersion": "17.5"}},
        {"mobileDeviceId": "8", "deviceType": "iOS", "hardware": {"serialNumber": "ZZRING000042"},
         "general": {"osVersion": "17.5", "osRapidSecurityResponse": ""}}
      ]}
      """#
    let store = try Support.store(self)
    var rejected: [ImportIssue] = []
    let summary = try Support.run(
      store, [Support.file(self, "jamf.json", text)], ImportOptions(skipInvalid: true),
      rejected: { rejected.append($0) })
    XCTAssertEqual(summary.added, 1)
    XCTAssertEqual(summary.rejected, 1)
    XCTAssertEqual(rejected.first?.location.path, "results[0]")
    XCTAssertEqual(try store.devices(limit: 10).map(\.device.name), ["ZZRING000042"])
  }

  func testADeviceWithOnlyAUDIDIsNamedAfterItsUDIDNotItsID() throws {
    let text =
      #"{"value": [{"id": "7", "operatingSystem": "iOS", "osVersion": "17.5", "udid": "00008120-0001"}]}"#
    let store = try Support.store(self)
    try Support.run(store, [Support.file(self, "graph.json", text)])
    XCTAssertEqual(try store.devices(limit: 10).map(\.device.name), ["00008120-0001"])
  }
}
