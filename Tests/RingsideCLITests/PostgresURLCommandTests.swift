import Foundation
import RingsideTestSupport
import XCTest

/// `--db` text meant for PostgreSQL that Ringside cannot use as it stands: refused with a
/// usage error (64) that never shows the password, and never taken for a SQLite file name.
/// No server is needed: nothing here gets as far as connecting.
final class PostgresURLCommandTests: XCTestCase {
  /// Runs `body` in an empty folder of its own as the working directory, where a relative
  /// `--db` would create its SQLite file; returns what the folder holds afterwards.
  private func inEmptyFolder(_ body: () -> Void) throws -> [String] {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "ringside-url-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let previous = FileManager.default.currentDirectoryPath
    FileManager.default.changeCurrentDirectoryPath(folder.path)
    defer { FileManager.default.changeCurrentDirectoryPath(previous) }
    body()
    return try FileManager.default.contentsOfDirectory(atPath: folder.path)
  }

  func testAConninfoStringOrAMistypedURLExits64AndCreatesNoSQLiteFile() throws {
    let cli = try CLIHarness()
    let refused = [
      "host=127.0.0.1 port=1 user=alice password=apw dbname=t2",
      "dbname=t2 password = 'apw and more'",
      "service=ringside",
      "postgresql:/127.0.0.1/t2",
      "postgres:t2",
      "PostgreSQL:/alice:apw@127.0.0.1/t2",
      "postgresql:alice:apw@127.0.0.1/t2",
    ]
    let left = try inEmptyFolder {
      for text in refused {
        for result in [
          cli.run("init", "--db", text), cli.run("report", "--db", text),
          cli.run(["devices"], environment: ["RINGSIDE_DB": text]),
          cli.run("migrate", "--from", cli.sqlitePath, "--to", text),
        ] {
          XCTAssertEqual(result.status, 64, "\(text): \(result.err)")
          XCTAssertFalse(result.err.contains("apw"), result.err)
          XCTAssertTrue(result.err.lowercased().contains("postgresql"), result.err)
        }
      }
    }
    XCTAssertEqual(left, [])
  }

  func testAnUpperCaseSchemeIsPostgresAndReachesTheServerItNames() throws {
    let cli = try CLIHarness()
    let port = try TestPostgres.closedPort()
    let result = cli.run("report", "--db", "PostgreSQL://admin:topsecret@127.0.0.1:\(port)/rs")
    XCTAssertEqual(result.status, 69, result.err)
    XCTAssertTrue(result.err.contains("127.0.0.1"), result.err)
    XCTAssertFalse(result.err.contains("socket"), result.err)
    XCTAssertFalse(result.err.contains("topsecret"), result.err)
  }

  func testAPasswordWithABarePercentOrAtExits64AndIsNeverShown() throws {
    let cli = try CLIHarness()
    let port = try TestPostgres.closedPort()
    for (url, advice) in [
      ("postgresql://bob:SECRET%PW@127.0.0.1:\(port)/t2", "%25"),
      ("postgresql://bob:SECRET%zz@127.0.0.1:\(port)/t2", "%25"),
      ("postgresql://bob:SECRET@PW@127.0.0.1:\(port)/t2", "%40"),
      ("postgresql://bob:SECRET/PW@127.0.0.1:\(port)/t2", "%2F"),
      ("postgresql://bob:SECRET?PW@127.0.0.1:\(port)/t2", "%3F"),
    ] {
      let result = cli.run("report", "--db", url)
      XCTAssertEqual(result.status, 64, "\(url): \(result.err)")
      XCTAssertTrue(result.err.contains(advice), result.err)
      XCTAssertFalse(result.err.contains("SECRET"), result.err)
      XCTAssertFalse(result.err.contains("PW"), result.err)
    }
    let shown = cli.run("report", "--db", "postgresql://bob:SECRET%PW@127.0.0.1:\(port)/t2")
    XCTAssertTrue(shown.err.contains("postgresql://bob@127.0.0.1:\(port)/t2"), shown.err)
  }

  func testAPortThatIsNotANumberIsAUsageError() throws {
    let cli = try CLIHarness()
    for url in [
      "postgresql://u@127.0.0.1:abc/db", "postgresql://u@127.0.0.1:99999/db",
      "postgresql://u@127.0.0.1/db?port=abc",
    ] {
      let result = cli.run("report", "--db", url)
      XCTAssertEqual(result.status, 64, "\(url): \(result.err)")
      XCTAssertTrue(result.err.contains("port"), result.err)
    }
    // A password written where the port goes is not shown either.
    let result = cli.run("report", "--db", "postgresql://bob:hunter2/db")
    XCTAssertEqual(result.status, 64, result.err)
    XCTAssertFalse(result.err.contains("hunter2"), result.err)
  }
}
