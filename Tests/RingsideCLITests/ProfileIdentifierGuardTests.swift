import Foundation
import XCTest

/// Once profiles were written under some identifiers, whatever would change them (`apply
/// --org`, `config --org` or `--identifier-prefix`, the dashboard's `--org`) needs `--force`,
/// whether or not the organisation was ever set explicitly.
final class ProfileIdentifierGuardTests: XCTestCase {
  private var cli: CLIHarness!
  private var db: String { cli.dbPath }
  private var out: String { cli.directory.path + "/upload" }

  override func setUpWithError() throws {
    cli = try CLIHarness()
    XCTAssertEqual(cli.run("demo", "--db", db, "--devices", "50").status, 0)
  }

  override func tearDown() { cli = nil }

  private func identifier() throws -> String {
    let profile = try String(contentsOfFile: out + "/test-ios.mobileconfig", encoding: .utf8)
    return profile.contains("ringside.late-org.test.ios") ? "late-org" : "default"
  }

  /// Profiles written with the default identifiers (no organisation ever set), then a change.
  private func writeDefaultProfiles() throws {
    let first = cli.run("apply", "--db", db, "--out", out)
    XCTAssertEqual(first.status, 0, first.err)
    XCTAssertEqual(
      cli.run("stage", "policy", "test", "--rsr-install", "block", "--db", db).status, 0)
    XCTAssertEqual(try identifier(), "default")
  }

  func testApplyWithANewOrgOverDefaultIdentifiersNeedsForce() throws {
    try writeDefaultProfiles()
    for dryRun in [["--dry-run"], []] {
      let refused = cli.run(["apply", "--db", db, "--org", "Late Org"] + dryRun)
      XCTAssertEqual(refused.status, 64, refused.out)
      XCTAssertTrue(
        refused.err.contains("profiles were written with identifiers ringside.ringside.RING")
          && refused.err.contains("ringside.late-org.RING")
          && refused.err.contains("repeat with --force"), refused.err)
    }
    XCTAssertEqual(try identifier(), "default", "nothing rewritten")
    XCTAssertTrue(cli.run("config", "--db", db).out.contains("Ringside (default)"), "not stored")
    let forced = cli.run("apply", "--db", db, "--org", "Late Org", "--force")
    XCTAssertEqual(forced.status, 0, forced.err)
    XCTAssertEqual(try identifier(), "late-org")
  }

  func testConfigOrgOverDefaultIdentifiersNeedsForce() throws {
    try writeDefaultProfiles()
    let refused = cli.run("config", "--db", db, "--org", "Late Org")
    XCTAssertEqual(refused.status, 64)
    XCTAssertTrue(refused.err.contains("ringside.late-org.RING"), refused.err)
    XCTAssertTrue(cli.run("config", "--db", db).out.contains("Ringside (default)"))
    XCTAssertEqual(cli.run("config", "--db", db, "--org", "Late Org", "--force").status, 0)
    XCTAssertEqual(cli.run("apply", "--db", db).status, 0)
    XCTAssertEqual(try identifier(), "late-org")
  }

  func testTheDashboardsOrgOverDefaultIdentifiersIsRefused() throws {
    try writeDefaultProfiles()
    let refused = cli.run("--db", db, "--org", "Late Org", "--dump-screen")
    XCTAssertEqual(refused.status, 64)
    XCTAssertTrue(refused.err.contains("ringside config --org NAME --force"), refused.err)
  }

  func testAnOrganisationChangedBeforeAnyProfileWasWrittenNeedsNoForce() {
    XCTAssertEqual(cli.run("config", "--db", db, "--org", "First Org").status, 0)
    let second = cli.run("config", "--db", db, "--org", "Second Org")
    XCTAssertEqual(second.status, 0, second.err)
    XCTAssertTrue(second.out.contains("ringside.second-org.RING.ios"), second.out)
  }
}
