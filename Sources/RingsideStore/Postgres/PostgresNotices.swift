import CLibPQ

extension PostgresConnection {
  /// Starts receiving the notices sent on `channel` on this connection (at once: the
  /// connection is not in a transaction between statements).
  func listen(on channel: String) throws(StoreError) {
    try execute("LISTEN \(channel)")
  }

  /// The payloads of the notices that arrived since the last call, read from what the server
  /// already sent: no round trip. A lost connection is an error, as for a statement.
  func takeNotices() throws(StoreError) -> [String] {
    guard PQconsumeInput(handle) == 1 else { throw connectionLost() }
    var payloads: [String] = []
    while let notice = PQnotifies(handle) {
      payloads.append(notice.pointee.extra.map { String(cString: $0) } ?? "")
      PQfreemem(notice)
    }
    // A session the server ended sends its last message before the end of the stream; libpq
    // files that message as a notice (`sessionEnded`), and the end may be read only later.
    if sessionEnded.pointee != 0 || PQstatus(handle) == CONNECTION_BAD { throw connectionLost() }
    return payloads
  }
}
