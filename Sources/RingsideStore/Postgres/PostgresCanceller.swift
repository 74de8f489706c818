import CLibPQ

/// Asks the server to stop the statement one connection is running, from any thread: the
/// dashboard's worker stops a page or count query a newer key replaced, as
/// `sqlite3_interrupt` does on SQLite. The statement then fails as interrupted (57014); a
/// request that arrives while the connection is idle is ignored by the server.
public final class PostgresCanceller: @unchecked Sendable {
  private let cancel: OpaquePointer

  init?(_ connection: PostgresConnection) {
    guard let cancel = PQgetCancel(connection.handle) else { return nil }
    self.cancel = cancel
  }

  deinit { PQfreeCancel(cancel) }

  /// Sends the cancel request on a connection of its own and waits until the server took it.
  public func cancelRunningStatement() {
    var message = [CChar](repeating: 0, count: 256)
    _ = PQcancel(cancel, &message, Int32(message.count))
  }
}
