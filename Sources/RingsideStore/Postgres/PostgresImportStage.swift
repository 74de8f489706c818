import RingsideDomain

/// On PostgreSQL, what an import writes, held back and sent in bulk: new devices and their
/// source links stream through `COPY` into temporary staging tables and reach `devices` and
/// `device_sources` in one `INSERT … SELECT` each per flush; rewritten devices and re-recorded
/// source links likewise, applied with one `UPDATE … FROM` and one upsert. New devices go
/// first, so every row an update or link names exists.
///
/// Until a flush the database lacks these rows, so the session reads through the stage:
/// `updated(id:)` and `linkedDevice` give what is held back, `holdsNew…` say when a read must
/// flush first. A rewrite that changes a device's key is not held back (the session flushes
/// and writes it at once), so a held-back update never moves a key another row may claim.
/// The staging tables are temporary and dropped at the commit (a rollback undoes their
/// creation), so nothing of them outlives the import's transaction.
final class PostgresImportStage {
  /// A source's id for a device: the key of `device_sources`.
  struct LinkKey: Hashable {
    let source: String
    let externalID: String
  }

  /// How many new devices are held back before a flush (about 12 MB of text), and twice as
  /// many links; rewrites and re-recorded links two fifths as many, since each keeps its device
  /// to read. Tests lower it to flush often.
  @TaskLocal static var rowsPerFlush = 50_000

  static let newDevicesTable = "ringside_import_devices"
  static let newLinksTable = "ringside_import_links"
  static let updatesTable = "ringside_import_updates"
  static let linkUpdatesTable = "ringside_import_link_updates"
  /// History rows in the order they came (`position`), appended to `device_history` in it.
  static let historyTable = "ringside_import_history"
  static let linkColumns = ["device_id", "source", "external_id", "last_seen"]
  /// A new device's columns here: `DeviceWriter.rowColumns`, then its `WordGrams` codes,
  /// which this side computes and writes to `device_grams` before the device (the server's
  /// trigger would take 90 µs a device to compute them, and 8 µs to find they are there, so
  /// it stands aside: `PostgresSchema.gramsWrittenSetting`).
  static let newDeviceColumns = DeviceWriter.rowColumns + ["grams"]

  private let connection: PostgresConnection
  private let rowsPerFlush = PostgresImportStage.rowsPerFlush

  /// How many new devices fill the stage.
  var capacity: Int { rowsPerFlush }
  private var tablesCreated = false
  private var newDevices = PostgresCopyRows(columns: newDeviceColumns.count)
  private var newKeys: Set<String> = []
  private var newIDs: Set<Int64> = []
  private var newLinks = PostgresCopyRows(columns: linkColumns.count)
  private var newLinkKeys: Set<LinkKey> = []
  /// Rewritten devices by row id: the last rewrite of each, with its row as `rowValues` gives.
  private var updates: [Int64: (device: Device, row: [SQLiteValue])] = [:]
  /// Links of stored devices to record (or move, or see again), the last one per key.
  private var linkUpdates: [LinkKey: (deviceID: Int64, seen: SQLiteValue)] = [:]
  /// Versions to append to devices' histories (`DeviceWriter.historyValues`), in order, and
  /// the same versions by device, as a read of the history returns them.
  private var history = PostgresCopyRows(columns: DeviceWriter.historyColumns.count)
  private var historyOf: [Int64: [AppleOSVersion]] = [:]

  init(connection: PostgresConnection) {
    self.connection = connection
  }

  /// True when nothing is held back.
  var isEmpty: Bool {
    newDevices.isEmpty && newLinks.isEmpty && updates.isEmpty && linkUpdates.isEmpty
      && history.isEmpty
  }

  /// True when enough is held back that it should be written now.
  var isFull: Bool {
    newDevices.count >= rowsPerFlush || newLinks.count >= 2 * rowsPerFlush
      || updates.count * 5 >= rowsPerFlush * 2 || linkUpdates.count * 5 >= rowsPerFlush * 2
      || history.count >= rowsPerFlush
  }

  /// Holds back a new device's row (`DeviceWriter.rowValues`, id first).
  func insert(id: Int64, key: String, row: [SQLiteValue]) throws(StoreError) {
    try newDevices.append(row + [WordGrams.value(of: row, texts: Self.textColumns)])
    newKeys.insert(key)
    newIDs.insert(id)
  }

