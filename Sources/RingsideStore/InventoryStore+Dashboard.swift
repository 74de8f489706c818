import CSQLite
import Foundation
import RingsideDomain

/// One group of devices sharing ring, platform, version, state and removal status: the
/// dashboard derives every overview and ring count from these rows, read in one pass.
public struct FleetGroup: Sendable, Hashable {
  public let ring: String
  public let platform: Platform
  public let version: AppleOSVersion
  /// `AppleOSVersion.sortKey` of the group, comparable as text.
  public let versionSortKey: String
  public let state: DeviceState
  public let removal: RemovalStatus
  public let count: Int
  /// Devices of the group without a check-in for `DeviceFilter.staleDays` days.
  public let stale: Int
}

extension InventoryStore {
  /// SQLite's `data_version`: changes when another connection commits, so a cheap poll
  /// tells whether the dashboard must reload.
  public func dataVersion() throws(StoreError) -> Int64 {
    try database.scalar("PRAGMA data_version")?.int ?? 0
  }

  /// Every device counted by ring, platform, version, state and removal, in one scan.
  public func fleetGroups(now: Date = Date()) throws(StoreError) -> [FleetGroup] {
    let cutoff = Int64(now.timeIntervalSince1970) - Int64(DeviceFilter.staleDays * 86400)
    var ringNames: [Int64: String] = [:]
    let rings = try database.prepare("SELECT id, name FROM rings").query([]) {
      ($0.int(at: 0) ?? 0, $0.string(at: 1) ?? "")
    }
    for (id, name) in rings {
      ringNames[id] = name
    }
    let stmt = try database.prepare(
      """
      SELECT ring_id, platform, os_base, os_sort, rsr, state, removal, COUNT(*),
        SUM(last_checkin IS NULL OR last_checkin < ?1)
      FROM devices GROUP BY ring_id, platform, os_sort, rsr, state, removal
      """)
    return try stmt.query([.integer(cutoff)]) { row in
      let platform = Platform(rawValue: row.string(at: 1) ?? "") ?? .iOS
      return FleetGroup(
        ring: ringNames[row.int(at: 0) ?? 0] ?? "?", platform: platform,
        version: DeviceColumns.version(
          platform: platform, base: row.string(at: 2), rsr: row.string(at: 4), build: nil,
          supplemental: nil),
        versionSortKey: row.string(at: 3) ?? "",
        state: DeviceState(rawValue: row.string(at: 5) ?? "") ?? .unknown,
        removal: RemovalStatus(rawValue: row.string(at: 6) ?? "") ?? .allowed,
        count: Int(row.int(at: 7) ?? 0), stale: Int(row.int(at: 8) ?? 0))
    }
  }

  /// One page of devices like `devices(filter:sort:offset:limit:)`, but reading from the far
  /// end in the reverse order when the page lies in the second half of `total` rows, so the
  /// last page of a million rows costs what the first one does.
  public func devicePage(
    filter: DeviceFilter, sort: DeviceSort, offset: Int, limit: Int, total: Int?, now: Date = Date()
  ) throws(StoreError) -> [DeviceRecord] {
    guard let total, offset > total / 2, offset < total else {
      return try devices(filter: filter, sort: sort, offset: offset, limit: limit, now: now)
    }
    let end = min(total, offset + limit)
    var reversed = sort
    reversed.descending.toggle()
    let rows = try devices(
      filter: filter, sort: reversed, offset: total - end, limit: end - offset, now: now)
    return rows.reversed()
  }

  /// One device by row id, or nil when it is gone.
  public func device(id: Int64) throws(StoreError) -> DeviceRecord? {
    let stmt = try database.prepare(
      """
      SELECT d.id, d.device_key, d.serial, d.udid, d.name, d.platform, d.model, d.os_base, d.rsr,
        d.build, d.supplemental_build, d.supervised, d.user_enrolled, r.name, d.last_checkin,
        d.user_name, d.source, d.removed_letter, d.state, d.removal
      FROM devices d JOIN rings r ON r.id = d.ring_id WHERE d.id = ?1
      """)
    return try stmt.query([.integer(id)]) { row in
      let platform = Platform(rawValue: row.string(at: 5) ?? "") ?? .iOS
      let device = Device(
        key: row.string(at: 1) ?? "", serial: row.string(at: 2), udid: row.string(at: 3),
        name: row.string(at: 4) ?? "", platform: platform, model: row.string(at: 6),
        version: DeviceColumns.version(
          platform: platform, base: row.string(at: 7), rsr: row.string(at: 8),
          build: row.string(at: 9), supplemental: row.string(at: 10)),
        supervised: row.int(at: 11).map { $0 != 0 }, userEnrolled: row.int(at: 12) == 1,
        ring: row.string(at: 13) ?? "",
        lastCheckIn: row.int(at: 14).map { Date(timeIntervalSince1970: Double($0)) },
        userName: row.string(at: 15), source: row.string(at: 16) ?? "",
        removedLetter: row.string(at: 17)?.first)
      return DeviceRecord(
        id: row.int(at: 0) ?? 0, device: device,
        state: DeviceState(rawValue: row.string(at: 18) ?? "") ?? .unknown,
        removal: RemovalStatus(rawValue: row.string(at: 19) ?? "") ?? .allowed)
    }.first
  }

  /// A handle another thread may use to stop this connection's running query.
  public var interrupter: QueryInterrupter { QueryInterrupter(handle: database.handle) }
}

/// Stops the query running on one connection (`sqlite3_interrupt`, safe from any thread);
/// valid while the store it came from is open.
public struct QueryInterrupter: @unchecked Sendable {
  let handle: OpaquePointer

  public func interrupt() { sqlite3_interrupt(handle) }
}
