import Foundation
import XCTest

@testable import RingsideStore

/// A connection the server drops mid-session: every statement after it says so, and a write
/// it interrupted is reported by what the server holds (skipped without a server).
final class PostgresLostConnectionTests: XCTestCase {
  /// Ends the session `pid` from another connection and waits until it is gone.
  static func terminate(_ pid: Int64, url: String) throws {
    let admin = try PostgresConnection(url: url)
    _ = try admin.scalar("SELECT pg_terminate_backend(?1)", [.integer(pid)])
    let deadline = Date().addingTimeInterval(10)
    while try admin.scalar("SELECT count(*) FROM pg_stat_activity WHERE pid = ?1", [.integer(pid)])?
      .int != 0, Date() < deadline
    {
      Thread.sleep(forTimeInterval: 0.02)
    }
  }

  /// Loses the answer to the COMMIT `connection` just sent: waits until the server has
  /// finished it (the session `pid` is idle again), then puts a socket that reads only
  /// end-of-file in place of the connection's, so the answer already on its way is never read.
  static func loseCommitAnswer(_ connection: PostgresConnection, pid: Int64, url: String) {
    if let admin = try? PostgresConnection(url: url) {
      let deadline = Date().addingTimeInterval(10)
      while (try? admin.scalar("SELECT state FROM pg_stat_activity WHERE pid = \(pid)")?.string)
        != "idle", Date() < deadline
      {
        Thread.sleep(forTimeInterval: 0.005)
      }
    }
    var pair: [Int32] = [0, 0]
    guard socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0, &pair) == 0 else { return }
    close(pair[1])
    dup2(pair[0], connection.socket)
    close(pair[0])
  }

  private func table(_ pg: TestPostgres) throws -> (PostgresConnection, Int64) {
    let db = try PostgresConnection(url: pg.url)
    try db.execute("CREATE TABLE t (id BIGINT PRIMARY KEY)")
    return (db, try XCTUnwrap(db.scalar("SELECT pg_backend_pid()")?.int))
  }

  private func rows(_ pg: TestPostgres) throws -> Int64? {
    try PostgresConnection(url: pg.url).scalar("SELECT count(*) FROM t")?.int
  }

  func testAQueryAfterTheServerEndedTheSessionIsALostConnectionWithoutThePassword() throws {
    let pg = try TestPostgres()
    let (db, pid) = try table(pg)
    try Self.terminate(pid, url: pg.url)
    XCTAssertThrowsError(try db.scalar("SELECT count(*) FROM t")) { error in
      let storeError = error as? StoreError
      XCTAssertEqual(storeError?.kind, .unavailable)
      XCTAssertEqual(storeError?.lostConnection, true)
      XCTAssertNil(storeError?.writeOutcome, "a query is not a write")
      XCTAssertTrue(
        storeError?.message.hasPrefix("lost the connection to the PostgreSQL server at ") ?? false,
        storeError?.message ?? "")
      XCTAssertFalse(storeError?.message.contains("\n") ?? true)
      if let password = pg.serverPassword {
        XCTAssertFalse(storeError?.message.contains(password) ?? true)
      }
    }
  }

  func testAWriteWhoseConnectionDropsBeforeCommitIsReportedNotSaved() throws {
    let pg = try TestPostgres()
    let (db, pid) = try table(pg)
    XCTAssertThrowsError(
      try db.transaction {
        try db.prepare("INSERT INTO t VALUES (?1)").run([.integer(1)])
        try Self.terminate(pid, url: pg.url)
        try db.prepare("INSERT INTO t VALUES (?1)").run([.integer(2)])
      }
    ) { error in
      let storeError = error as? StoreError
      XCTAssertEqual(storeError?.writeOutcome, .notSaved)
      XCTAssertTrue(storeError?.message.hasSuffix("; nothing was saved") ?? false)
    }
    XCTAssertEqual(try rows(pg), 0)
  }

  func testACommitWhoseAnswerIsLostIsReportedSavedWhenTheServerCommittedIt() throws {
    let pg = try TestPostgres()
    let (db, pid) = try table(pg)
    // COMMIT reaches the server and is done there; its answer is never read.
    db.afterSendingCommit = { Self.loseCommitAnswer(db, pid: pid, url: pg.url) }
    XCTAssertThrowsError(
      try db.transaction { try db.prepare("INSERT INTO t VALUES (?1)").run([.integer(1)]) }
    ) { error in
      let storeError = error as? StoreError
      XCTAssertEqual(storeError?.lostConnection, true)
      XCTAssertEqual(storeError?.writeOutcome, .saved, storeError?.message ?? "")
      XCTAssertTrue(storeError?.message.contains("the change was saved") ?? false)
    }
    XCTAssertEqual(try rows(pg), 1)
  }

  func testATransactionThatWroteNothingIsReportedNotSavedWithoutAskingTheServer() throws {
    let pg = try TestPostgres()
    let (db, pid) = try table(pg)
    db.afterSendingCommit = { Self.loseCommitAnswer(db, pid: pid, url: pg.url) }
    XCTAssertThrowsError(try db.transaction { _ = try db.scalar("SELECT count(*) FROM t") }) {
      error in
      XCTAssertEqual((error as? StoreError)?.writeOutcome, .notSaved)
    }
  }

  func testACommitSentToASessionTheServerEndedIsReportedNotSaved() throws {
    let pg = try TestPostgres()
    let (db, pid) = try table(pg)
    db.beforeSendingCommit = { try? Self.terminate(pid, url: pg.url) }
    XCTAssertThrowsError(
      try db.transaction { try db.prepare("INSERT INTO t VALUES (?1)").run([.integer(1)]) }
    ) { error in
      let storeError = error as? StoreError
      XCTAssertEqual(storeError?.writeOutcome, .notSaved, storeError?.message ?? "")
      XCTAssertTrue(storeError?.message.hasSuffix("; nothing was saved") ?? false)
    }
    XCTAssertEqual(try rows(pg), 0)
  }

  func testTheOutcomeOfAnOldTransactionIsReadFromTheServer() throws {
    let pg = try TestPostgres()
    let (db, _) = try table(pg)
    try db.execute("BEGIN; INSERT INTO t VALUES (1)")
    let committed = try XCTUnwrap(db.scalar("SELECT pg_current_xact_id()::text::bigint")?.int)
    try db.execute("COMMIT; BEGIN; INSERT INTO t VALUES (2)")
    let aborted = try XCTUnwrap(db.scalar("SELECT pg_current_xact_id()::text::bigint")?.int)
    try db.execute("ROLLBACK")
    let other = try PostgresConnection(url: pg.url)
    XCTAssertEqual(try other.transactionOutcome(committed), .saved)
    XCTAssertEqual(try other.transactionOutcome(aborted), .notSaved)
  }
}
