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
}

/// The whole fleet counted for the dashboard: the groups, and per ring the devices without
/// a check-in for `DeviceFilter.staleDays` days.
public struct FleetCounts: Sendable, Hashable {
  public let groups: [FleetGroup]
  public let staleByRing: [String: Int]
  /// Per ring, the devices whose MDM reports an RSR/BSI waiting to install
  /// (AvailableOSUpdates: downloaded or offered, not yet applied).
  public var waitingByRing: [String: Int] = [:]
}

extension InventoryStore {
  /// A number that changes when the store changes, so a cheap poll tells whether the
  /// dashboard must reload. SQLite: `data_version`, which moves when another connection
  /// commits. PostgreSQL: the first call listens for the change notices the store's triggers
  /// send on every commit to devices, rings, policies, staged changes, the audit log and the
  /// catalog (`PostgresSchema.changeNotices`); later calls count the notices that arrived,
  /// read from the connection without a round trip to the server.
  public func dataVersion() throws(StoreError) -> Int64 {
    guard let postgres = database as? PostgresConnection else {
      return try database.scalar("PRAGMA data_version")?.int ?? 0
    }
    guard let noticed = noticedVersion else {
      try postgres.listen(on: PostgresSchema.changeChannel)
      let start =
        try postgres.scalar("SELECT pg_snapshot_xmax(pg_current_snapshot())::text::bigint")?.int
        ?? 0
      noticedVersion = start
      return start
    }
    let version = noticed + Int64(try postgres.takeNotices().count)
    noticedVersion = version
    return version
  }

  /// On PostgreSQL, the database user and whether it may write (stage a change): the roles
  /// `init` made decide there, not the unix groups. Nil for SQLite.
  public func databaseUserAccess() throws(StoreError) -> (user: String, mayWrite: Bool)? {
    guard database.dialect == .postgres else { return nil }
    let row = try database.prepare(
      "SELECT current_user::text, has_table_privilege('staged_changes', 'INSERT')::int"
    ).query { ($0.string(at: 0) ?? "", $0.int(at: 1) == 1) }
    return row.first.map { (user: $0.0, mayWrite: $0.1) }
  }

  /// True for a store on a PostgreSQL server, whose change notices the dashboard can check
  /// often (they cost no round trip).
  public var sendsChangeNotices: Bool { database.dialect == .postgres }

  /// Every device counted by ring, platform, version, state and removal: the one shape every
  /// fleet number comes from (the Overview, `report`, `check`). The whole fleet is read from the
  /// `fleet_groups` table its triggers keep (a few hundred rows, not every device), stale devices
  /// per ring from the check-in index; a filtered fleet is counted by one grouped query.
  public func fleetCounts(filter: DeviceFilter = .all, now: Date = Date()) throws(StoreError)
    -> FleetCounts
  {
    let cutoff = Int64(now.timeIntervalSince1970) - Int64(DeviceFilter.staleDays * 86400)
    var ringNames: [Int64: String] = [:]
    let rings = try database.prepare("SELECT id, name FROM rings").query([]) {
      ($0.int(at: 0) ?? 0, $0.string(at: 1) ?? "")
    }
    for (id, name) in rings { ringNames[id] = name }
    let groupRows: any StoreStatement
    let staleRows: [(Int64, Int)]
    var bindings: [SQLiteValue] = []
    if filter.terms.isEmpty {
      groupRows = try database.prepare(
        "SELECT \(FleetGroupRowColumn.all) FROM fleet_groups g WHERE g.n > 0")
      staleRows = try staleCounts(cutoff: cutoff)
    } else {
      let condition = deviceCondition(filter, now: now)
      bindings = condition.bindings
      groupRows = try database.prepare(
        """
        SELECT \(FleetGroupRowColumn.deviceList)
        FROM devices d WHERE \(condition.sql)
        GROUP BY \(FleetGroupRowColumn.deviceGrouping)
        """)
      staleRows = try database.prepare(
        """
        SELECT d.ring_id, COUNT(*) FROM devices d
        WHERE (\(condition.sql))
          AND (d.last_checkin IS NULL OR d.last_checkin < ?\(bindings.count + 1))
        GROUP BY d.ring_id
        """
      ).query(bindings + [.integer(cutoff)]) { ($0.int(at: 0) ?? 0, Int($0.int(at: 1) ?? 0)) }
    }
    let groups = try groupRows.query(bindings) { row in
      typealias C = FleetGroupRowColumn
      let platform = Platform(rawValue: row.string(C.platform) ?? "") ?? .iOS
      let sortKey = row.string(C.osSort) ?? ""
      return FleetGroup(
        ring: ringNames[row.int(C.ringID) ?? 0] ?? "?", platform: platform,
        version: DeviceColumns.version(
          platform: platform, base: InventoryStore.base(fromSortKey: sortKey),
          rsr: row.string(C.rsr),
          build: nil, supplemental: nil),
        versionSortKey: sortKey,
        state: DeviceState(rawValue: row.string(C.state) ?? "") ?? .unknown,
        removal: RemovalStatus(rawValue: row.string(C.removal) ?? "") ?? .allowed,
        count: Int(row.int(C.count) ?? 0))
    }
    var stale: [String: Int] = [:]
    for (id, n) in staleRows { stale[ringNames[id] ?? "?", default: 0] += n }
    var waiting: [String: Int] = [:]
    for (id, n) in try waitingCounts(filter, now: now) {
      waiting[ringNames[id] ?? "?", default: 0] += n
    }
    return FleetCounts(groups: groups, staleByRing: stale, waitingByRing: waiting)
  }

