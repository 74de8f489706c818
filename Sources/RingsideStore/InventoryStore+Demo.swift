import Foundation
import RingsideDomain

extension InventoryStore {
  /// Writes the demo fleet and the demo ring policies in one transaction; refuses a store
  /// that already holds devices, so a real inventory is never mixed with invented ones.
  /// Calls `progress` every 10,000 devices.
  public func writeDemo(_ fleet: DemoFleet, progress: (Int) -> Void = { _ in }) throws(StoreError) {
    try write {
      let existing = try database.scalar("SELECT COUNT(*) FROM devices")?.int ?? 0
      if existing > 0 {
        throw StoreError(
          .constraint,
          "the store \(path) already holds \(existing) devices; write the demo into a new store (--db PATH)"
        )
      }
      for (name, policy) in DemoFleet.ringPolicies {
        _ = try ensureRing(named: name)
        try setPolicy(policy, forRing: name)
      }
      // Building the indexes once after the load is several times faster than updating them
      // row by row; the store is empty, so nothing else depends on them meanwhile.
      // (SQLite only: PostgreSQL keeps its indexes, whose drop would lock readers out.)
      let indexes = sqlite != nil ? try secondaryIndexDefinitions() : []
      for (name, _) in indexes { try database.execute("DROP INDEX \(name)") }
      try suspendFleetCounts()
      sqlite?.truncateWALAfterCommit = true
      let writer = try DeviceWriter(store: self)
      var written = 0
      for entry in fleet {
        let id = try writer.insert(entry.device)
        for past in entry.history {
          try writer.appendHistory(
            deviceID: id, version: past.version, seenAt: past.seenAt,
            source: entry.device.source.rawValue)
        }
        written += 1
        if written % 10_000 == 0 { progress(written) }
      }
      for (_, sql) in indexes { try database.execute(sql) }
      try resumeFleetCounts()
    }
  }

  /// Name and CREATE statement of every explicit SQLite index on `tables` (by default the
  /// device tables).
  func secondaryIndexDefinitions(
    of tables: [String] = ["devices", "device_history", "device_sources"]
  ) throws(StoreError) -> [(String, String)] {
    let names = tables.map { "'\($0)'" }.joined(separator: ", ")
    return try database.prepare(
      """
      SELECT name, sql FROM sqlite_master
      WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (\(names))
      """
    ).query { ($0.string(at: 0) ?? "", $0.string(at: 1) ?? "") }
  }
}