  /// Where the texts `WordGrams` reads are in `DeviceWriter.rowColumns`.
  private static let textColumns = WordGrams.textColumns.map {
    DeviceWriter.rowColumns.firstIndex(of: $0)!
  }

  /// True when a new device held back has this key or row id: a read for it must flush first.
  func holdsNewDevice(key: String? = nil, id: Int64? = nil) -> Bool {
    if let key, newKeys.contains(key) { return true }
    if let id, newIDs.contains(id) { return true }
    return false
  }

  /// Holds back a new device's link. The caller flushes first when `linkUpdates` holds the
  /// same key (`holdsLinkUpdate`), so one key is never in both.
  func insertLink(_ key: LinkKey, deviceID: Int64, seen: SQLiteValue) throws(StoreError) {
    try Self.naming(key) { () throws(StoreError) in
      try newLinks.append([.integer(deviceID), .text(key.source), .text(key.externalID), seen])
    }
    newLinkKeys.insert(key)
  }

  /// True when a new device's link held back has this key.
  func holdsNewLink(_ key: LinkKey) -> Bool { newLinkKeys.contains(key) }

  /// True when a re-recorded link held back has this key.
  func holdsLinkUpdate(_ key: LinkKey) -> Bool { linkUpdates[key] != nil }

  /// Holds back a stored device's rewrite (its key unchanged); a later one replaces it.
  func update(id: Int64, to device: Device, row: [SQLiteValue]) {
    updates[id] = (device, row)
  }

  /// The rewrite of stored device `id` held back, if any: what a read of it must return.
  func updated(id: Int64) -> Device? { updates[id]?.device }

  /// Holds back "`key` names device `deviceID`, seen then", an upsert of `device_sources`.
  /// The caller flushes first when a new link with the same key is held back.
  func link(_ key: LinkKey, deviceID: Int64, seen: SQLiteValue) {
    linkUpdates[key] = (deviceID, seen)
  }

  /// The device a re-recorded link held back names, if any.
  func linkedDevice(_ key: LinkKey) -> Int64? { linkUpdates[key]?.deviceID }

  /// Holds back one `device_history` row of a stored device; `version` is the row's version
  /// as a read of the history gives it.
  func appendHistory(deviceID: Int64, row: [SQLiteValue], version: AppleOSVersion)
    throws(StoreError)
  {
    try history.append(row)
    historyOf[deviceID, default: []].append(version)
  }

  /// The versions held back for device `id`'s history, oldest first: they follow every row
  /// the database has for it.
  func history(of id: Int64) -> [AppleOSVersion] { historyOf[id] ?? [] }

