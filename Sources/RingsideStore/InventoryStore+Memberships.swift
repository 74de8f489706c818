import Foundation
import RingsideDomain

extension InventoryStore {
  /// The staged moves: device row id → target ring, and every ring a move leaves or enters.
  func stagedMoveTargets() throws(StoreError) -> (moves: [Int64: String], rings: Set<String>) {
    var moves: [Int64: String] = [:]
    var rings: Set<String> = []
    let rows = try database.prepare(
      """
      SELECT s.device_id, r.name, s.old_value FROM staged_changes s
      JOIN rings r ON r.id = s.ring_id WHERE s.kind = 'move' AND s.device_id IS NOT NULL
      """
    ).query { row in (row.int(at: 0) ?? 0, row.string(at: 1) ?? "", row.string(at: 2) ?? "") }
    for (device, target, source) in rows {
      moves[device] = target
      rings.insert(target)
      if !source.isEmpty { rings.insert(source) }
    }
    return (moves, rings)
  }

  /// The devices of each of `rings` (those that exist) once `moves` (device row id → target
  /// ring) are applied, in ring order.
  public func ringMemberships(_ rings: Set<String>, moves: [Int64: String]) throws(StoreError)
    -> [RingMembership]
  {
    let members = try database.prepare(
      """
      SELECT d.id, d.serial, d.name FROM devices d JOIN rings r ON r.id = d.ring_id
      WHERE r.name = ?1
      """)
    let device = try database.prepare("SELECT serial, name FROM devices WHERE id = ?1")
    var arriving: [String: [Int64]] = [:]
    for (id, target) in moves { arriving[target, default: []].append(id) }
    var out: [RingMembership] = []
    for ring in try self.rings() where rings.contains(ring.name) {
      var list: [RingMembership.Member] = []
      var present: Set<Int64> = []
      for (id, serial, name) in try members.query(
        [.text(ring.name)],
        {
          ($0.int(at: 0) ?? 0, $0.string(at: 1), $0.string(at: 2) ?? "")
        })
      {
        present.insert(id)
        if let target = moves[id], target != ring.name { continue }
        list.append(.init(serial: serial, name: name))
      }
      for id in (arriving[ring.name] ?? []).sorted() where !present.contains(id) {
        list += try device.query([.integer(id)]) {
          RingMembership.Member(serial: $0.string(at: 0), name: $0.string(at: 1) ?? "")
        }
      }
      out.append(RingMembership(ring: ring.name, members: list))
    }
    return out
  }

  /// What the membership files would hold if the staged moves were applied now: the rings the
  /// staged moves touch, and `keeping` (rings whose files Ringside wrote before).
  public func stagedMemberships(keeping: Set<String>) throws(StoreError) -> [RingMembership] {
    try reading { () throws(StoreError) in
      let staged = try stagedMoveTargets()
      return try ringMemberships(staged.rings.union(keeping), moves: staged.moves)
    }
  }

  /// The devices of one staged move group (from ring → to ring), by name; at most `limit`.
  public func stagedMoveDevices(from: String, to: String, limit: Int = 1000) throws(StoreError)
    -> [StagedDevice]
  {
    try database.prepare(
      """
      SELECT d.id, d.device_key, d.serial, d.name FROM staged_changes s
      JOIN rings r ON r.id = s.ring_id JOIN devices d ON d.id = s.device_id
      WHERE s.kind = 'move' AND s.old_value = ?1 AND r.name = ?2
      ORDER BY d.name COLLATE NOCASE, d.id LIMIT ?3
      """
    ).query([.text(from), .text(to), .integer(Int64(limit))]) {
      StagedDevice(
        id: $0.int(at: 0) ?? 0, key: $0.string(at: 1) ?? "", serial: $0.string(at: 2),
        name: $0.string(at: 3) ?? "")
    }
  }
}
