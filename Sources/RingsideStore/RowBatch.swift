/// Rows for one table held back and written many to a statement: on SQLite one statement
/// per batch costs about half of one per row, on PostgreSQL one round trip replaces one per
/// row. A full batch goes in one statement; `write()` sends what is left row by row.
final class RowBatch {
  /// The statement for one row, and for `rowsPerStatement` of them.
  private let one: any StoreStatement
  private let many: any StoreStatement
  private let valuesPerRow: Int
  private let rowsPerStatement: Int
  private var pending: [SQLiteValue] = []

  /// `sql(n)` is the INSERT of `n` rows of `valuesPerRow` parameters each.
  init(
    _ database: any StoreConnection, valuesPerRow: Int, rowsPerStatement: Int,
    sql: (Int) -> String
  ) throws(StoreError) {
    one = try database.prepare(sql(1))
    many = try database.prepare(sql(rowsPerStatement))
    self.valuesPerRow = valuesPerRow
    self.rowsPerStatement = rowsPerStatement
  }

  /// True when a whole statement's rows wait: time to `write()`.
  var isFull: Bool { pending.count == valuesPerRow * rowsPerStatement }

  /// Holds back one row's values.
  func append(_ values: [SQLiteValue]) {
    pending += values
  }

  /// Writes every row held back: a full batch in one statement, fewer row by row.
  func write() throws(StoreError) {
    if isFull {
      try many.run(pending)
    } else {
      var start = 0
      while start < pending.count {
        try one.run(Array(pending[start..<start + valuesPerRow]))
        start += valuesPerRow
      }
    }
    pending.removeAll(keepingCapacity: true)
  }
}
