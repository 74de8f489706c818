import RingsideDomain

extension InventoryStore {
  /// Brings the PostgreSQL database `connection` serves to the current schema, or refuses it:
  /// a newer schema is never altered, a database without one is created only by `create`
  /// (which also makes the admin and viewer roles). A reading session stays read-only.
  func preparePostgres(_ connection: PostgresConnection, create: Bool) throws(StoreError) {
    let hasMeta = try connection.scalar("SELECT to_regclass('meta') IS NOT NULL")?.int == 1
    let version =
      hasMeta
      ? Int(
        try connection.scalar("SELECT value FROM meta WHERE key = 'schema_version'")?.string ?? "0")
        ?? 0 : 0
    if version > PostgresSchema.currentVersion {
      throw StoreError(
        .newerSchema,
        "the store \(path) was created by a newer Ringside (schema \(version), this one knows up to \(PostgresSchema.currentVersion)); upgrade Ringside to open it"
      )
    }
    if version == 0 {
      // A database holding tables of another application (or a Ringside store that lost its
      // `meta`) is not one to create a store in: the schema would collide with them.
      let foreign = try connection.prepare(
        "SELECT table_name::text FROM information_schema.tables "
          + "WHERE table_schema = current_schema() ORDER BY table_name LIMIT 4"
      ).query { $0.string(at: 0) ?? "" }
      if !foreign.isEmpty {
        let names = foreign.prefix(3).map { Sanitized.text($0, limit: 40) }.joined(separator: ", ")
        throw StoreError(
          .notFound,
          "the database at \(path) holds tables that are not a Ringside store (\(names)"
            + (foreign.count > 3 ? ", …" : "") + "): give Ringside an empty database of its own")
      }
    }
    if version < PostgresSchema.currentVersion {
      guard create, !isReadOnly else {
        throw StoreError(
          version == 0 ? .notFound : .readOnly,
          version == 0
            ? "no store at \(path): create one with `ringside init --db \(path)`"
            : "the store \(path) is from an older Ringside and needs an upgrade: run `ringside init --db \(path)` as its owner"
        )
      }
      do {
        try connection.transaction {
          try PostgresSchema.create(on: connection, from: version)
          if version == 0 {
            for (position, name) in Ring.defaultNames.enumerated() {
              _ = try insertRing(name: name, position: position)
            }
            try recordStatesDerived()
          }
        }
      } catch let error as StoreError {
        throw error
      } catch {
        throw StoreError(.other, "store \(path): \(error)")
      }
    }
    if isReadOnly {
      try connection.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY")
    }
  }
}

extension InventoryStore {
  /// What became of the transaction `id` whose COMMIT answer a lost connection swallowed
  /// (`WriteOutcome.unknown`), asked of the server on this store's connection.
  public func outcome(ofTransaction id: Int64) throws(StoreError) -> WriteOutcome {
    guard let postgres = database as? PostgresConnection else { return .unknown(transaction: id) }
    return try postgres.transactionOutcome(id)
  }
}

extension PostgresSchema {
  /// Brings the schema from `version` to the current one and grants the two roles, inside the
  /// caller's transaction (so `migrate` can create a target's schema and fill it at once).
  static func create(on connection: PostgresConnection, from version: Int) throws(StoreError) {
    try connection.execute(PostgresDialect.functions)
    for migration in migrations where migration.version > version {
      try connection.execute(migration.sql)
    }
    try connection.prepare(
      """
      INSERT INTO meta(key, value) VALUES ('schema_version', ?1)
      ON CONFLICT (key) DO UPDATE SET value = excluded.value
      """
    ).run([.text(String(currentVersion))])
    try connection.execute(roles)
  }
}

extension InventoryStore {
  /// After a bulk write into PostgreSQL (import, migrate): the planner's statistics for the
  /// tables it filled, which autovacuum would gather only a while later. Until then a freshly
  /// filled store looks empty to the planner, and a word filter reads every device (2.9 s at
  /// 1M) instead of asking the trigram index (0.2 ms). The owner's function runs it, so that
  /// an admin who does not own the tables gets it too (`PostgresSchema.bulkIndexesForAdmins`).
  /// Nothing to do on SQLite.
  public func refreshStatistics() throws(StoreError) {
    guard sqlite == nil, !isReadOnly else { return }
    try database.execute("SELECT ringside_refresh_statistics()")
  }
}

extension InventoryStore {
  /// Bounds how long any later query of this connection may take, waiting for a lock
  /// included, for a caller that must answer in time (a monitoring check): past it the query
  /// fails as `.busy` (a lock another session holds, such as a first import's) or
  /// `.interrupted`. On PostgreSQL a reader waits for a lock as long as its holder keeps it;
  /// a SQLite reader in WAL mode never waits for a writer, so there is nothing to bound.
  public func limitQueryTime(milliseconds: Int) throws(StoreError) {
    guard sqlite == nil else { return }
    // The lock's limit comes first, so a wait for another session's lock says so.
    try limitLockWait(milliseconds: milliseconds)
    try database.execute("SET statement_timeout = \(max(1, milliseconds) + 500)")
  }

  /// Bounds how long a later query of this connection waits for a lock another session holds
  /// (a first import's, a schema migration's), after which it fails as `.busy`; the query
  /// itself may take as long as it takes. Writes keep their own limit (the busy timeout).
  public func limitLockWait(milliseconds: Int) throws(StoreError) {
    guard sqlite == nil else { return }
    try database.execute("SET lock_timeout = \(max(1, milliseconds))")
  }
}
