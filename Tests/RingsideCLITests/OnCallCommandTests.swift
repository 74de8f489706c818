import Foundation
import RingsideCLI
import RingsideDomain
import RingsideTestSupport
import XCTest

@testable import RingsideStore

final class OnCallCommandTests: XCTestCase {
  var cli: CLIHarness!

  /// Test case instances live until the run ends: drop the harness so it removes its folder.
  override func tearDown() { cli = nil }

  override func setUpWithError() throws {
    cli = try CLIHarness()
    XCTAssertEqual(cli.demo(), 0)
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

  func testDevicesAndWhySpeakOneJSONVocabulary() throws {
    let out = cli.run(
      "devices", "--db", cli.dbPath, "--format", "json", "--limit", "3", "--sort", "-checkin"
    ).out
    let top = try XCTUnwrap(
      try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any])
    XCTAssertEqual(top["schema_version"] as? Int, 2)
    let rows = try XCTUnwrap(top["devices"] as? [[String: Any]])
    XCTAssertEqual(rows.count, 3)
    let times = rows.compactMap { $0["last_checkin"] as? String }
    XCTAssertEqual(times, times.sorted(by: >))
    let first = rows[0]
    XCTAssertTrue(first["supervised"] is Bool || first["supervised"] is NSNull, "\(first)")
    XCTAssertTrue(first["user_enrolled"] is Bool, "\(first)")
    let name = try XCTUnwrap(first["name"] as? String)
    let why = cli.run("why", "--db", cli.dbPath, "--format", "json", name).out
    let explained = try XCTUnwrap(
      try JSONSerialization.jsonObject(with: Data(why.utf8)) as? [String: Any])
    XCTAssertEqual(explained["schema_version"] as? Int, 2)
    for key in first.keys {
      XCTAssertEqual(
        "\(explained[key] ?? "missing")", "\(first[key] ?? "")",
        "\(key) differs between devices and why")
    }
    let report = cli.run("report", "--db", cli.dbPath, "--format", "json").out
    let summary = try XCTUnwrap(
      try JSONSerialization.jsonObject(with: Data(report.utf8)) as? [String: Any])
    XCTAssertEqual(summary["schema_version"] as? Int, 2)
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
    let text = cli.run("devices", "--db", cli.dbPath, "--filter", "ZZHOSTILE", "--wide").out
    XCTAssertFalse(text.contains("\u{1B}"))
    XCTAssertTrue(text.contains("=cmd|' /C calc'!A0^[]0;owned^G "), text)
  }

  // MARK: why

  func testWhyOnAPulledRSRCitesTheCatalogAndTheRemovalBlock() throws {
    let result = cli.run(
      "why", "--db", cli.dbPath, "--wide", try serial("os:\"16.5.1 (a)\" removal:blocked"))
    XCTAssertEqual(result.status, 0, result.err)
    XCTAssertTrue(
      result.out.contains(
        "16.5.1 (a) (20F770750b) was pulled on 2023-07-12; 16.5.1 (c) (20F770750d) replaced it. 16.5.1 (c) cannot be installed any more: 16.6 replaced it on 2023-07-24."
      ), result.out)
    XCTAssertTrue(
      result.out.contains("This device blocks removal, so it cannot go back to 16.5.1 by itself."),
      result.out)
    XCTAssertTrue(result.out.contains("What to do: Update to 16.7.16 (20H392)."), result.out)
    XCTAssertTrue(result.out.contains("Target              16.7.16 (20H392)"), result.out)
    XCTAssertTrue(result.out.contains("Verdict from the catalog as of 2026-09-28"), result.out)
    XCTAssertTrue(result.out.contains("Supplemental build  20F770750b"))
  }

  func testWhyOnARemovedRSRShowsTheHistory() throws {
    let out = cli.run("why", "--db", cli.dbPath, "--wide", try serial("state:rsr-removed")).out
    XCTAssertTrue(out.contains("State               rsr-removed"), out)
    XCTAssertTrue(out.contains("was removed"), out)
    XCTAssertTrue(out.contains("History:"), out)
  }

