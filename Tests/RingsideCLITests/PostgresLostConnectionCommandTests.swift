import Foundation
import RingsideStore
import RingsideTestSupport
import XCTest

/// A command whose PostgreSQL connection is lost while it writes: exit 69, the URL without its
/// password, and what became of the write (skipped without a server).
final class PostgresLostConnectionCommandTests: XCTestCase {
  /// The advisory lock every Ringside writer takes first ("RINGSIDE" in ASCII).
  static let writerLock = "5929356452656923717"

  func testAStageWhoseSessionEndsWhileItWaitsToWriteExits69AndSaysNothingWasSaved() throws {
    let database = try TestPostgres(for: self, prefix: "ringside_cli_lost_")
    let url = database.url
    let cli = try CLIHarness()
    XCTAssertEqual(cli.run("init", "--db", url).status, 0)
    XCTAssertEqual(cli.run("demo", "--db", url, "--devices", "50").status, 0)

    // Another writer holds the lock, so the command waits inside its transaction.
    let holder = try PostgresConnection(url: url)
    try holder.execute("BEGIN; SELECT pg_advisory_xact_lock(\(Self.writerLock))")
    let done = DispatchSemaphore(value: 0)
    nonisolated(unsafe) var result: (status: Int32, out: String, err: String)?
    DispatchQueue.global().async {
      result = cli.run("stage", "policy", "test", "--defer", "9", "--db", url)
      done.signal()
    }
    // The server ends the waiting session.
    let admin = try PostgresConnection(url: url)
    let waiting =
      "SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND database = "
      + "(SELECT oid FROM pg_database WHERE datname = current_database())"
    let deadline = Date().addingTimeInterval(4)
    var pid: Int64?
    while pid == nil, Date() < deadline {
      pid = try admin.scalar(waiting)?.int
      if pid == nil { Thread.sleep(forTimeInterval: 0.01) }
    }
    let waiter = try XCTUnwrap(pid, "the command never waited for the writer lock")
    _ = try admin.scalar("SELECT pg_terminate_backend(\(waiter))")
    XCTAssertEqual(done.wait(timeout: .now() + 20), .success)
    try holder.execute("ROLLBACK")

    let ran = try XCTUnwrap(result)
    XCTAssertEqual(ran.status, 69, ran.err)
    XCTAssertTrue(ran.err.contains("lost the connection to the PostgreSQL server at"), ran.err)
    XCTAssertTrue(ran.err.contains("nothing was saved"), ran.err)
    if let password = database.password { XCTAssertFalse(ran.err.contains(password), ran.err) }
    XCTAssertEqual(try InventoryStore(path: url).stagedChanges().count, 0)
  }
}
