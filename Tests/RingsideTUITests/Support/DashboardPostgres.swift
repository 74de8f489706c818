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

  /// Loses the answer to the COMMIT `connection` just sent: waits until the server has
  /// finished it (the session `pid` is idle again), then puts a socket that reads only
  /// end-of-file in place of the connection's, so the answer already on its way is never read.
  func loseCommitAnswer(_ connection: PostgresConnection, pid: Int64) {
    if let admin = try? PostgresConnection(url: serverURL) {
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
}
