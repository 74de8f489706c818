import Foundation
import RingsideDomain

extension InventoryStore {
  private static let stagedColumns = StagedRowColumn.all

  private static func stagedChange(_ row: any StoreRow) -> StagedChange? {
    typealias C = StagedRowColumn
    let kind: StagedChange.Kind
    if row.string(C.kind) == "move" {
      guard let deviceID = row.int(C.deviceID) else { return nil }
      kind = .move(
        device: StagedDevice(
          id: deviceID, key: row.string(C.deviceKey) ?? "", serial: row.string(C.serial),
          name: row.string(C.deviceName) ?? ""),
        fromRing: row.string(C.oldValue) ?? "")
    } else {
      guard let field = PolicyField(rawValue: row.string(C.setting) ?? ""),
        let old = PolicyChange(field: field, text: row.string(C.oldValue) ?? ""),
        let new = PolicyChange(field: field, text: row.string(C.newValue) ?? "")
      else { return nil }
      kind = .policy(old: old, new: new)
    }
    return StagedChange(
      id: row.int(C.id) ?? 0, ring: row.string(C.ring) ?? "", kind: kind,
      author: row.string(C.author) ?? "",
      stagedAt: Date(timeIntervalSince1970: Double(row.int(C.createdAt) ?? 0)))
  }

  /// Staged changes: policy changes in ring order, then moves by device name; at most `limit`.
  public func stagedChanges(limit: Int? = nil) throws(StoreError) -> [StagedChange] {
    try database.prepare(
      """
      SELECT \(Self.stagedColumns) FROM staged_changes s JOIN rings r ON r.id = s.ring_id
      LEFT JOIN devices d ON d.id = s.device_id
      ORDER BY s.kind DESC, r.position, s.setting, d.name COLLATE NOCASE, s.id LIMIT ?1
      """
    ).query([.integer(Int64(limit ?? -1))], Self.stagedChange).compactMap { $0 }
  }

  /// Staged policy changes only, in ring order.
  public func stagedPolicyChanges() throws(StoreError) -> [StagedChange] {
    try stagedPolicyChanges(ringID: nil)
  }

  func stagedPolicyChanges(ringID: Int64?) throws(StoreError) -> [StagedChange] {
    try database.prepare(
      """
      SELECT \(Self.stagedColumns) FROM staged_changes s JOIN rings r ON r.id = s.ring_id
      LEFT JOIN devices d ON d.id = s.device_id
      WHERE s.kind = 'policy' AND (?1 IS NULL OR s.ring_id = ?1) ORDER BY r.position, s.setting
      """
    ).query([ringID.map { .integer($0) } ?? .null], Self.stagedChange).compactMap { $0 }
  }

  /// Staged moves counted by source and target ring.
  public func stagedMoveGroups() throws(StoreError) -> [StagedMoveGroup] {
    enum C: Int32, RowColumn {
      case fromRing, toRing, devices, authors
      var sql: String {
        switch self {
        case .fromRing: "s.old_value"
        case .toRing: "r.name"
        case .devices: "COUNT(*)"
        case .authors: "group_concat(DISTINCT s.author)"
        }
      }
    }
    return try database.prepare(
      """
      SELECT \(C.all)
      FROM staged_changes s JOIN rings r ON r.id = s.ring_id
      WHERE s.kind = 'move' GROUP BY s.old_value, r.name, r.position ORDER BY r.position, s.old_value
      """
    ).query { row in
      StagedMoveGroup(
        fromRing: row.string(C.fromRing) ?? "", toRing: row.string(C.toRing) ?? "",
        devices: Int(row.int(C.devices) ?? 0),
        authors: (row.string(C.authors) ?? "").split(separator: ",").map(String.init).sorted())
    }
  }

  /// How many changes are staged, for the status line.
  public func stagedChangeCount() throws(StoreError) -> Int {
    Int(try database.scalar("SELECT COUNT(*) FROM staged_changes")?.int ?? 0)
  }

