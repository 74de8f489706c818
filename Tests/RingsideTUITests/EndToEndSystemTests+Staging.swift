import Foundation
import RingsideStore
import XCTest

/// Issue 5 and 6 end to end: staging with keys survives a restart and an SSH drop, and `w`
/// writes the profiles and the audit entry.
extension EndToEndSystemTests {
  func testStageTwoChangesQuitReopenWriteAndSeeFilesAndAudit() throws {
    let out = (store as NSString).deletingLastPathComponent + "/profiles"
    let pane = try TmuxPane(width: 80, height: 24)
    try start(pane, extra: "--out \(out)")
    try pane.keys("3")
    pane.wait(for: "the rings") { $0.contains("Policies") && $0.contains("0 staged") }
    // allow → block stops RSR/BSI installation: it asks first.
    try pane.keys("i")
    pane.wait(for: "the loosening question") { $0.contains("lifts a protection from") }
    try pane.keys("y")
    pane.wait(for: "the first staged change") { $0.contains("1 staged") && $0.contains("*") }
    try pane.keys("+")
    pane.wait(for: "the second staged change") {
      $0.contains("2 staged") && $0.contains("deferral 1 d*") && $0.contains("staged by")
    }
    try pane.keys("q")
    try assertRestored(pane, exit: 0)

    try pane.keys("C-l")
    try start(pane, extra: "--out \(out)")
    try pane.keys("4")
    pane.wait(for: "both changes staged after the restart") {
      $0.contains("Policy changes (2)") && $0.contains("2 staged")
        && $0.contains("OS update deferral")
    }
    try pane.keys("w")
    pane.wait(for: "the confirmation") {
      $0.contains("Confirm") && $0.contains("apply 2 staged change(s)? y/n")
        && $0.contains("y: yes")
    }
    try pane.keys("y")
    pane.wait(for: "the write's result") { $0.contains("wrote") && $0.contains("0 staged") }
    let files = try FileManager.default.contentsOfDirectory(atPath: out)
    XCTAssertTrue(files.contains("test-ios.mobileconfig"), "\(files)")
    XCTAssertTrue(files.contains("test-macos.ddm.json"), "\(files)")
    try pane.keys("5")
    pane.wait(for: "the audit entry") {
      $0.contains("Audit log, newest first") && $0.contains("local              apply")
        && $0.contains("write-profile")
    }
    try pane.keys("q")
    try assertRestored(pane, exit: 0)
  }

  func testSIGHUPRestoresTheTerminalAndKeepsWhatWasStaged() throws {
    let pane = try TmuxPane(width: 80, height: 24)
    try start(pane)
    try pane.keys("3")
    pane.wait(for: "the rings") { $0.contains("Policies") && $0.contains("0 staged") }
    try pane.keys("r")
    pane.wait(for: "the staged change") { $0.contains("1 staged") }
    let child = try childPID(of: pane.shellPID)
    guard child > 1 else { return }
    XCTAssertEqual(kill(child, SIGHUP), 0)
    try assertRestored(pane, exit: 129)
    let staged = try InventoryStore(path: store, readOnly: true).stagedChanges()
    XCTAssertEqual(staged.count, 1)
    XCTAssertEqual(staged.first?.policyField, .rsrRemoval)
  }
}
