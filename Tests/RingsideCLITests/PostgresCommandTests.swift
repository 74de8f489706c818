import Foundation
import RingsideStore
import RingsideTestSupport
import XCTest

/// Commands with `--db postgresql://…`: the same output as on SQLite, errors without the
/// password. The tests that need a server are skipped without `RINGSIDE_TEST_POSTGRES_URL`.
final class PostgresCommandTests: XCTestCase {
  func testAnUnreachableServerExits69AndNeverShowsThePassword() throws {
    let cli = try CLIHarness()
    let port = try TestPostgres.closedPort()
    let url = "postgresql://admin:topsecret@127.0.0.1:\(port)/ringside"
    for result in [
      cli.run("report", "--db", url),
      cli.run(["devices"], environment: ["RINGSIDE_DB": url]),
    ] {
      XCTAssertEqual(result.status, 69, result.err)
      XCTAssertTrue(
        result.err.contains("postgresql://admin@127.0.0.1:\(port)/ringside"), result.err)
      XCTAssertFalse(result.err.contains("topsecret"), result.err)
    }
  }

  func testInitDemoReportAndDevicesPrintTheSameBytesAsOnSQLite() throws {
    let database = try TestPostgres(for: self, prefix: "ringside_cli_")
    let url = database.url

    let cli = try CLIHarness()
    let initialised = cli.run("init", "--db", url)
    XCTAssertEqual(initialised.status, 0, initialised.err)
    XCTAssertTrue(initialised.out.contains("ringside_admin"), initialised.out)
    XCTAssertFalse(initialised.out.contains(database.password ?? "\u{0}"))
    for db in [url, cli.sqlitePath] {
      let demo = cli.run("demo", "--db", db, "--devices", "500")
      XCTAssertEqual(demo.status, 0, demo.err)
    }
    for arguments in [
      ["report"], ["report", "--format", "json"], ["devices", "--sort", "name", "--format", "csv"],
      ["devices", "--filter", "ipad", "--sort", "build"],
      ["devices", "--sort", "supervised", "--format", "json"],
    ] {
      let onPostgres = cli.run(arguments + ["--db", url])
      let onSQLite = cli.run(arguments + ["--db", cli.sqlitePath])
      XCTAssertEqual(onPostgres.status, 0, onPostgres.err)
      XCTAssertEqual(onPostgres.out, onSQLite.out, "\(arguments)")
    }
  }

  /// A first import into PostgreSQL locks the devices until its commit, a minute at 1M: the
  /// monitoring check answers UNKNOWN within its timeout instead of hanging the plugin.
  func testACheckWhileAnotherSessionLocksTheDevicesSaysUnknownWithinItsTimeout() throws {
    let database = try TestPostgres(for: self, prefix: "ringside_check_")
    let cli = try CLIHarness()
    XCTAssertEqual(cli.run("init", "--db", database.url).status, 0)
    XCTAssertEqual(cli.run("demo", "--db", database.url, "--devices", "50").status, 0)
    let importer = try PostgresConnection(url: database.url)
    try importer.execute("BEGIN; LOCK TABLE devices IN ACCESS EXCLUSIVE MODE")
    let locked = cli.run("check", "--db", database.url, "--timeout", "1")
    XCTAssertEqual(locked.status, 3, locked.out + locked.err)
    XCTAssertTrue(
      locked.out.hasPrefix("RINGSIDE UNKNOWN - the store postgresql://"), locked.out)
    XCTAssertTrue(locked.out.contains("stayed locked by another session"), locked.out)
    XCTAssertFalse(locked.out.contains(database.password ?? "\u{0}"), locked.out)
    try importer.execute("ROLLBACK")
    let free = cli.run("check", "--db", database.url, "--timeout", "1")
    XCTAssertTrue((0...2).contains(free.status), free.out + free.err)
    XCTAssertTrue(free.out.hasPrefix("RINGSIDE "), free.out)
  }

