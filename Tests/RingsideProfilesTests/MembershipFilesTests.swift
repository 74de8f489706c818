import Foundation
import RingsideDomain
import XCTest

@testable import RingsideProfiles

/// The membership files of rings whose devices moved: their text, and how an apply writes,
/// keeps and rolls them back like the profiles.
final class MembershipFilesTests: XCTestCase {
  private var directory = ""

  override func setUpWithError() throws {
    directory = try TestSupport.temporaryDirectory(self) + "/profiles"
  }

  private func member(_ serial: String?, _ name: String) -> RingMembership.Member {
    RingMembership.Member(serial: serial, name: name)
  }

  private func text(_ name: String) -> String? {
    try? String(contentsOfFile: directory + "/" + name, encoding: .utf8)
  }

  private func apply(_ ledger: MemoryLedger, force: Bool = false) throws -> ProfileApplier.Report {
    try ProfileApplier.apply(ledger: ledger, options: .init(directory: directory, force: force))
  }

  func testSerialListHasOneSerialPerLineInSerialOrder() {
    let files = MembershipFiles.files(for: [
      RingMembership(ring: "pilot", members: [member("C02B", "Two"), member("C02A", "One")])
    ])
    XCTAssertEqual(files.map(\.name), ["pilot.serials.txt", "pilot.members.csv"])
    XCTAssertEqual(files[0].text, "C02A\nC02B\n")
    XCTAssertEqual(files[1].text, "serial,name\nC02A,One\nC02B,Two\n")
  }

  func testDeviceNamesAreQuotedDefusedAndFreeOfControlCharacters() {
    let csv = MembershipFiles.files(for: [
      RingMembership(
        ring: "pilot",
        members: [
          member("A1", "Kim's Mac, \"Lab\""), member("A2", "=HYPERLINK(\"x\")"),
          member("A3", "evil\u{1B}[2Jname\nsecond line"),
        ])
    ])[1].text
    let lines = csv.split(separator: "\n", omittingEmptySubsequences: false)
    XCTAssertEqual(lines[1], "A1,\"Kim's Mac, \"\"Lab\"\"\"")
    XCTAssertEqual(lines[2], "A2,\"'=HYPERLINK(\"\"x\"\")\"")
    XCTAssertFalse(csv.unicodeScalars.contains { $0.value == 0x1B }, csv)
    XCTAssertEqual(lines.count, 5, "one header, three rows, the final newline: \(csv)")
  }

  func testDevicesWithoutAPlainSerialAreLeftOutAndCounted() {
    let membership = RingMembership(
      ring: "pilot",
      members: [
        member(nil, "User enrolled"), member("C02\nX", "Broken"), member("C02A", "Fine"),
        member(String(repeating: "A", count: 65), "Too long"),
      ])
    XCTAssertEqual(MembershipFiles.files(for: [membership])[0].text, "C02A\n")
    XCTAssertEqual(MembershipFiles.unlisted(membership), 3)
  }

  func testKnownMembershipFileNamesNameTheirRings() {
    XCTAssertEqual(
      MembershipFiles.rings(inKnownNames: [
        "pilot.serials.txt", "prod.members.csv", "test-ios.mobileconfig", "../x.serials.txt",
        "Bad.members.csv",
      ]), ["pilot", "prod"])
  }

  func testApplyWritesTheMembershipFilesOfMovedRingsAndRecordsThem() throws {
    let ledger = MemoryLedger(rings: [])
    ledger.members = ["pilot": [member("C02A", "One")], "prod": [member("C02B", "Two")]]
    ledger.moved = ["pilot"]
    let report = try apply(ledger)
    XCTAssertEqual(report.applied.map(\.name), ["pilot.serials.txt", "pilot.members.csv"])
    XCTAssertEqual(text("pilot.serials.txt"), "C02A\n")
    XCTAssertNil(text("prod.serials.txt"), "a ring no move touched gets no file")
    XCTAssertEqual(ledger.written[report.plan.directoryPath]?.count, 2, "hashes recorded")
  }

  func testAWrittenMembershipFileIsKeptCurrentInsteadOfRemoved() throws {
    let ledger = MemoryLedger(rings: [])
    ledger.members = ["pilot": [member("C02A", "One")]]
    ledger.moved = ["pilot"]
    _ = try apply(ledger)
    ledger.moved = []
    ledger.members["pilot"] = [member("C02A", "One"), member("C02C", "Three")]
    let report = try apply(ledger)
    XCTAssertEqual(
      report.applied.map(\.action), [.update, .update], "kept, and brought up to date")
    XCTAssertEqual(text("pilot.serials.txt"), "C02A\nC02C\n")
  }

  func testAFailedCommitPutsMembershipFilesBackAndLeavesNoTemporaryFile() throws {
    let ledger = MemoryLedger(rings: [])
    ledger.members = ["pilot": [member("C02A", "One")]]
    ledger.moved = ["pilot"]
    _ = try apply(ledger)
    ledger.members["pilot"] = [member("C02B", "Two")]
    ledger.failCommit = true
    XCTAssertThrowsError(try apply(ledger))
    XCTAssertEqual(text("pilot.serials.txt"), "C02A\n", "the old list is back")
    XCTAssertEqual(
      try FileManager.default.contentsOfDirectory(atPath: directory).sorted(),
      ["pilot.members.csv", "pilot.serials.txt"], "no temporary, backup or lock file is left")
  }
}
