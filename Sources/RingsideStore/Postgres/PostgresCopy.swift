import CLibPQ
import Foundation

/// Bulk transfer through `COPY`: rows stream to and from the server in the text format
/// (`PostgresCopyText`), many rows per network write instead of one round trip each.
extension PostgresConnection {
  /// How many bytes of rows are gathered before they are handed to libpq.
  static let copyChunkBytes = 256 * 1024

  /// `COPY table (columns) FROM STDIN`: writes the rows `next` gives until it returns nil;
  /// returns how many. On any failure (a row the server refuses, a NUL in a text, an error
  /// `next` throws) the COPY is aborted and the error thrown; in a transaction, that
  /// transaction then has failed and must be rolled back.
  @discardableResult
  public func copyIn(
    into table: String, columns: [String], next: () throws -> [SQLiteValue]?
  ) throws -> Int {
    let copy = try beginCopy(into: table, columns: columns)
    do {
      while let row = try next() { try copy.append(row) }
    } catch {
      copy.abort()
      throw error
    }
    return try copy.finish()
  }

  /// Starts `COPY table (columns) FROM STDIN`; rows then go in through the returned object,
  /// which must be finished or aborted before anything else runs on this connection.
  public func beginCopy(into table: String, columns: [String]) throws(StoreError)
    -> PostgresCopyIn
  {
    let sql =
      "COPY \(Self.quoted(table)) (\(columns.map(Self.quoted).joined(separator: ", "))) FROM STDIN"
    try finishSent()
    let started = PQexec(handle, sql)
    defer { PQclear(started) }
    try check(started, sql: sql)
    guard PQresultStatus(started) == PGRES_COPY_IN else {
      throw StoreError(.other, "store \(displayName): the server did not start COPY into \(table)")
    }
    return PostgresCopyIn(connection: self, sql: sql, columns: columns.count)
  }

  /// `COPY table (columns) FROM STDIN` of rows gathered beforehand; returns how many.
  @discardableResult
  func copyIn(into table: String, columns: [String], rows: PostgresCopyRows) throws(StoreError)
    -> Int
  {
    guard rows.columns == columns.count else {
      throw StoreError(
        .other, "rows of \(rows.columns) values cannot go into \(columns.count) columns of \(table)"
      )
    }
    let copy = try beginCopy(into: table, columns: columns)
    do {
      try copy.append(contentsOf: rows)
    } catch {
      copy.abort()
      throw error
    }
    return try copy.finish()
  }

  /// `COPY (query) TO STDOUT`: hands each row to `row`, typed by `kinds`, one at a time as
  /// the server sends it (nothing holds the whole result). Returns how many rows.
  @discardableResult
  func copyOut(
    query: String, kinds: [PostgresCopyText.ColumnKind], row: ([SQLiteValue]) throws -> Void
  ) throws -> Int {
    let sql = "COPY (\(query)) TO STDOUT"
    try finishSent()
    let started = PQexec(handle, sql)
    defer { PQclear(started) }
    try check(started, sql: sql)
    guard PQresultStatus(started) == PGRES_COPY_OUT else {
      throw StoreError(.other, "store \(displayName): the server did not start COPY out")
    }
    var count = 0
    var failure: Error?
    while true {
      var data: UnsafeMutablePointer<CChar>?
      let length = PQgetCopyData(handle, &data, 0)
      if length == -1 { break }
      if length < 0 {
        drainResults()
        throw PostgresError.statement(
          "08006", String(cString: PQerrorMessage(handle)), store: displayName)
      }
      guard let data else { continue }
      defer { PQfreemem(data) }
      // After a failure the rest still has to be read, so the connection stays usable.
      guard failure == nil else { continue }
      let values = data.withMemoryRebound(to: UInt8.self, capacity: Int(length)) {
        PostgresCopyText.parseRow(UnsafeBufferPointer(start: $0, count: Int(length)), kinds: kinds)
      }
      do {
        guard let values else {
          throw StoreError(
            .corrupt,
            "store \(displayName): row \(count + 1) of COPY out is not \(kinds.count) fields")
        }
        try row(values)
        count += 1
      } catch {
        failure = error
      }
    }
    try finishCopy(sql: sql)
    if let failure { throw failure }
    return count
  }

