/// The steps of one migration inside the target's transaction: refuse a target that holds
/// anything but what `init` writes, replace that, copy table by table, recount what triggers
/// count, and compare every table's rows with the source.
final class MigrationCopier {
  let source: MigrationSource
  let target: InventoryStore
  let createSchema: Bool
  let progress: (String, Int, Int) -> Void
  /// What the source holds, per copied table, as read in its snapshot.
  private var expected: [String: Int] = [:]
  private var suspendedIndexes: [(String, String)] = []
  /// PostgreSQL's foreign keys as (table, name, definition), checked once when added back
  /// instead of by a trigger per row.
  private var suspendedKeys: [(table: String, name: String, definition: String)] = []

  /// What `init` writes into a new store (the default rings, their policies, the states day);
  /// replaced by the source's, never merged with it.
  static let seeded: Set<String> = ["rings", "policies", "meta"]

  init(
    source: MigrationSource, target: InventoryStore, createSchema: Bool,
    progress: @escaping (String, Int, Int) -> Void
  ) {
    self.source = source
    self.target = target
    self.createSchema = createSchema
    self.progress = progress
  }

  /// Rows `migrate` compares and copies: all of them, but each backend keeps its own schema
  /// version in PostgreSQL's `meta`.
  static func condition(_ table: String) -> String? {
    table == "meta" ? "key <> 'schema_version'" : nil
  }

  /// Copies every table; returns the rows each holds on the target.
  func copyAll() throws -> [(String, Int)] {
    if createSchema, let postgres = target.database as? PostgresConnection {
      try PostgresSchema.create(on: postgres, from: 0)
    }
    try refuseContent()
    try target.database.execute(
      """
      DELETE FROM policies; DELETE FROM rings; DELETE FROM meta WHERE key <> 'schema_version';
      DELETE FROM fleet_groups; DELETE FROM fleet_checkins;
      """)
    try suspendCounting()
    var copied: [(String, Int)] = []
    for table in MigrationTables.copied {
      // On PostgreSQL every device's codes go first; the insert trigger need not look for
      // missing ones.
      let codesFirst = table == "devices" && target.database.dialect == .postgres
      if codesFirst {
        copied.append(("device_grams", try copyWordGrams()))
        try target.database.execute("SET LOCAL \(PostgresSchema.gramsWrittenSetting) = 'on'")
      }
      copied.append((table, try copy(table)))
      if codesFirst {
        try target.database.execute("SET LOCAL \(PostgresSchema.gramsWrittenSetting) = 'off'")
      }
    }
    try resumeCounting()
    try resetIdentities()
    for table in MigrationTables.recounted {
      copied.append((table, try targetCount(table)))
    }
    return copied
  }

  /// Compares every table's rows on the target with the source's; throws naming the first
  /// that differs.
  func verifyCounts() throws(StoreError) {
    let derived = target.database.dialect == .postgres ? MigrationTables.derived : []
    for table in MigrationTables.all + derived {
      let wanted: Int
      if let known = expected[table] {
        wanted = known
      } else {
        wanted = try source.count(table, where: Self.condition(table))
      }
      let found = try targetCount(table)
      if wanted != found {
        throw StoreError(
          .corrupt,
          "\(table): the source holds \(wanted) rows, the target \(found) after the copy")
      }
    }
  }

  /// Writes the `WordGrams` codes of every source device into a PostgreSQL target's
  /// `device_grams`, before the devices: the trigger then finds each device's codes there.
  private func copyWordGrams() throws -> Int {
    let columns = (["id"] + WordGrams.textColumns).map {
      MigrationTables.Column(name: $0, kind: $0 == "id" ? .integer : .text)
    }
    let sink = try makeSink("device_grams", columns: ["device_id", "grams"])
    var written = 0
    do {
      try source.read("devices", columns: columns, where: nil) { row in
        try sink.append([row[0], WordGrams.value(of: row, texts: [1, 2, 3, 4])])
        written += 1
      }
      _ = try sink.finish()
    } catch {
      sink.abort()
      throw error
    }
    expected["device_grams"] = written
    return written
  }

  private func targetCount(_ table: String) throws(StoreError) -> Int {
    let condition = Self.condition(table)
    return Int(
      try target.database.scalar(
        "SELECT COUNT(*) FROM \(table)" + (condition.map { " WHERE \($0)" } ?? ""))?.int ?? 0)
  }

