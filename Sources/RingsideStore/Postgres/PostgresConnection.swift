import CLibPQ
import Foundation

/// One libpq connection to a PostgreSQL server: connect by URL, execute, prepare,
/// transactions whose writers queue behind one another as SQLite's `BEGIN IMMEDIATE` makes
/// them. Not Sendable: a connection stays on the thread that opened it.
public final class PostgresConnection {
  /// PostgreSQL 13, the oldest release its project still supported when this was written.
  public static let minimumServerVersion: Int32 = 130_000
  /// The writers' turn: the advisory lock every writing transaction takes before it writes
  /// the audit log, staged changes or settings ("RINGSIDE" in ASCII; the one lock older
  /// Ringsides took for every write).
  static let writerLockKey: Int64 = 0x5249_4E47_5349_4445
  /// The devices' turn: taken, before the writers' turn, by every transaction that may write
  /// devices, rings or policies, and held by an import for its whole length ("RS-DEVIC").
  static let devicesLockKey: Int64 = 0x5253_2D44_4556_4943
  /// How long an import, its devices written, waits for the writers' turn to log itself
  /// before giving up (staging writes hold it for milliseconds, and give up themselves
  /// rather than wait for the import).
  static let writersTurnLimitMS = 300_000

  let handle: OpaquePointer
  /// The URL without its password, for messages.
  public let displayName: String
  /// The URL as given (with any password): what a new connection opens; never shown.
  private let url: String
  /// How long a writer waits for another's transaction before giving up, as SQLite's busy
  /// timeout does.
  let busyTimeoutMS: Int
  private var statementCount = 0
  /// What `send` sent and nothing has read the outcome of yet, and a failure read for it by a
  /// call that could not throw (`PostgresConnection+Send.swift`).
  var sentSQL: String?
  var sentFailure: StoreError?
  /// `SELECT lastval()`, compiled once (by name, so no statement object keeps this alive).
  private var lastValueName: String?

  /// Connects with the URL `url` (libpq also reads `PGSERVICE`, `~/.pg_service.conf`,
  /// `PGPASSFILE` and the other `PG…` variables itself). A keyword/value string, or a URL
  /// libpq would misread or quote its password from, is refused first
  /// (`PostgresURL.check`).
  /// A server older than `minimumServerVersion` (libpq's number, 130000 for 13.0) is refused.
  public init(
    url: String, busyTimeoutMS: Int = 5000, connectTimeoutSeconds: Int = 10,
    minimumServerVersion: Int32 = PostgresConnection.minimumServerVersion
  ) throws(StoreError) {
    displayName = PostgresURL.redacted(url)
    let url = try PostgresURL.check(url)
    self.url = url
    self.busyTimeoutMS = busyTimeoutMS
    // Keywords after `dbname` override what the URL says; those before it are defaults.
    let keywords = ["connect_timeout", "fallback_application_name", "dbname", "client_encoding"]
    let values = ["\(connectTimeoutSeconds)", "ringside", url, "UTF8"]
    let conn = Self.withCStrings(keywords) { keys in
      Self.withCStrings(values) { vals in PQconnectdbParams(keys, vals, 1) }
    }
    guard let conn else {
      throw StoreError(.other, "cannot connect to \(displayName): out of memory")
    }
    if PQstatus(conn) != CONNECTION_OK {
      let text = String(cString: PQerrorMessage(conn))
      PQfinish(conn)
      throw PostgresError.connection(
        PostgresSecrets(of: url).scrubbed(text), store: displayName)
    }
    let version = PQserverVersion(conn)
    if version < minimumServerVersion {
      PQfinish(conn)
      throw PostgresError.tooOld(version, minimum: minimumServerVersion, store: displayName)
    }
    sessionEnded.initialize(to: 0)
    ringside_pq_silence_notices(conn, sessionEnded)
    handle = conn
  }

  deinit {
    PQfinish(handle)
    sessionEnded.deallocate()
  }

  /// Set (to 1) by libpq's notice receiver when a FATAL message arrived between queries: the
  /// server ended the session, though the end of the stream may not have been read yet.
  let sessionEnded = UnsafeMutablePointer<Int32>.allocate(capacity: 1)

  /// The server's version as libpq reports it (150004 for 15.4).
  public var serverVersion: Int32 { PQserverVersion(handle) }

  /// Runs one or more statements without parameters that return no rows.
  public func execute(_ sql: String) throws(StoreError) {
    try finishSent()
    let result = PQexec(handle, sql)
    defer { PQclear(result) }
    try check(result)
  }

  /// A statement in SQLite's dialect, translated (`PostgresDialect`); the server compiles it
  /// at its first run, when the parameters' types are known, and keeps it for the next ones.
  public func prepare(_ sql: String) throws(StoreError) -> PostgresStatement {
    PostgresStatement(sql: sql, translated: PostgresDialect.translate(sql), connection: self)
  }