  func testWhyOnAnUnknownLetterAsksForABetterSourceWhereABSIIsInstallable() throws {
    // A BSI for 26.7.1 (hypothetical): Intune's 26.7.1 devices may or may not have it.
    let store = try InventoryStore(path: cli.dbPath)
    try store.importCatalog([HypotheticalBSI.ios2671a()])
    let out = cli.run("why", "--db", cli.dbPath, "--wide", try serial("state:unknown os:26.7.1"))
      .out
    XCTAssertTrue(out.contains("RSR/BSI letter      not reported by intune"), out)
    XCTAssertTrue(out.contains("import a source that reports the letter"), out)
  }

  func testWhyOnAnUnknownLetterBehindItsLineNamesTheUpdate() throws {
    let out = cli.run(
      "why", "--db", cli.dbPath, "--wide", try serial("platform:ios os:26.3.1 source:intune")
    ).out
    XCTAssertTrue(out.contains("State               os-update-first"), out)
    XCTAssertTrue(out.contains("What to do: Update to 26.7.1 (23H30)."), out)
  }

  func testWhyOnANotEnforcedBlockSaysWhy() throws {
    let out = cli.run(
      "why", "--db", cli.dbPath, "--wide",
      try serial("removal:not-enforced supervised:unknown platform:ios")
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

  func testTextOutputFitsEightyColumnsUnlessWide() throws {
    let pulled = try serial("os:\"16.5.1 (a)\"")
    for arguments in [
      ["report"], ["devices", "--limit", "50"], ["why", pulled], ["staged"], ["audit"],
      ["catalog", "list"],
    ] {
      // The harness's folder (the profile folder is in it) is as long as TMPDIR makes it; the
      // text around it is what must fit.
      let out = cli.run(arguments + ["--db", cli.dbPath]).out
        .replacingOccurrences(of: cli.directory.path, with: "/tmp/x")
      let widest = out.split(separator: "\n").map { DisplayWidth.of(String($0)) }.max() ?? 0
      XCTAssertLessThanOrEqual(widest, 80, "\(arguments): \(out)")
    }
    let narrow = cli.run(
      ["devices", "--db", cli.dbPath, "--limit", "5"], environment: ["COLUMNS": "60"]
    ).out
    XCTAssertLessThanOrEqual(
      narrow.split(separator: "\n").map { DisplayWidth.of(String($0)) }.max() ?? 0, 60, narrow)
    let wide = cli.run("devices", "--db", cli.dbPath, "--limit", "5", "--wide").out
    XCTAssertTrue(wide.contains("last checkin"), wide)
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
    let result = cli.run(
      "check", "--db", cli.dbPath, "--crit-pending", "15", "--max-catalog-age", "3650")
    XCTAssertEqual(result.status, 2)
    XCTAssertTrue(result.out.hasPrefix("RINGSIDE CRITICAL - pending "), result.out)
    XCTAssertTrue(result.out.contains("% > 15%"), result.out)
    XCTAssertTrue(result.out.contains(": \(current)/2000 current"), result.out)
    XCTAssertTrue(
      result.out.contains(" | current=\(current) pending=\(pending);200;300;0;2000"), result.out)
  }

  func testCheckIsWarningBetweenTheThresholds() {
    let result = cli.run(
      "check", "--db", cli.dbPath, "--warn-pending", "20", "--crit-pending", "40",
      "--max-catalog-age", "3650")
    XCTAssertEqual(result.status, 1, result.out)
    XCTAssertTrue(result.out.hasPrefix("RINGSIDE WARNING"))
  }

  func testCheckWarnsWhenTheCatalogIsOlderThanAllowedAndSaysWhy() throws {
    let store = try InventoryStore(path: cli.dbPath)
    try store.database.execute(
      "DELETE FROM device_history; DELETE FROM devices WHERE state != 'current'")
    let old = cli.run("check", "--db", cli.dbPath, "--max-catalog-age", "1")
    XCTAssertEqual(old.status, 1, old.out)
    XCTAssertTrue(old.out.hasPrefix("RINGSIDE WARNING - catalog "), old.out)
    XCTAssertTrue(old.out.contains("days old > 1: "), old.out)
    XCTAssertTrue(old.out.contains("catalog_age_days="), old.out)
    XCTAssertEqual(cli.run("check", "--db", cli.dbPath, "--max-catalog-age", "3650").status, 0)
  }

  func testCheckIsOKWhenNothingIsPendingOrUnknown() throws {
    let store = try InventoryStore(path: cli.dbPath)
    try store.database.execute(
      "DELETE FROM device_history; DELETE FROM devices WHERE state != 'current'")
    let result = cli.run("check", "--db", cli.dbPath, "--max-catalog-age", "3650")
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
    // An iOS requirement leaves the Macs out, and says so.
    XCTAssertTrue(byVersion.contains("at or above 16.5.1 (c) (iOS/iPadOS only)"), byVersion)
    // Below 16.5.1 (c): the 16.5.1 (a) iPhones (16.7.16 is above it).
    let expected =
      cli.run(
        "devices", "--db", cli.dbPath, "--filter", "os:16 -os:\"16.5.1 (c)\" -os:16.7.16",
        "--format", "csv"
      ).out
      .split(separator: "\n").count - 1
    XCTAssertTrue(byVersion.contains(", \(expected) pending"), "\(expected): \(byVersion)")
  }

  func testUnknownStatesWarnOnlyPastTheirThresholdAndTheRuleIsNamed() throws {
    let store = try InventoryStore(path: cli.dbPath)
    try store.database.execute(
      "DELETE FROM device_history; DELETE FROM devices WHERE state NOT IN ('current', 'unknown')")
    let strict = cli.run("check", "--db", cli.dbPath, "--max-catalog-age", "3650")
    XCTAssertEqual(strict.status, 1, strict.out)
    XCTAssertTrue(strict.out.hasPrefix("RINGSIDE WARNING - unknown "), strict.out)
    XCTAssertTrue(strict.out.contains("% > 0%: "), strict.out)
    let tuned = cli.run(
      "check", "--db", cli.dbPath, "--max-catalog-age", "3650", "--warn-unknown", "50")
    XCTAssertEqual(tuned.status, 0, tuned.out)
    let critical = cli.run(
      "check", "--db", cli.dbPath, "--max-catalog-age", "3650", "--crit-unknown", "1")
    XCTAssertEqual(critical.status, 2, critical.out)
  }

  func testCheckUsageErrorsAreUnknownAsPluginsExpect() {
    let bad = cli.run("check", "--db", cli.dbPath, "--warn-pending", "lots")
    XCTAssertEqual(bad.status, 3, bad.out + bad.err)
    XCTAssertTrue(bad.out.hasPrefix("RINGSIDE UNKNOWN - "), bad.out)
    XCTAssertEqual(cli.run("check", "--db", cli.dbPath, "--no-such-option").status, 3)
    let upsideDown = cli.run(
      "check", "--db", cli.dbPath, "--warn-pending", "50", "--crit-pending", "30")
    XCTAssertEqual(upsideDown.status, 3)
    XCTAssertTrue(upsideDown.out.contains("--warn-pending 50 is above --crit-pending 30"))
  }

  /// A level may have decimals, as the status text has one: 2.5% warns, 2.555 is refused.
  func testCheckTakesThresholdsWithDecimals() throws {
    let result = cli.run(
      "check", "--db", cli.dbPath, "--warn-pending", "2.5", "--crit-pending", "99.5",
      "--max-catalog-age", "3650", "--warn-unknown", "100")
    XCTAssertEqual(result.status, 1, result.out + result.err)
    XCTAssertTrue(result.out.contains("% > 2.5%"), result.out)
    XCTAssertTrue(result.out.contains(";2.5;99.5;0;100"), result.out)
    for bad in ["2.555", "2.", ".5", "101", "1e1", "-1"] {
      let refused = cli.run("check", "--db", cli.dbPath, "--warn-pending", bad)
      XCTAssertEqual(refused.status, 3, bad)
      XCTAssertTrue(refused.out.contains("must be a percentage"), refused.out)
    }
  }

  /// Every value carries a unit the plugin guidelines know (or none), and unknown its levels.
  func testCheckPerformanceDataFollowsThePluginGuidelines() throws {
    let out = cli.run("check", "--db", cli.dbPath, "--warn-unknown", "5", "--crit-unknown", "20")
      .out
    let perf = try XCTUnwrap(out.split(separator: "|").last).split(separator: " ")
    for item in perf {
      let value = try XCTUnwrap(item.split(separator: "=").last?.split(separator: ";").first)
      let unit = value.drop { $0.isNumber || $0 == "." || $0 == "-" }
      XCTAssertTrue(["", "s", "%", "B", "c", "U"].contains(String(unit)), "\(item)")
    }
    let devices = try XCTUnwrap(
      perf.first { $0.hasPrefix("devices=") }.flatMap { Int($0.dropFirst(8)) })
    XCTAssertTrue(
      perf.contains(
        "unknown=\(perf.first { $0.hasPrefix("unknown=") }!.dropFirst(8).prefix { $0 != ";" });\(devices * 5 / 100);\(devices * 20 / 100);0;\(devices)"
      ),
      out)
  }

  func testCheckOnAMissingStoreIsUnknown() throws {
    let empty = try CLIHarness()
    let result = empty.run("check", "--db", empty.dbPath)
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

  /// Prose wraps at 80 columns, the facts above it too: the ring's policy is never cut.
  func testWhyAtEightyColumnsWrapsLongFactsInsteadOfCuttingThem() throws {
    let device = try serial("ring:production platform:macos")
    let why = cli.run(["why", device, "--db", cli.dbPath], environment: ["COLUMNS": "80"])
    XCTAssertEqual(why.status, 0, why.err)
    XCTAssertFalse(why.out.contains("…"), why.out)
    XCTAssertTrue(why.out.contains("critical on"), why.out)
    for line in why.out.split(separator: "\n") {
      XCTAssertLessThanOrEqual(line.count, 80, String(line))
    }
  }

  func testReportGivesTheIntuneMinimumBuildPerRing() throws {
    let out = cli.run("report", "--db", cli.dbPath, "--format", "json").out
    let json = try JSONSerialization.jsonObject(with: Data(out.utf8)) as! [String: Any]
    let rows = json["intune_compliance"] as! [[String: Any]]
    let iosTest = try XCTUnwrap(
      rows.first { $0["ring"] as? String == "test" && $0["platform"] as? String == "ios" })
    // No BSI is installable: the floor is the newest release of the oldest line Apple ships.
    XCTAssertEqual(iosTest["minimum_os_build_version"] as? String, "23H30")
    XCTAssertEqual(iosTest["minimum_os_version"] as? String, "26.7.1")
    let macProd = try XCTUnwrap(
      rows.first { $0["ring"] as? String == "production" && $0["platform"] as? String == "macos" })
    XCTAssertEqual(macProd["minimum_os_build_version"] as? String, "24H32")
    XCTAssertGreaterThan(macProd["flagged"] as! Int, 0)
    // One minimum of 15.8.1 passes a Mac left on 26.3.1: each line's newest is given too.
    let valid = try XCTUnwrap(json["intune_valid_builds"] as? [[String: Any]])
    let macLines = try XCTUnwrap(valid.first { $0["platform"] as? String == "macos" }?["lines"])
    XCTAssertEqual(
      (macLines as? [[String: Any]])?.compactMap { $0["minimum_os_version"] as? String },
      ["15.8.1", "26.7.1", "27.0.1"])
    XCTAssertTrue(
      cli.run("report", "--db", cli.dbPath, "--wide").out.contains("Minimum OS build version"))
    // At 80 columns the long headers give way: every ring and count is shown whole.
    let text = cli.run("report", "--db", cli.dbPath).out
    for row in rows {
      let count = "\(row["flagged"] as! Int)/\(row["devices"] as! Int)"
      XCTAssertTrue(text.contains(count), "\(count) cut in\n\(text)")
      XCTAssertTrue(text.contains("  \(row["ring"] as! String) "), text)
    }
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

  func testTheInstalledProgramsManPageAndCompletionsIncludeTheDashboardAndThemes() throws {
    // The built binary, as installed: nothing a test sets up in-process applies.
    let binary = try BuiltBinary.path()
    func output(_ arguments: String...) throws -> String {
      try BuiltBinary.run(binary, arguments, home: cli.directory.path).out
    }
    let man = try output("manpage")
    for option in CommandTable.dashboard.options {
      XCTAssertTrue(man.contains("\\fB" + ManPageEscape.escape(option.name) + "\\fR"), option.name)
    }
    let bash = try output("completions", "bash")
    XCTAssertTrue(bash.contains("--theme"), "the dashboard's options complete")
    XCTAssertEqual(
      try output("__complete", "themes").split(separator: "\n"),
      ["default", "high-contrast", "light", "mono"])
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
