import Foundation
import RingsideDomain

extension InventoryStore {
  private static let stagedColumns = """
    s.id, s.kind, r.name, s.setting, s.old_value, s.new_value, s.author, s.created_at,
    d.id, d.device_key, d.serial, d.name
    """

  private static func stagedChange(_ row: any StoreRow) -> StagedChange? {
    let kind: StagedChange.Kind
    if row.string(at: 1) == "move" {
      guard let deviceID = row.int(at: 8) else { return nil }
      kind = .move(
        device: StagedDevice(
          id: deviceID, key: row.string(at: 9) ?? "", serial: row.string(at: 10),
          name: row.string(at: 11) ?? ""),
        fromRing: row.string(at: 4) ?? "")
    } else {
      guard let field = PolicyField(rawValue: row.string(at: 3) ?? ""),
        let old = PolicyChange(field: field, text: row.string(at: 4) ?? ""),
        let new = PolicyChange(field: field, text: row.string(at: 5) ?? "")
      else { return nil }
      kind = .policy(old: old, new: new)
    }
    return StagedChange(
      id: row.int(at: 0) ?? 0, ring: row.string(at: 2) ?? "", kind: kind,
      author: row.string(at: 6) ?? "",
      stagedAt: Date(timeIntervalSince1970: Double(row.int(at: 7) ?? 0)))
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
    try database.prepare(
      """
      SELECT s.old_value, r.name, COUNT(*), group_concat(DISTINCT s.author)
      FROM staged_changes s JOIN rings r ON r.id = s.ring_id
      WHERE s.kind = 'move' GROUP BY s.old_value, r.name, r.position ORDER BY r.position, s.old_value
      """
    ).query { row in
      StagedMoveGroup(
        fromRing: row.string(at: 0) ?? "", toRing: row.string(at: 1) ?? "",
        devices: Int(row.int(at: 2) ?? 0),
        authors: (row.string(at: 3) ?? "").split(separator: ",").map(String.init).sorted())
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
    var counts: [Key: Int] = [:]
    let all = try database.prepare(
      """
      SELECT ring_id, platform, supervised, user_enrolled, os_base, COUNT(*) FROM devices
      GROUP BY 1, 2, 3, 4, 5
      """)
    for (key, n) in try all.query(
      [],
      {
        (
          Key(
            ringID: $0.int(at: 0) ?? 0, platform: $0.string(at: 1) ?? "", supervised: $0.int(at: 2),
            userEnrolled: $0.int(at: 3) == 1, os: $0.string(at: 4)), Int($0.int(at: 5) ?? 0)
        )
      })
    {
      counts[key] = n
    }
    let moves = try database.prepare(
      """
      SELECT d.ring_id, s.ring_id, d.platform, d.supervised, d.user_enrolled, d.os_base, COUNT(*)
      FROM staged_changes s JOIN devices d ON d.id = s.device_id WHERE s.kind = 'move'
      GROUP BY 1, 2, 3, 4, 5, 6
      """)
    for row in try moves.query(
      [],
      {
        (
          from: $0.int(at: 0) ?? 0, to: $0.int(at: 1) ?? 0, platform: $0.string(at: 2) ?? "",
          supervised: $0.int(at: 3), enrolled: $0.int(at: 4) == 1, os: $0.string(at: 5),
          n: Int($0.int(at: 6) ?? 0)
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
    let names = Dictionary(
      uniqueKeysWithValues: try database.prepare("SELECT id, name FROM rings").query([]) {
        ($0.int(at: 0) ?? 0, $0.string(at: 1) ?? "")
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
