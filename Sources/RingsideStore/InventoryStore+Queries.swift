import Foundation
import RingsideDomain

/// Counts for the overview and `ringside report`.
public struct FleetSummary: Sendable, Hashable {
  public var devices: Int
  public var byState: [DeviceState: Int]
  public var byRemoval: [RemovalStatus: Int]
  public var stale: Int
  /// Devices whose MDM reports an RSR/BSI waiting to install.
  public var waiting = 0
}

/// How many devices run one platform and version.
public struct VersionCount: Sendable, Hashable {
  public let platform: Platform
  public let version: AppleOSVersion
  public let count: Int
}

/// One ring with its policy and its devices' states.
public struct RingSummary: Sendable, Hashable {
  public let ring: Ring
  public let devices: Int
  public let byState: [DeviceState: Int]
  public let byRemoval: [RemovalStatus: Int]
}

extension InventoryStore {
  /// The columns `device(_:)` reads (`DeviceRowColumn.stored`): the row id, then what a
  /// `Device` holds. The query must join `rings r`.
  static let storedDeviceColumns = DeviceRowColumn.list(DeviceRowColumn.stored)

  /// The columns `record(_:)` reads (every `DeviceRowColumn`); the query must join `rings r`.
  static let deviceColumns = DeviceRowColumn.list(DeviceRowColumn.allCases)

  /// The device in a row selected with `storedDeviceColumns` (or `deviceColumns`).
  static func device(_ row: any StoreRow) -> Device {
    let platform = Platform(rawValue: row.string(.platform) ?? "") ?? .iOS
    return Device(
      key: row.string(.deviceKey) ?? "", serial: row.string(.serial), udid: row.string(.udid),
      name: row.string(.name) ?? "", platform: platform, model: row.string(.model),
      version: DeviceColumns.version(
        platform: platform, base: row.string(.osBase), rsr: row.string(.rsr),
        build: row.string(.build), supplemental: row.string(.supplementalBuild)),
      supervised: row.int(.supervised).map { $0 != 0 }, userEnrolled: row.int(.userEnrolled) == 1,
      ring: row.string(.ring) ?? "",
      lastCheckIn: row.int(.lastCheckIn).map { Date(timeIntervalSince1970: Double($0)) },
      userName: row.string(.userName), source: DeviceSource(rawValue: row.string(.source) ?? ""),
      removedLetter: row.string(.removedLetter)?.first)
  }

  /// A device row selected with `deviceColumns`.
  static func record(_ row: any StoreRow) -> DeviceRecord {
    DeviceRecord(
      id: row.int(.id) ?? 0, device: device(row),
      state: DeviceState(rawValue: row.string(.state) ?? "") ?? .unknown,
      removal: RemovalStatus(rawValue: row.string(.removal) ?? "") ?? .allowed,
      stagedRing: row.string(.stagedRing))
  }

  /// Counts by state, removal status and check-in age, for the filtered devices (from
  /// `fleetCounts`, as the dashboard's numbers).
  public func summary(filter: DeviceFilter = .all, now: Date = Date()) throws(StoreError)
    -> FleetSummary
  {
    try fleetCounts(filter: filter, now: now).summary
  }

  /// Devices per platform and version (base and RSR mark), newest version first.
  public func versionCounts(filter: DeviceFilter = .all, now: Date = Date()) throws(StoreError)
    -> [VersionCount]
  {
    try fleetCounts(filter: filter, now: now).versionCounts
  }

  /// Every ring in order with its device counts.
  public func ringSummaries(now: Date = Date()) throws(StoreError) -> [RingSummary] {
    try fleetCounts(now: now).ringSummaries(rings: try rings())
  }

  /// The number of devices the filter selects.
  public func countDevices(filter: DeviceFilter = .all, now: Date = Date()) throws(StoreError)
    -> Int
  {
    if let count = try countFromFleetGroups(filter) { return count }
    if let count = try countFromCheckins(filter, now: now) { return count }
    if let count = try countFromTextIndex(filter) { return count }
    if let count = try countFromFacets(filter) { return count }
    let condition = try condition(for: filter, now: now)
    let sql = "SELECT COUNT(*) FROM devices d WHERE \(condition.sql)"
    return Int(
      try database.prepare(sql).query(condition.bindings) { $0.int(at: 0) ?? 0 }.first ?? 0)
  }

  /// One page of devices, filtered and sorted in SQL.
  public func devices(
    filter: DeviceFilter = .all, sort: DeviceSort = DeviceSort(), offset: Int = 0, limit: Int = 100,
    now: Date = Date()
  ) throws(StoreError) -> [DeviceRecord] {
    if let ids = try namePageFromTextIndex(filter, sort: sort, offset: offset, limit: limit) {
      return try devices(ids: ids, sort: sort)
    }
    if let ids = try pageFromFacets(filter, sort: sort, offset: offset, limit: limit) {
      return try devices(ids: ids, sort: sort)
    }
    var condition: SQLCondition
    switch try groupPlan(filter, sort: sort) {
    case .sql: condition = try self.condition(for: filter, now: now)
    case .walkSortIndex: condition = try self.condition(for: filter, now: now, walkSortIndex: true)
    case .groups(let groups):
      condition = try self.condition(
        for: DeviceFilter(terms: filter.terms.filter { !$0.isGroupTerm }), now: now)
      let exact = Self.groupCondition(groups, after: condition.bindings.count)
      condition.sql = "(\(condition.sql)) AND \(exact.sql)"
      condition.bindings += exact.bindings
    }
    let n = condition.bindings.count
    let stmt = try database.prepare(
      """
      SELECT \(Self.deviceColumns) FROM devices d JOIN rings r ON r.id = d.ring_id
      WHERE \(condition.sql) ORDER BY \(sort.sqlOrder) LIMIT ?\(n + 1) OFFSET ?\(n + 2)
      """)
    return try stmt.query(
      condition.bindings + [.integer(Int64(limit)), .integer(Int64(offset))], Self.record)
  }

