import Foundation
import XCTest

@testable import RingsideStore

/// A database of its own on the server `RINGSIDE_TEST_POSTGRES_URL` names (`.ci/with-postgres`
/// starts one), dropped when the test ends. Without the variable the test is skipped and
/// says the PostgreSQL backend was not tested.
final class TestPostgres {
  static let environmentKey = "RINGSIDE_TEST_POSTGRES_URL"
  /// The server's URL (its maintenance database), as the environment gives it.
  let serverURL: String
  /// This test's own database.
  let url: String
  let databaseName: String

  init() throws {
    guard let server = ProcessInfo.processInfo.environment[Self.environmentKey], !server.isEmpty
    else {
      throw XCTSkip(
        "PostgreSQL backend skipped: \(Self.environmentKey) is not set (bash .ci/with-postgres swift test sets it)"
      )
    }
    serverURL = server
    databaseName =
      "ringside_test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
    url = Self.replacingDatabase(in: server, with: databaseName)
    let admin = try PostgresConnection(url: server)
    try admin.execute("CREATE DATABASE \(databaseName)")
  }

  deinit {
    if let admin = try? PostgresConnection(url: serverURL) {
      try? admin.execute("DROP DATABASE IF EXISTS \(databaseName) WITH (FORCE)")
    }
  }

  /// `url` with its path (the database name) replaced by `name`, query kept.
  static func replacingDatabase(in url: String, with name: String) -> String {
    guard var parts = URLComponents(string: url) else { return url }
    parts.path = "/" + name
    return parts.string ?? url
  }

  /// `url` with its user and password replaced.
  static func replacingLogin(in url: String, user: String, password: String?) -> String {
    guard var parts = URLComponents(string: url) else { return url }
    parts.user = user
    parts.password = password
    return parts.string ?? url
  }

  /// The server URL's password, for tests that check it never shows.
  var serverPassword: String? { URLComponents(string: serverURL)?.password }
}
