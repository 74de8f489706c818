import Foundation
import XCTest

final class ReportCommandTests: XCTestCase {
  func testDemoThenReportPrintsTheDocumentedJSONShapeWithEveryStateCounted() throws {
    let cli = try CLIHarness()
    XCTAssertEqual(cli.demo(), 0)
    let result = cli.run("report", "--db", cli.dbPath, "--format", "json")
    XCTAssertEqual(result.status, 0, result.err)
    let json = try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as! [String: Any]
    XCTAssertEqual(json["devices"] as? Int, 2000)
    let byVersion = json["by_version"] as! [[String: Any]]
    XCTAssertTrue(
      byVersion.allSatisfy {
        $0["platform"] is String && $0["version"] is String && $0["count"] is Int
      })
    let byState = json["by_state"] as! [String: Int]
    XCTAssertEqual(
      Set(byState.keys),
      ["current", "rsr-available", "pulled-rsr", "os-update-first", "rsr-removed", "unknown"])
    // Nothing is installable in late 2026, so rsr-available is the one state with no device.
    XCTAssertTrue(
      byState.filter { $0.key != "rsr-available" }.values.allSatisfy { $0 > 0 }, "\(byState)")
    let removal = json["removal"] as! [String: Int]
    XCTAssertEqual(Set(removal.keys), ["blocked", "allowed", "not_enforced", "removed_anyway"])
    XCTAssertTrue(removal.values.allSatisfy { $0 > 0 }, "\(removal)")
    let catalog = json["catalog"] as! [String: Any]
    XCTAssertEqual(catalog["as_of"] as? String, "2026-09-28")
    XCTAssertTrue(catalog["age_days"] is Int && catalog["old"] is Bool, "\(catalog)")
    let rings = json["rings"] as! [[String: Any]]
    XCTAssertEqual(rings.map { $0["name"] as? String }, ["test", "production"])
    XCTAssertNotNil(rings[1]["policy"] as? [String: Any])
  }

  func testTextReportShowsSectionsAndCSVHasAHeader() throws {
    let cli = try CLIHarness()
    cli.run("demo", "--db", cli.dbPath, "--devices", "200")
    let text = cli.run("report", "--db", cli.dbPath).out
    for section in [
      "By platform and version", "By state", "RSR/BSI removal", "Rings", "pulled-rsr",
    ] {
      XCTAssertTrue(text.contains(section), section)
    }
    let csv = cli.run("report", "--db", cli.dbPath, "--format", "csv").out
    XCTAssertTrue(csv.hasPrefix("section,platform,name,count\n"))
  }

  func testReportOnAMissingStoreExitsNoInputAndCreatesNothing() throws {
    let cli = try CLIHarness()
    let result = cli.run("report", "--db", cli.dbPath)
    XCTAssertEqual(result.status, 66)
    XCTAssertTrue(result.err.hasPrefix("ringside: no store at"))
    XCTAssertFalse(CLIHarness.storeExists(at: cli.dbPath))
  }

  func testAVersionReportedWithAndWithoutALetterWhereAppleShippedNoneIsOneRow() throws {
    let cli = try CLIHarness()
    XCTAssertEqual(cli.demo(), 0)
    let result = cli.run("report", "--db", cli.dbPath, "--format", "json")
    let json = try XCTUnwrap(
      try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any])
    let rows = try XCTUnwrap(json["by_version"] as? [[String: Any]])
    let keys = rows.map { "\($0["platform"] ?? "") \($0["version"] ?? "")" }
    XCTAssertEqual(Set(keys).count, keys.count, "a version listed twice: \(keys)")
    XCTAssertEqual(rows.reduce(0) { $0 + ($1["count"] as? Int ?? 0) }, 2000)
    // iOS 26.7.1 has no BSI: devices whose source reports no letters count with the rest.
    let ios2671 = rows.first {
      $0["platform"] as? String == "ios" && $0["version"] as? String == "26.7.1"
    }
    XCTAssertEqual(ios2671?["rsr"] as? String, "none")
  }
}
