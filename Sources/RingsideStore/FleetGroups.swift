/// The `fleet_groups` table: how many devices share each ring, platform, version, state and
/// removal status, kept by triggers on `devices` so it always equals
/// `SELECT ..., COUNT(*) FROM devices GROUP BY ...` without reading every device; and
/// `fleet_checkins`, devices per ring and check-in day, for the stale counts.
enum FleetGroups {
  /// The grouping columns, in key order.
  static let columns = "ring_id, platform, os_sort, rsr, state, removal"

  static let tableSQL = """
    CREATE TABLE IF NOT EXISTS fleet_groups (
      ring_id INTEGER NOT NULL, platform TEXT NOT NULL, os_sort TEXT NOT NULL, rsr TEXT NOT NULL,
      state TEXT NOT NULL, removal TEXT NOT NULL, n INTEGER NOT NULL,
      PRIMARY KEY (ring_id, platform, os_sort, rsr, state, removal)
    ) WITHOUT ROWID;
    CREATE TABLE IF NOT EXISTS fleet_checkins (
      ring_id INTEGER NOT NULL, day INTEGER NOT NULL, n INTEGER NOT NULL,
      PRIMARY KEY (ring_id, day)
    ) WITHOUT ROWID;

    """

  /// The check-in day a device is counted under in `fleet_checkins`: days since 1970, or -1
  /// for no check-in (or one before 1970), which is stale on any day.
  static func day(_ row: String) -> String {
    "CASE WHEN \(row)last_checkin IS NULL OR \(row)last_checkin < 0 THEN -1 ELSE \(row)last_checkin / 86400 END"
  }

  /// Replaces every count with a recount of `devices`.
  static let recountSQL = """
    DELETE FROM fleet_groups;
    INSERT INTO fleet_groups (\(columns), n)
      SELECT \(columns), COUNT(*) FROM devices GROUP BY \(columns);
    DELETE FROM fleet_checkins;
    INSERT INTO fleet_checkins (ring_id, day, n) \(checkinCountSQL);

    """

  /// Devices per ring and check-in day. Grouped by day first, so SQLite reads the covering
  /// check-in index (`last_checkin, ring_id`) in order; grouped by ring first it walked
  /// `devices_overview` and read every row (1M devices: 5 s instead of 1 s).
  static let checkinCountSQL =
    "SELECT ring_id, \(day("")) AS day, COUNT(*) FROM devices GROUP BY day, ring_id"

  /// The names of the triggers, which `dropTriggers` removes for a bulk write.
  static let triggerNames = [
    "fleet_groups_insert", "fleet_groups_delete", "fleet_groups_update", "fleet_checkins_update",
  ]

  private static func add(_ row: String) -> String {
    """
    INSERT INTO fleet_groups (\(columns), n)
      VALUES (\(row).ring_id, \(row).platform, \(row).os_sort, \(row).rsr, \(row).state, \(row).removal, 1)
      ON CONFLICT (\(columns)) DO UPDATE SET n = n + 1;
    """
  }

  private static func addCheckin(_ row: String) -> String {
    """
    INSERT INTO fleet_checkins (ring_id, day, n) VALUES (\(row).ring_id, \(day(row + ".")), 1)
      ON CONFLICT (ring_id, day) DO UPDATE SET n = n + 1;
    """
  }

  private static func removeCheckin(_ row: String) -> String {
    let match = "ring_id = \(row).ring_id AND day = \(day(row + "."))"
    return """
      UPDATE fleet_checkins SET n = n - 1 WHERE \(match);
      DELETE FROM fleet_checkins WHERE \(match) AND n <= 0;
      """
  }

  private static func remove(_ row: String) -> String {
    let match = """
      ring_id = \(row).ring_id AND platform = \(row).platform AND os_sort = \(row).os_sort
        AND rsr = \(row).rsr AND state = \(row).state AND removal = \(row).removal
      """
    return """
      UPDATE fleet_groups SET n = n - 1 WHERE \(match);
      DELETE FROM fleet_groups WHERE \(match) AND n <= 0;
      """
  }

  /// One trigger per kind of write; an update that leaves every grouping column alone costs
  /// nothing.
  static let triggerSQL: [String] = [
    """
    CREATE TRIGGER IF NOT EXISTS fleet_groups_insert AFTER INSERT ON devices BEGIN
    \(add("NEW"))
    \(addCheckin("NEW"))
    END;

    """,
    """
    CREATE TRIGGER IF NOT EXISTS fleet_groups_delete AFTER DELETE ON devices BEGIN
    \(remove("OLD"))
    \(removeCheckin("OLD"))
    END;

    """,
    """
    CREATE TRIGGER IF NOT EXISTS fleet_groups_update
      AFTER UPDATE OF ring_id, platform, os_sort, rsr, state, removal ON devices
      WHEN OLD.ring_id IS NOT NEW.ring_id OR OLD.platform IS NOT NEW.platform
        OR OLD.os_sort IS NOT NEW.os_sort OR OLD.rsr IS NOT NEW.rsr OR OLD.state IS NOT NEW.state
        OR OLD.removal IS NOT NEW.removal
    BEGIN
    \(remove("OLD"))
    \(add("NEW"))
    END;

    """,
    """
    CREATE TRIGGER IF NOT EXISTS fleet_checkins_update
      AFTER UPDATE OF ring_id, last_checkin ON devices
      WHEN OLD.ring_id IS NOT NEW.ring_id OR OLD.last_checkin IS NOT NEW.last_checkin
    BEGIN
    \(removeCheckin("OLD"))
    \(addCheckin("NEW"))
    END;

    """,
  ]
}

extension InventoryStore {
  /// For a bulk write inside a transaction: rows go in without a count update each, and
  /// `resumeFleetCounts()` recounts once before the commit. SQLite drops the count triggers;
  /// on PostgreSQL they stand aside for this transaction (`PostgresSchema.bulkWriteSetting`),
  /// since dropping or disabling one there needs the table's owner.
  func suspendFleetCounts() throws(StoreError) {
    guard database.dialect == .sqlite else {
      try database.execute("SET LOCAL \(PostgresSchema.bulkWriteSetting) = 'on'")
      return
    }
    for name in FleetGroups.triggerNames { try database.execute("DROP TRIGGER IF EXISTS \(name)") }
  }

  /// Recounts `fleet_groups` and `fleet_checkins` from `devices` (on SQLite in one pass over
  /// `devices_overview`) and has the triggers keep them again.
  func resumeFleetCounts() throws(StoreError) {
    guard database.dialect == .sqlite else {
      try database.execute("SET LOCAL \(PostgresSchema.bulkWriteSetting) = 'off'")
      try database.execute(FleetGroups.recountSQL)
      return
    }
    try database.execute(FleetGroups.recountSQL)
    try database.execute(FleetGroups.triggerSQL.joined())
  }

}
