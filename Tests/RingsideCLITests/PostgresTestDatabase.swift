import Foundation
import RingsideStore
import XCTest

/// A database of its own on the server `RINGSIDE_TEST_POSTGRES_URL` names, dropped when the
/// test ends (or, for one a harness holds, when the harness goes, at the latest when the test
/// process exits); the test is skipped without a server.
struct PostgresTestDatabase {
  /// The database's URL, with the server's user and password.
  let url: String
  /// The password in the URL, which no output may show.
  let password: String?
  /// The server's URL (its maintenance database), as the environment gives it.
  let serverURL: String
  let name: String

  /// A database dropped when `test` ends.
  init(for test: XCTestCase, prefix: String) throws {
    try self.init(prefix: prefix)
    let (server, name) = (serverURL, name)
    test.addTeardownBlock { Self.drop(name, on: server) }
  }

  /// A database the caller drops (`drop()`), empty or a copy of the database `template`;
  /// what is left is dropped when the process exits.
  init(prefix: String, template: String? = nil) throws {
    guard let server = ProcessInfo.processInfo.environment["RINGSIDE_TEST_POSTGRES_URL"],
      !server.isEmpty, var parts = URLComponents(string: server)
    else {
      throw XCTSkip(
        "PostgreSQL backend skipped: RINGSIDE_TEST_POSTGRES_URL is not set (bash .ci/with-postgres sets it)"
      )
    }
    let name = prefix + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
    // Connections of their own for the create and the drop: one held in between would stay
    // open as long as XCTest keeps the test case, and the server allows only so many.
    try PostgresConnection(url: server).execute(
      "CREATE DATABASE \(name)" + (template.map { " TEMPLATE \($0)" } ?? ""))
    Self.lock.withLock { Self.created.insert(name) }
    Self.dropLeftoversAtExit
    self.name = name
    serverURL = server
    parts.path = "/" + name
    url = try XCTUnwrap(parts.string)
    password = parts.password
  }

  func drop() { Self.drop(name, on: serverURL) }

  /// Drops the database, closing whatever still uses it.
  private static func drop(_ name: String, on server: String) {
    if (try? PostgresConnection(url: server).execute(
      "DROP DATABASE IF EXISTS \(name) WITH (FORCE)")) != nil
    {
      _ = lock.withLock { created.remove(name) }
    }
  }

  private static let lock = NSLock()
  nonisolated(unsafe) private static var created: Set<String> = []

  /// Registered once: at exit, drops what a test or harness left (a harness held by a static
  /// property is never released).
  private static let dropLeftoversAtExit: Void = {
    atexit {
      guard let server = ProcessInfo.processInfo.environment["RINGSIDE_TEST_POSTGRES_URL"]
      else { return }
      for name in PostgresTestDatabase.lock.withLock({ PostgresTestDatabase.created }) {
        try? PostgresConnection(url: server).execute(
          "DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
      }
    }
  }()
}
