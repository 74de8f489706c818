import Foundation
import RingsideDomain
import RingsideImport
import XCTest

@testable import RingsideStore

/// A device one file lists more than once is stored once and counted as repeated, not as
/// unchanged: the same record again gives a warning naming the device, another enrolment of it
/// a note. (A page holding more records than its `totalCount`: PublishedJamfExampleTests.)
final class RepeatedRecordTests: XCTestCase {
  private func jamfPage(total: Int, _ records: [(id: String, serial: String, checkIn: String)])
    -> String
  {
    let results = records.map { r in
      #"{"mobileDeviceId": "\#(r.id)", "deviceType": "iOS", "hardware": {"serialNumber": "\#(r.serial)", "model": "iPhone 15"}, "general": {"displayName": "Phone \#(r.serial)", "osVersion": "17.5", "osRapidSecurityResponse": "", "lastInventoryUpdateDate": "\#(r.checkIn)"}}"#
    }
    return #"{"totalCount": \#(total), "results": [\#(results.joined(separator: ", "))]}"#
  }

  func testAStaleReEnrolmentRecordIsANoteNotAWarning() throws {
    // The sample export lists "Lab iPad, Cart 3" under two Intune device ids.
    let store = try Support.store(self)
    let (summary, warnings, notes) = try Support.runCollecting(
      store, [Support.fixture("intune-devices.csv")])
    XCTAssertEqual(summary.repeated, 1)
    XCTAssertEqual(summary.warnings, 0)
    XCTAssertEqual(warnings, [])
    XCTAssertEqual(notes.count, 1, "\(notes)")
    XCTAssertTrue(notes[0].contains("1 device is listed under more than one id"), notes[0])
    XCTAssertTrue(notes[0].contains("ZZRING000005 (Lab iPad, Cart 3) 2 times"), notes[0])
  }

  func testTheSameDeviceInTwoFilesIsNotARepeat() throws {
    let store = try Support.store(self)
    let a = Support.file(
      self, "a.json", jamfPage(total: 1, [("1", "ZZREP0000001", "2024-06-01T08:00:00Z")]))
    let b = Support.file(
      self, "b.json", jamfPage(total: 1, [("1", "ZZREP0000001", "2024-06-02T08:00:00Z")]))
    let (summary, warnings, notes) = try Support.runCollecting(store, [a, b])
    XCTAssertEqual(summary.added, 1)
    XCTAssertEqual(summary.updated, 1)
    XCTAssertEqual(summary.repeated, 0)
    XCTAssertEqual(warnings, [])
    XCTAssertEqual(notes, [])
  }

  func testARepeatThatChangesADeviceItsFirstRecordLeftUnchangedCountsItAsUpdated() throws {
    let store = try Support.store(self)
    try Support.run(
      store,
      [
        Support.file(
          self, "before.json", jamfPage(total: 1, [("1", "ZZREP0000001", "2024-06-01T08:00:00Z")]))
      ])
    let again = jamfPage(
      total: 2,
      [
        ("1", "ZZREP0000001", "2024-06-01T08:00:00Z"),
        ("1", "ZZREP0000001", "2024-06-03T08:00:00Z"),
      ])
    let (summary, warnings, _) = try Support.runCollecting(
      store, [Support.file(self, "again.json", again)])
    XCTAssertEqual(summary.unchanged, 0)
    XCTAssertEqual(summary.updated, 1)
    XCTAssertEqual(summary.repeated, 1)
    XCTAssertEqual(warnings.count, 1, "\(warnings)")
    XCTAssertTrue(warnings[0].contains("ZZREP0000001 (Phone ZZREP0000001) 2 times"), warnings[0])
    XCTAssertEqual(
      try Support.device(store, "ZZREP0000001").device.lastCheckIn,
      Support.date("2024-06-03T08:00:00Z"))
  }
}
