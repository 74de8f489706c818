import Foundation
import RingsideDomain
import RingsideStore
import XCTest

/// The profile folder kept in the store is one folder for every admin and session: a relative
/// `--out` is kept as its full path, and a relative folder an older store kept writes nothing.
final class ProfileFolderPathTests: XCTestCase {
  private var cli: CLIHarness!
  private var db: String { cli.dbPath }
  private var first: String { cli.directory.path + "/first" }
  private var second: String { cli.directory.path + "/second" }

  override func setUpWithError() throws {
    cli = try CLIHarness()
    XCTAssertEqual(cli.run("demo", "--db", db, "--devices", "50").status, 0)
    for folder in [first, second] {
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }
  }

  override func tearDown() { cli = nil }

  private func run(_ arguments: String..., in folder: String) -> (
    status: Int32, out: String, err: String
  ) {
    cli.run(arguments, workingDirectory: folder)
  }

  private func files(_ folder: String) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
  }

  func testARelativeOutIsKeptAsItsFullPathAndUsedFromEveryFolder() throws {
    let apply = run("apply", "--db", db, "--out", "./x/../out", in: first)
    XCTAssertEqual(apply.status, 0, apply.err)
    XCTAssertTrue(apply.out.contains("Wrote to \(first)/out:"), apply.out)
    XCTAssertTrue(
      run("config", "--db", db, in: second).out.contains("profile folder     \(first)/out\n"))
    XCTAssertEqual(
      run("stage", "policy", "test", "--rsr-install", "block", "--db", db, in: second).status, 0)
    XCTAssertTrue(
      run("staged", "--db", db, "--wide", in: second).out.contains("Profiles in \(first)/out "))
    XCTAssertTrue(
      run("apply", "--db", db, "--dry-run", in: second).out.contains(
        "Would write to \(first)/out:"))
    let later = run("apply", "--db", db, in: second)
    XCTAssertEqual(later.status, 0, later.err)
    XCTAssertTrue(later.out.contains("Wrote to \(first)/out:"), later.out)
    XCTAssertEqual(files(second), [], "no second set of profiles where the later apply ran")
    // The same folder typed relative to where it is is the stored one; from elsewhere it is not.
    XCTAssertEqual(run("staged", "--db", db, "--out", "out", in: first).status, 0)
    let elsewhere = run("staged", "--db", db, "--out", "out", in: second)
    XCTAssertEqual(elsewhere.status, 64)
    XCTAssertTrue(elsewhere.err.contains("writes profiles to \(first)/out"), elsewhere.err)
  }

  func testConfigKeepsARelativeOutAsItsFullPath() {
    let config = run("config", "--db", db, "--out", "mdm/upload/", in: first)
    XCTAssertEqual(config.status, 0, config.err)
    XCTAssertTrue(config.out.contains("profile folder     \(first)/mdm/upload\n"), config.out)
  }

  func testARelativeFolderAnOlderStoreKeptWritesNothingAndSaysHowToFixIt() throws {
    let store = try InventoryStore(path: db)
    try store.setProfileSettings(
      ProfileSettings(directory: "out"), by: AuditActor(user: "tester"), at: CLIHarness.now)
    XCTAssertEqual(
      run("stage", "policy", "test", "--rsr-install", "block", "--db", db, in: first).status, 0)
    let config = run("config", "--db", db, in: first).out
    XCTAssertTrue(config.contains("out (relative, so apply writes nothing"), config)
    for command in [["apply"], ["apply", "--dry-run"], ["staged"]] {
      let refused = cli.run(command + ["--db", db], workingDirectory: first)
      XCTAssertEqual(refused.status, 78, "\(command): \(refused.out)")
      XCTAssertTrue(
        refused.err.contains("\"out\" is a relative path")
          && refused.err.contains("ringside config --out /full/path/of/out"), refused.err)
    }
    XCTAssertEqual(files(first), [], "nothing written where the command ran")
    XCTAssertEqual(run("config", "--db", db, "--out", "out", in: first).status, 0)
    let apply = run("apply", "--db", db, in: second)
    XCTAssertEqual(apply.status, 0, apply.err)
    XCTAssertTrue(apply.out.contains("Wrote to \(first)/out:"), apply.out)
  }
}
