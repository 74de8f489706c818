import Foundation
import RingsideCLI
import RingsideTestSupport
import XCTest

@testable import RingsideStore

/// `ringside migrate`: a whole store copied, every table equal, the audit chain verifying on
/// the target, and nothing left behind when it fails. The PostgreSQL round trip is skipped
/// without `RINGSIDE_TEST_POSTGRES_URL`.
final class MigrateCommandTests: XCTestCase {
  private var cli: CLIHarness!
  private var source: String { cli.sqlitePath }
  private func path(_ name: String) -> String { cli.directory.appendingPathComponent(name).path }

  override func setUpWithError() throws {
    cli = try CLIHarness()
  }

  override func tearDown() {
    StoreMigration.beforeVerifying = nil
    cli = nil
  }

  /// A demo store with applied profiles, staged changes, audit entries and a catalog override,
  /// so every table has rows.
  private func makeBusySource() throws {
    XCTAssertEqual(cli.run("demo", "--db", source, "--devices", "300").status, 0)
    XCTAssertEqual(
      cli.run("stage", "policy", "test", "--rsr-install", "block", "--defer", "10", "--db", source)
        .status, 0)
    let applied = cli.run("apply", "--db", source)
    XCTAssertEqual(applied.status, 0, applied.err)
    XCTAssertEqual(
      cli.run("stage", "policy", "production", "--rsr-removal", "allow", "--db", source).status, 0)
    let serials = try InventoryStore(path: source, readOnly: true).database.prepare(
      """
      SELECT serial FROM devices WHERE serial IS NOT NULL
        AND ring_id = (SELECT id FROM rings WHERE name = 'production') ORDER BY id LIMIT 2
      """
    ).query { $0.string(at: 0) ?? "" }
    XCTAssertEqual(serials.count, 2)
    let moved = cli.run(["stage", "move"] + serials + ["--ring", "test", "--db", source])
    XCTAssertEqual(moved.status, 0, moved.err)
    let feed = path("feed.json")
    try """
    {
      "OSVersions": [
        { "OSVersion": "26", "Latest": { "ProductName": "iOS and iPadOS" },
          "SecurityReleases": [
            { "ProductVersion": "26.7", "Build": "23H1", "ReleaseDate": "2026-11-01T00:00:00Z" }
          ] }
      ]
    }
    """.write(toFile: feed, atomically: true, encoding: .utf8)
    let imported = cli.run("catalog", "import", "--db", source, feed)
    XCTAssertEqual(imported.status, 0, imported.err)
    // The demo reports no pending updates; an import would (written here as one does).
    try SQLiteDatabase(path: source).execute(
      """
      INSERT INTO pending_updates (device_id, version, rsr, build, is_security_response, seen_at)
      SELECT id, '26.7', 'none', '23H1', 1, 1795000000 FROM devices ORDER BY id LIMIT 3
      """)
  }

  /// Every row of every table `migrate` copies, in a fixed order.
  private func tables(_ store: String) throws -> [String: [[SQLiteValue]]] {
    let opened = try InventoryStore(path: store, readOnly: true)
    var all: [String: [[SQLiteValue]]] = [:]
    for table in MigrationTables.all {
      let columns = try MigrationTables.columns(table, opened.database).map(\.name).filter {
        !MigrationTables.postgresOnly.contains("\(table).\($0)")
      }
      let order = (1...columns.count).map(String.init).joined(separator: ", ")
      let condition = MigrationCopier.condition(table).map { " WHERE \($0)" } ?? ""
      all[table] = try opened.database.prepare(
        "SELECT \(columns.joined(separator: ", ")) FROM \(table)\(condition) ORDER BY \(order)"
      ).query { row in (0..<Int32(columns.count)).map { row.value(at: $0) } }
    }
    return all
  }

  private func assertSameOutput(
    _ a: String, _ b: String, file: StaticString = #filePath, line: UInt = #line
  ) {
    for arguments in [
      ["report"], ["report", "--format", "json"], ["devices", "--format", "csv"],
      ["devices", "--sort", "name", "--filter", "ipad"], ["staged"], ["audit", "--format", "json"],
      ["catalog", "list", "--format", "csv"],
    ] {
      let left = cli.run(arguments + ["--db", a])
      let right = cli.run(arguments + ["--db", b])
      XCTAssertEqual(left.status, 0, left.err, file: file, line: line)
      XCTAssertEqual(left.out, right.out, "\(arguments)", file: file, line: line)
    }
  }

