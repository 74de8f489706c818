import CSQLite

/// Where `migrate` writes one table's rows on the target, in the target's one transaction:
/// PostgreSQL through `COPY … FROM STDIN`, SQLite through prepared INSERTs of many rows each.
protocol MigrationSink: AnyObject {
  func append(_ row: [SQLiteValue]) throws(StoreError)
  /// Writes what is still gathered; returns the rows written.
  func finish() throws(StoreError) -> Int
  /// Gives up; the caller rolls the transaction back.
  func abort()
}

extension PostgresCopyIn: MigrationSink {}

/// INSERTs of up to `rowsPerStatement` rows each, prepared once and reused, so a table of a
/// million rows takes a few thousand statement runs instead of a million.
final class SQLiteBatchInsert: MigrationSink {
  let database: SQLiteDatabase
  let table: String
  let columns: [String]
  let rowsPerStatement: Int
  private var full: SQLiteStatement?
  private var pending: [SQLiteValue] = []
  private var rows = 0

  init(_ database: SQLiteDatabase, table: String, columns: [String], maximumRows: Int = 256) {
    self.database = database
    self.table = table
    self.columns = columns
    let variables = Int(sqlite3_limit(database.handle, SQLITE_LIMIT_VARIABLE_NUMBER, -1))
    rowsPerStatement = max(1, min(maximumRows, variables / max(1, columns.count)))
    pending.reserveCapacity(rowsPerStatement * columns.count)
  }

  /// `INSERT INTO table (columns) VALUES (?1, ?2, …), (…)` for `count` rows.
  static func sql(table: String, columns: [String], rows count: Int) -> String {
    var parameter = 0
    let tuples = (0..<count).map { _ in
      "("
        + columns.map { _ in
          parameter += 1
          return "?\(parameter)"
        }.joined(separator: ", ") + ")"
    }
    let names = columns.map { PostgresConnection.quoted($0) }.joined(separator: ", ")
    return "INSERT INTO \(table) (\(names)) VALUES " + tuples.joined(separator: ", ")
  }

  func append(_ row: [SQLiteValue]) throws(StoreError) {
    guard row.count == columns.count else {
      throw StoreError(
        .other, "row \(rows + 1) has \(row.count) values for \(columns.count) columns")
    }
    pending.append(contentsOf: row)
    rows += 1
    if pending.count == rowsPerStatement * columns.count {
      if full == nil {
        full = try database.prepare(
          Self.sql(table: table, columns: columns, rows: rowsPerStatement))
      }
      try full!.run(pending)
      pending.removeAll(keepingCapacity: true)
    }
  }

  func finish() throws(StoreError) -> Int {
    if !pending.isEmpty {
      let count = pending.count / columns.count
      try database.prepare(Self.sql(table: table, columns: columns, rows: count)).run(pending)
      pending.removeAll()
    }
    return rows
  }

  func abort() { pending.removeAll() }
}
