/// What became of a write whose connection to the PostgreSQL server was lost.
///
/// The rule: a transaction whose COMMIT was never sent cannot have been saved (the server
/// rolls it back when the session ends). Once COMMIT was sent, only the server knows: the
/// transaction's id, taken just before COMMIT, is looked up afterwards with
/// `pg_xact_status`, on a new connection, and the write is reported saved only when the
/// server says it committed.
public enum WriteOutcome: Sendable, Equatable {
  /// The connection dropped before COMMIT was sent: nothing was stored.
  case notSaved
  /// COMMIT was sent but its answer was lost; the server's transaction `transaction` tells.
  case unknown(transaction: Int64)
  /// The server confirmed, after the connection dropped, that the transaction committed.
  case saved
}
