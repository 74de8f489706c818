import CLibPQ

/// Statements sent without waiting for their end, so this side goes on with its own work
/// while the server runs them: an import parses and encodes its next 50,000 devices while the
/// server inserts the last ones. Their outcome is read before anything else goes over the
/// connection (every call that talks to the server first calls `finishSent`), so the order
/// of statements, and of their failures, is as if each had been waited for; a failure of
/// theirs is thrown by that next call, naming the statement.
extension PostgresConnection {
  /// Sends `sql` (one or more statements without parameters that return no rows) and returns
  /// at once.
  func send(_ sql: String) throws(StoreError) {
    try finishSent()
    guard PQsendQuery(handle, sql) == 1 else { throw connectionLost() }
    sentSQL = sql
  }

  /// Waits for what `send` sent, if anything; throws its failure (or one a call that could
  /// not throw met: `finishSentKeepingFailure`).
  func finishSent() throws(StoreError) {
    finishSentKeepingFailure()
    if let failure = sentFailure {
      sentFailure = nil
      throw failure
    }
  }

  /// `finishSent` for calls that cannot throw: a failure waits for the next call that can.
  func finishSentKeepingFailure() {
    guard let sql = sentSQL else { return }
    sentSQL = nil
    var answered = false
    while let result = PQgetResult(handle) {
      defer { PQclear(result) }
      answered = true
      if sentFailure == nil {
        do { try check(result, sql: sql) } catch { sentFailure = error }
      }
    }
    if sentFailure == nil && (!answered || PQstatus(handle) != CONNECTION_OK) {
      sentFailure = connectionLost()
    }
  }

  /// Forgets what `send` sent and any failure kept from it, reading what the server still
  /// sends for it: before a ROLLBACK, which undoes it anyway.
  func discardSent() {
    if sentSQL != nil {
      sentSQL = nil
      while let result = PQgetResult(handle) { PQclear(result) }
    }
    sentFailure = nil
  }
}
