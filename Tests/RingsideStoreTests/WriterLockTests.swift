import Foundation
import XCTest

@testable import RingsideStore

#if canImport(Glibc)
  import Glibc
#endif

/// Readers must never keep Ringside's writers out: another program that can read the store can
/// hold read locks on the `-shm` lock bytes, which SQLite alone treats as a held write lock.
/// The "another program" here is an open-file-description lock taken by the test, which
/// conflicts with this process's own SQLite locks as another process's would.
final class WriterLockTests: XCTestCase {
  private var directory: URL!
  private var path: String { directory.appendingPathComponent("store.db").path }
  private var heldDescriptors: [Int32] = []

  override func setUpWithError() throws {
    directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "ringside-writer-lock-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    // A Ringside store keeps its -wal and -shm after the last connection closes.
    let store = try InventoryStore(path: path, create: true)
    try store.database.transaction { try store.database.execute("CREATE TABLE t(x)") }
  }

  override func tearDown() {
    for descriptor in heldDescriptors { close(descriptor) }
    try? FileManager.default.removeItem(at: directory)
  }

  /// Linux's F_OFD_SETLK, which Swift does not import.
  private static let setOpenFileDescriptionLock: Int32 = 37

  /// Holds read locks on the WAL write, checkpoint and recovery bytes of `-shm`, as a viewer
  /// could with any program.
  private func holdReadLocksAsAnotherProgram() throws {
    #if os(Linux)
      let descriptor = open(path + "-shm", O_RDONLY)
      XCTAssertGreaterThanOrEqual(descriptor, 0)
      heldDescriptors.append(descriptor)
      var lock = flock()
      lock.l_type = Int16(F_RDLCK)
      lock.l_whence = Int16(SEEK_SET)
      lock.l_start = 120
      lock.l_len = 3
      XCTAssertEqual(fcntl(descriptor, Self.setOpenFileDescriptionLock, &lock), 0)
    #else
      throw XCTSkip("open-file-description locks are Linux's")
    #endif
  }

  private func count(_ database: SQLiteDatabase) throws -> Int? {
    let value = try database.scalar("SELECT COUNT(*) FROM t")
    guard case .integer(let n) = value else { return nil }
    return Int(n)
  }

  func testAWriteGoesThroughWhileAnotherProgramHoldsReadLocksOnTheWALLocks() throws {
    let database = try SQLiteDatabase(path: path, busyTimeoutMS: 300)
    XCTAssertEqual(try count(database), 0)
    try holdReadLocksAsAnotherProgram()
    try database.transaction { try database.execute("INSERT INTO t VALUES (1)") }
    try database.transaction { try database.execute("INSERT INTO t VALUES (2)") }
    XCTAssertEqual(try count(database), 2)
    // A reader opened afterwards sees both writes.
    XCTAssertEqual(try count(try SQLiteDatabase(path: path, readOnly: true)), 2)
  }

  func testAStoreOpenedWhileReadLocksAreHeldStillRebuildsItsIndexAndWrites() throws {
    try holdReadLocksAsAnotherProgram()
    // The first connection after all have closed rebuilds the WAL index, which needs the
    // write and recovery locks.
    let database = try SQLiteDatabase(path: path, busyTimeoutMS: 300)
    XCTAssertEqual(try database.scalar("PRAGMA journal_mode=WAL")?.string, "wal")
    try database.transaction { try database.execute("INSERT INTO t VALUES (1)") }
    XCTAssertEqual(try count(database), 1)
  }

  func testWithoutAWriterLockFileTheSameReadLocksKeepTheWriterOut() throws {
    let database = try SQLiteDatabase(path: path, busyTimeoutMS: 300)
    XCTAssertEqual(try count(database), 0)
    try FileManager.default.removeItem(atPath: WriterLock.path(for: path))
    try FileManager.default.createDirectory(
      atPath: WriterLock.path(for: path), withIntermediateDirectories: false)
    try holdReadLocksAsAnotherProgram()
    XCTAssertThrowsError(
      try database.transaction { try database.execute("INSERT INTO t VALUES (1)") }
    ) { error in
      XCTAssertEqual((error as? StoreError)?.kind, .busy, "\(error)")
    }
  }

