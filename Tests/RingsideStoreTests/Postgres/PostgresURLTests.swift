import RingsideTestSupport
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

  func testAConninfoStringOrAMistypedURLIsNeverTakenForASQLitePath() {
    for text in [
      "host=db password=x dbname=r", "user=bob dbname=r", "service=ringside",
      "dbname = r", "postgresql:/127.0.0.1/t2", "postgres:t2", "POSTGRES:t2",
      "PostgreSQL:/bob:pw@h/db", "postgresql:", "postgres:",
    ] {
      XCTAssertNotEqual(StoreLocation(text), .sqlite(path: text), text)
    }
    for path in ["./postgres:t2", "/tmp/a=b.db", "./host=db", "postgres.db", "postgresql.db"] {
      XCTAssertEqual(StoreLocation(path), .sqlite(path: path), path)
    }
  }

  func testRedactionHidesEveryPieceOfAMalformedPassword() {
    XCTAssertEqual(
      PostgresURL.redacted("postgresql://bob:SECRET@PW@127.0.0.1:1/t2"),
      "postgresql://bob@127.0.0.1:1/t2")
    XCTAssertEqual(
      PostgresURL.redacted("postgresql://bob:SECRET%PW@127.0.0.1:1/t2"),
      "postgresql://bob@127.0.0.1:1/t2")
    for text in [
      "postgresql://bob:SE/CRET@h/db", "postgresql://bob:SE?CRET@h/db",
      "postgresql:/bob:SECRET@h/db", "PostgreSQL:bob:SECRET@h/db", "postgresql://bob:SECRET/db",
      "postgresql://h/db?%70assword=SECRET", "host=db password='SE CRET' dbname=r",
      "host=db password = SECRET dbname=r",
    ] {
      let shown = PostgresURL.redacted(text)
      XCTAssertFalse(shown.contains("SE"), "\(text) -> \(shown)")
      XCTAssertFalse(shown.contains("CRET"), "\(text) -> \(shown)")
    }
  }

  func testAMalformedURLIsRefusedBeforeLibpqSeesIt() throws {
    let port = try TestPostgres.closedPort()
    for url in [
      "postgresql://bob:SECRET%PW@127.0.0.1:\(port)/t2",
      "postgresql://bob:SECRET@PW@127.0.0.1:\(port)/t2",
      "postgresql://bob@127.0.0.1:abc/t2",
      "host=127.0.0.1 port=\(port) password=SECRET",
      "postgresql:/bob:SECRET@127.0.0.1:\(port)/t2",
    ] {
      XCTAssertThrowsError(try PostgresConnection(url: url, connectTimeoutSeconds: 2)) { error in
        let storeError = error as? StoreError
        XCTAssertNotEqual(storeError?.kind, .unavailable, storeError?.message ?? "")
        XCTAssertFalse(storeError?.message.contains("SECRET") ?? true, storeError?.message ?? "")
        XCTAssertFalse(storeError?.message.contains("PW") ?? true, storeError?.message ?? "")
      }
    }
  }

  func testLibpqsOwnMessagesLoseThePasswordInEveryForm() {
    let secrets = PostgresSecrets(of: "postgresql://bob:SECRET@PW%2Fx@127.0.0.1:1/t2")
    for said in [
      "invalid percent-encoded token: \"SECRET@PW%2Fx\"",
      "could not translate host name \"PW%2Fx@127.0.0.1\" to address",
      "host name \"PW/x@127.0.0.1\"", "password SECRET@PW/x was refused",
    ] {
      let scrubbed = secrets.scrubbed(said)
      XCTAssertFalse(scrubbed.contains("SECRET"), scrubbed)
      XCTAssertFalse(scrubbed.contains("PW"), scrubbed)
    }
    let socket = "connection to server on socket \"/var/run/postgresql/.s.PGSQL.5432\" failed"
    XCTAssertEqual(secrets.scrubbed(socket), socket)
    XCTAssertEqual(
      PostgresSecrets(of: "dbname=r password = 'a b c' host=h").scrubbed("token \"a b c\""),
      "token \"***\"")
    XCTAssertEqual(
      PostgresSecrets(of: "postgresql://h/db?password=hunter%32").scrubbed("hunter2 hunter%32"),
      "*** ***")
  }

  func testLibpqRefusingAnOptionIsAUsageError() {
    XCTAssertEqual(
      PostgresError.connection(
        "invalid integer value \"x\" for connection option \"port\"", store: "u"
      )
      .kind, .malformedLocation)
    XCTAssertEqual(
      PostgresError.connection("could not connect: Connection refused", store: "u").kind,
      .unavailable)
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

final class PostgresDialectTests: XCTestCase {
  func testNullSafeComparisonsWithParametersBecomeDistinctFrom() {
    XCTAssertEqual(
      PostgresDialect.translate("WHERE a IS ?1 AND b IS NOT ?2 AND c IS NULL AND d IS NOT NULL"),
      "WHERE a IS NOT DISTINCT FROM $1 AND b IS DISTINCT FROM  $2 AND c IS NULL AND d IS NOT NULL")
    XCTAssertEqual(
      PostgresDialect.translate("CASE WHEN f.sha256 IS excluded.sha256 THEN 1 END"),
      "CASE WHEN f.sha256 IS NOT DISTINCT FROM excluded.sha256 THEN 1 END")
  }

  func testJSONArrayElementsAreReadAsJSONEachGivesThem() {
    XCTAssertEqual(
      PostgresDialect.translate("d.serial IN (SELECT value FROM json_each(?1))"),
      "d.serial IN (SELECT value FROM jsonb_array_elements_text(CAST($1 AS jsonb)))")
  }

  func testLikeIsCaseBlindAndQuotedTextIsLeftAlone() {
    XCTAssertEqual(
      PostgresDialect.translate("d.name LIKE ?1 ESCAPE '\\' OR x = 'LIKE ?2'"),
      "d.name ILIKE $1 ESCAPE '\\' OR x = 'LIKE ?2'")
  }

  func testIntegerCastsReadALeadingNumberAsSQLiteDoes() {
    XCTAssertEqual(
      PostgresDialect.translate("COALESCE(CAST(os_base AS INTEGER), 0) >= 27"),
      "COALESCE(ringside_int((os_base )::text), 0) >= 27")
    XCTAssertEqual(PostgresDialect.translate("CAST(x AS TEXT)"), "CAST(x AS TEXT)")
  }

  func testGroupConcatBecomesStringAgg() {
    XCTAssertEqual(
      PostgresDialect.translate("SELECT group_concat(DISTINCT s.author) FROM s"),
      "SELECT string_agg(DISTINCT s.author, ',') FROM s")
  }
}

final class PostgresConstantConditionTests: XCTestCase {
  func testABareOneOrZeroAsAConditionBecomesABoolean() {
    XCTAssertEqual(
      PostgresDialect.translate("SELECT 1 FROM t WHERE 1 ORDER BY a LIMIT 1"),
      "SELECT 1 FROM t WHERE TRUE ORDER BY a NULLS FIRST LIMIT 1")
    XCTAssertEqual(
      PostgresDialect.translate("WHERE (0) OR (a = 1 AND (1))"),
      "WHERE (FALSE) OR (a = 1 AND (TRUE))")
    XCTAssertEqual(PostgresDialect.translate("VALUES (1, 0)"), "VALUES (1, 0)")
  }
}

final class PostgresDialectClauseTests: XCTestCase {
  func testAConditionsNumericDefaultBecomesABoolean() {
    XCTAssertEqual(
      PostgresDialect.translate("NOT COALESCE((a LIKE ?1), 0)"),
      "NOT COALESCE((a ILIKE $1), FALSE)")
    XCTAssertEqual(PostgresDialect.translate("COALESCE(x, 0)"), "COALESCE(x, 0)")
  }

  func testAnUnnamedSubqueryGetsANameAndANamedOneKeepsItsOwn() {
    XCTAssertEqual(
      PostgresDialect.translate("SELECT n FROM (SELECT 1 AS n) WHERE n > 0"),
      "SELECT n FROM (SELECT 1 AS n) AS ringside_sub4 WHERE n > 0")
    XCTAssertEqual(
      PostgresDialect.translate("SELECT n FROM (SELECT 1 AS n) s"),
      "SELECT n FROM (SELECT 1 AS n) s")
  }

  func testSQLitesIndexHintPlusGoesAndAdditionStays() {
    XCTAssertEqual(
      PostgresDialect.translate("WHERE (+d.state = ?1 OR +d.state = ?2) AND a + b > 1"),
      "WHERE (d.state = $1 OR d.state = $2) AND a + b > 1")
  }

  func testNoCaseFoldsASCIIThenComparesBytesOnBothSides() {
    XCTAssertEqual(
      PostgresDialect.translate(
        "WHERE d.name = ?1 COLLATE NOCASE ORDER BY d.name COLLATE NOCASE, d.id"),
      "WHERE ringside_nocase(d.name) = ringside_nocase($1) COLLATE \"C\" "
        + "ORDER BY ringside_nocase(d.name) COLLATE \"C\" NULLS FIRST, d.id NULLS FIRST")
    XCTAssertEqual(
      PostgresDialect.translate("WHERE name > ?1 COLLATE NOCASE"),
      "WHERE ringside_nocase(name) > ringside_nocase($1) COLLATE \"C\"")
  }

  func testNullsSortWhereSQLiteSortsThem() {
    XCTAssertEqual(
      PostgresDialect.translate("SELECT a FROM t ORDER BY a DESC, f(b, c), d.e ASC LIMIT 3"),
      "SELECT a FROM t ORDER BY a DESC NULLS LAST, f(b, c) NULLS FIRST, d.e ASC NULLS FIRST LIMIT 3"
    )
    XCTAssertEqual(
      PostgresDialect.translate("SELECT (SELECT x FROM u ORDER BY x) FROM t"),
      "SELECT (SELECT x FROM u ORDER BY x NULLS FIRST) FROM t")
  }

  func testAnOrderByTheRowIdAloneIsLeftAsThePrimaryKeyGivesIt() {
    XCTAssertEqual(
      PostgresDialect.translate("SELECT a FROM t WHERE id > ?1 ORDER BY id LIMIT ?2"),
      "SELECT a FROM t WHERE id > $1 ORDER BY id LIMIT NULLIF(GREATEST(CAST($2 AS BIGINT), -1), -1)"
    )
    XCTAssertEqual(
      PostgresDialect.translate("SELECT a FROM audit_log a ORDER BY a.id DESC LIMIT 1"),
      "SELECT a FROM audit_log a ORDER BY a.id DESC LIMIT 1")
    // Beside other terms, or another column ending in id, it still sorts NULLs as SQLite.
    XCTAssertEqual(
      PostgresDialect.translate("ORDER BY ring_id, id"),
      "ORDER BY ring_id NULLS FIRST, id NULLS FIRST")
    XCTAssertEqual(PostgresDialect.translate("ORDER BY ring_id"), "ORDER BY ring_id NULLS FIRST")
  }

  func testANegativeLimitMeansNone() {
    XCTAssertEqual(PostgresDialect.translate("LIMIT -1"), "LIMIT ALL")
    XCTAssertEqual(
      PostgresDialect.translate("LIMIT ?2"), "LIMIT NULLIF(GREATEST(CAST($2 AS BIGINT), -1), -1)")
  }
}
