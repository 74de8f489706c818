import Foundation
import RingsideDomain
import RingsideImport
import RingsideTestSupport
import XCTest

@testable import RingsideStore

/// On PostgreSQL an import holds the devices' turn until its audit entry, not the writers'
/// turn: an admin on another host stages a change while it runs (before, the stage waited out
/// the 5 s busy timeout and failed), a write to rings or an apply waits for the import and then goes on,
/// and the audit log stays one chain. A first bulk import locks the devices table, which a
/// staged change's row has a key into: a stage then gives up at its timeout, the import not. Each test acts from inside the running import, once it
/// has chosen the file's format. Skipped without a server.
final class PostgresWriterTurnsTests: XCTestCase {
  private let fixture = Support.fixture("intune-devices.csv")
  private let alice = AuditActor(user: "alice", origin: "ssh 192.0.2.7:51234")

  /// Runs an import of the fixture into `url`'s store, calling `during` from inside it.
  private func importing(
    into url: String, bulk: Bool, during: @escaping () throws -> Void
  ) throws -> InventoryStore {
    let store = try InventoryStore(path: url)
    var options = ImportOptions()
    if bulk { options.bulkMinimumRecords = 0 }
    var failure: Error?
    var events = ImportEvents()
    events.chose = { _ in
      do { try during() } catch { failure = error }
    }
    _ = try Importer.run(files: [fixture], into: store, options: options, events: events)
    if let failure { throw failure }
    return store
  }

  /// Stages a deferral for ring `test` from a session of its own; returns how long it took.
  private func stageFromAnotherHost(_ url: String) throws -> TimeInterval {
    let admin = try InventoryStore(path: url)
    let start = Date()
    try admin.stagePolicy(.deferralDays(3), ring: "test", by: alice)
    return Date().timeIntervalSince(start)
  }

  private func assertStagedBeforeTheImportInOneChain(
    _ store: InventoryStore, file: StaticString = #filePath, line: UInt = #line
  ) throws {
    XCTAssertEqual(try store.stagedChanges().count, 1, file: file, line: line)
    let actions = try store.auditEntries().sorted { $0.id < $1.id }.map(\.action).suffix(2)
    XCTAssertEqual(Array(actions), [.stagePolicy, .importInventory], file: file, line: line)
    XCTAssertNil(try store.auditChainProblem().problem, file: file, line: line)
  }

  func testAnAdminStagesAChangeWhileAnImportIntoAStoreWithDevicesRuns() throws {
    let url = try TestBackend.postgresDatabase(for: self)
    try Support.run(try InventoryStore(path: url, create: true), [fixture])
    var took: TimeInterval?
    let store = try importing(into: url, bulk: false) {
      took = try self.stageFromAnotherHost(url)
    }
    XCTAssertLessThan(try XCTUnwrap(took), 2, "the stage waited for the import")
    try assertStagedBeforeTheImportInOneChain(store)
  }

  func testAStageDuringAFirstBulkImportGivesUpAtItsTimeoutAndTheImportGoesOn() throws {
    // The bulk path takes the devices' indexes off, which locks the devices table until the
    // commit, and a staged change's row has a key into that table: the stage gives up at the
    // busy timeout, clearly, and never holds the writers' turn the import needs at its end.
    let url = try TestBackend.postgresDatabase(for: self)
    _ = try InventoryStore(path: url, create: true)
    var failure: StoreError?
    var took: TimeInterval = 0
    let store = try importing(into: url, bulk: true) {
      let start = Date()
      do {
        _ = try self.stageFromAnotherHost(url)
      } catch let error as StoreError {
        failure = error
      }
      took = Date().timeIntervalSince(start)
    }
    XCTAssertEqual(failure?.kind, .busy, "\(String(describing: failure))")
    XCTAssertTrue(failure?.message.contains("stayed locked by another session") ?? false)
    XCTAssertLessThan(took, 8)
    XCTAssertEqual(try store.countDevices(), 7)
    XCTAssertEqual(try store.stagedChanges().count, 0)
    XCTAssertEqual(try store.auditEntries().map(\.action), [.importInventory])
    XCTAssertNil(try store.auditChainProblem().problem)
  }

  func testAnImportWaitsForAStageHoldingTheWritersTurnBeforeItsAuditEntry() throws {
    let url = try TestBackend.postgresDatabase(for: self)
    try Support.run(try InventoryStore(path: url, create: true), [fixture])
    // Another session holds the writers' turn for a second, from the middle of the import.
    let held = DispatchSemaphore(value: 0)
    let start = Date()
    let store = try importing(into: url, bulk: false) {
      Thread.detachNewThread {
        guard let other = try? PostgresConnection(url: url) else {
          held.signal()
          return
        }
        try? other.execute(
          "BEGIN; SELECT pg_advisory_xact_lock(\(PostgresConnection.writerLockKey))")
        held.signal()
        usleep(1_000_000)
        try? other.execute("COMMIT")
      }
      held.wait()
    }
    XCTAssertGreaterThan(Date().timeIntervalSince(start), 0.9, "logged without the writers' turn")
    XCTAssertEqual(try store.auditEntries().first?.action, .importInventory)
    XCTAssertNil(try store.auditChainProblem().problem)
  }

  func testAWriteToRingsAndAnApplyWaitForTheImportThenGoOn() throws {
    let url = try TestBackend.postgresDatabase(for: self)
    try Support.run(try InventoryStore(path: url, create: true), [fixture])
    let done = DispatchSemaphore(value: 0)
    let outcomes = Locked<[String: Result<Void, Error>]>([:])
    let writes: [(String, @Sendable (InventoryStore) throws -> Void)] = [
      ("ring", { store throws in try store.addRing(named: "canary") }),
      // An apply's first step: it must wait before any profile file is written.
      (
        "apply",
        { store throws in
          try store.recordProfileIntent(directory: "/profiles", hashes: ["a": "b"])
        }
      ),
    ]
    let store = try importing(into: url, bulk: false) {
      for (name, write) in writes {
        Thread.detachNewThread {
          let result = Result { try write(try InventoryStore(path: url)) }
          outcomes.update { $0[name] = result }
          done.signal()
        }
      }
      // Both still wait for the devices' turn while the import holds it.
      XCTAssertEqual(done.wait(timeout: .now() + 0.5), .timedOut, "a write went on mid-import")
    }
    for _ in writes { XCTAssertEqual(done.wait(timeout: .now() + 10), .success) }
    for (name, outcome) in outcomes.get() {
      if case .failure(let error) = outcome { XCTFail("\(name): \(error)") }
    }
    XCTAssertTrue(try store.rings().map(\.name).contains("canary"))
    XCTAssertEqual(try store.profileFileHashes(directory: "/profiles").keys.sorted(), ["a"])
    XCTAssertNil(try store.auditChainProblem().problem)
  }
}

/// A value one thread sets and another reads.
private final class Locked<Value>: @unchecked Sendable {
  private let lock = NSLock()
  private var value: Value
  init(_ value: Value) { self.value = value }
  func set(_ new: Value) { lock.withLock { value = new } }
  func update(_ body: (inout Value) -> Void) { lock.withLock { body(&value) } }
  func get() -> Value { lock.withLock { value } }
}
