import Foundation
import RingsideDomain

extension InventoryStore {
  private static let stagedColumns = """
    s.id, s.kind, r.name, s.setting, s.old_value, s.new_value, s.author, s.created_at,
    d.id, d.device_key, d.serial, d.name
    """

  private static func stagedChange(_ row: SQLiteStatement) -> StagedChange? {
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
      WHERE s.kind = 'move' GROUP BY s.old_value, r.name ORDER BY r.position, s.old_value
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
    try database.prepare(
      """
      SELECT COALESCE(mr.name, r.name), d.platform, d.supervised, d.user_enrolled, d.os_base, COUNT(*)
      FROM devices d JOIN rings r ON r.id = d.ring_id
      LEFT JOIN staged_changes s ON s.kind = 'move' AND s.device_id = d.id
      LEFT JOIN rings mr ON mr.id = s.ring_id
      GROUP BY 1, 2, 3, 4, 5
      """
    ).query { row in
      FleetSegment(
        ring: row.string(at: 0) ?? "",
        platform: Platform(rawValue: row.string(at: 1) ?? "") ?? .iOS,
        supervised: row.int(at: 2).map { $0 != 0 }, userEnrolled: row.int(at: 3) == 1,
        osVersion: row.string(at: 4).flatMap { OSVersionNumber($0) },
        count: Int(row.int(at: 5) ?? 0))
    }
  }
}
