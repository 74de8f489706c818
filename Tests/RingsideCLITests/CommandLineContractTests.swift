import Foundation
import RingsideCLI
import XCTest

final class CommandLineContractTests: XCTestCase {
  func testEveryCommandHasHelp() throws {
    let cli = try CLIHarness()
    for spec in CommandTable.commands {
      let result = cli.run(spec.path + ["--help"])
      XCTAssertEqual(result.status, 0, spec.name)
      XCTAssertTrue(result.out.hasPrefix("Usage: ringside \(spec.name)"), result.out)
      XCTAssertTrue(result.out.contains("--help"))
    }
    let top = cli.run("--help")
    for spec in CommandTable.commands { XCTAssertTrue(top.out.contains(spec.name), spec.name) }
  }

  func testVersionPrintsTheVersion() throws {
    XCTAssertEqual(try CLIHarness().run("--version").out, "ringside \(Ringside.version)\n")
  }

  func testUsageErrorsExit64WithOneLine() throws {
    let cli = try CLIHarness()
    for args in [
      ["frobnicate"], ["report", "--colour"], ["report", "--format", "yaml"],
      ["demo", "--devices", "0"],
    ] {
      let result = cli.run(args)
      XCTAssertEqual(result.status, 64, "\(args)")
      XCTAssertEqual(result.err.filter { $0 == "\n" }.count, 1, result.err)
      XCTAssertTrue(result.err.hasPrefix("ringside: "), result.err)
    }
  }

  func testMalformedCatalogFileExits65NamingFileAndLineAndStoresNothing() throws {
    let cli = try CLIHarness()
    cli.run("demo", "--db", cli.dbPath, "--devices", "100")
    let before = cli.run("catalog", "list", "--db", cli.dbPath, "--format", "csv").out
    let report = cli.run("report", "--db", cli.dbPath, "--format", "json").out
    let feed = cli.directory.appendingPathComponent("feed.json")
    try """
    {
      "OSVersions": [
        { "OSVersion": "26", "Latest": { "ProductName": "iOS and iPadOS" },
          "SecurityReleases": [
            { "ProductVersion": "26.7", "Build": "23H1", "ReleaseDate": "2026-11-01T00:00:00Z" },
            { "ProductVersion": "26.7.x", "Build": "23H2", "ReleaseDate": "2026-11-02T00:00:00Z" }
          ] }
      ]
    }
    """.write(to: feed, atomically: true, encoding: .utf8)
    let result = cli.run("catalog", "import", "--db", cli.dbPath, feed.path)
    XCTAssertEqual(result.status, 65)
    XCTAssertTrue(result.err.hasPrefix("ringside: \(feed.path): line 6, "), result.err)
    XCTAssertEqual(result.err.filter { $0 == "\n" }.count, 1)
    XCTAssertEqual(cli.run("catalog", "list", "--db", cli.dbPath, "--format", "csv").out, before)
    XCTAssertEqual(cli.run("report", "--db", cli.dbPath, "--format", "json").out, report)
  }

  func testCatalogImportOfTheSOFAFeedSucceedsAndListShowsBSIs() throws {
    let cli = try CLIHarness()
    let feed = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("../RingsideDomainTests/Fixtures/macos_data_feed.json").path
    let result = cli.run("catalog", "import", "--db", cli.dbPath, feed)
    XCTAssertEqual(result.status, 0, result.err)
    let list = cli.run("catalog", "list", "--db", cli.dbPath, "--rsr-only", "--wide").out
    XCTAssertTrue(list.contains("26.3.1 (a)"))
    XCTAssertTrue(list.contains("pulled → (c)"))
  }

  func testCatalogNotesShowModelIdentifiersWithTheirCommas() throws {
    let cli = try CLIHarness()
    let list = cli.run("catalog", "list", "--wide").out
    XCTAssertTrue(list.contains("iPadOS only (iPad7,1-7,6)"), list)
    XCTAssertTrue(list.contains("J700AP only (Mac17,5;"), list)
    XCTAssertFalse(list.contains("Mac17;5"), list)
  }

