/// The store `migrate` copies from, read table by table inside one read transaction, so every
/// table comes from the same moment even while others write; rows stream one at a time
/// (SQLite's statement steps, PostgreSQL's `COPY … TO STDOUT`), never a whole table at once.
final class MigrationSource {
  let store: InventoryStore
  private var reading = false

  init(_ store: InventoryStore) {
    self.store = store
  }

  deinit { end() }

  /// Starts the read transaction.
  func begin() throws(StoreError) {
    switch store.database.dialect {
    case .sqlite:
      try store.database.execute("BEGIN")
      // A deferred transaction takes its snapshot at the first read.
      _ = try store.database.scalar("SELECT COUNT(*) FROM sqlite_master")
    case .postgres:
      try store.database.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
    }
    reading = true
  }

  /// Ends the read transaction (it changed nothing).
  func end() {
    guard reading else { return }
    reading = false
    try? store.database.execute("ROLLBACK")
  }

  /// The rows of `table` that `migrate` copies (`where` narrows them).
  func count(_ table: String, where condition: String?) throws(StoreError) -> Int {
    Int(
      try store.database.scalar(
        "SELECT COUNT(*) FROM \(table)" + (condition.map { " WHERE \($0)" } ?? ""))?.int ?? 0)
  }

  /// Hands every row of `table` (these columns, in this order) to `row`.
  func read(
    _ table: String, columns: [MigrationTables.Column], where condition: String?,
    _ row: ([SQLiteValue]) throws -> Void
  ) throws {
    let query =
      "SELECT \(columns.map { PostgresConnection.quoted($0.name) }.joined(separator: ", ")) FROM \(table)"
      + (condition.map { " WHERE \($0)" } ?? "") + MigrationTables.orderClause(columns)
    if let postgres = store.database as? PostgresConnection {
      try postgres.copyOut(query: query, kinds: columns.map(\.kind), row: row)
      return
    }
    let statement = try store.database.prepare(query)
    try statement.bind([])
    defer { statement.reset() }
    let width = Int32(columns.count)
    var values: [SQLiteValue] = []
    values.reserveCapacity(columns.count)
    while try statement.step() {
      values.removeAll(keepingCapacity: true)
      for index in 0..<width { values.append(statement.value(at: index)) }
      try row(values)
    }
  }
}