  /// Two admins' logins from one unix account are two admins: the second one's different
  /// value for a setting the first staged is a conflict, and the audit names each login.
  func testOnPostgreSQLTheDatabaseLoginOwnsStagedChangesAndSignsTheAudit() throws {
    let database = try TestPostgres(for: self, prefix: "ringside_login_")
    let cli = try CLIHarness()
    XCTAssertEqual(cli.run("init", "--db", database.url).status, 0)
    XCTAssertEqual(cli.run("demo", "--db", database.url, "--devices", "50").status, 0)
    let owner = try PostgresConnection(url: database.url)
    var urls: [String] = []
    for name in ["alice", "bob"] {
      let login = "\(name)_" + UUID().uuidString.lowercased().prefix(8)
      try owner.execute("CREATE ROLE \(login) LOGIN PASSWORD 'pw-\(name)' IN ROLE ringside_admin")
      addTeardownBlock { try? owner.execute("DROP ROLE IF EXISTS \(login)") }
      urls.append(
        TestPostgres.replacingLogin(in: database.url, user: login, password: "pw-\(name)"))
    }
    let alice = try XCTUnwrap(URLComponents(string: urls[0])?.user)
    let first = cli.run("stage", "policy", "test", "--rsr-install", "block", "--db", urls[0])
    XCTAssertEqual(first.status, 0, first.err)
    let second = cli.run("stage", "policy", "test", "--rsr-install", "allow", "--db", urls[1])
    XCTAssertEqual(second.status, 65, second.out + second.err)
    let audit = cli.run("audit", "--db", database.url, "--format", "json").out
    XCTAssertTrue(audit.contains("\"\(alice)\""), audit)
    XCTAssertTrue(audit.contains("unix \(AuditActor.unixUserName())"), audit)
  }

  /// A database another application uses is not made a store: init and every command say
  /// so, name its tables, and create nothing.
  func testADatabaseHoldingAnotherApplicationsTablesIsRefusedNamingThem() throws {
    let database = try TestPostgres(for: self, prefix: "ringside_foreign_")
    let cli = try CLIHarness()
    let owner = try PostgresConnection(url: database.url)
    try owner.execute("CREATE TABLE devices (id int); CREATE TABLE invoices (id int)")
    for command in [["report"], ["init"]] {
      let result = cli.run(command + ["--db", database.url])
      XCTAssertEqual(result.status, 66, result.err)
      XCTAssertTrue(
        result.err.contains("holds tables that are not a Ringside store (devices, invoices)"),
        result.err)
    }
    XCTAssertEqual(try owner.scalar("SELECT to_regclass('meta') IS NULL")?.int, 1)
  }

  func testADatabaseViewerGetsAViewersDashboardWhateverTheUnixUser() throws {
    let database = try TestPostgres(for: self, prefix: "ringside_role_")
    let cli = try CLIHarness()
    XCTAssertEqual(cli.run("init", "--db", database.url).status, 0)
    XCTAssertEqual(cli.run("demo", "--db", database.url, "--devices", "50").status, 0)
    let viewer = "viewer_" + UUID().uuidString.lowercased().prefix(8)
    let admin = try PostgresConnection(url: database.url)
    try admin.execute(
      "CREATE ROLE \(viewer) LOGIN PASSWORD 'seen-not-shown' IN ROLE ringside_viewer")
    addTeardownBlock { try? admin.execute("DROP ROLE IF EXISTS \(viewer)") }
    var parts = try XCTUnwrap(URLComponents(string: database.url))
    parts.user = viewer
    parts.password = "seen-not-shown"
    let viewerURL = try XCTUnwrap(parts.string)

    let asViewer = cli.run("--db", viewerURL, "--dump-screen", "--size", "100x30")
    XCTAssertEqual(asViewer.status, 0, asViewer.err)
    XCTAssertTrue(asViewer.out.contains("viewer"), asViewer.out)
    XCTAssertFalse(asViewer.out.contains("seen-not-shown"))
    let asAdmin = cli.run("--db", database.url, "--dump-screen", "--size", "100x30")
    XCTAssertTrue(asAdmin.out.contains("admin"), asAdmin.out)
    XCTAssertFalse(asAdmin.out.contains("viewer"), asAdmin.out)
    let refused = cli.run("stage", "policy", "test", "--defer", "7", "--db", viewerURL)
    XCTAssertEqual(refused.status, 77, refused.err)
    XCTAssertFalse(refused.err.contains("ERROR:  "), refused.err)
    // A viewer's init changes nothing and says so, rather than that it set the store up.
    let initAsViewer = cli.run("init", "--db", viewerURL)
    XCTAssertEqual(initAsViewer.status, 0, initAsViewer.err)
    XCTAssertTrue(initAsViewer.out.contains("may only read it, so nothing was changed"))
    XCTAssertFalse(initAsViewer.out.contains("is ready"), initAsViewer.out)
  }

}