  /// Every ring with its policy as it will be once the staged policy changes are applied.
  public func effectiveRings() throws(StoreError) -> [Ring] {
    let staged = Dictionary(grouping: try stagedPolicyChanges(), by: \.ring)
    return try rings().map { ring in
      var ring = ring
      for change in staged[ring.name] ?? [] {
        if case .policy(_, let new) = change.kind, let policy = try? new.applied(to: ring.policy) {
          ring.policy = policy
        }
      }
      return ring
    }
  }

  /// Devices counted by ring (after staged moves), platform, supervision, enrollment and OS
  /// version: the input of the staging warnings.
  public func stagedFleetSegments() throws(StoreError) -> [FleetSegment] {
    struct Key: Hashable {
      let ringID: Int64
      let platform: String
      let supervised: Int64?
      let userEnrolled: Bool
      let os: String?
    }
    // Group the devices where they are (one pass, no joins), then shift the few staged moves.
    enum Here: Int32, RowColumn {
      case ringID, platform, supervised, userEnrolled, os, count
      var sql: String {
        switch self {
        case .ringID: "ring_id"
        case .platform: "platform"
        case .supervised: "supervised"
        case .userEnrolled: "user_enrolled"
        case .os: "os_base"
        case .count: "COUNT(*)"
        }
      }
    }
    var counts: [Key: Int] = [:]
    let all = try database.prepare(
      "SELECT \(Here.all) FROM devices GROUP BY 1, 2, 3, 4, 5")
    for (key, n) in try all.query(
      [],
      {
        (
          Key(
            ringID: $0.int(Here.ringID) ?? 0, platform: $0.string(Here.platform) ?? "",
            supervised: $0.int(Here.supervised), userEnrolled: $0.int(Here.userEnrolled) == 1,
            os: $0.string(Here.os)), Int($0.int(Here.count) ?? 0)
        )
      })
    {
      counts[key] = n
    }
    enum Moved: Int32, RowColumn {
      case from, to, platform, supervised, userEnrolled, os, count
      var sql: String {
        switch self {
        case .from: "d.ring_id"
        case .to: "s.ring_id"
        case .platform: "d.platform"
        case .supervised: "d.supervised"
        case .userEnrolled: "d.user_enrolled"
        case .os: "d.os_base"
        case .count: "COUNT(*)"
        }
      }
    }
    let moves = try database.prepare(
      """
      SELECT \(Moved.all)
      FROM staged_changes s JOIN devices d ON d.id = s.device_id WHERE s.kind = 'move'
      GROUP BY 1, 2, 3, 4, 5, 6
      """)
    for row in try moves.query(
      [],
      {
        (
          from: $0.int(Moved.from) ?? 0, to: $0.int(Moved.to) ?? 0,
          platform: $0.string(Moved.platform) ?? "", supervised: $0.int(Moved.supervised),
          enrolled: $0.int(Moved.userEnrolled) == 1, os: $0.string(Moved.os),
          n: Int($0.int(Moved.count) ?? 0)
        )
      })
    {
      let from = Key(
        ringID: row.from, platform: row.platform, supervised: row.supervised,
        userEnrolled: row.enrolled, os: row.os)
      let to = Key(
        ringID: row.to, platform: row.platform, supervised: row.supervised,
        userEnrolled: row.enrolled, os: row.os)
      counts[from, default: 0] -= row.n
      counts[to, default: 0] += row.n
    }
    enum RingColumn: Int32, RowColumn {
      case id, name
      var sql: String { self == .id ? "id" : "name" }
    }
    let names = Dictionary(
      uniqueKeysWithValues: try database.prepare("SELECT \(RingColumn.all) FROM rings").query([]) {
        ($0.int(RingColumn.id) ?? 0, $0.string(RingColumn.name) ?? "")
      })
    return counts.filter { $0.value > 0 }.map { key, n in
      FleetSegment(
        ring: names[key.ringID] ?? "", platform: Platform(rawValue: key.platform) ?? .iOS,
        supervised: key.supervised.map { $0 != 0 }, userEnrolled: key.userEnrolled,
        osVersion: key.os.flatMap { OSVersionNumber($0) }, count: n)
    }.sorted {
      ($0.ring, $0.platform.rawValue, $0.osVersion?.sortKey ?? "", $0.count)
        < ($1.ring, $1.platform.rawValue, $1.osVersion?.sortKey ?? "", $1.count)
    }
  }
}
