import CSQLite
import CSQLiteVFS
import Foundation

/// A thin owner of one `sqlite3*` connection: open, execute, prepare, transactions.
/// Not Sendable: a connection stays on the thread that opened it.
public final class SQLiteDatabase {
  let handle: OpaquePointer
  public let path: String
  /// Set by a bulk write: after its transaction commits, the WAL (by then about as large as
  /// the store) is copied into the store and truncated to nothing, so no second copy of the
  /// data stays on disk. Cleared after each commit or rollback.
  var truncateWALAfterCommit = false
  /// Whether writes take the store's WriterLock first (not for read-only or immutable opens).
  private let takesWriterLock: Bool
  private let busyTimeoutMS: Int32

  /// Opens (or creates, when `create`) the database at `path`, in WAL mode with a busy timeout.
  /// With `immutable`, SQLite reads the file as one that cannot change: no locks, no `-shm`
  /// (for a store whose `-wal` and `-shm` are gone and cannot be recreated by this user).
  public init(
    path: String, readOnly: Bool = false, create: Bool = true, busyTimeoutMS: Int32 = 5000,
    immutable: Bool = false
  )
    throws(StoreError)
  {
    self.path = path
    self.takesWriterLock = !readOnly && !immutable
    self.busyTimeoutMS = busyTimeoutMS
    _ = Self.configured
    var db: OpaquePointer?
    var flags = readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE
    if create && !readOnly { flags |= SQLITE_OPEN_CREATE }
    flags |= SQLITE_OPEN_NOMUTEX
    var name = path
    if immutable {
      flags |= SQLITE_OPEN_URI
      let allowed = CharacterSet.urlPathAllowed.subtracting(CharacterSet(charactersIn: "?#%"))
      name =
        "file:" + (path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path)
        + "?immutable=1"
    }
    let rc = sqlite3_open_v2(name, &db, flags, Self.configured ? ringside_sqlite_vfs_name : nil)
    guard rc == SQLITE_OK, let db else {
      let detail = db.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
      if let db { sqlite3_close_v2(db) }
      throw StoreError(.cannotOpen, "cannot open store \(path): \(detail)")
    }
    handle = db
    sqlite3_busy_timeout(db, busyTimeoutMS)
    sqlite3_extended_result_codes(db, 1)
  }

  deinit {
    sqlite3_close_v2(handle)
  }

  /// Process-wide settings made once, before the first connection opens.
  /// True when the "ringside" VFS is registered (it is, unless SQLite lacks a unix VFS).
  private static let configured: Bool = {
    ringside_sqlite_skip_memory_statistics()
    return ringside_sqlite_register_vfs() == SQLITE_OK
  }()

  /// Runs one or more statements that return no rows.
  public func execute(_ sql: String) throws(StoreError) {
    var errorMessage: UnsafeMutablePointer<CChar>?
    let rc = sqlite3_exec(handle, sql, nil, nil, &errorMessage)
    if rc != SQLITE_OK {
      let text = errorMessage.map { String(cString: $0) } ?? String(cString: sqlite3_errmsg(handle))
      sqlite3_free(errorMessage)
      throw error(rc, text)
    }
  }

  /// Compiles a statement for repeated use.
  public func prepare(_ sql: String) throws(StoreError) -> SQLiteStatement {
    var stmt: OpaquePointer?
    let rc = sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &stmt, nil)
    guard rc == SQLITE_OK, let stmt else {
      throw error(rc, String(cString: sqlite3_errmsg(handle)) + " in: " + sql.prefix(200))
    }
    return SQLiteStatement(stmt, database: self)
  }

  /// One writer at a time whatever the kind: `transaction(_:)`.
  public func transaction<T>(as kind: WriteKind, _ body: () throws -> T) throws -> T {
    try transaction(body)
  }

  /// A SQLite writer already holds the only turn.
  public func takeWritersTurn() throws(StoreError) {}

  /// Runs `body` in one `BEGIN IMMEDIATE` transaction: all of it is stored, or none of it.
  /// Ringside's writers take the store's WriterLock first, so readers cannot keep them out.
  public func transaction<T>(_ body: () throws -> T) throws -> T {
    let writerLock =
      takesWriterLock ? try WriterLock.acquire(storePath: path, timeoutMS: busyTimeoutMS) : nil
    if writerLock != nil {
      ringside_sqlite_set_writer_lock_held(UnsafeMutableRawPointer(handle), 1)
    }
    defer {
      if let writerLock {
        ringside_sqlite_set_writer_lock_held(UnsafeMutableRawPointer(handle), 0)
        writerLock.release()
      }
    }
    try execute("BEGIN IMMEDIATE")
    defer { truncateWALAfterCommit = false }
    do {
      let result = try body()
      try execute("COMMIT")
      // A reader still on an old snapshot makes this a partial checkpoint; the data is
      // committed either way, and the next full checkpoint truncates the file.
      if truncateWALAfterCommit { try? execute("PRAGMA wal_checkpoint(TRUNCATE)") }
      return result
    } catch {
      try? execute("ROLLBACK")
      throw error
    }
  }

  /// The first column of the first row, or nil.
  public func scalar(_ sql: String, _ bindings: [SQLiteValue] = []) throws(StoreError)
    -> SQLiteValue?
  {
    let stmt = try prepare(sql)
    try stmt.bind(bindings)
    guard try stmt.step() else { return nil }
    return stmt.value(at: 0)
  }

  public var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }
  public var changes: Int { Int(sqlite3_changes(handle)) }

  func error(_ rc: Int32, _ text: String) -> StoreError {
    let primary = rc & 0xFF
    let kind: StoreError.Kind =
      switch primary {
      case SQLITE_BUSY, SQLITE_LOCKED, SQLITE_PROTOCOL: .busy
      case SQLITE_READONLY: .readOnly
      case SQLITE_FULL: .full
      case SQLITE_CORRUPT, SQLITE_NOTADB: .corrupt
      case SQLITE_CONSTRAINT: .constraint
      case SQLITE_CANTOPEN: .cannotOpen
      case SQLITE_INTERRUPT: .interrupted
      default: .other
      }
    let prefix: String =
      switch kind {
      case .busy:
        "the store \(path) stayed locked by another session for "
          + WriterLock.duration(milliseconds: busyTimeoutMS)
      case .readOnly: "the store \(path) is read-only for this user"
      case .full: "the disk holding \(path) is full; nothing was changed"
      case .corrupt: "the store \(path) is damaged or not a Ringside store"
      default: "store \(path)"
      }
    return StoreError(kind, kind == .other || kind == .constraint ? "\(prefix): \(text)" : prefix)
  }
}
