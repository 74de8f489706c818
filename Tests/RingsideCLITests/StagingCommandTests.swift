import Foundation
import RingsideCLI
import XCTest

/// The staging commands end to end, in-process: stage, review, apply, audit, and the exit
/// statuses of the failures admins meet.
final class StagingCommandTests: XCTestCase {
  private var cli: CLIHarness!
  private var directory: String { cli.directory.path }
  private var db: String { cli.dbPath }
  private var out: String { directory + "/data/ringside/profiles" }

  override func setUpWithError() throws {
    cli = try CLIHarness()
    XCTAssertEqual(run("demo", "--db", db, "--devices", "200").status, 0)
  }

  override func tearDown() { cli = nil }

  private func run(_ arguments: String..., ssh: String? = nil) -> (
    status: Int32, out: String, err: String
  ) {
    cli.run(arguments, environment: ssh.map { ["SSH_CONNECTION": $0] } ?? [:])
  }

  /// At 80 columns the audit's detail breaks a long path across lines instead of cutting it:
  /// the part cut off was what told the files apart.
  func testTheAuditAtEightyColumnsKeepsEveryWrittenFilesPath() throws {
    XCTAssertEqual(run("stage", "policy", "test", "--rsr-removal", "block", "--db", db).status, 0)
    let folder = directory + "/profiles-for-the-audit-at-eighty-columns"
    XCTAssertEqual(run("apply", "--db", db, "--out", folder).status, 0)
    let audit = cli.run(["audit", "--db", db], environment: ["COLUMNS": "80"]).out
    let joined = audit.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
      .joined()
    XCTAssertTrue(joined.contains(folder + "/test-ios.mobileconfig"), audit)
    for line in audit.split(separator: "\n") { XCTAssertLessThanOrEqual(line.count, 80) }
  }

  /// A change that lifts a protection says so when it is staged, with the devices it exposes.
  func testStagingALooseningChangeSaysSoAtOnce() throws {
    let result = run("stage", "policy", "production", "--rsr-removal", "unset", "--db", db)
    XCTAssertEqual(result.status, 0, result.err)
    XCTAssertTrue(
      result.out.contains("LOOSENS: ring production: RSR/BSI removal block → unset lifts a "),
      result.out)
    let tighter = run("stage", "policy", "test", "--rsr-removal", "block", "--db", db)
    XCTAssertFalse(tighter.out.contains("LOOSENS"), tighter.out)
  }

  /// Staging the value a ring already has stages nothing, and says nothing about reviewing.
  func testStagingTheAppliedValueSaysNothingWasStagedAndNothingMore() throws {
    let result = run("stage", "policy", "test", "--rsr-install", "allow", "--db", db)
    XCTAssertEqual(result.status, 0, result.err)
    XCTAssertTrue(result.out.contains("is already allow; nothing staged"), result.out)
    XCTAssertFalse(result.out.contains("Review with"), result.out)
  }

  func testStageReviewApplyAndAuditEndToEnd() throws {
    XCTAssertEqual(
      run("stage", "policy", "test", "--rsr-install", "block", "--defer", "10", "--db", db).status,
      0)
    let staged = run("staged", "--db", db, "--wide")
    XCTAssertEqual(staged.status, 0, staged.err)
    XCTAssertTrue(staged.out.contains("ring test: RSR/BSI installation allow → block"), staged.out)
    XCTAssertTrue(staged.out.contains("create  test-ios.mobileconfig"), staged.out)
    XCTAssertTrue(staged.out.contains("defers OS updates 10 days"), staged.out)

    let apply = run("apply", "--db", db, ssh: "198.51.100.4 40000 10.0.0.1 22")
    XCTAssertEqual(apply.status, 0, apply.err)
    XCTAssertTrue(
      FileManager.default.fileExists(atPath: out + "/test-ios.mobileconfig"), "default --out")
    XCTAssertTrue(run("staged", "--db", db).out.contains("Nothing is staged."))

    let audit = run("audit", "--db", db, "--format", "json")
    XCTAssertEqual(audit.status, 0, audit.err)
    XCTAssertTrue(
      audit.out.contains("\"origin\": \"ssh 198.51.100.4:40000 (unverified)"), audit.out)
    XCTAssertTrue(audit.out.contains("\"action\": \"write-profile\""), audit.out)
    XCTAssertTrue(audit.out.contains("\"after_sha256\": \""), audit.out)
  }

