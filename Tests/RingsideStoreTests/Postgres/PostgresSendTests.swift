import Foundation
import RingsideTestSupport
import XCTest

@testable import RingsideStore

/// Statements sent without waiting (`PostgresConnection.send`): what follows sees their
/// effect, their failure is thrown by the next call that talks to the server, and a
/// transaction that sent a failing one stores nothing (skipped without a server).
final class PostgresSendTests: XCTestCase {
  func testWhatFollowsASentStatementSeesItsRows() throws {
    let pg = try TestPostgres()
    let db = try PostgresConnection(url: pg.url)
    try db.execute("CREATE TABLE t (id BIGINT PRIMARY KEY)")
    try db.send("INSERT INTO t SELECT generate_series(1, 5000); DELETE FROM t WHERE id > 4000")
    XCTAssertEqual(try db.scalar("SELECT count(*) FROM t")?.int, 4000)
    try db.send("INSERT INTO t VALUES (5001)")
    try db.copyIn(into: "t", columns: ["id"], rows: rows([6001, 6002]))
    try db.send("INSERT INTO t VALUES (7001)")
    try db.execute("DELETE FROM t WHERE id <= 4000")
    XCTAssertEqual(
      try db.prepare("SELECT id FROM t ORDER BY id").query { $0.int(at: 0) ?? 0 },
      [5001, 6001, 6002, 7001])
  }

  func testASentStatementsFailureIsThrownByTheNextCallNamingIt() throws {
    let pg = try TestPostgres()
    let db = try PostgresConnection(url: pg.url)
    try db.execute("CREATE TABLE t (id BIGINT PRIMARY KEY)")
    try db.send("INSERT INTO t VALUES (1), (1)")
    XCTAssertThrowsError(try db.scalar("SELECT 1")) { error in
      XCTAssertEqual((error as? StoreError)?.kind, .constraint)
      XCTAssertTrue("\(error)".contains("INSERT INTO t VALUES (1), (1)"), "\(error)")
    }
    // Thrown once; the connection goes on.
    XCTAssertEqual(try db.scalar("SELECT count(*) FROM t")?.int, 0)
    // A call that cannot throw keeps the failure for the next one that can.
    try db.send("SELECT 1 / 0")
    _ = db.lastInsertRowID
    XCTAssertThrowsError(try db.execute("SELECT 1")) { error in
      XCTAssertTrue("\(error)".contains("division by zero"), "\(error)")
    }
    try db.execute("SELECT 1")
  }

  func testATransactionWhoseSentStatementFailedStoresNothing() throws {
    let pg = try TestPostgres()
    let db = try PostgresConnection(url: pg.url)
    try db.execute("CREATE TABLE t (id BIGINT PRIMARY KEY)")
    // The failure comes at the COMMIT, the first call after it.
    XCTAssertThrowsError(
      try db.transaction {
        try db.execute("INSERT INTO t VALUES (1)")
        try db.send("INSERT INTO t VALUES (2), (2)")
      }
    ) { error in
      XCTAssertEqual((error as? StoreError)?.kind, .constraint)
    }
    XCTAssertEqual(try db.scalar("SELECT count(*) FROM t")?.int, 0)
    // A failure the body throws meanwhile rolls the sent statement back too.
    struct Stop: Error {}
    XCTAssertThrowsError(
      try db.transaction {
        try db.send("INSERT INTO t VALUES (3)")
        throw Stop()
      })
    XCTAssertEqual(try db.scalar("SELECT count(*) FROM t")?.int, 0)
    try db.transaction { try db.send("INSERT INTO t VALUES (4)") }
    XCTAssertEqual(try db.scalar("SELECT count(*) FROM t")?.int, 1)
  }

  private func rows(_ ids: [Int64]) throws -> PostgresCopyRows {
    var rows = PostgresCopyRows(columns: 1)
    for id in ids { try rows.append([.integer(id)]) }
    return rows
  }
}
