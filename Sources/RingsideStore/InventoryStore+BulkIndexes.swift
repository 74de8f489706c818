import Foundation

extension InventoryStore {
  /// Name and CREATE statement of every secondary index on `tables` (by default the device
  /// tables): SQLite's explicit indexes, PostgreSQL's indexes that back no constraint (the
  /// keys an upsert or a lookup by key needs stay).
  func secondaryIndexDefinitions(
    of tables: [String] = ["devices", "device_history", "device_sources"]
  ) throws(StoreError) -> [(String, String)] {
    let names = tables.map { "'\($0)'" }.joined(separator: ", ")
    if database.dialect == .postgres {
      return try database.prepare(
        """
        SELECT indexname, indexdef FROM pg_indexes
        WHERE schemaname = current_schema() AND tablename IN (\(names))
          AND indexname NOT IN (SELECT conname FROM pg_constraint)
        ORDER BY indexname
        """
      ).query { ($0.string(at: 0) ?? "", $0.string(at: 1) ?? "") }
    }
    return try database.prepare(
      """
      SELECT name, sql FROM sqlite_master
      WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (\(names))
      """
    ).query { ($0.string(at: 0) ?? "", $0.string(at: 1) ?? "") }
  }

  /// Drops the indexes `secondaryIndexDefinitions` named.
  func dropIndexes(_ definitions: [(String, String)]) throws(StoreError) {
    for (name, _) in definitions {
      try database.execute("DROP INDEX \(PostgresConnection.quoted(name))")
    }
  }

  /// Table, name and definition of every PostgreSQL foreign key in the store's schema (what
  /// `migrate` takes off its target during the copy).
  func foreignKeyDefinitions() throws(StoreError)
    -> [(table: String, name: String, definition: String)]
  {
    try database.prepare(
      """
      SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint
      WHERE contype = 'f' AND connamespace = current_schema()::regnamespace
      ORDER BY conname
      """
    ).query { ($0.string(at: 0) ?? "", $0.string(at: 1) ?? "", $0.string(at: 2) ?? "") }
  }

  /// How long a bulk write into an empty PostgreSQL store waits for the lock that dropping its
  /// indexes takes (a reader in the middle of a query holds it off) before it keeps them.
  static let bulkIndexLockTimeoutMS = 2_000

  /// Inside a write transaction, before a bulk write: takes the secondary indexes of `tables`
  /// off, so rows go in without maintaining them one by one, and returns the statements that
  /// put them back, for `rebuildIndexes` to run before the commit. Other sessions never see
  /// the store without them.
  ///
  /// On PostgreSQL only when the store holds no devices yet: dropping an index there locks
  /// every reader of the table out until the commit, which costs a reader nothing while there
  /// is nothing to read. There the foreign keys between `tables` go too, each checked again
  /// in one query when added back instead of row by row (1M devices' links: 6 s of the
  /// server's time); a key to another table stays, since its drop would lock that table's
  /// readers out too (`rings`, which every view reads). Keeping ten B-trees and the trigram
  /// index up row by row made a 1M-device import take 90-130 s. The owner's functions do the
  /// drop and the rebuild (`PostgresSchema.bulkIndexesForAdmins`), so a member of
  /// `ringside_admin` gets them too. When the lock does not come within
  /// `bulkIndexLockTimeoutMS`, everything stays and the write goes on row by row.
  func dropIndexesForBulkWrite(of tables: [String]) throws(StoreError) -> [String] {
    guard database.dialect == .postgres else {
      let indexes = try secondaryIndexDefinitions(of: tables)
      try dropIndexes(indexes)
      return indexes.map(\.1)
    }
    let tableList = tables.map { "'\($0)'" }.joined(separator: ", ")
    let lockTimeout =
      try database.scalar("SELECT current_setting('lock_timeout')")?.string ?? "0"
    try database.execute(
      "SAVEPOINT ringside_bulk_indexes; SET LOCAL lock_timeout = \(Self.bulkIndexLockTimeoutMS)")
    let suspended: Int64
    do throws(StoreError) {
      suspended =
        try database.scalar("SELECT ringside_suspend_bulk_indexes(ARRAY[\(tableList)])")?.int ?? 0
    } catch let error where !error.lostConnection {
      try database.execute(
        "ROLLBACK TO SAVEPOINT ringside_bulk_indexes; RELEASE SAVEPOINT ringside_bulk_indexes")
      return []
    }
    try database.execute(
      "RELEASE SAVEPOINT ringside_bulk_indexes; "
        + "SET LOCAL maintenance_work_mem = '\(Self.indexBuildMemory)'")
    _ = try database.scalar(
      "SELECT set_config('lock_timeout', ?1, true)", [.text(lockTimeout)])
    return suspended > 0 ? [Self.rebuildSuspendedIndexes] : []
  }

  /// The statement that builds what `ringside_suspend_bulk_indexes` took off (PostgreSQL).
  static let rebuildSuspendedIndexes = "SELECT ringside_rebuild_bulk_indexes()"

  /// The server memory a PostgreSQL index build may take in a bulk write's transaction (the
  /// trigram index above all: 1M devices, 15 s with it).
  public static let indexBuildMemory = "256MB"

  /// Runs the statements `dropIndexesForBulkWrite` returned.
  func rebuildIndexes(_ statements: [String]) throws(StoreError) {
    for sql in statements { try database.execute(sql) }
  }
}