  func testARingThatRequiresTheNewestMajorCountsLineReleasesAsBehind() throws {
    func states() throws -> [String: Int] {
      let out = run("report", "--db", db, "--format", "json", "--ring", "test").out
      let json = try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any]
      return try XCTUnwrap(json?["by_state"] as? [String: Int])
    }
    let before = try states()
    XCTAssertEqual(run("stage", "policy", "test", "--target-major", "newest", "--db", db).status, 0)
    XCTAssertTrue(
      run("staged", "--db", db).out.contains("ring test: target major unset → newest"))
    XCTAssertEqual(try states(), before, "staging alone changes no verdict")
    XCTAssertEqual(run("apply", "--db", db).status, 0)
    let after = try states()
    XCTAssertLessThan(after["current"] ?? 0, before["current"] ?? 0)
    let csv = run(
      "devices", "--db", db, "--filter", "ring:test os:26.7.1 platform:ios", "--format", "csv",
      "--limit", "1"
    ).out
    let name = try XCTUnwrap(csv.split(separator: "\n").dropFirst().first?.split(separator: ",")[0])
    let why = run("why", "--db", db, String(name))
    XCTAssertTrue(why.out.contains("Its ring requires the newest major: 27.0.1"), why.out)
    XCTAssertTrue(why.out.contains("target newest major"), why.out)
  }

  func testLooseningAProtectionIsFlaggedWithTheDevicesItExposes() {
    XCTAssertEqual(
      run("stage", "policy", "production", "--rsr-removal", "unset", "--db", db).status, 0)
    let staged = run("staged", "--db", db, "--wide").out
    // The devices that enforce the block, not every device of the ring.
    let blocked =
      run("devices", "--db", db, "--filter", "ring:production removal:blocked", "--format", "csv")
      .out.split(separator: "\n").count - 1
    XCTAssertGreaterThan(blocked, 0)
    XCTAssertTrue(
      staged.contains(
        "! LOOSENS: ring production: RSR/BSI removal block → unset lifts a protection from "
          + "\(blocked.grouped) device"),
      staged)
    XCTAssertFalse(staged.contains("in ring test"), "warnings about rings nothing staged touches")
    XCTAssertEqual(run("discard", "--all", "--db", db).status, 0)
    XCTAssertEqual(
      run("stage", "policy", "production", "--rsr-removal", "allow", "--db", db).status, 0)
    XCTAssertTrue(run("staged", "--db", db, "--wide").out.contains("LOOSENS"))
    XCTAssertEqual(run("discard", "--all", "--db", db).status, 0)
    XCTAssertEqual(run("stage", "policy", "test", "--rsr-removal", "block", "--db", db).status, 0)
    XCTAssertFalse(run("staged", "--db", db, "--wide").out.contains("LOOSENS"), "tightening")
  }

  /// The devices `filter` matches, from `devices --format csv`.
  private func count(_ filter: String) -> Int {
    run("devices", "--db", db, "--filter", filter, "--format", "csv").out
      .split(separator: "\n").count - 1
  }

  /// The LOOSENS warnings of `staged --format json`: message and devices.
  private func looseningWarnings() throws -> [(message: String, devices: Int)] {
    let json =
      try JSONSerialization.jsonObject(
        with: Data(run("staged", "--db", db, "--format", "json").out.utf8)) as? [String: Any]
    let warnings = try XCTUnwrap(json?["warnings"] as? [[String: Any]])
    return warnings.filter { $0["kind"] as? String == "loosening" }.map {
      ($0["message"] as? String ?? "", $0["devices"] as? Int ?? -1)
    }
  }

  func testTurningCriticalUpdatesOffIsFlaggedWithTheMacsThatTakeTheSetting() throws {
    // production blocks removal: its Macs that enforce that restriction (not user-enrolled,
    // before macOS 27 or supervised) are those that take CriticalUpdateInstall.
    let macs = count("ring:production platform:macos -removal:not-enforced")
    XCTAssertGreaterThan(macs, 0)
    XCTAssertLessThan(macs, count("ring:production"))
    XCTAssertEqual(
      run("stage", "policy", "production", "--critical-updates", "off", "--db", db).status, 0)
    let production = try looseningWarnings()
    XCTAssertEqual(production.count, 1, "\(production)")
    XCTAssertTrue(production.first?.message.contains("on → off") ?? false, "\(production)")
    XCTAssertEqual(production.first?.devices, macs)
    XCTAssertEqual(run("discard", "--all", "--db", db).status, 0)
    // Unset is Apple's default, true: turning it off from unset stops it as from on.
    XCTAssertEqual(
      run("stage", "policy", "test", "--critical-updates", "off", "--db", db).status, 0)
    let test = try looseningWarnings()
    XCTAssertEqual(test.count, 1, "\(test)")
    XCTAssertTrue(test.first?.message.contains("unset → off") ?? false, "\(test)")
  }

  func testBlockingRSRInstallationIsFlaggedAndLiftingTheBlockIsNot() throws {
    XCTAssertEqual(
      run("stage", "policy", "production", "--rsr-install", "block", "--db", db).status, 0)
    let blocking = try looseningWarnings()
    XCTAssertEqual(blocking.count, 1, "\(blocking)")
    XCTAssertTrue(blocking.first?.message.contains("allow → block") ?? false, "\(blocking)")
    // The devices that enforce a block, as for removal, which production blocks.
    XCTAssertEqual(blocking.first?.devices, count("ring:production -removal:not-enforced"))
    XCTAssertEqual(run("apply", "--db", db).status, 0)
    XCTAssertEqual(
      run("stage", "policy", "production", "--rsr-install", "unset", "--db", db).status, 0)
    XCTAssertEqual(try looseningWarnings().count, 0, "lifting an installation block protects")
  }

  func testProfileIdentityIsSetOnceAndChangedOnlyOnPurpose() throws {
    XCTAssertEqual(run("stage", "policy", "test", "--rsr-install", "block", "--db", db).status, 0)
    let first = run("apply", "--db", db, "--org", "Example Corp", "--out", directory + "/upload")
    XCTAssertEqual(first.status, 0, first.err)
    let shown = run("config", "--db", db).out
    XCTAssertTrue(shown.contains("organisation       Example Corp"), shown)
    XCTAssertTrue(shown.contains("profile folder     \(directory)/upload"), shown)
    // Later runs without --org and --out write the same identifiers to the same folder.
    XCTAssertEqual(run("stage", "policy", "test", "--rsr-install", "allow", "--db", db).status, 0)
    let second = run("apply", "--db", db)
    XCTAssertEqual(second.status, 0, second.err)
    let profile = try String(
      contentsOfFile: directory + "/upload/test-ios.mobileconfig", encoding: .utf8)
    XCTAssertTrue(profile.contains("ringside.example-corp.test.ios"), profile)
    let other = run("staged", "--db", db, "--org", "Other")
    XCTAssertEqual(other.status, 64)
    XCTAssertTrue(other.err.contains("organisation \"Example Corp\""), other.err)
    XCTAssertEqual(run("config", "--db", db, "--identifier-prefix", "com.example").status, 64)
    let forced = run("config", "--db", db, "--identifier-prefix", "com.example", "--force")
    XCTAssertEqual(forced.status, 0, forced.err)
    XCTAssertTrue(forced.out.contains("com.example.ringside.RING.ios"), forced.out)
    XCTAssertEqual(run("config", "--db", db, "--identifier-prefix", "not dns").status, 64)
    let audit = run("audit", "--db", db, "--format", "json").out
    XCTAssertTrue(audit.contains("identifier prefix: unset → \\\"com.example\\\""), audit)
  }

  func testDiscardNamesItsScopeAndListsOtherAdminsChangesBeforeDroppingThem() {
    XCTAssertEqual(run("stage", "policy", "test", "--rsr-install", "block", "--db", db).status, 0)
    let bare = run("discard", "--db", db)
    XCTAssertEqual(bare.status, 64)
    XCTAssertTrue(bare.err.contains("--all"), bare.err)
    XCTAssertTrue(run("staged", "--db", db).out.contains("RSR/BSI installation"), "kept")
    let all = run("discard", "--all", "--db", db)
    XCTAssertEqual(all.status, 0, all.err)
    XCTAssertTrue(all.out.contains("Dropped 1 staged change(s)."), all.out)
  }

  func testDiffShowsTheLineChangesOfTheStagedPolicy() {
    XCTAssertEqual(run("apply", "--db", db).status, 0)
    XCTAssertEqual(run("stage", "policy", "test", "--rsr-removal", "block", "--db", db).status, 0)
    let diff = run("staged", "--diff", "--db", db)
    XCTAssertTrue(diff.out.contains("+++ \(out)/test-ios.mobileconfig (staged)"), diff.out)
    XCTAssertTrue(diff.out.contains("-\t\t\t<true/>\n+\t\t\t<false/>"), diff.out)
  }

  func testApplyRefusesAFileChangedOutsideRingsideWithExit73() throws {
    XCTAssertEqual(run("apply", "--db", db).status, 0)
    try Data("edited\n".utf8).write(to: URL(fileURLWithPath: out + "/test-ios.mobileconfig"))
    XCTAssertEqual(run("stage", "policy", "test", "--rsr-install", "block", "--db", db).status, 0)
    let refused = run("apply", "--db", db)
    XCTAssertEqual(refused.status, 73)
    XCTAssertTrue(
      refused.err.contains("test-ios.mobileconfig was changed after Ringside wrote it"), refused.err
    )
    XCTAssertTrue(run("staged", "--db", db).out.contains("#"), "still staged")
    XCTAssertEqual(run("apply", "--db", db, "--force").status, 0)
  }

  func testDryRunWritesNothing() {
    let dry = run("apply", "--db", db, "--dry-run")
    XCTAssertEqual(dry.status, 0, dry.err)
    XCTAssertTrue(dry.out.contains("Dry run: nothing was written."))
    XCTAssertFalse(FileManager.default.fileExists(atPath: out))
  }

  func testStageMoveAndDiscard() {
    let moved = run("stage", "move", "--ring", "test", "NO-SUCH-SERIAL", "--db", db)
    XCTAssertEqual(moved.status, 66)
    XCTAssertEqual(
      run("stage", "policy", "production", "--critical-updates", "off", "--db", db).status, 0)
    let discard = run("discard", "--all", "--db", db)
    XCTAssertEqual(discard.out, "Dropped 1 staged change(s).\n")
  }

  func testBadValuesAreUsageErrors() {
    XCTAssertEqual(run("stage", "policy", "test", "--defer", "91", "--db", db).status, 64)
    XCTAssertEqual(run("stage", "policy", "test", "--rsr-install", "maybe", "--db", db).status, 64)
    XCTAssertEqual(run("stage", "policy", "test", "--db", db).status, 64)
    XCTAssertEqual(
      run("stage", "policy", "nosuch", "--rsr-install", "allow", "--db", db).status, 66)
    XCTAssertEqual(run("apply", "--org", " ", "--db", db).status, 64)
  }
}
