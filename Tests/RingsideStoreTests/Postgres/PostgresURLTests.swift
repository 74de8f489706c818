import XCTest

@testable import RingsideStore

final class PostgresURLTests: XCTestCase {
  func testBothSchemesInAnyCaseSelectPostgresAndAPathSelectsSQLite() {
    XCTAssertEqual(StoreLocation("postgresql://h/db"), .postgres(url: "postgresql://h/db"))
    XCTAssertEqual(StoreLocation("postgres://h/db"), .postgres(url: "postgres://h/db"))
    XCTAssertEqual(StoreLocation("PostgreSQL://h/db"), .postgres(url: "PostgreSQL://h/db"))
    XCTAssertEqual(
      StoreLocation("/var/lib/ringside/postgres.db"), .sqlite(path: "/var/lib/ringside/postgres.db")
    )
    XCTAssertEqual(StoreLocation("postgres.db"), .sqlite(path: "postgres.db"))
  }

  func testRedactionDropsThePasswordFromUserinfoAndQuery() {
    XCTAssertEqual(
      PostgresURL.redacted("postgresql://admin:s3cr%40t@db.example:5433/ringside?sslmode=require"),
      "postgresql://admin@db.example:5433/ringside?sslmode=require")
    XCTAssertEqual(
      PostgresURL.redacted("postgres://db.example/ringside?password=hunter2&sslmode=verify-full"),
      "postgres://db.example/ringside?sslmode=verify-full")
    XCTAssertEqual(PostgresURL.redacted("postgresql://a:b@h"), "postgresql://a@h")
    XCTAssertEqual(PostgresURL.redacted("postgresql:///ringside"), "postgresql:///ringside")
    XCTAssertEqual(
      PostgresURL.redacted("host=db user=admin password=hunter2 dbname=ringside"),
      "host=db user=admin dbname=ringside")
  }

  func testDisplayNameOfAPostgresLocationHasNoPassword() {
    XCTAssertEqual(StoreLocation("postgres://u:pw@h/db").displayName, "postgres://u@h/db")
    XCTAssertEqual(StoreLocation("/tmp/x.db").displayName, "/tmp/x.db")
  }

  func testParametersBecomeDollarNumbersOutsideQuotesAndComments() {
    XCTAssertEqual(
      PostgresPlaceholders.translate("SELECT a FROM t WHERE b = ?1 AND c IN (?2, ?12)"),
      "SELECT a FROM t WHERE b = $1 AND c IN ($2, $12)")
    XCTAssertEqual(
      PostgresPlaceholders.translate("SELECT '?1', \"q?2\" -- ?3\n, ?4 /* ?5 */"),
      "SELECT '?1', \"q?2\" -- ?3\n, $4 /* ?5 */")
    XCTAssertEqual(
      PostgresPlaceholders.translate("VALUES (?, ?, ?5, ?)"), "VALUES ($1, $2, $5, $6)")
    XCTAssertEqual(PostgresPlaceholders.translate("SELECT 'it''s ?1', ?1"), "SELECT 'it''s ?1', $1")
  }

  func testReleaseNumbersReadAsPeopleWriteThem() {
    XCTAssertEqual(PostgresError.release(150004), "15.4")
    XCTAssertEqual(PostgresError.release(130000), "13.0")
    XCTAssertEqual(PostgresError.release(90624), "9.6")
  }
}
