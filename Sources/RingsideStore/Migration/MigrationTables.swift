/// Which tables `migrate` copies, in an order where every row's foreign keys point at rows
/// already copied, and how it reads a table's columns on either backend.
enum MigrationTables {
  /// Copied row by row, ids as they are.
  static let copied = [
    "rings", "policies", "devices", "device_sources", "device_history", "pending_updates",
    "staged_changes", "audit_log", "catalog_overrides", "profile_files", "meta",
  ]

  /// Counts kept by triggers on `devices`: recounted on the target after the devices are in,
  /// then compared with the source like every other table.
  static let recounted = ["fleet_groups", "fleet_checkins"]

  static var all: [String] { copied + recounted }

  /// Kept by PostgreSQL's triggers from `devices` and not copied: a device's `WordGrams`
  /// codes, which a PostgreSQL target gets from the source's devices before they go in (the
  /// triggers would compute them one by one), and a SQLite target has no place for.
  static let derived = ["device_grams"]

  /// A PostgreSQL store's record of the indexes a bulk write took off until its rebuild
  /// (`PostgresSchema.bulkIndexesForAdmins`): neither copied nor compared, since a target
  /// builds its own indexes.
  static let bookkeeping = ["suspended_indexes"]

  /// Columns only PostgreSQL's schema has, filled in by its server (who wrote an audit row and
  /// from where); a SQLite target has no place for them, so they are left behind.
  static let postgresOnly: Set<String> = ["audit_log.database_user", "audit_log.client_host"]

  /// One column: its name and how its values read back from text.
  struct Column: Equatable {
    let name: String
    let kind: PostgresCopyText.ColumnKind
  }

  /// The store's tables (not SQLite's own, nor views).
  static func tables(_ connection: any StoreConnection) throws(StoreError) -> [String] {
    let sql =
      switch connection.dialect {
      case .sqlite:
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name"
      case .postgres:
        """
        SELECT table_name FROM information_schema.tables
        WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name
        """
      }
    return try connection.prepare(sql).query { $0.string(at: 0) ?? "" }
  }

  /// The columns of `table` in their order.
  static func columns(_ table: String, _ connection: any StoreConnection) throws(StoreError)
    -> [Column]
  {
    let sql =
      switch connection.dialect {
      case .sqlite: "SELECT name, type FROM pragma_table_info(?1) ORDER BY cid"
      case .postgres:
        """
        SELECT column_name, data_type FROM information_schema.columns
        WHERE table_schema = current_schema() AND table_name = ?1 ORDER BY ordinal_position
        """
      }
    return try connection.prepare(sql).query([.text(table)]) { row in
      Column(name: row.string(at: 0) ?? "", kind: kind(row.string(at: 1) ?? ""))
    }
  }

  /// SQLite's declared type or PostgreSQL's `data_type`, as a kind of value.
  static func kind(_ declared: String) -> PostgresCopyText.ColumnKind {
    let type = declared.uppercased()
    if type == "BOOLEAN" { return .boolean }
    if type.contains("INT") { return .integer }
    if type.contains("REAL") || type.contains("FLOA") || type.contains("DOUB") { return .real }
    if type == "NUMERIC" { return .integer }
    return .text
  }

  /// The order rows are read in: by id where the table has one, so a SQLite target appends.
  static func orderClause(_ columns: [Column]) -> String {
    columns.contains { $0.name == "id" } ? " ORDER BY id" : ""
  }
}