  func testALockFileOthersCanReadIsNotTrusted() throws {
    let database = try SQLiteDatabase(path: path, busyTimeoutMS: 300)
    XCTAssertEqual(try count(database), 0)
    chmod(WriterLock.path(for: path), 0o644)
    try holdReadLocksAsAnotherProgram()
    XCTAssertThrowsError(
      try database.transaction { try database.execute("INSERT INTO t VALUES (1)") })
  }

  func testALockFileOfAnotherGroupThanTheStoresIsNotTrusted() throws {
    let database = try SQLiteDatabase(path: path, busyTimeoutMS: 300)
    XCTAssertEqual(try count(database), 0)
    let lock = WriterLock.path(for: path)
    var store = stat()
    XCTAssertEqual(stat(path, &store), 0)
    let otherGroup: gid_t = store.st_gid == 65534 ? 65533 : 65534
    try XCTSkipUnless(chown(lock, uid_t.max, otherGroup) == 0, "changing the group needs root")
    chmod(lock, 0o660)
    try holdReadLocksAsAnotherProgram()
    XCTAssertThrowsError(
      try database.transaction { try database.execute("INSERT INTO t VALUES (1)") })
  }

  func testTwoRingsideWritersStillExcludeEachOther() throws {
    let database = try SQLiteDatabase(path: path, busyTimeoutMS: 300)
    try holdReadLocksAsAnotherProgram()
    let other = open(WriterLock.path(for: path), O_RDWR)
    heldDescriptors.append(other)
    XCTAssertEqual(flock(other, LOCK_EX | LOCK_NB), 0)
    XCTAssertThrowsError(
      try database.transaction { try database.execute("INSERT INTO t VALUES (1)") }
    ) { error in
      XCTAssertEqual((error as? StoreError)?.kind, .busy, "\(error)")
      XCTAssertTrue("\(error)".contains("300 ms"), "\(error)")
    }
    flock(other, LOCK_UN)
    try database.transaction { try database.execute("INSERT INTO t VALUES (1)") }
    XCTAssertEqual(try count(database), 1)
  }

  func testAWriterOutsideRingsideStillKeepsRingsideWritersOut() throws {
    // sqlite3 or any program writing through SQLite holds the real write lock.
    let outside = try SQLiteDatabase(path: path)
    try outside.execute("BEGIN IMMEDIATE")
    try outside.execute("INSERT INTO t VALUES (7)")
    let database = try SQLiteDatabase(path: path, busyTimeoutMS: 300)
    XCTAssertThrowsError(
      try database.transaction { try database.execute("INSERT INTO t VALUES (1)") })
    try outside.execute("COMMIT")
    try database.transaction { try database.execute("INSERT INTO t VALUES (1)") }
    XCTAssertEqual(try count(database), 2)
  }

  func testWhileRingsideWritesPastReadLocksAnOutsideWriterWaits() throws {
    let database = try SQLiteDatabase(path: path, busyTimeoutMS: 300)
    XCTAssertEqual(try count(database), 0)
    try holdReadLocksAsAnotherProgram()
    let outside = try SQLiteDatabase(path: path, busyTimeoutMS: 100)
    try database.transaction {
      try database.execute("INSERT INTO t VALUES (1)")
      XCTAssertThrowsError(try outside.execute("BEGIN IMMEDIATE; INSERT INTO t VALUES (9)"))
      try? outside.execute("ROLLBACK")
    }
    XCTAssertEqual(try count(database), 1)
  }

  func testTheLockFileIsMadeOnlyForTheStoresWriters() throws {
    var info = stat()
    XCTAssertEqual(stat(WriterLock.path(for: path), &info), 0)
    XCTAssertEqual(info.st_mode & 0o077, 0, String(info.st_mode & 0o777, radix: 8))
  }
}
