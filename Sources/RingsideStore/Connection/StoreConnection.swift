/// One row of a result, read by column number: what the store's queries read, whichever
/// backend answered.
public protocol StoreRow: AnyObject {
  var columnCount: Int32 { get }
  func value(at i: Int32) -> SQLiteValue
  func string(at i: Int32) -> String?
  func int(at i: Int32) -> Int64?
}

/// A prepared statement on either backend: bind `?1…?n`, step through rows, read columns.
public protocol StoreStatement: StoreRow {
  /// Clears previous bindings and binds `values` to `?1…?n`.
  func bind(_ values: [SQLiteValue]) throws(StoreError)
  func bind(_ value: SQLiteValue, at index: Int32) throws(StoreError)
  /// Advances; true when a row is available.
  @discardableResult func step() throws(StoreError) -> Bool
  /// Binds, runs to completion and resets: for INSERT/UPDATE/DELETE.
  func run(_ values: [SQLiteValue]) throws(StoreError)
  func reset()
}

extension StoreStatement {
  public func run() throws(StoreError) { try run([]) }

  /// Binds and collects every row through `row`.
  public func query<T>(_ values: [SQLiteValue] = [], _ row: (any StoreRow) -> T)
    throws(StoreError) -> [T]
  {
    try bind(values)
    var out: [T] = []
    while try step() { out.append(row(self)) }
    reset()
    return out
  }
}

/// A connection to the store's database, SQLite or PostgreSQL: the seam every query goes
/// through. SQL is written once in SQLite's dialect with `?N` parameters; the PostgreSQL side
/// translates what differs.
public protocol StoreConnection: AnyObject {
  associatedtype Statement: StoreStatement
  /// Runs one or more statements that return no rows.
  func execute(_ sql: String) throws(StoreError)
  /// Compiles a statement for repeated use.
  func prepare(_ sql: String) throws(StoreError) -> Statement
  /// The first column of the first row, or nil.
  func scalar(_ sql: String, _ bindings: [SQLiteValue]) throws(StoreError) -> SQLiteValue?
  /// Runs `body` in one writing transaction: all of it is stored, or none of it; writers take
  /// turns.
  func transaction<T>(_ body: () throws -> T) throws -> T
  /// The same, for a write of `kind`: on PostgreSQL a staging write and an import each take
  /// only the turn they need (`WriteKind`).
  func transaction<T>(as kind: WriteKind, _ body: () throws -> T) throws -> T
  /// Inside a transaction of kind `.devices`: waits for the writers' turn, which every write of
  /// the audit log needs (its entries are chained one after another). Taken once; nothing to
  /// do in other transactions or on SQLite.
  func takeWritersTurn() throws(StoreError)
  /// The id the last INSERT into a table with an integer key gave its row.
  var lastInsertRowID: Int64 { get }
  /// The backend, for the few places whose SQL differs.
  var dialect: SQLDialect { get }
}

extension StoreConnection {
  public func scalar(_ sql: String) throws(StoreError) -> SQLiteValue? { try scalar(sql, []) }
}

/// Which SQL dialect a connection speaks.
public enum SQLDialect: Sendable {
  case sqlite, postgres
}

extension SQLiteStatement: StoreStatement {}
extension PostgresStatement: StoreStatement {}

extension SQLiteDatabase: StoreConnection {
  public var dialect: SQLDialect { .sqlite }
}

extension PostgresConnection: StoreConnection {
  public var dialect: SQLDialect { .postgres }
}
