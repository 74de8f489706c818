import Foundation
import RingsideDomain
import RingsideTestSupport
import XCTest

@testable import RingsideStore

/// `InventoryStore` on PostgreSQL: init, roles, the append-only audit log, schema versions
/// (skipped without a server).
final class PostgresStoreTests: XCTestCase {
  private let now = Date(timeIntervalSince1970: 1_795_000_000)
  private let alice = AuditActor(user: "alice", origin: "ssh 192.0.2.7:51234")

  func testInitCreatesTheSchemaTheDefaultRingsAndBothRoles() throws {
    let pg = try TestPostgres()
    let store = try InventoryStore(path: pg.url, create: true)
    XCTAssertEqual(try store.rings().map(\.name), Ring.defaultNames)
    let privileges = try PostgresConnection(url: pg.url).prepare(
      """
      SELECT r, has_table_privilege(r, 'devices', 'SELECT'), has_table_privilege(r, 'devices', 'INSERT'),
        has_table_privilege(r, 'audit_log', 'INSERT'), has_table_privilege(r, 'audit_log', 'UPDATE')
      FROM unnest(ARRAY['ringside_admin', 'ringside_viewer']) AS r ORDER BY r
      """
    ).query { row in (0..<5).map { row.string(at: $0) ?? "" } }
    XCTAssertEqual(
      privileges,
      [["ringside_admin", "1", "1", "1", "0"], ["ringside_viewer", "1", "0", "0", "0"]])
    XCTAssertFalse(store.path.contains(pg.password ?? "\u{0}"))
  }

  func testWithoutCreateAnEmptyDatabaseIsNotFoundAndSaysHowToInit() throws {
    let pg = try TestPostgres()
    XCTAssertThrowsError(try InventoryStore(path: pg.url)) { error in
      let storeError = error as? StoreError
      XCTAssertEqual(storeError?.kind, .notFound)
      XCTAssertTrue(storeError?.message.contains("ringside init --db") ?? false)
    }
  }

  func testAStoreFromANewerRingsideIsRefusedAndLeftAlone() throws {
    let pg = try TestPostgres()
    _ = try InventoryStore(path: pg.url, create: true)
    let raw = try PostgresConnection(url: pg.url)
    try raw.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    XCTAssertThrowsError(try InventoryStore(path: pg.url, create: true)) { error in
      XCTAssertEqual((error as? StoreError)?.kind, .newerSchema)
    }
    XCTAssertEqual(
      try raw.scalar("SELECT value FROM meta WHERE key = 'schema_version'")?.string, "99")
  }

  func testStagingIsAuditedWithTheDatabaseUserAndTheLogIsAppendOnly() throws {
    let pg = try TestPostgres()
    let store = try InventoryStore(path: pg.url, create: true)
    try store.stagePolicy(.rsrRemoval(.block), ring: "test", by: alice, at: now)
    let other = try InventoryStore(path: pg.url)
    XCTAssertEqual(try other.stagedChanges().map(\.author), ["alice"])
    XCTAssertEqual(try other.auditEntryCount(), 1)
    XCTAssertNil(try other.auditChainProblem().problem)
    let raw = try PostgresConnection(url: pg.url)
    let recorded = try raw.prepare("SELECT database_user, client_host FROM audit_log")
      .query { [$0.string(at: 0), $0.string(at: 1)] }
    XCTAssertEqual(recorded, [["ringside_ci", "127.0.0.1"]])
    for sql in [
      "UPDATE audit_log SET detail = 'edited'", "DELETE FROM audit_log", "TRUNCATE audit_log",
    ] {
      XCTAssertThrowsError(try raw.execute(sql), sql) { error in
        XCTAssertEqual((error as? StoreError)?.kind, .constraint)
      }
    }
    XCTAssertEqual(try other.auditEntryCount(), 1)
  }

  func testAViewerReadsButCannotWriteAndAnAdminCannotEditTheAudit() throws {
    let pg = try TestPostgres()
    let store = try InventoryStore(path: pg.url, create: true)
    try store.stagePolicy(.rsrRemoval(.block), ring: "test", by: alice, at: now)
    let suffix = String(pg.name.suffix(8))
    let viewer = "viewer_\(suffix)"
    let admin = "admin_\(suffix)"
    let raw = try PostgresConnection(url: pg.url)
    try raw.execute(
      """
      CREATE ROLE \(viewer) LOGIN PASSWORD 'pw-viewer' IN ROLE ringside_viewer;
      CREATE ROLE \(admin) LOGIN PASSWORD 'pw-admin' IN ROLE ringside_admin;
      """)
    defer { try? raw.execute("DROP OWNED BY \(viewer), \(admin); DROP ROLE \(viewer), \(admin)") }

    let asViewer = try InventoryStore(
      path: TestPostgres.replacingLogin(in: pg.url, user: viewer, password: "pw-viewer"))
    XCTAssertEqual(try asViewer.stagedChanges().count, 1)
    XCTAssertThrowsError(
      try asViewer.stagePolicy(.rsrInstallation(.allow), ring: "test", by: alice, at: now)
    ) { error in
      XCTAssertEqual((error as? StoreError)?.kind, .readOnly)
    }

    let asAdmin = try InventoryStore(
      path: TestPostgres.replacingLogin(in: pg.url, user: admin, password: "pw-admin"))
    try asAdmin.stagePolicy(.rsrInstallation(.allow), ring: "test", by: alice, at: now)
    XCTAssertEqual(try asAdmin.stagedChanges().count, 2)
    let adminRaw = try PostgresConnection(
      url: TestPostgres.replacingLogin(in: pg.url, user: admin, password: "pw-admin"))
    XCTAssertThrowsError(try adminRaw.execute("DELETE FROM audit_log")) { error in
      XCTAssertEqual((error as? StoreError)?.kind, .readOnly)
    }
    XCTAssertEqual(try store.auditEntryCount(), 2)
  }