  /// Compiles `sql` on the server under a new name with these parameter types (0: let the
  /// server infer it); returns the name.
  func compile(_ sql: String, types: [UInt32], original: String) throws(StoreError) -> String {
    try finishSent()
    statementCount += 1
    let name = "ringside_\(statementCount)"
    let result = types.withUnsafeBufferPointer {
      PQprepare(handle, name, sql, Int32(types.count), $0.baseAddress)
    }
    defer { PQclear(result) }
    try check(result, sql: original)
    return name
  }

  /// The value the last sequence gave in this session: an identity column's INSERT.
  public var lastInsertRowID: Int64 {
    // A failure of what `send` sent stays for the next call that can throw it.
    finishSentKeepingFailure()
    guard sentFailure == nil else { return 0 }
    if lastValueName == nil {
      lastValueName = try? compile("SELECT lastval()", types: [], original: "SELECT lastval()")
    }
    guard let lastValueName,
      let result = PQexecPrepared(handle, lastValueName, 0, nil, nil, nil, 0)
    else { return 0 }
    defer { PQclear(result) }
    guard PQresultStatus(result) == PGRES_TUPLES_OK, PQntuples(result) == 1 else { return 0 }
    return Int64(String(cString: PQgetvalue(result, 0, 0))) ?? 0
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

  /// Runs `body` in one transaction that may write anything (`WriteKind.everything`).
  public func transaction<T>(_ body: () throws -> T) throws -> T {
    try transaction(as: .everything, body)
  }

  /// Runs `body` in one transaction: all of it is stored, or none of it. Writers queue behind
  /// advisory locks, as SQLite's behind `BEGIN IMMEDIATE`, and one that waits longer than the
  /// busy timeout for its turn gets a `.busy` error. A write of every kind but `.staging` takes
  /// the devices' turn first; every kind but `.devices` then takes the writers' turn, which an
  /// import takes only before its audit entry (`takeWritersTurn`). So a stage waits for other
  /// stages, never for an import, and two imports, or an import and an apply, still take turns.
  ///
  /// A lost connection is reported with what became of the write (`WriteOutcome`): before
  /// COMMIT was sent, nothing was saved; after, the transaction's id (read just before
  /// COMMIT) lets a new connection ask the server (`transactionOutcome`); a transaction that
  /// wrote nothing has no id and saved nothing either way.
  public func transaction<T>(as kind: WriteKind, _ body: () throws -> T) throws -> T {
    var transactionID: Int64?
    var commitSent = false
    holdsWritersTurn = kind != .devices
    defer { holdsWritersTurn = true }
    do {
      let turns: [Int64] =
        switch kind {
        case .everything: [Self.devicesLockKey, Self.writerLockKey]
        case .staging: [Self.writerLockKey]
        case .devices: [Self.devicesLockKey]
        }
      // A staging write keeps the busy timeout for every lock it meets: behind an import's
      // rows it gives up, instead of holding the writers' turn the import needs to commit.
      try execute(
        "BEGIN; SET LOCAL lock_timeout = \(busyTimeoutMS); "
          + turns.map { "SELECT pg_advisory_xact_lock(\($0)); " }.joined()
          + (kind == .staging ? "" : "SET LOCAL lock_timeout = 0"))
      let result = try body()
      // None when the transaction wrote nothing: then there is nothing a lost COMMIT could
      // have saved (and a read-only server is not asked for an id).
      transactionID = try text("SELECT pg_current_xact_id_if_assigned()").flatMap { Int64($0) }
      commitSent = true
      try commit()
      return result
    } catch let error as StoreError where error.lostConnection {
      guard commitSent, let transactionID else {
        throw error.with(.notSaved, note: Self.note(.notSaved))
      }
      throw settle(error, transaction: transactionID)
    } catch {
      discardSent()
      _ = PQexec(handle, "ROLLBACK").map { PQclear($0) }
      throw error
    }
  }

  /// False inside a `.devices` transaction until it takes the writers' turn.
  private var holdsWritersTurn = true

  /// Inside a `.devices` transaction (an import): takes the writers' turn, asking for it every
  /// 20 ms rather than queueing for it. The import holds rows and, into an empty store, the
  /// devices table that a stage holding the writers' turn may be waiting for; queued, the
  /// server could end that deadlock by cancelling the import. Asking leaves the stage to give
  /// up at its busy timeout instead. Gives up after `writersTurnLimitMS`.
  public func takeWritersTurn() throws(StoreError) {
    guard !holdsWritersTurn else { return }
    let start = DispatchTime.now().uptimeNanoseconds
    while try scalar("SELECT pg_try_advisory_xact_lock(\(Self.writerLockKey))::int")?.int != 1 {
      let waited = (DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
      guard waited < Self.writersTurnLimitMS else {
        throw StoreError(
          .busy,
          "the store \(displayName) stayed locked by another session: no turn to write the audit log in \(Self.writersTurnLimitMS / 1000) s"
        )
      }
      usleep(20_000)
    }
    holdsWritersTurn = true
  }

  /// Test seams around COMMIT: run just before it is sent and just after (before its answer
  /// is read), to lose the connection at either moment.
  var beforeSendingCommit: (() -> Void)?
  var afterSendingCommit: (() -> Void)?

  /// Sends COMMIT and reads its answer.
  private func commit() throws(StoreError) {
    try finishSent()
    beforeSendingCommit?()
    guard PQsendQuery(handle, "COMMIT") == 1 else { throw connectionLost() }
    afterSendingCommit?()
    var failure: StoreError?
    var answered = false
    while let result = PQgetResult(handle) {
      defer { PQclear(result) }
      answered = true
      if failure == nil {
        do { try check(result) } catch { failure = error }
      }
    }
    if let failure { throw failure }
    if !answered || PQstatus(handle) != CONNECTION_OK { throw connectionLost() }
  }

  /// `error` (a lost connection after COMMIT was sent) with what the server says became of the
  /// transaction, asked on a new connection; still `.unknown` when the server cannot be
  /// reached now (the dashboard asks again once it has reconnected).
  private func settle(_ error: StoreError, transaction id: Int64) -> StoreError {
    let outcome =
      (try? PostgresConnection(url: url, connectTimeoutSeconds: 5).transactionOutcome(id))
      ?? .unknown(transaction: id)
    return error.with(outcome, note: Self.note(outcome))
  }

  /// What a message adds for a write's outcome after the connection was lost.
  public static func note(_ outcome: WriteOutcome) -> String {
    switch outcome {
    case .notSaved: "nothing was saved"
    case .saved: "the change was saved (the server confirmed it after the connection dropped)"
    case .unknown:
      "COMMIT was sent but its answer was lost and the server cannot tell yet whether the "
        + "change was saved: look before doing it again"
    }
  }

  /// The first value of a query without parameters, as text (one round trip, nothing
  /// prepared).
  private func text(_ sql: String) throws(StoreError) -> String? {
    try finishSent()
    let result = PQexec(handle, sql)
    defer { PQclear(result) }
    try check(result, sql: sql)
    guard let result, PQntuples(result) > 0, PQgetisnull(result, 0, 0) == 0 else { return nil }
    return String(cString: PQgetvalue(result, 0, 0))
  }

  /// The socket under the connection, for tests that break it.
  var socket: Int32 { PQsocket(handle) }

  /// What became of the transaction `id` (from a lost connection's `.unknown` outcome), asked
  /// of the server on this connection: `.saved` once it committed, `.notSaved` once it was
  /// rolled back, `.unknown` while it is still in progress after `waitSeconds` (its session
  /// may still be ending) or when the server no longer remembers it.
  public func transactionOutcome(_ id: Int64, waitSeconds: Double = 5) throws(StoreError)
    -> WriteOutcome
  {
    let deadline = Date().addingTimeInterval(waitSeconds)
    while true {
      switch try text("SELECT pg_xact_status('\(id)'::xid8)") {
      case "committed": return .saved
      case "aborted": return .notSaved
      case "in progress" where Date() < deadline: Thread.sleep(forTimeInterval: 0.05)
      default: return .unknown(transaction: id)
      }
    }
  }

  /// Throws the failure `result` carries, if any.
  func check(_ result: OpaquePointer?, sql: String? = nil) throws(StoreError) {
    guard let result else {
      throw connectionLost()
    }
    switch PQresultStatus(result) {
    case PGRES_COMMAND_OK, PGRES_TUPLES_OK, PGRES_EMPTY_QUERY, PGRES_COPY_IN, PGRES_COPY_OUT:
      return
    default:
      if PQstatus(handle) != CONNECTION_OK { throw connectionLost() }
      var text = String(cString: PQresultErrorMessage(result))
      if let sql { text += " in: " + sql.prefix(200) }
      throw PostgresError.statement(Self.sqlState(result), text, store: displayName)
    }
  }

  /// The SQLSTATE of a failed result ("" when it has none).
  static func sqlState(_ result: OpaquePointer) -> String {
    PQresultErrorField(result, Int32(UInt8(ascii: "C"))).map { String(cString: $0) } ?? ""
  }

  func connectionLost() -> StoreError {
    let said = String(cString: PQerrorMessage(handle))
    return PostgresError.statement(
      "08006", said.isEmpty ? "the server closed the connection" : said, store: displayName)
  }

  /// Calls `body` with a NULL-terminated array of C strings that live as long as the call.
  private static func withCStrings<R>(
    _ strings: [String], _ body: (UnsafePointer<UnsafePointer<CChar>?>) -> R
  ) -> R {
    let copies = strings.map { strdup($0) }
    defer { for copy in copies { free(copy) } }
    let pointers = copies.map { UnsafePointer($0) } + [nil]
    return pointers.withUnsafeBufferPointer { body($0.baseAddress!) }
  }
}
