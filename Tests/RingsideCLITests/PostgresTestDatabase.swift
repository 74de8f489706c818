import Foundation
import RingsideStore
import XCTest

/// A database of its own on the server `RINGSIDE_TEST_POSTGRES_URL` names, dropped when the
/// test ends; the test is skipped without a server.
struct PostgresTestDatabase {
  /// The database's URL, with the server's user and password.
  let url: String
  /// The password in the URL, which no output may show.
  let password: String?

  init(for test: XCTestCase, prefix: String) throws {
    guard let server = ProcessInfo.processInfo.environment["RINGSIDE_TEST_POSTGRES_URL"],
      !server.isEmpty, var parts = URLComponents(string: server)
    else {
      throw XCTSkip("PostgreSQL backend skipped: RINGSIDE_TEST_POSTGRES_URL is not set")
    }
    let name = prefix + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
    let admin = try PostgresConnection(url: server)
    try admin.execute("CREATE DATABASE \(name)")
    test.addTeardownBlock { try? admin.execute("DROP DATABASE IF EXISTS \(name) WITH (FORCE)") }
    parts.path = "/" + name
    url = try XCTUnwrap(parts.string)
    password = parts.password
  }
}