  /// Refuses a target that holds devices, audit entries or anything else `init` does not
  /// write: a migration never merges into a store in use.
  private func refuseContent() throws(StoreError) {
    for table in MigrationTables.copied where !Self.seeded.contains(table) {
      let rows = try targetCount(table)
      if rows > 0 {
        throw StoreError(
          .conflict,
          "the target \(target.path) is not empty (\(table) holds \(rows) rows): migrate copies "
            + "only into a new store or one `init` just created, never merging")
      }
    }
  }

  /// Copies one table's rows, the columns both sides have; returns how many.
  private func copy(_ table: String) throws -> Int {
    let sourceColumns = try MigrationTables.columns(table, source.store.database)
    let targetNames = Set(try MigrationTables.columns(table, target.database).map(\.name))
    if sourceColumns.isEmpty {
      throw StoreError(.other, "\(table): the source \(source.store.path) has no such table")
    }
    var columns: [MigrationTables.Column] = []
    for column in sourceColumns {
      if targetNames.contains(column.name) {
        columns.append(column)
      } else if !MigrationTables.postgresOnly.contains("\(table).\(column.name)") {
        throw StoreError(
          .other,
          "\(table): the target \(target.path) has no column \(column.name), which the source has")
      }
    }
    let condition = Self.condition(table)
    let total = try source.count(table, where: condition)
    expected[table] = total
    let sink = try makeSink(table, columns: columns.map(\.name))
    var written = 0
    do {
      try source.read(table, columns: columns, where: condition) { row in
        try sink.append(row)
        written += 1
        if written % StoreMigration.progressEvery == 0 { progress(table, written, total) }
      }
      _ = try sink.finish()
    } catch let error as StoreError {
      sink.abort()
      throw StoreError(error.kind, "\(table): \(error.message)")
    } catch {
      sink.abort()
      throw StoreError(.other, "\(table): \(error)")
    }
    progress(table, written, total)
    return written
  }

  private func makeSink(_ table: String, columns: [String]) throws(StoreError) -> MigrationSink {
    if let postgres = target.database as? PostgresConnection {
      return try postgres.beginCopy(into: table, columns: columns)
    }
    return SQLiteBatchInsert(try target.requireSQLite("migrate"), table: table, columns: columns)
  }

  /// Suspends the fleet counts (`suspendFleetCounts`) and takes the secondary indexes off the
  /// device tables (built once at the end instead of row by row), as the bulk import does; on
  /// PostgreSQL also the foreign keys, each checked once in one query when added back.
  private func suspendCounting() throws(StoreError) {
    suspendedIndexes = try target.secondaryIndexDefinitions()
    try target.dropIndexes(suspendedIndexes)
    if target.database.dialect == .postgres {
      suspendedKeys = try target.foreignKeyDefinitions()
      for (table, name, _) in suspendedKeys {
        try target.database.execute(
          "ALTER TABLE \(table) DROP CONSTRAINT \(PostgresConnection.quoted(name))")
      }
      // Room for the index builds (the trigram index above all); for this transaction only.
      try target.database.execute(
        "SET LOCAL maintenance_work_mem = '\(InventoryStore.indexBuildMemory)'")
    }
    try target.suspendFleetCounts()
  }

  /// Recounts `fleet_groups` and `fleet_checkins` from the copied devices and puts back what
  /// `suspendCounting` took away.
  private func resumeCounting() throws(StoreError) {
    for (_, sql) in suspendedIndexes { try target.database.execute(sql) }
    for (table, name, definition) in suspendedKeys {
      try target.database.execute(
        "ALTER TABLE \(table) ADD CONSTRAINT \(PostgresConnection.quoted(name)) \(definition)")
    }
    try target.resumeFleetCounts()
  }

  /// On PostgreSQL, moves every identity past the largest id copied, so the next row gets a
  /// new one (SQLite takes the largest id + 1 by itself).
  private func resetIdentities() throws(StoreError) {
    guard target.database.dialect == .postgres else { return }
    for table in MigrationTables.copied
    where try MigrationTables.columns(table, target.database).contains(where: { $0.name == "id" }) {
      try target.database.execute(
        """
        SELECT setval(pg_get_serial_sequence('\(table)', 'id'),
          COALESCE((SELECT MAX(id) FROM \(table)), 0) + 1, false)
        """)
    }
  }
}
