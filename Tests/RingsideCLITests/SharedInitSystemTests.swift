import Foundation
import RingsideTestSupport
import XCTest

@testable import RingsideStore

/// `init --shared` as root creates what is missing, refuses to re-permission what exists,
/// never follows a symbolic link and never replaces a different host config without --force.
/// It needs root and the test groups (CI runs as root); as another user it skips.
final class SharedInitSystemTests: XCTestCase {
  var cli: CLIHarness!

  /// Test case instances live until the run ends: drop the harness so it removes its folder.
  override func tearDown() { cli = nil }

  override func setUpWithError() throws {
    try TestBackend.requireSQLite(
      "init --shared sets a store file's unix groups and modes (PostgreSQL has roles instead)")
    try XCTSkipUnless(geteuid() == 0, "init --shared as root needs root")
    try TestUsers.ensure()
    cli = try CLIHarness()
  }

  private func mode(_ path: String) -> (mode: mode_t, gid: gid_t)? {
    var info = stat()
    guard lstat(path, &info) == 0 else { return nil }
    return (info.st_mode & 0o7777, info.st_gid)
  }

  private func initShared(_ db: String, _ extra: String...) -> (
    status: Int32, out: String, err: String
  ) {
    cli.run(
      [
        "init", "--shared", "--db", db, "--admin-group", TestUsers.adminGroup, "--viewer-group",
        TestUsers.viewerGroup,
      ] + extra)
  }

  func testCreatesWhatIsMissingWithGroupsAndModesAndCanRunAgain() throws {
    let folder = cli.directory.path + "/shared/store"
    let result = initShared(folder + "/s.db")
    XCTAssertEqual(result.status, 0, result.err)
    let viewers = getgrnam(TestUsers.viewerGroup).pointee.gr_gid
    let admins = getgrnam(TestUsers.adminGroup).pointee.gr_gid
    XCTAssertEqual(mode(folder)?.mode, 0o2750)
    XCTAssertEqual(mode(folder)?.gid, viewers)
    for suffix in ["", "-wal", "-shm"] {
      XCTAssertEqual(mode(folder + "/s.db" + suffix)?.mode, 0o664, suffix)
      XCTAssertEqual(mode(folder + "/s.db" + suffix)?.gid, admins, suffix)
    }
    XCTAssertTrue(result.out.contains("Wrote \(cli.hostConfigPath)."), result.out)
    let again = initShared(folder + "/s.db")
    XCTAssertEqual(again.status, 0, again.err)
    XCTAssertTrue(again.out.contains("\(folder): kept"), again.out)
    XCTAssertTrue(again.out.contains("already holds these settings"), again.out)
  }

  func testAnExistingFolderWithOtherPermissionsIsRefusedAndLeftAsItWas() throws {
    let folder = cli.directory.path + "/sticky"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    chmod(folder, 0o1777)
    let before = mode(folder)
    let result = initShared(folder + "/s.db")
    XCTAssertEqual(result.status, 73, result.err)
    XCTAssertTrue(result.err.contains("\(folder) exists as root:"), result.err)
    XCTAssertTrue(result.err.contains("only sets the permissions of what it creates"), result.err)
    XCTAssertEqual(mode(folder)?.mode, before?.mode)
    XCTAssertEqual(mode(folder)?.gid, before?.gid)
    XCTAssertNil(mode(folder + "/s.db"))
  }

  func testASymlinkedFolderIsNeverFollowed() throws {
    let secret = cli.directory.path + "/secret"
    try FileManager.default.createDirectory(atPath: secret, withIntermediateDirectories: true)
    chmod(secret, 0o700)
    let link = cli.directory.path + "/planted"
    XCTAssertEqual(symlink(secret, link), 0)
    let result = initShared(link + "/s.db")
    XCTAssertEqual(result.status, 73, result.err)
    XCTAssertTrue(result.err.contains("\(link) is a symbolic link"), result.err)
    XCTAssertEqual(mode(secret)?.mode, 0o700)
    XCTAssertEqual(mode(secret)?.gid, 0)
    XCTAssertNil(mode(secret + "/s.db"))
  }

