import Foundation
import RingsideDomain

/// One row of `fleet_groups` with its ring's name: devices sharing ring, platform, version,
/// state and removal status.
struct FleetGroupRow {
  let ring: String
  let platform: String
  let osSort: [UInt8]
  let rsr: String
  let state: String
  let removal: String
  let count: Int
}

extension DeviceFilter.Term {
  /// Whether every device of `group` passes this term, exactly as the SQL condition decides;
  /// nil for terms on columns `fleet_groups` does not hold (words, model, check-in, ...).
  func matches(_ group: FleetGroupRow) -> Bool? {
    switch self {
    case .os(let version, let mark):
      let (low, high) = DeviceFilter.sortKeyRange(version)
      // SQLite compares text byte by byte (BINARY), as here.
      let inRange =
        !group.osSort.lexicographicallyPrecedes(Array(low.utf8))
        && group.osSort.lexicographicallyPrecedes(Array(high.utf8))
      return inRange && (mark.map { group.rsr == DeviceColumns.rsrText($0) } ?? true)
    case .ring(let name): return group.ring == name
    case .state(let s): return group.state == s.rawValue
    case .removal(let r): return group.removal == r.rawValue
    case .platform(let p): return group.platform == p.rawValue
    case .not(let inner): return inner.matches(group).map { !$0 }
    case .text, .supervised, .stale, .build, .model, .source: return nil
    }
  }

  /// True for terms `matches(_:)` answers.
  var isGroupTerm: Bool {
    switch self {
    case .os, .ring, .state, .removal, .platform: true
    case .not(let inner): inner.isGroupTerm
    case .text, .supervised, .stale, .build, .model, .source: false
    }
  }

  /// True when the term tests the column `sort` orders by, whose index then answers both.
  func constrains(_ sort: DeviceSort.Column) -> Bool {
    switch (self, sort) {
    case (.os, .os), (.ring, .ring), (.state, .state), (.removal, .removal),
      (.platform, .platform):
      true
    case (.not(let inner), _): inner.constrains(sort)
    default: false
    }
  }
}

extension InventoryStore {
  /// Every row of `fleet_groups` (a few hundred at most) with ring names.
  func fleetGroupRows() throws(StoreError) -> [FleetGroupRow] {
    try database.prepare(
      """
      SELECT r.name, g.platform, g.os_sort, g.rsr, g.state, g.removal, g.n
      FROM fleet_groups g JOIN rings r ON r.id = g.ring_id WHERE g.n > 0
      """
    ).query {
      FleetGroupRow(
        ring: $0.string(at: 0) ?? "", platform: $0.string(at: 1) ?? "",
        osSort: Array(($0.string(at: 2) ?? "").utf8), rsr: $0.string(at: 3) ?? "",
        state: $0.string(at: 4) ?? "", removal: $0.string(at: 5) ?? "",
        count: Int($0.int(at: 6) ?? 0))
    }
  }

  /// How many devices pass the filter's terms on ring, platform, version, state and removal
  /// (every device when it has none), from `fleet_groups`: exact, without reading devices.
  func groupTermCount(_ filter: DeviceFilter) throws(StoreError) -> Int {
    let terms = filter.terms.filter(\.isGroupTerm)
    return try fleetGroupRows().reduce(0) { total, group in
      terms.allSatisfy { $0.matches(group) == true } ? total + group.count : total
    }
  }

  /// The number of devices a filter made only of ring, platform, version, state and removal
  /// terms selects; nil when it has other terms.
  func countFromFleetGroups(_ filter: DeviceFilter) throws(StoreError) -> Int? {
    guard filter.terms.allSatisfy(\.isGroupTerm) else { return nil }
    return try groupTermCount(filter)
  }

  /// True when a page is found sooner by reading the sort's index in order and testing each
  /// device than by collecting the filter's matches and sorting them: when the filter's
  /// ring, platform, version, state and removal terms leave more than about √(20·N) devices
  /// (1M: 4,500), a page of 40 is met within a few thousand rows, while sorting them all
  /// takes longer the more they are. A term on the sort's own column is left to its index.
  func walksSortIndex(_ filter: DeviceFilter, sort: DeviceSort) throws(StoreError) -> Bool {
    let terms = filter.terms.filter(\.isGroupTerm)
    guard !terms.isEmpty, !terms.contains(where: { $0.constrains(sort.column) }) else {
      return false
    }
    let rows = try fleetGroupRows()
    let total = rows.reduce(0) { $0 + $1.count }
    let matching = rows.reduce(0) { sum, group in
      terms.allSatisfy { $0.matches(group) == true } ? sum + group.count : sum
    }
    return Double(matching) > max(1000, (20 * Double(total)).squareRoot())
  }
}
