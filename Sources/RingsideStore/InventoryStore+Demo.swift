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
      let indexes = try dropIndexesForBulkWrite(
        of: ["devices", "device_history", "device_sources"])
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
      try rebuildIndexes(indexes)
      try resumeFleetCounts()
    }
  }
}
