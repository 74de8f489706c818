import Foundation
import RingsideCLI
import RingsideDomain
import RingsideStore
import XCTest

final class OnCallCommandTests: XCTestCase {
  var cli: CLIHarness!

  /// Test case instances live until the run ends: drop the harness so it removes its folder.
  override func tearDown() { cli = nil }

  override func setUpWithError() throws {
    cli = try CLIHarness()
    XCTAssertEqual(cli.run("demo", "--db", cli.dbPath).status, 0)
  }

  private func serial(_ filter: String) throws -> String {
    let csv = cli.run(
      "devices", "--db", cli.dbPath, "--filter", filter, "--format", "csv", "--limit", "1"
    ).out
    let row = try XCTUnwrap(
      csv.split(separator: "\n").dropFirst().first, "no device matches \(filter)")
    return String(row.split(separator: ",")[1])
  }

  // MARK: devices

  func testDevicesFiltersLikeTheDashboardAndCountsMatchTheReport() throws {
    let report =
      try JSONSerialization.jsonObject(
        with: Data(cli.run("report", "--db", cli.dbPath, "--format", "json").out.utf8))
      as! [String: Any]
    let pulled = (report["by_state"] as! [String: Int])["pulled-rsr"]!
    let csv = cli.run(
      "devices", "--db", cli.dbPath, "--filter", "state:pulled-rsr", "--format", "csv"
    ).out
    XCTAssertEqual(csv.split(separator: "\n").count, pulled + 1)
  }

  func testDevicesJSONIsAnArrayOfObjects() throws {
    let out = cli.run(
      "devices", "--db", cli.dbPath, "--format", "json", "--limit", "3", "--sort", "-checkin"
    ).out
    let rows = try JSONSerialization.jsonObject(with: Data(out.utf8)) as! [[String: String]]
    XCTAssertEqual(rows.count, 3)
    XCTAssertEqual(rows.map { $0["last_checkin"]! }, rows.map { $0["last_checkin"]! }.sorted(by: >))
  }

  func testDevicesRejectsABadFilterWithTheChoices() {
    let result = cli.run("devices", "--db", cli.dbPath, "--filter", "state:fine")
    XCTAssertEqual(result.status, 64)
    XCTAssertTrue(result.err.contains("rsr-available"), result.err)
  }

  func testCSVCellsThatLookLikeFormulasAreEscaped() {
    XCTAssertEqual(CSVWriter.field("=HYPERLINK(\"http://x\")"), "\"'=HYPERLINK(\"\"http://x\"\")\"")
    XCTAssertEqual(CSVWriter.field("+1"), "'+1")
    XCTAssertEqual(CSVWriter.field("@SUM(A1)"), "'@SUM(A1)")
    XCTAssertEqual(CSVWriter.field("-cmd"), "'-cmd")
    XCTAssertEqual(CSVWriter.field("-3"), "-3")
    XCTAssertEqual(CSVWriter.field("a,b"), "\"a,b\"")
    XCTAssertEqual(CSVWriter.field("plain"), "plain")
  }

  func testHostileDeviceNameIsEscapedInCSVAndSanitizedInText() throws {
    let store = try InventoryStore(path: cli.dbPath)
    try store.write {
      let writer = try DeviceWriter(store: store)
      try writer.insert(
        Device(
          serial: "ZZHOSTILE01", name: "=cmd|' /C calc'!A0\u{1B}]0;owned\u{07}", platform: .iOS,
          version: try AppleOSVersion.parse("26.6.1", missingLetter: .none), ring: "test",
          source: "test"))
    }
    let csv = cli.run("devices", "--db", cli.dbPath, "--filter", "ZZHOSTILE", "--format", "csv").out
    XCTAssertTrue(csv.contains("\n'=cmd|' /C calc'!A0^[]0;owned^G,ZZHOSTILE01,"), csv)
    XCTAssertFalse(csv.contains("\u{1B}"))
    let text = cli.run("devices", "--db", cli.dbPath, "--filter", "ZZHOSTILE").out
    XCTAssertFalse(text.contains("\u{1B}"))
    XCTAssertTrue(text.contains("=cmd|' /C calc'!A0^[]0;…"), text)
  }

  // MARK: why

