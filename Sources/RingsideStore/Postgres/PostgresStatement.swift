import CLibPQ
import Foundation

/// A statement prepared on the server, with the same calls as `SQLiteStatement`: bind, step
/// through the rows, read columns. The rows of one execution arrive together.
public final class PostgresStatement {
  /// The SQL as the store wrote it (for messages) and as the server reads it.
  let sql: String
  let translated: String
  // Strong: a statement may outlive every other reference to its connection.
  let connection: PostgresConnection
  /// Server-side names by the parameter types they were compiled for.
  private var compiled: [[UInt32]: String] = [:]
  private var parameters: [SQLiteValue] = []
  private var result: OpaquePointer?
  private var row: Int32 = -1
  private var rowCount: Int32 = 0

  init(sql: String, translated: String, connection: PostgresConnection) {
    self.sql = sql
    self.translated = translated
    self.connection = connection
  }

  deinit {
    if let result { PQclear(result) }
    // In an aborted transaction this fails and the server drops them with the session.
    if !compiled.isEmpty { connection.finishSentKeepingFailure() }
    for name in compiled.values {
      if let done = PQexec(connection.handle, "DEALLOCATE \(name)") { PQclear(done) }
    }
  }

  /// PostgreSQL types for the bound values, tried in turn until the server accepts the SQL:
  /// first all inferred from the SQL (SQLite's loose typing needs that: `(a > b) = ?1` with 1),
  /// then integers and reals as such with NULLs as text, then NULLs as integers (for
  /// `?1 IS NULL OR id = ?1`, where nothing says what a NULL is), then text as text (for
  /// `?1 IS NULL OR key = ?1` with a string).
  private func typeChoices() -> [[UInt32]] {
    let inferred = [UInt32](repeating: 0, count: parameters.count)
    func typed(null: UInt32, text: UInt32 = 0) -> [UInt32] {
      parameters.map {
        switch $0 {
        case .null: null
        case .integer: 20
        case .real: 701
        case .text: text
        }
      }
    }
    var choices: [[UInt32]] = []
    let all = [inferred, typed(null: 25), typed(null: 20), typed(null: 25, text: 25)]
    for choice in all where !choices.contains(choice) {
      choices.append(choice)
    }
    return choices
  }

  /// The server-side statement for the bound values' types, compiled on first use.
  private func statementName() throws(StoreError) -> String {
    var firstError: StoreError?
    let choices = typeChoices()
    for types in choices {
      if let name = compiled[types] { return name }
    }
    // A failed compile would end the transaction it is in; a savepoint keeps it going.
    let guarded = choices.count > 1 && PQtransactionStatus(connection.handle) == PQTRANS_INTRANS
    for types in choices {
      do {
        if guarded { try connection.execute("SAVEPOINT ringside_compile") }
        let name = try connection.compile(translated, types: types, original: sql)
        if guarded { try connection.execute("RELEASE SAVEPOINT ringside_compile") }
        compiled[types] = name
        return name
      } catch {
        if guarded { try? connection.execute("ROLLBACK TO SAVEPOINT ringside_compile") }
        // Only a type the server could not settle is worth another try.
        let retry =
          error.message.contains("could not determine data type")
          || error.message.contains("operator does not exist")
        if firstError == nil { firstError = error }
        if !retry { throw error }
      }
    }
    throw firstError ?? StoreError(.other, "store \(connection.displayName): cannot prepare")
  }

  /// Clears previous bindings and binds `values` to `?1…?n`.
  public func bind(_ values: [SQLiteValue]) throws(StoreError) {
    reset()
    parameters = values
  }

  public func bind(_ value: SQLiteValue, at index: Int32) throws(StoreError) {
    reset()
    let slot = Int(index) - 1
    guard slot >= 0 else {
      throw StoreError(.other, "store \(connection.displayName): parameter \(index) out of range")
    }
    if parameters.count <= slot {
      parameters += Array(repeating: .null, count: slot + 1 - parameters.count)
    }
    parameters[slot] = value
  }

  /// Advances; true when a row is available. The first call runs the statement.
  @discardableResult
  public func step() throws(StoreError) -> Bool {
    if result == nil { try executeNow() }
    row += 1
    return row < rowCount
  }

  private func executeNow() throws(StoreError) {
    let texts: [String?] = parameters.map {
      switch $0 {
      case .null: nil
      case .integer(let v): String(v)
      case .real(let v): "\(v)"
      case .text(let v): v
      }
    }
    let copies: [UnsafeMutablePointer<CChar>?] = texts.map { $0.map { strdup($0) } ?? nil }
    defer { for copy in copies { free(copy) } }
    let pointers: [UnsafePointer<CChar>?] = copies.map { $0.map { UnsafePointer($0) } }
    let name = try statementName()
    try connection.finishSent()
    let executed = pointers.withUnsafeBufferPointer {
      PQexecPrepared(connection.handle, name, Int32(texts.count), $0.baseAddress, nil, nil, 0)
    }
    do {
      try connection.check(executed)
    } catch {
      if let executed { PQclear(executed) }
      throw error
    }
    result = executed
    row = -1
    rowCount = PQntuples(executed)
  }

  /// Binds, runs to completion and resets: for INSERT/UPDATE/DELETE.
  public func run(_ values: [SQLiteValue] = []) throws(StoreError) {
    try bind(values)
    try executeNow()
    reset()
  }

  /// Rows the last run changed (INSERT/UPDATE/DELETE).
  public var changes: Int {
    guard let result, let text = PQcmdTuples(result) else { return 0 }
    return Int(String(cString: text)) ?? 0
  }

  public var columnCount: Int32 { result.map { PQnfields($0) } ?? 0 }

  public func value(at i: Int32) -> SQLiteValue {
    guard let result, row < rowCount, PQgetisnull(result, row, i) == 0 else { return .null }
    let text = String(cString: PQgetvalue(result, row, i))
    switch PQftype(result, i) {
    case 20, 21, 23: return Int64(text).map { .integer($0) } ?? .text(text)
    case 16: return .integer(text == "t" ? 1 : 0)
    case 700, 701: return Double(text).map { .real($0) } ?? .text(text)
    // numeric: SUM() of integers is one, and SQLite gives an integer there.
    case 1700:
      if let whole = Int64(text) { return .integer(whole) }
      return Double(text).map { .real($0) } ?? .text(text)
    default: return .text(text)
    }
  }

  public func string(at i: Int32) -> String? {
    guard let result, row < rowCount, PQgetisnull(result, row, i) == 0 else { return nil }
    if PQftype(result, i) == 16 {
      return PQgetvalue(result, row, i).pointee == CChar(UInt8(ascii: "t")) ? "1" : "0"
    }
    return String(cString: PQgetvalue(result, row, i))
  }

  public func int(at i: Int32) -> Int64? {
    switch value(at: i) {
    case .null: nil
    case .integer(let v): v
    case .real(let v): Int64(exactly: v.rounded(.towardZero))
    case .text(let v): Int64(v) ?? 0
    }
  }

  public func reset() {
    if let result { PQclear(result) }
    result = nil
    row = -1
    rowCount = 0
  }
}
