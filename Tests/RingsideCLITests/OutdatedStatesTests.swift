import Foundation
import RingsideCLI
import RingsideDomain
import RingsideStore
import RingsideTestSupport
import XCTest

/// States derived before a BSI's signing window closed are derived again before anyone reads
/// them: by the import, and by a reading command of a user who may write; a viewer is told.
final class OutdatedStatesTests: XCTestCase {
  /// A hypothetical BSI for iOS 26.7.1 that Apple signs until 2026-12-01.
  private let bsi = HypotheticalBSI.ios2671a(expires: "2026-12-01")

  /// The demo fleet with that BSI in its catalog and states derived on 2026-11-29, when it
  /// was still signed; returns the harness and how many devices could install it then.
  private func demoWithExpiringBSI() throws -> (CLIHarness, Int) {
    let cli = try CLIHarness()
    XCTAssertEqual(cli.demo("--devices", "300"), 0)
    let store = try InventoryStore(path: cli.dbPath)
    store.today = "2026-11-29"
    try store.importCatalog([bsi])
    try store.refreshStatesIfTheDayChanged()
    let installable = try store.summary().byState[.rsrAvailable] ?? 0
    XCTAssertGreaterThan(installable, 0)
    return (cli, installable)
  }

  private func installable(_ cli: CLIHarness) throws -> Int {
    try InventoryStore(path: cli.dbPath, readOnly: true).summary().byState[.rsrAvailable] ?? 0
  }

  private let dayAfter = ["RINGSIDE_TEST_TODAY": "2026-12-02"]

  func testCheckByAnAdminAfterTheWindowClosedCountsTheExpiredBSIAsNotInstallable() throws {
    let (cli, before) = try demoWithExpiringBSI()
    let check = cli.run(["check", "--db", cli.dbPath], environment: dayAfter)
    XCTAssertLessThan(try installable(cli), before)
    XCTAssertFalse(check.out.contains("outdated"), check.out)
    let devices = cli.run(["devices", "--db", cli.dbPath], environment: dayAfter)
    XCTAssertEqual(devices.err, "")
  }

  func testAViewerIsToldTheStatesAreOutdatedAndNothingIsWritten() throws {
    let (cli, before) = try demoWithExpiringBSI()
    cli.access = Access(role: .viewer, refusal: "read-only: you are not in group ringside-admins")
    let check = cli.run(["check", "--db", cli.dbPath], environment: dayAfter)
    XCTAssertTrue(
      check.out.contains("states derived on 2026-11-29 are outdated"), check.out)
    for command in ["report", "devices"] {
      let run = cli.run([command, "--db", cli.dbPath], environment: dayAfter)
      XCTAssertTrue(run.err.contains("note: states derived on 2026-11-29 are outdated"), run.err)
    }
    XCTAssertEqual(try installable(cli), before)
  }

  func testAnImportOnTheDayAfterDerivesEveryStateAgain() throws {
    let (cli, before) = try demoWithExpiringBSI()
    let csv = cli.directory.appendingPathComponent("one.csv").path
    try "Device name,Serial number,OS version,Model\nNEW-1,NEWSERIAL01,26.7.1,iPhone 17\n"
      .write(toFile: csv, atomically: true, encoding: .utf8)
    let run = cli.run(
      ["import", "--db", cli.dbPath, "--format", "intune-csv", csv], environment: dayAfter)
    XCTAssertEqual(run.status, 0, run.err)
    XCTAssertLessThan(try installable(cli), before)
    let store = try InventoryStore(path: cli.dbPath, readOnly: true)
    store.today = "2026-12-02"
    XCTAssertNil(try store.statesOutdatedSince())
  }
}
