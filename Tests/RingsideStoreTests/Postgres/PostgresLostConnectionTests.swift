import Foundation
import RingsideTestSupport
import XCTest

@testable import RingsideStore

/// A connection the server drops mid-session: every statement after it says so, and a write
/// it interrupted is reported by what the server holds (skipped without a server).
final class PostgresLostConnectionTests: XCTestCase {
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
    try pg.terminateSessions(pid: pid)
    XCTAssertThrowsError(try db.scalar("SELECT count(*) FROM t")) { error in
      let storeError = error as? StoreError
      XCTAssertEqual(storeError?.kind, .unavailable)
      XCTAssertEqual(storeError?.lostConnection, true)
      XCTAssertNil(storeError?.writeOutcome, "a query is not a write")
      XCTAssertTrue(
        storeError?.message.hasPrefix("lost the connection to the PostgreSQL server at ") ?? false,
        storeError?.message ?? "")
      XCTAssertFalse(storeError?.message.contains("\n") ?? true)
      if let password = pg.password {
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
        try pg.terminateSessions(pid: pid)
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
    db.afterSendingCommit = { pg.loseCommitAnswer(socket: db.socket, pid: pid) }
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
    db.afterSendingCommit = { pg.loseCommitAnswer(socket: db.socket, pid: pid) }
    XCTAssertThrowsError(try db.transaction { _ = try db.scalar("SELECT count(*) FROM t") }) {
      error in
      XCTAssertEqual((error as? StoreError)?.writeOutcome, .notSaved)
    }
  }

  func testACommitSentToASessionTheServerEndedIsReportedNotSaved() throws {
    let pg = try TestPostgres()
    let (db, pid) = try table(pg)
    db.beforeSendingCommit = { try? pg.terminateSessions(pid: pid) }
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