  func testCatalogImportOfApplesFeedAndSOFAShowsWhereTheyDisagree() throws {
    let cli = try CLIHarness()
    let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("../RingsideDomainTests/Fixtures")
    let result = cli.run(
      "catalog", "import", "--db", cli.dbPath,
      fixtures.appendingPathComponent("gdmf-pmv-sample.json").path,
      fixtures.appendingPathComponent("ios_data_feed.json").path)
    XCTAssertEqual(result.status, 0, result.err)
    XCTAssertTrue(result.out.contains("catalog as of 2026-09-28"), result.out)
    let list = cli.run("catalog", "list", "--db", cli.dbPath, "--platform", "ios", "--wide").out
    XCTAssertTrue(list.hasPrefix("Catalog as of 2026-09-28."), list)
    XCTAssertTrue(list.contains("Where sources disagree:"), list)
    XCTAssertTrue(list.contains("says build 23T6570"), list)
    XCTAssertTrue(list.contains("2026-11-20"), "the BSI's expiry")
  }

  /// A daily job imports the same feeds again and again: the second import changes nothing,
  /// and the notes where sources disagree do not grow.
  func testImportingTheSameFeedsAgainChangesNothingAndTheNotesStayAsTheyWere() throws {
    let cli = try CLIHarness()
    let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("../RingsideDomainTests/Fixtures")
    let feeds = ["gdmf-pmv-sample.json", "ios_data_feed.json", "macos_data_feed.json"].map {
      fixtures.appendingPathComponent($0).path
    }
    let first = cli.run(["catalog", "import", "--db", cli.dbPath] + feeds)
    XCTAssertEqual(first.status, 0, first.err)
    let list = cli.run("catalog", "list", "--db", cli.dbPath, "--format", "csv").out
    for _ in 0..<2 {
      let again = cli.run(["catalog", "import", "--db", cli.dbPath] + feeds)
      XCTAssertEqual(again.status, 0, again.err)
      XCTAssertTrue(again.out.contains("; 0 new or changed"), again.out)
      XCTAssertEqual(cli.run("catalog", "list", "--db", cli.dbPath, "--format", "csv").out, list)
    }
  }

  func testANewerFeedMovesTheCatalogDateAndTheVerdicts() throws {
    let cli = try CLIHarness()
    XCTAssertEqual(cli.run("demo", "--db", cli.dbPath, "--devices", "300").status, 0)
    let feed = cli.directory.appendingPathComponent("pmv.json")
    try """
    {"AssetSets": {"iOS": [{"ProductVersion": "26.7.2", "Build": "23H40",
      "PostingDate": "2026-11-25", "ExpirationDate": "2027-03-01",
      "SupportedDevices": ["iPhone15,2", "iPhone16,2", "iPhone17,1", "iPhone18,1", "iPhone14,7",
        "iPad16,3", "iPad14,1", "iPad13,18"]}]}}
    """.write(to: feed, atomically: true, encoding: .utf8)
    let before = cli.run("devices", "--db", cli.dbPath, "--filter", "os:26.7.1 state:current")
    XCTAssertTrue(before.out.contains("26.7.1"), before.out)
    let result = cli.run("catalog", "import", "--db", cli.dbPath, feed.path)
    XCTAssertEqual(result.status, 0, result.err)
    XCTAssertTrue(result.out.contains("catalog as of 2026-11-25"), result.out)
    let csv = cli.run(
      "devices", "--db", cli.dbPath, "--filter", "os:26.7.1 platform:ios model:iPhone15",
      "--format", "csv", "--limit", "1"
    ).out
    let name = try XCTUnwrap(csv.split(separator: "\n").dropFirst().first?.split(separator: ",")[0])
    let why = cli.run("why", "--db", cli.dbPath, "--wide", String(name)).out
    XCTAssertTrue(why.contains("What to do: Update to 26.7.2 (23H40)."), why)
    XCTAssertTrue(why.contains("Verdict from the catalog as of 2026-11-25"), why)
  }

  func testBuiltinCatalogListsWithoutAStore() throws {
    let result = try CLIHarness().run("catalog", "--format", "json")
    XCTAssertEqual(result.status, 0, result.err)
    let top = try XCTUnwrap(
      try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any])
    XCTAssertEqual(top["schema_version"] as? Int, 2)
    let list = try XCTUnwrap(top["releases"] as? [[String: Any]])
    XCTAssertTrue(list.contains { $0["version"] as? String == "16.5.1 (c)" })
  }
}
