import Foundation
import RingsideDomain
import RingsideStore
import XCTest

@testable import RingsideStore

/// Someone who can write the store (an admin with the sqlite3 command) rewrites the audit log
/// and its in-store anchor; `audit --verify` still finds it, from the witness file of a user who
/// looked at the log before.
final class AuditTamperTests: XCTestCase {
  var cli: CLIHarness!

  /// Test case instances live until the run ends: drop the harness so it removes its folder.
  override func tearDown() { cli = nil }

  override func setUpWithError() throws {
    cli = try CLIHarness()
    XCTAssertEqual(cli.run("demo", "--db", cli.dbPath, "--devices", "20").status, 0)
    for setting in [["--defer", "7"], ["--rsr-install", "allow"], ["--rsr-removal", "block"]] {
      let staged = cli.run(["stage", "policy", "--db", cli.dbPath, "test"] + setting)
      XCTAssertEqual(staged.status, 0, staged.err)
    }
    // Someone looks at the log: their witness notes the newest entry.
    let seen = cli.run("audit", "--db", cli.dbPath, "--verify")
    XCTAssertEqual(seen.status, 0, seen.err)
  }

  /// Runs SQL against the store with the append-only triggers dropped, as sqlite3 could (or on
  /// PostgreSQL the database's owner, who may drop them).
  private func tamper(_ sql: String) throws {
    let store = try InventoryStore(path: cli.dbPath)
    let dropTriggers =
      store.database.dialect == .postgres
      ? "DROP TRIGGER audit_log_no_update ON audit_log; "
      : "DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete; "
    try store.database.execute(dropTriggers + sql)
  }

  /// Recomputes every chain link and the in-store head, as a careful forger would.
  private func rechain() throws {
    let store = try InventoryStore(path: cli.dbPath)
    let rows = try store.database.prepare(
      "SELECT id, at, user_name, role, origin, action, detail, before_hash, after_hash FROM audit_log ORDER BY id"
    ).query { row in
      (
        row.int(at: 0) ?? 0,
        AuditChain.Fields(
          at: row.int(at: 1) ?? 0, user: row.string(at: 2) ?? "", role: row.string(at: 3) ?? "",
          origin: row.string(at: 4) ?? "", action: row.string(at: 5) ?? "",
          detail: row.string(at: 6) ?? "", beforeHash: row.string(at: 7),
          afterHash: row.string(at: 8))
      )
    }
    var previous: String?
    for (id, fields) in rows {
      let link = AuditChain.link(previous: previous, fields)
      try store.database.prepare("UPDATE audit_log SET chain = ?1 WHERE id = ?2").run([
        .text(link), .integer(id),
      ])
      previous = link
    }
    try store.database.prepare("UPDATE meta SET value = ?1 WHERE key = 'audit_head'").run([
      .text(previous ?? "")
    ])
  }

  private func assertDetected(
    _ expected: String, file: StaticString = #filePath, line: UInt = #line
  ) {
    let result = cli.run("audit", "--db", cli.dbPath, "--verify")
    XCTAssertEqual(result.status, 65, result.out + result.err, file: file, line: line)
    XCTAssertTrue(result.err.contains(expected), result.err, file: file, line: line)
  }

  func testCuttingTheNewestEntriesAndTheHeadIsDetected() throws {
    try tamper("DELETE FROM audit_log WHERE id = (SELECT MAX(id) FROM audit_log)")
    XCTAssertGreaterThan(try InventoryStore(path: cli.dbPath).auditEntryCount(), 0)
    try rechain()
    assertDetected("is gone: the log was cut short")
  }

  func testEmptyingTheLogIsDetected() throws {
    try tamper("DELETE FROM audit_log; DELETE FROM meta WHERE key = 'audit_head'")
    assertDetected("is gone")
  }

  func testNullingTheChainAndForgingAnEntryIsDetected() throws {
    try tamper(
      "UPDATE audit_log SET chain = NULL, detail = 'nothing happened'; "
        + "DELETE FROM meta WHERE key = 'audit_head'")
    assertDetected("no longer has the chain link seen before")
  }

  func testRechainingAfterAnEditIsDetected() throws {
    try tamper("UPDATE audit_log SET user_name = 'mallory' WHERE id = 1")
    try rechain()
    assertDetected("no longer has the chain link seen before")
  }

  func testAnUntouchedLogStaysIntactAndNewEntriesAreWitnessedToo() throws {
    let staged = cli.run("stage", "policy", "--db", cli.dbPath, "test", "--defer", "9")
    XCTAssertEqual(staged.status, 0, staged.err)
    let result = cli.run("audit", "--db", cli.dbPath, "--verify")
    XCTAssertEqual(result.status, 0, result.err)
    XCTAssertTrue(result.out.contains("including every entry you saw before"), result.out)
  }
}