  /// `"name"`, with any `"` doubled: a table or column name as SQL reads it.
  static func quoted(_ name: String) -> String {
    "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }

  func putCopyData(_ bytes: [UInt8]) throws(StoreError) {
    let sent = bytes.withUnsafeBufferPointer { pointer in
      pointer.withMemoryRebound(to: CChar.self) {
        PQputCopyData(handle, $0.baseAddress, Int32($0.count))
      }
    }
    if sent != 1 {
      throw PostgresError.statement(
        "08006", String(cString: PQerrorMessage(handle)), store: displayName)
    }
  }

  /// Reads the COPY's final result (and any after it); throws the first failure.
  func finishCopy(sql: String) throws(StoreError) {
    var failure: StoreError?
    while let result = PQgetResult(handle) {
      defer { PQclear(result) }
      if failure == nil {
        do {
          try check(result, sql: sql)
        } catch {
          failure = error
        }
      }
    }
    if let failure { throw failure }
  }

  /// Reads and discards whatever results are pending after an aborted COPY.
  func drainResults() {
    while let result = PQgetResult(handle) { PQclear(result) }
  }
}

/// One `COPY … FROM STDIN` under way: rows are gathered into chunks and sent as they fill;
/// `finish` ends it and reads the server's verdict, `abort` cancels it.
public final class PostgresCopyIn {
  let connection: PostgresConnection
  let sql: String
  let columns: Int
  private var buffer: [UInt8] = []
  private var open = true
  /// Rows appended so far.
  public private(set) var rows = 0

  init(connection: PostgresConnection, sql: String, columns: Int) {
    self.connection = connection
    self.sql = sql
    self.columns = columns
    buffer.reserveCapacity(PostgresConnection.copyChunkBytes + 4096)
  }

  /// Adds one row; sends the gathered rows when they fill a chunk.
  public func append(_ row: [SQLiteValue]) throws(StoreError) {
    guard row.count == columns else {
      throw StoreError(.other, "row \(rows + 1) has \(row.count) values for \(columns) columns")
    }
    do {
      try PostgresCopyText.appendRow(row, to: &buffer)
    } catch {
      throw StoreError(error.kind, "row \(rows + 1): \(error.message)")
    }
    rows += 1
    if buffer.count >= PostgresConnection.copyChunkBytes {
      try connection.putCopyData(buffer)
      buffer.removeAll(keepingCapacity: true)
    }
  }

  /// Adds rows encoded beforehand, sent in chunks as `append` sends its own.
  func append(contentsOf rows: PostgresCopyRows) throws(StoreError) {
    if !buffer.isEmpty {
      try connection.putCopyData(buffer)
      buffer.removeAll(keepingCapacity: true)
    }
    var start = 0
    while start < rows.bytes.count {
      let end = min(start + PostgresConnection.copyChunkBytes, rows.bytes.count)
      try connection.putCopyData(Array(rows.bytes[start..<end]))
      start = end
    }
    self.rows += rows.count
  }

  /// Sends what is left and ends the COPY; throws what the server refused. Returns the rows.
  @discardableResult
  public func finish() throws(StoreError) -> Int {
    guard open else { return rows }
    open = false
    do {
      if !buffer.isEmpty { try connection.putCopyData(buffer) }
    } catch {
      _ = PQputCopyEnd(connection.handle, "ringside stopped the copy")
      connection.drainResults()
      throw error
    }
    buffer = []
    guard PQputCopyEnd(connection.handle, nil) == 1 else {
      connection.drainResults()
      throw PostgresError.statement(
        "08006", String(cString: PQerrorMessage(connection.handle)),
        store: connection.displayName)
    }
    try connection.finishCopy(sql: sql)
    return rows
  }

  /// Cancels the COPY: the server stores none of its rows (and fails the transaction).
  public func abort() {
    guard open else { return }
    open = false
    buffer = []
    _ = PQputCopyEnd(connection.handle, "ringside stopped the copy")
    connection.drainResults()
  }

  deinit { abort() }
}

/// Rows gathered in `COPY`'s text format ahead of a `COPY … FROM STDIN`, while the connection
/// still answers other statements: a row is encoded (and a value PostgreSQL cannot store
/// refused) when it is appended, and kept as bytes, not values, until `copyIn` sends them.
struct PostgresCopyRows {
  /// Values per row.
  let columns: Int
  private(set) var bytes: [UInt8] = []
  /// Rows appended since the last `removeAll()`.
  private(set) var count = 0

  init(columns: Int) {
    self.columns = columns
  }

  var isEmpty: Bool { count == 0 }

  /// Encodes one row; throws when it has the wrong number of values or a text PostgreSQL
  /// cannot store (a NUL character), and then keeps nothing of it.
  mutating func append(_ row: [SQLiteValue]) throws(StoreError) {
    guard row.count == columns else {
      throw StoreError(.other, "a row of \(row.count) values for \(columns) columns")
    }
    let start = bytes.count
    do {
      try PostgresCopyText.appendRow(row, to: &bytes)
    } catch {
      bytes.removeSubrange(start...)
      throw error
    }
    count += 1
  }

  mutating func removeAll() {
    bytes.removeAll(keepingCapacity: true)
    count = 0
  }
}