  /// Devices per ring id with a security response waiting to install, read from the pending
  /// updates (as many rows as devices that report one), not from every device.
  func waitingCounts(_ filter: DeviceFilter, now: Date) throws(StoreError) -> [(Int64, Int)] {
    enum C: Int32, RowColumn {
      case ringID, devices
      var sql: String { self == .ringID ? "d.ring_id" : "COUNT(DISTINCT p.device_id)" }
    }
    let condition = filter.terms.isEmpty ? nil : deviceCondition(filter, now: now)
    return try database.prepare(
      """
      SELECT \(C.all) FROM pending_updates p JOIN devices d ON d.id = p.device_id
      WHERE p.is_security_response = 1 AND (\(condition?.sql ?? "1"))
      GROUP BY d.ring_id
      """
    ).query(condition?.bindings ?? []) { ($0.int(C.ringID) ?? 0, Int($0.int(C.devices) ?? 0)) }
  }

  /// Devices per ring id without a check-in since `cutoff`: whole days before the cutoff's day
  /// from `fleet_checkins`, the cutoff's own day from the check-in index (a day's devices at
  /// most), instead of every stale device from the index (1M: 60-250 ms).
  func staleCounts(cutoff: Int64) throws(StoreError) -> [(Int64, Int)] {
    guard cutoff > 0 else {
      return try database.prepare(
        """
        SELECT ring_id, COUNT(*) FROM devices WHERE last_checkin IS NULL OR last_checkin < ?1
        GROUP BY ring_id
        """
      ).query([.integer(cutoff)]) { ($0.int(at: 0) ?? 0, Int($0.int(at: 1) ?? 0)) }
    }
    let day = cutoff / 86400
    return try database.prepare(
      """
      SELECT ring_id, SUM(n) FROM (
        SELECT ring_id, n FROM fleet_checkins WHERE day < ?1
        UNION ALL
        SELECT ring_id, 1 FROM devices WHERE last_checkin >= ?2 AND last_checkin < ?3)
      GROUP BY ring_id
      """
    ).query([.integer(day), .integer(day * 86400), .integer(cutoff)]) {
      ($0.int(at: 0) ?? 0, Int($0.int(at: 1) ?? 0))
    }
  }

  /// `16.5.1` from the sort key `0016.0005.0001-2a`, `26.2` from `0026.0002.0000-0`; nil for
  /// the empty key of an unreported version.
  static func base(fromSortKey key: String) -> String? {
    let numbers = key.prefix { $0 != "-" }.split(separator: ".").compactMap { Int($0) }
    guard numbers.count == 3 else { return nil }
    return numbers[2] == 0
      ? "\(numbers[0]).\(numbers[1])" : "\(numbers[0]).\(numbers[1]).\(numbers[2])"
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
      "SELECT \(Self.deviceColumns) FROM devices d JOIN rings r ON r.id = d.ring_id WHERE d.id = ?1"
    )
    return try stmt.query([.integer(id)], Self.record).first
  }

  /// A handle another thread may use to stop this connection's running query.
  public var interrupter: QueryInterrupter {
    QueryInterrupter(
      handle: sqlite?.handle,
      canceller: (database as? PostgresConnection).flatMap(PostgresCanceller.init))
  }
}

/// Stops the query running on one connection (`sqlite3_interrupt`, or PostgreSQL's cancel
/// request; safe from any thread); valid while the store it came from is open.
public struct QueryInterrupter: @unchecked Sendable {
  let handle: OpaquePointer?
  let canceller: PostgresCanceller?

  /// True when interrupting takes a round trip to a server (PostgreSQL), false when it is a
  /// flag the query itself reads (SQLite).
  public var travels: Bool { canceller != nil }

  public func interrupt() {
    if let handle { sqlite3_interrupt(handle) }
    canceller?.cancelRunningStatement()
  }
}
