import Foundation
import XCTest

/// A ring is found by the label the MDM gave it: an import with `--ring-from` stores
/// "Pilot Group" as `pilot-group`, and an admin typing the label reaches that ring.
final class TypedRingNameTests: XCTestCase {
  func testTheMDMsLabelFindsTheRingAnImportMadeOfIt() throws {
    let cli = try CLIHarness()
    let csv = cli.directory.appendingPathComponent("pilot.csv").path
    try
      "Device name,Serial number,OS version,Model,Category\nA1,SER000000A1,26.7.1,iPhone 17,Pilot Group\n"
      .write(toFile: csv, atomically: true, encoding: .utf8)
    XCTAssertEqual(cli.run("import", "--db", cli.dbPath, "--ring-from", "Category", csv).status, 0)
    let stage = cli.run(
      "stage", "policy", "Pilot Group", "--rsr-removal", "block", "--db", cli.dbPath)
    XCTAssertEqual(stage.status, 0, stage.err)
    XCTAssertTrue(stage.out.contains("pilot-group"), stage.out)
    let move = cli.run("stage", "move", "--ring", "Pilot-Group", "SER000000A1", "--db", cli.dbPath)
    XCTAssertEqual(move.status, 0, move.err)
    let check = cli.run("check", "--ring", "Pilot Group", "--db", cli.dbPath)
    XCTAssertTrue(check.out.contains("in ring"), check.out)
    XCTAssertFalse(check.out.contains("no ring named"), check.out)
    let missing = cli.run("stage", "policy", "Canary", "--rsr-removal", "block", "--db", cli.dbPath)
    XCTAssertNotEqual(missing.status, 0)
    XCTAssertTrue(missing.err.contains("no ring named Canary"), missing.err)
  }
}