  func testTheUsageShowsFromAndToAsRequired() throws {
    let help = try CLIHarness().run("migrate", "--help")
    XCTAssertEqual(help.status, 0)
    XCTAssertTrue(
      help.out.contains("Usage: ringside migrate --from PATH|URL --to PATH|URL"), help.out)
    let report = try CLIHarness().run("report", "--help")
    XCTAssertTrue(report.out.contains("[--db PATH]"), report.out)
  }

  func testSQLiteToSQLiteCopiesEveryRowOfEveryTableAndTheAuditChainVerifies() throws {
    try makeBusySource()
    let target = path("copy/target.db")
    nonisolated(unsafe) var visibleWhileCopying: Bool?
    StoreMigration.beforeVerifying = { _ in
      visibleWhileCopying = FileManager.default.fileExists(atPath: target)
    }
    let migrated = cli.run("migrate", "--from", source, "--to", target)
    XCTAssertEqual(migrated.status, 0, migrated.err)
    XCTAssertEqual(visibleWhileCopying, false, "a new target takes its name only when committed")
    XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: path("copy")), ["target.db"])
    XCTAssertTrue(migrated.out.contains("Copied 13 tables"), migrated.out)
    XCTAssertTrue(migrated.out.contains("every table's rows match"), migrated.out)

    let before = try tables(source)
    let after = try tables(target)
    for table in MigrationTables.all {
      XCTAssertFalse(before[table]?.isEmpty ?? true, "the source has rows in \(table)")
      XCTAssertEqual(before[table], after[table], table)
    }
    let verified = cli.run("audit", "--verify", "--db", target)
    XCTAssertEqual(verified.status, 0, verified.err)
    assertSameOutput(source, target)

    // New rows get new ids after the copied ones.
    XCTAssertEqual(
      cli.run("stage", "policy", "test", "--rsr-removal", "block", "--db", target).status, 0)
    XCTAssertEqual(cli.run("audit", "--verify", "--db", target).status, 0)
  }

  func testATerminalSeesProgressOnStandardErrorAndThePipeOnlyTheSummary() throws {
    XCTAssertEqual(cli.run("demo", "--db", source, "--devices", "40").status, 0)
    let onTerminal = cli.run(
      ["migrate", "--from", source, "--to", path("a.db")], stderrIsTerminal: true)
    XCTAssertEqual(onTerminal.status, 0, onTerminal.err)
    XCTAssertTrue(onTerminal.err.contains("\r  devices: 40 of 40 rows"), onTerminal.err)
    XCTAssertTrue(onTerminal.out.contains("  devices            40\n"), onTerminal.out)
    let piped = cli.run("migrate", "--from", source, "--to", path("b.db"))
    XCTAssertEqual(piped.err, "")
    XCTAssertTrue(
      piped.out.contains(
        "Copied 13 tables, \(try tables(source).values.map(\.count).reduce(0, +)) rows"),
      piped.out)
  }

  func testEveryTableOfANewStoreIsOneMigrateCopies() throws {
    let store = try InventoryStore(path: path("fresh.db"), create: true)
    XCTAssertEqual(
      Set(try MigrationTables.tables(store.database)), Set(MigrationTables.all),
      "a table was added to the schema: add it to MigrationTables (copied or recounted)")
  }

  func testATargetHoldingDevicesIsRefusedAndLeftAsItWas() throws {
    XCTAssertEqual(cli.run("demo", "--db", source, "--devices", "50").status, 0)
    let target = path("other.db")
    XCTAssertEqual(cli.run("demo", "--db", target, "--devices", "20").status, 0)
    let report = cli.run("report", "--db", target, "--format", "json").out
    let refused = cli.run("migrate", "--from", source, "--to", target)
    XCTAssertEqual(refused.status, 65, refused.err)
    XCTAssertTrue(refused.err.contains("is not empty (devices holds 20 rows)"), refused.err)
    XCTAssertEqual(cli.run("report", "--db", target, "--format", "json").out, report)
  }

  func testATargetInitJustCreatedIsFilled() throws {
    try makeBusySource()
    let target = path("init.db")
    XCTAssertEqual(cli.run("init", "--db", target).status, 0)
    let migrated = cli.run("migrate", "--from", source, "--to", target)
    XCTAssertEqual(migrated.status, 0, migrated.err)
    XCTAssertEqual(try tables(source), try tables(target))
  }

  func testAMissingRowFoundByVerificationLeavesNoTargetBehind() throws {
    try makeBusySource()
    StoreMigration.beforeVerifying = { store in
      try store.database.execute(
        "DELETE FROM device_history WHERE id = (SELECT MAX(id) FROM device_history)")
    }
    let target = path("lost.db")
    let failed = cli.run("migrate", "--from", source, "--to", target)
    XCTAssertEqual(failed.status, 65, failed.err)
    XCTAssertTrue(failed.err.contains("device_history: the source holds"), failed.err)
    XCTAssertTrue(failed.err.contains("the target was left as it was"), failed.err)
    for suffix in ["", "-wal", "-shm", "-lock"] {
      XCTAssertFalse(FileManager.default.fileExists(atPath: target + suffix), suffix)
    }
    let left = try FileManager.default.contentsOfDirectory(atPath: cli.directory.path)
    XCTAssertFalse(left.contains { $0.contains("lost.db") }, "\(left)")
  }

  func testABrokenAuditChainOnTheTargetLeavesAnInitialisedTargetEmpty() throws {
    try makeBusySource()
    let target = path("init.db")
    XCTAssertEqual(cli.run("init", "--db", target).status, 0)
    let empty = try tables(target)
    StoreMigration.beforeVerifying = { store in
      try store.database.execute(
        """
        DROP TRIGGER audit_log_no_update;
        UPDATE audit_log SET detail = detail || ' (edited)' WHERE id = (SELECT MIN(id) FROM audit_log);
        """)
    }
    let failed = cli.run("migrate", "--from", source, "--to", target)
    XCTAssertEqual(failed.status, 65, failed.err)
    XCTAssertTrue(
      failed.err.contains("audit_log: the audit chain does not verify on the target"), failed.err)
    XCTAssertEqual(try tables(target), empty, "the target is as init left it")
    XCTAssertEqual(cli.run("audit", "--verify", "--db", target).status, 0)
  }

  func testASourceFromANewerRingsideIsRefusedAndNoTargetIsMade() throws {
    XCTAssertEqual(cli.run("demo", "--db", source, "--devices", "10").status, 0)
    try SQLiteDatabase(path: source).execute("PRAGMA user_version = 99")
    let target = path("new.db")
    let refused = cli.run("migrate", "--from", source, "--to", target)
    XCTAssertEqual(refused.status, 65, refused.err)
    XCTAssertTrue(refused.err.contains("newer Ringside"), refused.err)
    XCTAssertFalse(FileManager.default.fileExists(atPath: target))
  }

  func testASourceFromAnOlderRingsideIsUpgradedAsEveryCommandDoesAndCopied() throws {
    XCTAssertEqual(cli.run("demo", "--db", source, "--devices", "30").status, 0)
    let old = try SQLiteDatabase(path: source)
    try old.execute(
      """
      DROP TRIGGER fleet_groups_insert; DROP TRIGGER fleet_groups_delete;
      DROP TRIGGER fleet_groups_update; DROP TRIGGER fleet_checkins_update;
      DROP TABLE fleet_groups; DROP TABLE fleet_checkins; PRAGMA user_version = 7;
      """)
    let target = path("new.db")
    let migrated = cli.run("migrate", "--from", source, "--to", target)
    XCTAssertEqual(migrated.status, 0, migrated.err)
    XCTAssertEqual(try old.scalar("PRAGMA user_version")?.int, 9)
    XCTAssertEqual(try tables(source), try tables(target))
    XCTAssertFalse(try tables(target)["fleet_groups"]?.isEmpty ?? true)
  }

  func testASourceWithATableMigrateDoesNotKnowIsRefusedNamingIt() throws {
    XCTAssertEqual(cli.run("demo", "--db", source, "--devices", "10").status, 0)
    try SQLiteDatabase(path: source).execute(
      "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    let target = path("new.db")
    let refused = cli.run("migrate", "--from", source, "--to", target)
    XCTAssertEqual(refused.status, 65)
    XCTAssertTrue(refused.err.contains("does not know how to copy: notes"), refused.err)
    XCTAssertFalse(FileManager.default.fileExists(atPath: target))
  }

  func testTheSameStoreOnBothSidesIsRefused() throws {
    XCTAssertEqual(cli.run("demo", "--db", source, "--devices", "10").status, 0)
    let refused = cli.run("migrate", "--from", source, "--to", source)
    XCTAssertNotEqual(refused.status, 0)
    XCTAssertTrue(refused.err.contains("name the same store"), refused.err)
  }

  func testAnUnreachableTargetExits69WithoutThePasswordAndMakesNothing() throws {
    XCTAssertEqual(cli.run("demo", "--db", source, "--devices", "10").status, 0)
    let port = try TestPostgres.closedPort()
    let url = "postgresql://admin:topsecret@127.0.0.1:\(port)/ringside"
    let failed = cli.run("migrate", "--from", source, "--to", url)
    XCTAssertEqual(failed.status, 69, failed.err)
    XCTAssertTrue(failed.err.contains("postgresql://admin@127.0.0.1:\(port)/ringside"), failed.err)
    XCTAssertFalse(failed.err.contains("topsecret"), failed.err)
    XCTAssertEqual(cli.run("migrate").status, 64)
  }

  // MARK: PostgreSQL

  /// A database of this test's own on the test server, dropped when the test ends; the test
  /// is skipped without one.
  private func ownDatabase() throws -> TestPostgres {
    try TestPostgres(for: self, prefix: "ringside_migrate_")
  }

  func testSQLiteToPostgreSQLAndBackKeepsEveryRowReportAndAuditChain() throws {
    let server = try ownDatabase()
    try makeBusySource()
    let there = cli.run("migrate", "--from", source, "--to", server.url)
    XCTAssertEqual(there.status, 0, there.err)
    XCTAssertFalse(there.out.contains(server.password ?? "\u{0}"), there.out)
    let verified = cli.run("audit", "--verify", "--db", server.url)
    XCTAssertEqual(verified.status, 0, verified.err)
    assertSameOutput(source, server.url)
    let roles = try PostgresConnection(url: server.url).scalar(
      "SELECT COUNT(*) FROM pg_roles WHERE rolname IN ('ringside_admin', 'ringside_viewer')")
    XCTAssertEqual(roles?.int, 2)
    // The planner knows what was filled: the copy gathered the tables' statistics.
    let analyzed = try PostgresConnection(url: server.url).scalar(
      "SELECT COUNT(*) FROM pg_stat_user_tables WHERE relname = 'devices' AND last_analyze IS NOT NULL"
    )
    XCTAssertEqual(analyzed?.int, 1)

    // The keys, indexes and count triggers taken off for the copy are all back.
    let fresh = try ownDatabase()
    XCTAssertEqual(cli.run("init", "--db", fresh.url).status, 0)
    func schema(_ url: String) throws -> [String] {
      try PostgresConnection(url: url).prepare(
        """
        SELECT 'key ' || conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint
          WHERE connamespace = current_schema()::regnamespace
        UNION ALL SELECT 'index ' || indexdef FROM pg_indexes WHERE schemaname = current_schema()
        UNION ALL SELECT 'trigger ' || tgname || ' ' || tgenabled::text FROM pg_trigger WHERE NOT tgisinternal
        ORDER BY 1
        """
      ).query { $0.string(at: 0) ?? "" }
    }
    XCTAssertEqual(try schema(server.url), try schema(fresh.url))

    let back = path("back.db")
    let returned = cli.run("migrate", "--from", server.url, "--to", back)
    XCTAssertEqual(returned.status, 0, returned.err)
    XCTAssertEqual(try tables(source), try tables(back))
    XCTAssertEqual(cli.run("audit", "--verify", "--db", back).status, 0)
    assertSameOutput(source, back)

    // The identities moved past the copied ids: a new stage gets the next audit entry.
    let staged = cli.run("stage", "policy", "test", "--rsr-removal", "block", "--db", server.url)
    XCTAssertEqual(staged.status, 0, staged.err)
    XCTAssertEqual(cli.run("audit", "--verify", "--db", server.url).status, 0)

    let again = cli.run("migrate", "--from", source, "--to", server.url)
    XCTAssertEqual(again.status, 65, again.err)
    XCTAssertTrue(again.err.contains("is not empty (devices holds"), again.err)
  }

  func testAPostgreSQLDatabaseInitJustSetUpIsFilledAndThenRefused() throws {
    let server = try ownDatabase()
    try makeBusySource()
    XCTAssertEqual(cli.run("init", "--db", server.url).status, 0)
    let migrated = cli.run("migrate", "--from", source, "--to", server.url)
    XCTAssertEqual(migrated.status, 0, migrated.err)
    assertSameOutput(source, server.url)
    let again = cli.run("migrate", "--from", source, "--to", server.url)
    XCTAssertEqual(again.status, 65, again.err)
    XCTAssertTrue(again.err.contains("is not empty (devices holds 300 rows)"), again.err)
  }

  func testPostgreSQLToPostgreSQLKeepsWhoWroteEachAuditEntryAndFromWhere() throws {
    let from = try ownDatabase()
    let to = try ownDatabase()
    XCTAssertEqual(cli.run("init", "--db", from.url).status, 0)
    let admin = "admin_\(String(from.name.suffix(8)))"
    let owner = try PostgresConnection(url: from.url)
    try owner.execute("CREATE ROLE \(admin) LOGIN PASSWORD 'pw-admin' IN ROLE ringside_admin")
    defer { try? owner.execute("DROP OWNED BY \(admin); DROP ROLE \(admin)") }
    let asAdmin = TestPostgres.replacingLogin(in: from.url, user: admin, password: "pw-admin")
    let staged = cli.run("stage", "policy", "test", "--rsr-removal", "block", "--db", asAdmin)
    XCTAssertEqual(staged.status, 0, staged.err)
    // Another host than the copy's own (neither column is in the chain), as only the owner can.
    try owner.execute(
      """
      ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update;
      UPDATE audit_log SET client_host = '10.9.9.9';
      ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update;
      """)
    let copied = cli.run("migrate", "--from", from.url, "--to", to.url)
    XCTAssertEqual(copied.status, 0, copied.err)
    func recorded(_ url: String) throws -> [[String]] {
      try PostgresConnection(url: url).prepare(
        "SELECT database_user, client_host FROM audit_log ORDER BY id"
      ).query { row in (0..<2).map { row.string(at: $0) ?? "" } }
    }
    XCTAssertEqual(try recorded(from.url), [[admin, "10.9.9.9"]])
    XCTAssertEqual(try recorded(to.url), [[admin, "10.9.9.9"]])
  }

  func testAFailedCopyIntoANewPostgreSQLDatabaseLeavesNoSchema() throws {
    let server = try ownDatabase()
    try makeBusySource()
    StoreMigration.beforeVerifying = { store in
      try store.database.execute("DELETE FROM staged_changes WHERE kind = 'move'")
    }
    let failed = cli.run("migrate", "--from", source, "--to", server.url)
    XCTAssertEqual(failed.status, 65, failed.err)
    XCTAssertTrue(failed.err.contains("staged_changes: the source holds"), failed.err)
    let tables = try PostgresConnection(url: server.url).scalar(
      "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'public'")
    XCTAssertEqual(tables?.int, 0)
  }

  func testEveryTableOfANewPostgreSQLStoreIsOneMigrateCopiesRebuildsOrLeavesAsBookkeeping() throws {
    let server = try ownDatabase()
    let store = try InventoryStore(path: server.url, create: true)
    XCTAssertEqual(
      Set(try MigrationTables.tables(store.database)),
      Set(MigrationTables.all + MigrationTables.derived + MigrationTables.bookkeeping))
  }
}
