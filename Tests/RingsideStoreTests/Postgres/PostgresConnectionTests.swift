import Foundation
import RingsideTestSupport
import XCTest

@testable import RingsideStore

/// The libpq connection against a real server (skipped without one).
final class PostgresConnectionTests: XCTestCase {
  func testParametersRoundTripWithTheirTypes() throws {
    let pg = try TestPostgres()
    let db = try PostgresConnection(url: pg.url)
    try db.execute("CREATE TABLE t (id BIGINT PRIMARY KEY, name TEXT, score DOUBLE PRECISION)")
    let insert = try db.prepare("INSERT INTO t(id, name, score) VALUES (?1, ?2, ?3)")
    try insert.run([.integer(1), .text("Ada's iPhone 'x' ?1 é"), .real(2.5)])
    try insert.run([.integer(2), .null, .null])
    let rows = try db.prepare("SELECT id, name, score FROM t WHERE id >= ?1 ORDER BY id")
      .query([.integer(1)]) { [$0.value(at: 0), $0.value(at: 1), $0.value(at: 2)] }
    XCTAssertEqual(
      rows,
      [[.integer(1), .text("Ada's iPhone 'x' ?1 é"), .real(2.5)], [.integer(2), .null, .null]])
    XCTAssertEqual(try db.scalar("SELECT count(*) FROM t WHERE name IS NULL")?.int, 1)
    XCTAssertNil(try db.scalar("SELECT id FROM t WHERE id = ?1", [.integer(99)]))
  }

  func testAFailedTransactionLeavesNothingBehind() throws {
    let pg = try TestPostgres()
    let db = try PostgresConnection(url: pg.url)
    try db.execute("CREATE TABLE t (id BIGINT PRIMARY KEY)")
    XCTAssertThrowsError(
      try db.transaction {
        try db.prepare("INSERT INTO t VALUES (?1)").run([.integer(1)])
        try db.prepare("INSERT INTO t VALUES (?1)").run([.integer(1)])
      }
    ) { error in
      XCTAssertEqual((error as? StoreError)?.kind, .constraint)
    }
    XCTAssertEqual(try db.scalar("SELECT count(*) FROM t")?.int, 0)
    try db.transaction { try db.prepare("INSERT INTO t VALUES (?1)").run([.integer(2)]) }
    XCTAssertEqual(try db.scalar("SELECT count(*) FROM t")?.int, 1)
  }

  func testASecondWriterWaitsOnlyAsLongAsTheBusyTimeout() throws {
    let pg = try TestPostgres()
    let first = try PostgresConnection(url: pg.url)
    let second = try PostgresConnection(url: pg.url, busyTimeoutMS: 200)
    let started = Date()
    try first.transaction {
      XCTAssertThrowsError(try second.transaction {}) { error in
        XCTAssertEqual((error as? StoreError)?.kind, .busy)
      }
    }
    XCTAssertLessThan(Date().timeIntervalSince(started), 3)
    // Once the first writer is done, the second may write.
    try second.transaction {}
  }

  func testALostConnectionIsUnavailableAndAWriteInFlightIsNotStored() throws {
    let pg = try TestPostgres()
    let db = try PostgresConnection(url: pg.url)
    try db.execute("CREATE TABLE t (id BIGINT PRIMARY KEY)")
    let pid = try XCTUnwrap(db.scalar("SELECT pg_backend_pid()")?.int)
    let admin = try PostgresConnection(url: pg.url)
    XCTAssertThrowsError(
      try db.transaction {
        try db.prepare("INSERT INTO t VALUES (?1)").run([.integer(1)])
        _ = try admin.scalar("SELECT pg_terminate_backend(?1)", [.integer(pid)])
        try db.prepare("INSERT INTO t VALUES (?1)").run([.integer(2)])
      }
    ) { error in
      let storeError = error as? StoreError
      XCTAssertEqual(storeError?.kind, .unavailable, storeError?.message ?? "")
      XCTAssertTrue(storeError?.message.contains("lost the connection") ?? false)
      XCTAssertFalse(storeError?.message.contains(pg.password ?? "\u{0}") ?? true)
    }
    XCTAssertEqual(try admin.scalar("SELECT count(*) FROM t")?.int, 0)
  }

  func testAnUnreachableServerIsUnavailableAndTheMessageHasNoPassword() throws {
    let port = try TestPostgres.closedPort()
    let url = "postgresql://admin:topsecret@127.0.0.1:\(port)/ringside"
    XCTAssertThrowsError(try PostgresConnection(url: url, connectTimeoutSeconds: 2)) { error in
      let storeError = error as? StoreError
      XCTAssertEqual(storeError?.kind, .unavailable)
      XCTAssertTrue(
        storeError?.message.contains("postgresql://admin@127.0.0.1:\(port)/ringside") ?? false,
        storeError?.message ?? "")
      XCTAssertFalse(storeError?.message.contains("topsecret") ?? true)
    }
  }

  func testAWrongPasswordIsAnAuthenticationError() throws {
    let pg = try TestPostgres()
    let url = TestPostgres.replacingLogin(in: pg.url, user: "ringside_ci", password: "not-it")
    XCTAssertThrowsError(try PostgresConnection(url: url)) { error in
      let storeError = error as? StoreError
      XCTAssertEqual(storeError?.kind, .authentication)
      XCTAssertTrue(storeError?.message.contains("refused the password") ?? false)
      XCTAssertFalse(storeError?.message.contains("not-it") ?? true)
    }
  }

  func testAMissingRoleIsAnAuthenticationError() throws {
    let pg = try TestPostgres()
    let db = try PostgresConnection(url: pg.url)
    // Under password authentication the server answers a missing role as a failed password,
    // so nobody can probe for role names; either way it is an authentication error.
    try db.execute("CREATE ROLE ringside_gone LOGIN PASSWORD 'pw1'; DROP ROLE ringside_gone")
    let url = TestPostgres.replacingLogin(in: pg.url, user: "ringside_gone", password: "pw1")
    XCTAssertThrowsError(try PostgresConnection(url: url)) { error in
      XCTAssertEqual((error as? StoreError)?.kind, .authentication)
    }
  }

  func testAServerOlderThanTheMinimumIsRefusedWithBothVersions() throws {
    let pg = try TestPostgres()
    let version = try PostgresConnection(url: pg.url).serverVersion
    XCTAssertThrowsError(try PostgresConnection(url: pg.url, minimumServerVersion: version + 1)) {
      error in
      let storeError = error as? StoreError
      XCTAssertEqual(storeError?.kind, .unavailable)
      XCTAssertTrue(storeError?.message.contains(PostgresError.release(version)) ?? false)
    }
  }

  func testAMissingDatabaseIsNotFound() throws {
    let pg = try TestPostgres()
    let url = TestPostgres.replacingDatabase(in: pg.url, with: pg.name + "_absent")
    XCTAssertThrowsError(try PostgresConnection(url: url)) { error in
      XCTAssertEqual((error as? StoreError)?.kind, .notFound)
    }
  }

}
