/// The columns of one query's rows, in order: each column's SQL and its place in the row come
/// from one enum, so a row is read by name (`row.string(.serial)`), never by a position
/// counted by hand against a column list written elsewhere.
protocol RowColumn: CaseIterable, RawRepresentable where RawValue == Int32 {
  /// The expression that selects the column.
  var sql: String { get }
}

extension RowColumn {
  /// A column list for `SELECT`, in the enum's order.
  static func list(_ columns: [Self]) -> String {
    columns.map(\.sql).joined(separator: ", ")
  }

  /// Every column, for `SELECT`.
  static var all: String { list(Array(allCases)) }
}

extension StoreRow {
  func string<C: RowColumn>(_ column: C) -> String? { string(at: column.rawValue) }
  func int<C: RowColumn>(_ column: C) -> Int64? { int(at: column.rawValue) }
}
