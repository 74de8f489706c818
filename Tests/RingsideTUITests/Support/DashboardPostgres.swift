import Foundation
import XCTest

@testable import RingsideStore

/// A database of its own on the server `RINGSIDE_TEST_POSTGRES_URL` names, for dashboard
/// tests against PostgreSQL; dropped when the test ends. Without the variable the test is
/// skipped and says so.
final class DashboardPostgres: Sendable {
  let serverURL: String
  let url: String
  let name: String

  init() throws {
    guard let server = ProcessInfo.processInfo.environment["RINGSIDE_TEST_POSTGRES_URL"],
      !server.isEmpty, var parts = URLComponents(string: server)
    else {
      throw XCTSkip(
        "PostgreSQL backend skipped: RINGSIDE_TEST_POSTGRES_URL is not set (bash .ci/with-postgres swift test sets it)"
      )
    }
    serverURL = server
    name = "ringside_tui_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
    parts.path = "/" + name
    url = parts.string ?? server
    try admin("CREATE DATABASE \(name)")
  }

  deinit {
    try? admin("ALTER DATABASE \(name) WITH ALLOW_CONNECTIONS true")
    try? admin("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
  }

  /// Runs `sql` on the server's maintenance database.
  func admin(_ sql: String) throws {
    try PostgresConnection(url: serverURL).execute(sql)
  }

  /// New sessions on this database are refused (`false`) or allowed again.
  func allowConnections(_ allowed: Bool) throws {
    try admin("ALTER DATABASE \(name) WITH ALLOW_CONNECTIONS \(allowed)")
  }

  /// Ends every session on this database from the server side, and waits until they are gone.
  func terminateSessions(pid: Int64? = nil) throws {
    let admin = try PostgresConnection(url: serverURL)
    let which = pid.map { "pid = \($0)" } ?? "datname = '\(name)' AND pid <> pg_backend_pid()"
    _ = try admin.scalar(
      "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE \(which)")
    let deadline = Date().addingTimeInterval(10)
    while try admin.scalar("SELECT count(*) FROM pg_stat_activity WHERE \(which)")?.int != 0,
      Date() < deadline
    {
      Thread.sleep(forTimeInterval: 0.02)
    }
  }
}
