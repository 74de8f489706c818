import Foundation
import RingsideDomain
import RingsideStore
import RingsideTestSupport
import XCTest

/// A letter the source leaves out (Jamf's `osRapidSecurityResponse: null`) is named by the
/// catalog from the supplemental build, so lists, filters and `why` show what the state was
/// derived from instead of "(?)". Real releases: 16.5.1 (a) is 20F770750b (pulled), 26.3.1 (a)
/// is 23D771330a (shared/reference/rsr-releases.csv, releases-2026.csv).
final class LetterFromBuildTests: XCTestCase {
  private func jamfRecord(
    _ serial: String, _ model: String, _ os: String, _ build: String, _ sb: String
  )
    -> String
  {
    """
    {"mobileDeviceId": "\(serial)", "deviceType": "iOS",
     "hardware": {"serialNumber": "\(serial)", "model": "iPhone", "modelIdentifier": "\(model)"},
     "general": {"displayName": "\(serial)", "lastInventoryUpdateDate": "2026-11-29T10:00:00.000Z",
       "osVersion": "\(os)", "osRapidSecurityResponse": null, "osBuild": "\(build)",
       "osSupplementalBuildVersion": "\(sb)", "managed": true, "supervised": true}}
    """
  }

  private func importJamf(_ records: [String], into cli: CLIHarness) throws {
    let file = cli.directory.appendingPathComponent("jamf.json").path
    try
      ("{\"totalCount\": \(records.count), \"results\": [" + records.joined(separator: ",") + "]}")
      .write(toFile: file, atomically: true, encoding: .utf8)
    let run = cli.run("import", "--db", cli.dbPath, file)
    XCTAssertEqual(run.status, 0, run.err)
  }

  func testALetterLeftOutIsShownAndFilteredAsTheOneItsSupplementalBuildNames() throws {
    let cli = try CLIHarness()
    try importJamf(
      [
        jamfRecord("LETTER1", "iPhone15,2", "26.3.1", "23D8133", "23D771330a"),
        jamfRecord("LETTER2", "iPhone10,1", "16.5.1", "20F75", "20F770750b"),
      ], into: cli)
    let csv = cli.run("devices", "--db", cli.dbPath, "--format", "csv").out
    XCTAssertTrue(csv.contains("26.3.1 (a)"), csv)
    XCTAssertTrue(csv.contains("16.5.1 (a)"), csv)
    XCTAssertFalse(csv.contains("(?)"), csv)
    let pulled = cli.run("devices", "--db", cli.dbPath, "os:\"16.5.1 (a)\"")
    XCTAssertTrue(pulled.out.contains("LETTER2"), pulled.out + pulled.err)
    XCTAssertTrue(pulled.out.contains("pulled-rsr"), pulled.out)
    let why = cli.run("why", "--db", cli.dbPath, "LETTER2").out
    XCTAssertTrue(why.contains("iOS 16.5.1 (a)"), why)
  }

  func testACatalogImportNamesTheLetterOfDevicesItsNewBSIBuildMatches() throws {
    let cli = try CLIHarness()
    // A hypothetical BSI 26.7.1 (a), build 23H773010a, which the builtin catalog does not know.
    try importJamf(
      [jamfRecord("LATER1", "iPhone15,2", "26.7.1", "23H30", HypotheticalBSI.build)], into: cli)
    XCTAssertTrue(cli.run("devices", "--db", cli.dbPath).out.contains("26.7.1 (?)"))
    let store = try InventoryStore(path: cli.dbPath)
    try store.importCatalog([HypotheticalBSI.ios2671a()])
    let after = cli.run("devices", "--db", cli.dbPath, "os:\"26.7.1 (a)\"").out
    XCTAssertTrue(after.contains("LATER1"), after)
    XCTAssertTrue(after.contains("current"), after)
  }
}