  func testWhyOnAPulledRSRCitesTheCatalogAndTheRemovalBlock() throws {
    let result = cli.run("why", "--db", cli.dbPath, try serial("os:\"16.5.1 (a)\" removal:blocked"))
    XCTAssertEqual(result.status, 0, result.err)
    XCTAssertTrue(
      result.out.contains(
        "16.5.1 (a) (20F770750b) was pulled on 2023-07-12; 16.5.1 (c) (20F770750d) replaced it. This device blocks removal, so it cannot go back to 16.5.1 by itself."
      ), result.out)
    XCTAssertTrue(result.out.contains("Supplemental build  20F770750b"))
  }

  func testWhyOnARemovedRSRShowsTheHistory() throws {
    let out = cli.run("why", "--db", cli.dbPath, try serial("state:rsr-removed")).out
    XCTAssertTrue(out.contains("State               rsr-removed"), out)
    XCTAssertTrue(out.contains("was removed"), out)
    XCTAssertTrue(out.contains("History:"), out)
  }

  func testWhyOnAnUnknownLetterAsksForABetterSource() throws {
    let out = cli.run("why", "--db", cli.dbPath, try serial("state:unknown os:26.3.1")).out
    XCTAssertTrue(out.contains("RSR/BSI letter      not reported by intune"), out)
    XCTAssertTrue(out.contains("import a source that reports the letter"), out)
  }

  func testWhyOnANotEnforcedBlockSaysWhy() throws {
    let out = cli.run(
      "why", "--db", cli.dbPath, try serial("removal:not-enforced supervised:unknown platform:ios")
    ).out
    XCTAssertTrue(
      out.contains("blocks RSR/BSI removal, but not here: its supervision is not reported"), out)
  }

  func testWhyWithAnAmbiguousNameListsTheMatches() throws {
    let store = try InventoryStore(path: cli.dbPath)
    try store.write {
      let writer = try DeviceWriter(store: store)
      for serial in ["ZZTWIN1", "ZZTWIN2"] {
        try writer.insert(
          Device(
            serial: serial, name: "Front Desk iPad", platform: .iPadOS,
            version: try AppleOSVersion.parse("26.6.1", missingLetter: .none), ring: "test",
            source: "test"))
      }
    }
    let result = cli.run("why", "--db", cli.dbPath, "front desk ipad")
    XCTAssertEqual(result.status, 64)
    XCTAssertTrue(result.out.contains("ZZTWIN1") && result.out.contains("ZZTWIN2"), result.out)
  }

  func testWhyOnAnUnknownDeviceExits66() {
    XCTAssertEqual(cli.run("why", "--db", cli.dbPath, "NOSUCHSERIAL").status, 66)
  }

  // MARK: check

  func testCheckIsCriticalAboveTheCriticalThreshold() throws {
    let report =
      try JSONSerialization.jsonObject(
        with: Data(cli.run("report", "--db", cli.dbPath, "--format", "json").out.utf8))
      as! [String: Any]
    let states = report["by_state"] as! [String: Int]
    let current = states["current"]!
    let pending = ["rsr-available", "pulled-rsr", "os-update-first", "rsr-removed"].map {
      states[$0]!
    }
    .reduce(0, +)
    XCTAssertGreaterThan(pending * 100 / 2000, 15)
    let result = cli.run("check", "--db", cli.dbPath, "--crit-pending", "15")
    XCTAssertEqual(result.status, 2)
    XCTAssertTrue(result.out.hasPrefix("RINGSIDE CRITICAL - \(current)/2000 current"), result.out)
    XCTAssertTrue(
      result.out.contains(" | current=\(current) pending=\(pending);200;300;0;2000"), result.out)
  }

  func testCheckIsWarningBetweenTheThresholds() {
    let result = cli.run(
      "check", "--db", cli.dbPath, "--warn-pending", "20", "--crit-pending", "30")
    XCTAssertEqual(result.status, 1, result.out)
    XCTAssertTrue(result.out.hasPrefix("RINGSIDE WARNING"))
  }

  func testCheckIsOKWhenNothingIsPendingOrUnknown() throws {
    let store = try InventoryStore(path: cli.dbPath)
    try store.database.execute(
      "DELETE FROM device_history; DELETE FROM devices WHERE state != 'current'")
    let result = cli.run("check", "--db", cli.dbPath)
    XCTAssertEqual(result.status, 0, result.out)
    XCTAssertTrue(result.out.hasPrefix("RINGSIDE OK - "), result.out)
  }

  func testCheckWithStaleDevicesAndAMaximumAgeWarns() throws {
    let store = try InventoryStore(path: cli.dbPath)
    try store.database.execute(
      "DELETE FROM device_history; DELETE FROM devices WHERE state != 'current'")
    let result = cli.run("check", "--db", cli.dbPath, "--max-checkin-age", "14")
    XCTAssertEqual(result.status, 1, result.out)
  }

