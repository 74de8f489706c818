import Foundation
import RingsideDomain
import RingsideImport
import XCTest

@testable import RingsideStore

/// Auto-detection accepts what the readers accept, and a file it cannot read says why when
/// the reason is plain from the file.
final class FormatDetectionTests: XCTestCase {
  func testOneGraphManagedDeviceUnderValueIsDetectedAsGraph() throws {
    // Graph's "Get managedDevice" v1.0 example wraps its one object in "value".
    let json = #"""
      {
        "value": {
          "@odata.type": "#microsoft.graph.managedDevice",
          "id": "705c034c-034c-705c-4c03-5c704c035c70",
          "deviceName": "Lab iPhone",
          "operatingSystem": "iOS",
          "osVersion": "17.5.1",
          "serialNumber": "ZZVALUE00001",
          "lastSyncDateTime": "2024-06-03T07:41:12Z"
        }
      }
      """#
    let store = try Support.store(self)
    let summary = try Support.run(store, [Support.file(self, "managedDevice.json", json)])
    XCTAssertEqual(summary.choices.first?.format, .graphJSON)
    XCTAssertEqual(summary.added, 1)
    XCTAssertEqual(try Support.device(store, "ZZVALUE00001").device.name, "Lab iPhone")
  }

  func testGraphDocsPlaceholderUnderValueIsDetectedAndItsRecordRefusedForItsOperatingSystem()
    throws
  {
    // The docs example's own placeholders, as `--format graph-json` reads them.
    let json = #"""
      {"value": {"@odata.type": "#microsoft.graph.managedDevice",
        "id": "705c034c-034c-705c-4c03-5c704c035c70", "deviceName": "Device Name value",
        "operatingSystem": "Operating System value", "osVersion": "Os Version value",
        "model": "Model value", "serialNumber": "Serial Number value"}}
      """#
    let store = try Support.store(self)
    let path = Support.file(self, "get-managedDevice.json", json)
    guard case .rejected(let summary, let issues)? = Support.failure(store, [path]) else {
      return XCTFail("expected the record to be rejected")
    }
    XCTAssertEqual(summary.choices.first?.format, .graphJSON)
    XCTAssertEqual(issues.first?.field, "operatingSystem")
    XCTAssertEqual(issues.first?.location.path, "value")
  }

  func testJSONWithCommentsIsRefusedSayingJSONAllowsNoComments() throws {
    // As Fleet's REST API docs mark fields: `// Fleet Premium only`.
    let json = """
      {
        "hosts": [
          {
            "id": 1,
            "issues": {
              "failing_policies_count": 1,
              "critical_vulnerabilities_count": 2, // Fleet Premium only
              "total_issues_count": 3
            }
          }
        ]
      }
      """
    let store = try Support.store(self)
    guard
      case .file(let issue, _)? = Support.failure(store, [Support.file(self, "hosts.json", json)])
    else { return XCTFail("expected a file error") }
    XCTAssertEqual(issue.location.line, 7)
    XCTAssertTrue(issue.reason.contains("JSON does not allow comments"), issue.reason)
  }

  func testACommentAfterAValueIsNamedAsACommentToo() throws {
    let json = #"{"hosts": [{"id": 1, "hostname": "mac" // the host's name}]}"#
    let store = try Support.store(self)
    guard
      case .file(let issue, _)? = Support.failure(
        store, [Support.file(self, "hosts.json", json)], ImportOptions(format: .fleetJSON))
    else { return XCTFail("expected a file error") }
    XCTAssertTrue(issue.reason.contains("JSON does not allow comments"), issue.reason)
  }

  func testJamfClassicAPIResponseIsRefusedPointingToTheJamfProAPI() throws {
    let json = #"""
      {
          "mobile_device": {
              "general": {
                  "id": 1,
                  "display_name": "Tinas iPad",
                  "os_version": "10.3.2",
                  "serial_number": "C02Q7KHTGFWF"
              }
          }
      }
      """#
    let store = try Support.store(self)
    guard
      case .file(let issue, _)? = Support.failure(
        store, [Support.file(self, "classic.json", json)])
    else { return XCTFail("expected a file error") }
    XCTAssertTrue(issue.description.contains("classic.json"), issue.description)
    XCTAssertTrue(issue.reason.contains("Jamf Classic API response"), issue.reason)
    XCTAssertTrue(issue.reason.contains("/api/v2/mobile-devices/detail"), issue.reason)
  }
}
