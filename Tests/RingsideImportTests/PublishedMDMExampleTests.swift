import Foundation
import RingsideDomain
import RingsideImport
import XCTest

@testable import RingsideStore

/// Imports the raw MDM `DeviceInformation` responses in `Fixtures/published` (sources in its
/// SOURCES.md), exactly as they were published. A response carries no time: its file's
/// modification time stands for the check-in.
final class PublishedMDMExampleTests: XCTestCase {
  private func modified(_ path: String) throws -> Int? {
    let date = try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date
    return date.map { Int($0.timeIntervalSince1970) }
  }

  func testZentralVirtualMacResponseImportsTheMacOS13BetaVM() throws {
    let path = Support.published("mdm-device-information-zentral-virtualmac.plist")
    let store = try Support.store(self)
    let summary = try Support.run(store, [path])
    XCTAssertEqual(summary.choices.first?.format, .mdmPlist)
    XCTAssertEqual(summary.added, 1)
    let d = try Support.device(store, "Z3C2FCE2C0").device
    XCTAssertEqual(d.name, "Yolo")
    XCTAssertEqual(d.source, "mdm")
    XCTAssertEqual(d.platform, .macOS)
    XCTAssertEqual(d.udid, "9353BC9A-5CF9-4C9E-9AD4-8D1E41D5FE3E")
    XCTAssertEqual(d.model, "Virtual Machine (VirtualMac2,1)")
    XCTAssertEqual(d.version.base?.description, "13.0")
    XCTAssertEqual(d.version.build?.text, "22A5321d", "a beta build")
    XCTAssertEqual(d.version.rsr, .unknown, "the response has no SupplementalOSVersionExtra")
    XCTAssertEqual(d.supervised, true)
    XCTAssertEqual(d.lastCheckIn.map { Int($0.timeIntervalSince1970) }, try modified(path))
  }

  func testIOS9IPadCaptureWithSpacedTagsImportsNamedAfterItsSerial() throws {
    // No XML declaration, trailing spaces, `<false />`; no DeviceName, and `Model` is the
    // model number ME824CH, not an identifier.
    let path = Support.published("mdm-device-information-ipad-ios9-capture.plist")
    let store = try Support.store(self)
    let summary = try Support.run(store, [path])
    XCTAssertEqual(summary.choices.first?.format, .mdmPlist)
    XCTAssertEqual(summary.added, 1)
    let d = try Support.device(store, "F4KMG0FSFLMM").device
    XCTAssertEqual(d.name, "F4KMG0FSFLMM")
    XCTAssertEqual(d.platform, .iPadOS)
    XCTAssertEqual(d.udid, "233deb277d03bd4aaf91108390c7d9fe2c49c8be")
    XCTAssertEqual(d.model, "iPad")
    XCTAssertEqual(d.version.base?.description, "9.2.1")
    XCTAssertNil(d.version.build)
    XCTAssertEqual(d.supervised, false)
    XCTAssertEqual(d.lastCheckIn.map { Int($0.timeIntervalSince1970) }, try modified(path))
  }
}
