import Foundation
import RingsideDomain
import RingsideTestSupport
import XCTest

@testable import RingsideStore

/// What an attack round on 2026-11-30 got through, pinned: a line break in a path forging a
/// monitoring line, control characters kept as the profile folder, a feed dated in the future
/// silencing the catalog-age alarm for good.
final class HostileInputRoundTests: XCTestCase {
  func testACheckOnAPathWithALineBreakPrintsOneLine() throws {
    let cli = try CLIHarness()
    let forged = cli.directory.path + "/none\nRINGSIDE OK - fine | x=1"
    let check = cli.run("check", "--db", forged)
    XCTAssertEqual(check.status, 3)
    XCTAssertEqual(check.out.split(separator: "\n").count, 1, check.out)
    XCTAssertTrue(check.out.hasPrefix("RINGSIDE UNKNOWN - no store at "), check.out)
    let devices = cli.run("devices", "--db", forged)
    XCTAssertEqual(devices.err.split(separator: "\n").count, 1, devices.err)
  }

  func testAProfileFolderWithControlCharactersIsRefusedAndNotKept() throws {
    let cli = try CLIHarness()
    XCTAssertEqual(cli.demo("--devices", "50"), 0)
    for bad in ["prof\u{1B}[31mX\nline2", "a\u{202E}b", String(repeating: "d/", count: 600)] {
      let config = cli.run("config", "--db", cli.dbPath, "--out", bad)
      XCTAssertEqual(config.status, 64, config.err)
      XCTAssertTrue(config.err.contains("without control characters"), config.err)
    }
    XCTAssertFalse(cli.run("config", "--db", cli.dbPath).out.contains("line2"))
  }

  func testAFeedDatedInTheFutureCountsAsTodaysAndGivesWayToAnHonestOne() throws {
    let cli = try CLIHarness()
    let store = try InventoryStore(path: cli.dbPath, create: true)
    store.today = "2026-11-30"
    try store.importCatalog([HypotheticalBSI.ios2671a()], asOf: "9999-12-31")
    XCTAssertEqual(try store.catalog().asOf, "2026-11-30")
    // A store that kept a future date from before takes the next feed's.
    try store.database.execute(
      "UPDATE meta SET value = '9999-12-31' WHERE key = 'catalog_as_of'")
    try store.importCatalog([HypotheticalBSI.ios2671a(expires: "2026-12-31")], asOf: "2026-11-29")
    XCTAssertEqual(try store.catalog().asOf, "2026-11-29")
  }

  func testWhysHeadingFitsTheWidthWhateverTheNameAndModel() throws {
    let cli = try CLIHarness()
    let long = String(repeating: "X", count: 1000)
    let file = cli.directory.appendingPathComponent("long.json").path
    try """
    {"totalCount": 1, "results": [{"mobileDeviceId": "1", "deviceType": "iOS",
     "hardware": {"serialNumber": "LONG1", "model": "iPad \(long)", "modelIdentifier": "iPad6,11"},
     "general": {"displayName": "N\(long)", "osVersion": "26.7.1", "osBuild": "23H30",
       "lastInventoryUpdateDate": "2026-11-29T10:00:00.000Z"}}]}
    """.write(toFile: file, atomically: true, encoding: .utf8)
    XCTAssertEqual(cli.run("import", "--db", cli.dbPath, file).status, 0)
    let why = cli.run(["why", "--db", cli.dbPath, "LONG1"], environment: ["COLUMNS": "80"])
    let lines = why.out.split(separator: "\n")
    XCTAssertGreaterThan(lines.count, 3, why.out + why.err)
    for line in lines { XCTAssertLessThanOrEqual(line.count, 80, String(line)) }
  }
}