  func testAnAdminCannotClaimAnotherDatabaseUserOrHostButTheOwnerKeepsWhatItCopies() throws {
    let pg = try TestPostgres()
    _ = try InventoryStore(path: pg.url, create: true)
    let admin = "admin_\(String(pg.name.suffix(8)))"
    let raw = try PostgresConnection(url: pg.url)
    // Schema 15 runs again as an upgrade would: it replaces its trigger, never doubles it.
    try raw.execute(PostgresSchema.auditIdentityByServer)
    XCTAssertEqual(
      try raw.scalar("SELECT COUNT(*) FROM pg_trigger WHERE tgname = 'audit_log_identity'")?.int,
      1)
    try raw.execute("CREATE ROLE \(admin) LOGIN PASSWORD 'pw-admin' IN ROLE ringside_admin")
    defer { try? raw.execute("DROP OWNED BY \(admin); DROP ROLE \(admin)") }
    let adminRaw = try PostgresConnection(
      url: TestPostgres.replacingLogin(in: pg.url, user: admin, password: "pw-admin"))
    let columns = [
      "at", "user_name", "role", "origin", "action", "detail", "database_user", "client_host",
    ]
    func forged(_ detail: String) -> [SQLiteValue] {
      [.integer(1), .text("mallory"), .text("admin"), .text("test"), .text("stage")]
        + [.text(detail), .text("bob"), .text("10.9.9.9")]
    }
    let insert =
      "INSERT INTO audit_log (\(columns.joined(separator: ", "))) VALUES "
      + "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
    func copy(_ row: [SQLiteValue], on connection: PostgresConnection) throws {
      let sink = try connection.beginCopy(into: "audit_log", columns: columns)
      try sink.append(row)
      _ = try sink.finish()
    }

    // A member of ringside_admin gets its own login and address, by INSERT or by COPY.
    try adminRaw.prepare(insert).run(forged("admin insert"))
    try copy(forged("admin copy"), on: adminRaw)
    // The owner (migrate copying another's rows) keeps what it gives.
    try raw.prepare(insert).run(forged("owner insert"))
    try copy(forged("owner copy"), on: raw)

    let recorded = try raw.prepare(
      "SELECT detail, database_user, client_host FROM audit_log ORDER BY id"
    ).query { row in (0..<3).map { row.string(at: $0) ?? "" } }
    XCTAssertEqual(
      recorded,
      [
        ["admin insert", admin, "127.0.0.1"], ["admin copy", admin, "127.0.0.1"],
        ["owner insert", "bob", "10.9.9.9"], ["owner copy", "bob", "10.9.9.9"],
      ])
  }

  func testAWordFilterCanReadTheTrigramIndexInsteadOfEveryDevice() throws {
    let pg = try TestPostgres()
    let store = try InventoryStore(path: pg.url, create: true)
    try store.writeDemo(DemoFleet(count: 200, now: now))
    let raw = try PostgresConnection(url: pg.url)
    try raw.execute("SET enable_seqscan = off")
    let plan = try raw.prepare(
      "EXPLAIN SELECT d.id FROM devices d WHERE (d.name LIKE ?1 ESCAPE '\\' OR d.model LIKE ?1 ESCAPE '\\')"
    ).query([.text("%ipad%")]) { $0.string(at: 0) ?? "" }.joined(separator: "\n")
    XCTAssertTrue(plan.contains("devices_by_words"), plan)
    // (That both backends select the same devices for a word: the test below.)
  }

  func testTheSameDemoFleetGivesTheSameSummaryOnBothBackends() throws {
    let pg = try TestPostgres()
    let temp = FileManager.default.temporaryDirectory.appendingPathComponent(
      "ringside-pg-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: temp) }
    let sqlite = try InventoryStore(path: temp.path + "/ringside.db", create: true)
    let postgres = try InventoryStore(path: pg.url, create: true)
    for store in [sqlite, postgres] {
      store.today = "2026-11-19"
      try store.writeDemo(DemoFleet(count: 300, now: now))
    }
    let a = try sqlite.summary(now: now)
    let b = try postgres.summary(now: now)
    XCTAssertEqual(b.devices, 300)
    XCTAssertEqual(a.devices, b.devices)
    XCTAssertEqual(a.byState, b.byState)
    XCTAssertEqual(a.byRemoval, b.byRemoval)
    XCTAssertEqual(a.stale, b.stale)
    // Every sort lists the same devices in the same order (names with accents included: both
    // fold only ASCII letters, then compare bytes).
    for column in DeviceSort.Column.allCases {
      for descending in [false, true] {
        let sort = DeviceSort(column, descending: descending)
        for text in ["", "ipad", "platform:macos"] {
          let filter = try DeviceFilter.parse(text)
          XCTAssertEqual(
            try postgres.devices(filter: filter, sort: sort, offset: 0, limit: 300, now: now)
              .map(\.device.key),
            try sqlite.devices(filter: filter, sort: sort, offset: 0, limit: 300, now: now)
              .map(\.device.key), "\(column) \(descending) \(text)")
        }
      }
    }
  }
}
