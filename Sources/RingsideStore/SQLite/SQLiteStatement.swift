import CSQLite

/// A value SQLite stores; parameters are always bound, never spliced into SQL.
public enum SQLiteValue: Sendable, Hashable {
  case null
  case integer(Int64)
  case real(Double)
  case text(String)

  public var int: Int64? { if case .integer(let v) = self { v } else { nil } }
  public var string: String? { if case .text(let v) = self { v } else { nil } }
}

/// A prepared statement, reset and reused across rows.
public final class SQLiteStatement {
  let handle: OpaquePointer
  unowned let database: SQLiteDatabase

  init(_ handle: OpaquePointer, database: SQLiteDatabase) {
    self.handle = handle
    self.database = database
  }

  deinit { sqlite3_finalize(handle) }

  /// Clears previous bindings and binds `values` to `?1…?n`.
  public func bind(_ values: [SQLiteValue]) throws(StoreError) {
    sqlite3_reset(handle)
    sqlite3_clear_bindings(handle)
    for (i, value) in values.enumerated() {
      try bind(value, at: Int32(i + 1))
    }
  }

  public func bind(_ value: SQLiteValue, at index: Int32) throws(StoreError) {
    let rc: Int32 =
      switch value {
      case .null: sqlite3_bind_null(handle, index)
      case .integer(let v): sqlite3_bind_int64(handle, index, v)
      case .real(let v): sqlite3_bind_double(handle, index, v)
      case .text(let v): bindText(v, at: index)
      }
    if rc != SQLITE_OK {
      throw database.error(rc, String(cString: sqlite3_errmsg(database.handle)))
    }
  }

  /// Binds a string straight from its UTF-8 storage, without making a C string first.
  private func bindText(_ text: String, at index: Int32) -> Int32 {
    let rc = text.utf8.withContiguousStorageIfAvailable { bytes -> Int32? in
      bytes.withMemoryRebound(to: CChar.self) { chars -> Int32? in
        // SQLite stores a nil pointer as NULL, so "" goes through the C string path below.
        guard let base = chars.baseAddress, !chars.isEmpty else { return nil }
        return sqlite3_bind_text(
          handle, index, base, Int32(chars.count), ringside_sqlite_transient())
      }
    }
    return (rc ?? nil) ?? sqlite3_bind_text(handle, index, text, -1, ringside_sqlite_transient())
  }

  /// Advances; true when a row is available.
  @discardableResult
  public func step() throws(StoreError) -> Bool {
    let rc = sqlite3_step(handle)
    switch rc {
    case SQLITE_ROW: return true
    case SQLITE_DONE: return false
    default:
      let err = database.error(rc, String(cString: sqlite3_errmsg(database.handle)))
      sqlite3_reset(handle)
      throw err
    }
  }

  /// Binds, runs to completion and resets: for INSERT/UPDATE/DELETE.
  public func run(_ values: [SQLiteValue] = []) throws(StoreError) {
    try bind(values)
    while try step() {}
    sqlite3_reset(handle)
  }

  /// Binds and collects every row through `row`.
  public func query<T>(_ values: [SQLiteValue] = [], _ row: (SQLiteStatement) -> T)
    throws(StoreError) -> [T]
  {
    try bind(values)
    var out: [T] = []
    while try step() { out.append(row(self)) }
    sqlite3_reset(handle)
    return out
  }

  public var columnCount: Int32 { sqlite3_column_count(handle) }

  public func value(at i: Int32) -> SQLiteValue {
    switch sqlite3_column_type(handle, i) {
    case SQLITE_INTEGER: .integer(sqlite3_column_int64(handle, i))
    case SQLITE_FLOAT: .real(sqlite3_column_double(handle, i))
    case SQLITE_NULL: .null
    default: .text(string(at: i) ?? "")
    }
  }

  public func string(at i: Int32) -> String? {
    guard let p = sqlite3_column_text(handle, i) else { return nil }
    return String(cString: p)
  }

  /// The column's text as UTF-8 bytes, valid only until the next step or reset; empty for NULL.
  func textBytes(at i: Int32) -> UnsafeBufferPointer<UInt8> {
    guard let p = sqlite3_column_text(handle, i) else {
      return UnsafeBufferPointer(start: nil, count: 0)
    }
    return UnsafeBufferPointer(start: p, count: Int(sqlite3_column_bytes(handle, i)))
  }

  public func int(at i: Int32) -> Int64? {
    sqlite3_column_type(handle, i) == SQLITE_NULL ? nil : sqlite3_column_int64(handle, i)
  }

  public func reset() { sqlite3_reset(handle) }
}