  func testCheckRequireUsesTheRSRAwareOrder() {
    let byVersion = cli.run(
      "check", "--db", cli.dbPath, "--require", "16.5.1 (c)", "--crit-pending", "50"
    ).out
    let byBuild = cli.run(
      "check", "--db", cli.dbPath, "--require", "20F770750d", "--crit-pending", "50"
    ).out
    XCTAssertEqual(byVersion, byBuild)
    XCTAssertTrue(byVersion.contains("at or above 16.5.1 (c)"), byVersion)
    // Below 16.5.1 (c): 16.4.1, 16.4.1 (a), 16.5.1 and 16.5.1 (a) iPhones.
    let expected =
      cli.run(
        "devices", "--db", cli.dbPath, "--filter", "os:16 -os:\"16.5.1 (c)\"", "--format", "csv"
      ).out
      .split(separator: "\n").count - 1
    XCTAssertTrue(byVersion.contains(", \(expected) pending"), "\(expected): \(byVersion)")
  }

  func testCheckOnAMissingStoreIsUnknown() throws {
    let result = cli.run("check", "--db", cli.directory.appendingPathComponent("none.db").path)
    XCTAssertEqual(result.status, 3)
    XCTAssertTrue(result.out.hasPrefix("RINGSIDE UNKNOWN - "))
  }

  func testCheckOnAnUnknownRingIsUnknown() {
    XCTAssertEqual(cli.run("check", "--db", cli.dbPath, "--ring", "pilot").status, 3)
  }

  // MARK: report

  func testReportByModelForOneRing() throws {
    let out = cli.run(
      "report", "--db", cli.dbPath, "--by", "model", "--ring", "test", "--format", "json"
    ).out
    let json = try JSONSerialization.jsonObject(with: Data(out.utf8)) as! [String: Any]
    let models = json["by_model"] as! [[String: Any]]
    XCTAssertEqual(models.map { $0["count"] as! Int }.reduce(0, +), json["devices"] as! Int)
    XCTAssertNil(json["by_version"])
  }

  func testReportGivesTheIntuneMinimumBuildPerRing() throws {
    let out = cli.run("report", "--db", cli.dbPath, "--format", "json").out
    let json = try JSONSerialization.jsonObject(with: Data(out.utf8)) as! [String: Any]
    let rows = json["intune_compliance"] as! [[String: Any]]
    let iosTest = try XCTUnwrap(
      rows.first { $0["ring"] as? String == "test" && $0["platform"] as? String == "ios" })
    XCTAssertEqual(iosTest["minimum_os_build_version"] as? String, "23D771330a")
    XCTAssertEqual(iosTest["minimum_os_version"] as? String, "26.3.1")
    let macProd = try XCTUnwrap(
      rows.first { $0["ring"] as? String == "production" && $0["platform"] as? String == "macos" })
    XCTAssertEqual(macProd["minimum_os_build_version"] as? String, "25D771280a")
    XCTAssertGreaterThan(macProd["flagged"] as! Int, 0)
    XCTAssertTrue(cli.run("report", "--db", cli.dbPath).out.contains("Minimum OS build version"))
  }

  // MARK: docs

  func testManPageAndCompletionsCoverEveryCommandAndOption() {
    let man = cli.run("manpage").out
    let bash = cli.run("completions", "bash").out
    for spec in CommandTable.commands {
      XCTAssertTrue(man.contains(".SS " + ManPageEscape.escape(spec.name)), spec.name)
      for option in spec.options {
        XCTAssertTrue(
          man.contains("\\fB" + ManPageEscape.escape(option.name) + "\\fR"),
          "\(spec.name) \(option.name)")
        XCTAssertTrue(bash.contains(option.name), "\(spec.name) \(option.name)")
      }
    }
    XCTAssertTrue(cli.run("completions", "zsh").out.hasPrefix("#compdef ringside"))
  }

  func testCompletionListsRingNames() {
    XCTAssertEqual(cli.run("__complete", "rings", "--db", cli.dbPath).out, "test\nproduction\n")
  }
}

/// The man page's escaping, restated so the test does not reach into internals.
enum ManPageEscape {
  static func escape(_ text: String) -> String {
    text.replacingOccurrences(of: "\\", with: "\\e").replacingOccurrences(of: "-", with: "\\-")
  }
}