  /// Writes everything held back: new devices, their links, then updates, re-recorded links
  /// and history rows, each copied into its staging table and moved on in one statement.
  func flush() throws(StoreError) {
    guard !isEmpty else { return }
    try createTables()
    let deviceColumns = DeviceWriter.rowColumns.joined(separator: ", ")
    let linkColumns = Self.linkColumns.joined(separator: ", ")
    let historyColumns = DeviceWriter.historyColumns.joined(separator: ", ")
    // Every row is copied first, then one batch of statements merges them, sent without
    // waiting (`PostgresConnection.send`), so this side reads and encodes the next records
    // while the server writes these: codes, new devices, the links to them, rewrites,
    // re-recorded links, then history (whose rows may name a device of this flush).
    var merge: [String] = []
    if !newDevices.isEmpty {
      try connection.copyIn(
        into: Self.newDevicesTable, columns: Self.newDeviceColumns, rows: newDevices)
      merge.append(
        """
        SET LOCAL \(PostgresSchema.gramsWrittenSetting) = 'on';
        INSERT INTO device_grams (device_id, grams) SELECT id, grams FROM \(Self.newDevicesTable);
        INSERT INTO devices (\(deviceColumns)) SELECT \(deviceColumns) FROM \(Self.newDevicesTable);
        SET LOCAL \(PostgresSchema.gramsWrittenSetting) = 'off';
        TRUNCATE \(Self.newDevicesTable);
        """)
      newDevices.removeAll()
      newKeys.removeAll(keepingCapacity: true)
      newIDs.removeAll(keepingCapacity: true)
    }
    if !newLinks.isEmpty {
      try connection.copyIn(into: Self.newLinksTable, columns: Self.linkColumns, rows: newLinks)
      merge.append(
        """
        INSERT INTO device_sources (\(linkColumns)) SELECT \(linkColumns) FROM \(Self.newLinksTable);
        TRUNCATE \(Self.newLinksTable);
        """)
      newLinks.removeAll()
      newLinkKeys.removeAll(keepingCapacity: true)
    }
    if !updates.isEmpty {
      var rows = PostgresCopyRows(columns: DeviceWriter.rowColumns.count)
      for id in updates.keys.sorted() {
        let update = updates[id]!
        do {
          try rows.append(update.row)
        } catch {
          throw StoreError(
            error.kind, "device \(Sanitized.text(update.device.key, limit: 60)): \(error.message)")
        }
      }
      try connection.copyIn(into: Self.updatesTable, columns: DeviceWriter.rowColumns, rows: rows)
      let assignments = DeviceWriter.rowColumns.dropFirst().map { "\($0) = s.\($0)" }
        .joined(separator: ", ")
      merge.append(
        """
        UPDATE devices d SET \(assignments) FROM \(Self.updatesTable) s WHERE d.id = s.id;
        TRUNCATE \(Self.updatesTable);
        """)
      updates.removeAll(keepingCapacity: true)
    }
    if !linkUpdates.isEmpty {
      var rows = PostgresCopyRows(columns: Self.linkColumns.count)
      for (key, link) in linkUpdates.sorted(by: { $0.value.deviceID < $1.value.deviceID }) {
        try Self.naming(key) { () throws(StoreError) in
          try rows.append([
            .integer(link.deviceID), .text(key.source), .text(key.externalID), link.seen,
          ])
        }
      }
      try connection.copyIn(into: Self.linkUpdatesTable, columns: Self.linkColumns, rows: rows)
      // A link seen again as it was is left alone: rewriting it would only add a row version
      // and an entry in each of its indexes (1M unchanged links: 19 s of a re-import).
      merge.append(
        """
        INSERT INTO device_sources (\(linkColumns))
          SELECT \(linkColumns) FROM \(Self.linkUpdatesTable)
          ON CONFLICT (source, external_id) DO UPDATE SET device_id = excluded.device_id,
            last_seen = excluded.last_seen
          WHERE (device_sources.device_id, device_sources.last_seen)
            IS DISTINCT FROM (excluded.device_id, excluded.last_seen);
        TRUNCATE \(Self.linkUpdatesTable);
        """)
      linkUpdates.removeAll(keepingCapacity: true)
    }
    if !history.isEmpty {
      try connection.copyIn(
        into: Self.historyTable, columns: DeviceWriter.historyColumns, rows: history)
      merge.append(
        """
        INSERT INTO device_history (\(historyColumns))
          SELECT \(historyColumns) FROM \(Self.historyTable) ORDER BY position;
        TRUNCATE \(Self.historyTable);
        """)
      history.removeAll()
      historyOf.removeAll(keepingCapacity: true)
    }
    if !merge.isEmpty { try connection.send(merge.joined(separator: "\n")) }
  }

  /// Runs `body`, naming the link in the error it throws (a text PostgreSQL cannot store).
  private static func naming(_ key: LinkKey, _ body: () throws(StoreError) -> Void)
    throws(StoreError)
  {
    do {
      try body()
    } catch {
      throw StoreError(
        error.kind,
        "source link \(Sanitized.text(key.source, limit: 40)) "
          + "\(Sanitized.text(key.externalID, limit: 60)): \(error.message)")
    }
  }

  /// Creates the staging tables for this transaction, shaped as the tables they fill (types
  /// and NOT NULL only: no keys, indexes or triggers; new devices with their codes besides),
  /// dropped at its end.
  private func createTables() throws(StoreError) {
    guard !tablesCreated else { return }
    try connection.execute(
      [
        (Self.newDevicesTable, "devices"), (Self.updatesTable, "devices"),
        (Self.newLinksTable, "device_sources"), (Self.linkUpdatesTable, "device_sources"),
      ].map { "CREATE TEMPORARY TABLE \($0) (LIKE \($1)) ON COMMIT DROP;" }.joined(separator: "\n")
        + "\nALTER TABLE \(Self.newDevicesTable) ADD COLUMN grams smallint[] NOT NULL;"
        + "\nCREATE TEMPORARY TABLE \(Self.historyTable) ON COMMIT DROP AS SELECT "
        + DeviceWriter.historyColumns.joined(separator: ", ")
        + " FROM device_history WITH NO DATA;"
        + "\nALTER TABLE \(Self.historyTable) ADD COLUMN position BIGINT GENERATED ALWAYS AS IDENTITY;"
    )
    tablesCreated = true
  }
}