  func testASymlinkedStoreOrAnotherProgramsDatabaseIsNeverMigrated() throws {
    let folder = cli.directory.path + "/shared"
    XCTAssertEqual(initShared(folder + "/s.db").status, 0)
    // Another program's database, root's and private.
    let other = cli.directory.path + "/other.db"
    let database = try SQLiteDatabase(path: other)
    try database.execute("CREATE TABLE secrets(value TEXT); INSERT INTO secrets VALUES ('x')")
    chmod(other, 0o600)
    XCTAssertEqual(symlink(other, folder + "/link.db"), 0)
    let linked = initShared(folder + "/link.db")
    XCTAssertEqual(linked.status, 73, linked.err)
    XCTAssertTrue(linked.err.contains("link.db is a symbolic link"), linked.err)
    // A foreign database that already has the shared group and mode is still not migrated.
    let copy = folder + "/copy.db"
    try FileManager.default.copyItem(atPath: other, toPath: copy)
    chown(copy, uid_t.max, getgrnam(TestUsers.adminGroup).pointee.gr_gid)
    chmod(copy, 0o664)
    let foreign = initShared(copy)
    XCTAssertEqual(foreign.status, 73, foreign.err)
    XCTAssertTrue(foreign.err.contains("is not a Ringside store"), foreign.err)
    XCTAssertEqual(mode(other)?.mode, 0o600)
    XCTAssertEqual(try database.scalar("PRAGMA user_version")?.int, 0)
    XCTAssertEqual(
      try SQLiteDatabase(path: copy, readOnly: true).scalar("PRAGMA user_version")?.int, 0)
  }

  func testADifferentHostConfigIsShownAndKeptUnlessForced() throws {
    let config = cli.hostConfigPath
    try FileManager.default.createDirectory(
      atPath: (config as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    try Data("{\"admin_group\": \"ops\"}\n".utf8).write(to: URL(fileURLWithPath: config))
    let db = cli.directory.path + "/shared/s.db"
    let refused = initShared(db)
    XCTAssertEqual(refused.status, 73, refused.err)
    XCTAssertTrue(refused.err.contains("without --force"), refused.err)
    XCTAssertTrue(refused.err.contains("  - {\"admin_group\": \"ops\"}"), refused.err)
    XCTAssertTrue(
      refused.err.contains("  + { \"admin_group\": \"\(TestUsers.adminGroup)\""), refused.err)
    XCTAssertEqual(
      try String(contentsOfFile: config, encoding: .utf8), "{\"admin_group\": \"ops\"}\n")
    XCTAssertNil(mode(db), "a refusal changes nothing")
    let forced = initShared(db, "--force")
    XCTAssertEqual(forced.status, 0, forced.err)
    XCTAssertTrue(
      try String(contentsOfFile: config, encoding: .utf8).contains(TestUsers.adminGroup))
  }

  func testRootsInitMakesAnAppendOnlyAnchorThatCatchesARewriteForEveryone() throws {
    let db = cli.directory.path + "/shared/s.db"
    XCTAssertEqual(initShared(db).status, 0)
    let anchor = db + ".anchor"
    XCTAssertTrue(AuditAnchor.isAppendOnly(anchor), "chattr +a on \(anchor)")
    XCTAssertEqual(mode(anchor)?.mode, 0o660)
    XCTAssertEqual(mode(anchor)?.gid, getgrnam(TestUsers.adminGroup).pointee.gr_gid)
    for setting in [["--defer", "7"], ["--rsr-install", "allow"]] {
      let staged = cli.run(["stage", "policy", "--db", db, "test"] + setting)
      XCTAssertEqual(staged.status, 0, staged.err)
    }
    let lines = try String(contentsOfFile: anchor, encoding: .utf8).split(separator: "\n")
    XCTAssertEqual(lines.count, 2, "\(lines)")
    XCTAssertEqual(open(anchor, O_WRONLY | O_TRUNC), -1, "even root cannot truncate it")
    XCTAssertEqual(errno, EPERM)
    // Someone empties the log and its in-store head; the one verifying never looked before.
    let store = try InventoryStore(path: db)
    try store.database.execute(
      "DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log; "
        + "DELETE FROM meta WHERE key = 'audit_head'")
    try FileManager.default.removeItem(atPath: cli.directory.path + "/.local/state")
    let verify = cli.run("audit", "--db", db, "--verify")
    XCTAssertEqual(verify.status, 65, verify.out + verify.err)
    XCTAssertTrue(verify.err.contains("is gone"), verify.err)
    XCTAssertTrue(verify.err.contains("(anchor \(anchor))"), verify.err)
  }
}
