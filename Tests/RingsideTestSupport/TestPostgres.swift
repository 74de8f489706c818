import Foundation
import RingsideStore
import XCTest

/// A database of its own on the server `RINGSIDE_TEST_POSTGRES_URL` names (`.ci/with-postgres`
/// starts one), for every test suite that runs against PostgreSQL. Without the variable the
/// test is skipped and says the PostgreSQL backend was not tested. The database goes when the
/// test ends (`init(for:prefix:)`), when this object goes and nothing uses it any more, or at
/// the latest when the test process exits.
public final class TestPostgres: @unchecked Sendable {
  public static let environmentKey = "RINGSIDE_TEST_POSTGRES_URL"
  /// The server's URL (its maintenance database), as the environment gives it.
  public let serverURL: String
  /// This database's URL, with the server's user and password.
  public let url: String
  public let name: String

  /// An empty database, or a copy of the database `template`.
  public init(prefix: String = "ringside_test_", template: String? = nil) throws {
    guard let server = ProcessInfo.processInfo.environment[Self.environmentKey], !server.isEmpty
    else {
      throw XCTSkip(
        "PostgreSQL backend skipped: \(Self.environmentKey) is not set (bash .ci/with-postgres swift test sets it)"
      )
    }
    serverURL = server
    name = prefix + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
    url = Self.replacingDatabase(in: server, with: name)
    // A connection of its own for the create (and each drop): one held in between would stay
    // open as long as XCTest keeps the test case, and the server allows only so many.
    try PostgresConnection(url: server).execute(
      "CREATE DATABASE \(name)" + (template.map { " TEMPLATE \($0)" } ?? ""))
    Self.lock.withLock { _ = Self.created.insert(name) }
    Self.dropLeftoversAtExit
  }

  /// A database dropped when `test` ends, whatever still uses it.
  public convenience init(for test: XCTestCase, prefix: String) throws {
    try self.init(prefix: prefix)
    test.addTeardownBlock { self.drop() }
  }

  /// Drops the database now when nothing uses it, else when the test process ends: a store
  /// opened on it may outlive this object (`TemporaryStore.demo().1`), and a DROP of a
  /// database in use waits 5 s for its sessions before it fails.
  deinit {
    guard let admin = try? PostgresConnection(url: serverURL) else { return }
    let sessions = try? admin.scalar(
      "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = '\(name)'")?.int
    guard sessions == 0 else { return }
    try? admin.execute("ALTER DATABASE \(name) WITH ALLOW_CONNECTIONS true")
    if (try? admin.execute("DROP DATABASE IF EXISTS \(name)")) != nil {
      Self.lock.withLock { _ = Self.created.remove(name) }
    }
  }

  /// Drops the database now, closing whatever still uses it.
  public func drop() {
    if (try? PostgresConnection(url: serverURL).execute(
      "DROP DATABASE IF EXISTS \(name) WITH (FORCE)")) != nil
    {
      Self.lock.withLock { _ = Self.created.remove(name) }
    }
  }

  private static let lock = NSLock()
  nonisolated(unsafe) private static var created: Set<String> = []

  /// Registered once: at exit, drops what is left, closing whatever still uses it (a harness
  /// held by a static property is never released).
  private static let dropLeftoversAtExit: Void = {
    atexit {
      guard let server = ProcessInfo.processInfo.environment[TestPostgres.environmentKey]
      else { return }
      for name in TestPostgres.lock.withLock({ TestPostgres.created }) {
        try? PostgresConnection(url: server).execute(
          "DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
      }
    }
  }()

  /// The password in the URLs, which no output may show.
  public var password: String? { URLComponents(string: serverURL)?.password }

  /// `url` with its path (the database name) replaced by `name`, query kept.
  public static func replacingDatabase(in url: String, with name: String) -> String {
    guard var parts = URLComponents(string: url) else { return url }
    parts.path = "/" + name
    return parts.string ?? url
  }

  /// `url` with its user and password replaced.
  public static func replacingLogin(in url: String, user: String, password: String?) -> String {
    guard var parts = URLComponents(string: url) else { return url }
    parts.user = user
    parts.password = password
    return parts.string ?? url
  }

  /// Runs `sql` on the server's maintenance database.
  public func admin(_ sql: String) throws {
    try PostgresConnection(url: serverURL).execute(sql)
  }

  /// New sessions on this database are refused (`false`) or allowed again.
  public func allowConnections(_ allowed: Bool) throws {
    try admin("ALTER DATABASE \(name) WITH ALLOW_CONNECTIONS \(allowed)")
  }

  /// Ends every other session on this database (or the one `pid` names) from the server side,
  /// and waits until they are gone.
  public func terminateSessions(pid: Int64? = nil) throws {
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

  /// Loses the answer to the COMMIT the session `pid` just sent over `socket`: waits until the
  /// server has finished it (the session is idle again), then puts a socket that reads only
  /// end-of-file in place of the connection's, so the answer already on its way is never read.
  public func loseCommitAnswer(socket: Int32, pid: Int64) {
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
    dup2(pair[0], socket)
    close(pair[0])
  }

  /// A port on 127.0.0.1 nothing listens on: bound, then closed.
  public static func closedPort() throws -> UInt16 {
    let fd = Foundation.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = 0
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    try withUnsafeMutablePointer(to: &address) { pointer in
      try pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        guard bind(fd, $0, length) == 0, getsockname(fd, $0, &length) == 0 else {
          throw XCTSkip("no free port on 127.0.0.1")
        }
      }
    }
    return UInt16(bigEndian: address.sin_port)
  }
}