  /// The devices with these row ids, in `sort` order. PostgreSQL takes them as an array
  /// (`'{1,2}'`): a JSON array's elements were each read back as text and cast, 1-2 ms more
  /// for a dashboard page of 115 devices.
  private func devices(ids: [Int64], sort: DeviceSort) throws(StoreError) -> [DeviceRecord] {
    if ids.isEmpty { return [] }
    let (selected, list) =
      database.dialect == .postgres
      ? ("d.id = ANY(CAST(?1 AS bigint[]))", Self.arrayText(ids))
      : ("d.id IN (SELECT CAST(value AS INTEGER) FROM json_each(?1))", Self.jsonArray(ids))
    let stmt = try database.prepare(
      """
      SELECT \(Self.deviceColumns) FROM devices d JOIN rings r ON r.id = d.ring_id
      WHERE \(selected) ORDER BY \(sort.sqlOrder)
      """)
    return try stmt.query([.text(list)], Self.record)
  }

  /// Streams every filtered device to `body` without holding them all in memory.
  public func forEachDevice(
    filter: DeviceFilter = .all, sort: DeviceSort = DeviceSort(), limit: Int? = nil,
    now: Date = Date(),
    _ body: (DeviceRecord) throws -> Void
  ) throws {
    let condition = deviceCondition(filter, now: now)
    let stmt = try database.prepare(
      """
      SELECT \(Self.deviceColumns) FROM devices d JOIN rings r ON r.id = d.ring_id
      WHERE \(condition.sql) ORDER BY \(sort.sqlOrder) LIMIT ?\(condition.bindings.count + 1)
      """)
    try stmt.bind(condition.bindings + [.integer(Int64(limit ?? -1))])
    defer { stmt.reset() }
    while try stmt.step() { try body(Self.record(stmt)) }
  }

  /// Devices whose serial (case-insensitive), key or exact name (case-insensitive) is `text`.
  public func findDevices(matching text: String) throws(StoreError) -> [DeviceRecord] {
    let stmt = try database.prepare(
      """
      SELECT \(Self.deviceColumns) FROM devices d JOIN rings r ON r.id = d.ring_id
      WHERE d.device_key = upper(?1) OR d.serial = upper(?1) OR d.name = ?1 COLLATE NOCASE
      ORDER BY d.name COLLATE NOCASE, d.id LIMIT 50
      """)
    return try stmt.query([.text(text.trimmed)], Self.record)
  }

  /// A device's version history, oldest first.
  public func history(deviceID: Int64) throws(StoreError) -> [HistoryEntry] {
    let stmt = try database.prepare(
      """
      SELECT \(HistoryRowColumn.all)
      FROM device_history h JOIN devices d ON d.id = h.device_id WHERE h.device_id = ?1 ORDER BY h.id
      """)
    return try stmt.query([.integer(deviceID)]) { row in
      typealias C = HistoryRowColumn
      return HistoryEntry(
        seenAt: row.int(C.seenAt),
        version: DeviceColumns.version(
          platform: Platform(rawValue: row.string(C.platform) ?? ""), base: row.string(C.osBase),
          rsr: row.string(C.rsr), build: row.string(C.build),
          supplemental: row.string(C.supplementalBuild)),
        source: row.string(C.source) ?? "")
    }
  }

  /// The RSR/BSIs the device's MDM reports waiting to install, newest first.
  public func waitingSecurityResponses(deviceID: Int64) throws(StoreError) -> [AppleOSVersion] {
    enum C: Int32, RowColumn {
      case base, rsr, build, supplemental, platform
      var sql: String {
        switch self {
        case .base: "p.version"
        case .rsr: "p.rsr"
        case .build: "p.build"
        case .supplemental: "p.supplemental_build"
        case .platform: "d.platform"
        }
      }
    }
    return try database.prepare(
      """
      SELECT \(C.all) FROM pending_updates p JOIN devices d ON d.id = p.device_id
      WHERE p.device_id = ?1 AND p.is_security_response = 1
      """
    ).query([.integer(deviceID)]) { row in
      DeviceColumns.version(
        platform: Platform(rawValue: row.string(C.platform) ?? ""), base: row.string(C.base),
        rsr: row.string(C.rsr), build: row.string(C.build), supplemental: row.string(C.supplemental)
      )
    }.sorted(by: >)
  }
}

/// A device's history entry as `history(deviceID:)` selects it, read by name.
enum HistoryRowColumn: Int32, RowColumn {
  case seenAt, osBase, rsr, build, supplementalBuild, source, platform

  var sql: String {
    switch self {
    case .seenAt: "h.seen_at"
    case .osBase: "h.os_base"
    case .rsr: "h.rsr"
    case .build: "h.build"
    case .supplementalBuild: "h.supplemental_build"
    case .source: "h.source"
    case .platform: "d.platform"
    }
  }
}
