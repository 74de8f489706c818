import Foundation
import RingsideDomain

/// One row of `fleet_groups` with its ring's name: devices sharing ring, platform, version,
/// state and removal status.
struct FleetGroupRow {
  let ringID: Int64
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
    case .states(let list): return list.contains { $0.rawValue == group.state }
    case .removal(let r): return group.removal == r.rawValue
    case .platform(let p): return group.platform == p.rawValue
    case .not(let inner): return inner.matches(group).map { !$0 }
    case .or(let list):
      var any = false
      for term in list {
        guard let match = term.matches(group) else { return nil }
        any = any || match
      }
      return any
    case .and(let list):
      var all = true
      for term in list {
        guard let match = term.matches(group) else { return nil }
        all = all && match
      }
      return all
    case .text, .supervised, .stale, .build, .model, .source, .anyOf: return nil
    }
  }

  /// True for terms `matches(_:)` answers.
  var isGroupTerm: Bool {
    switch self {
    case .os, .ring, .state, .states, .removal, .platform: true
    case .not(let inner): inner.isGroupTerm
    // An `OR` with a word in it cannot be told from kept counts: the whole query answers it.
    case .or(let list), .and(let list): list.allSatisfy(\.isGroupTerm)
    case .text, .supervised, .stale, .build, .model, .source, .anyOf: false
    }
  }

  /// True when the term tests the column `sort` orders by, whose index then answers both.
  func constrains(_ sort: DeviceSort.Column) -> Bool {
    switch (self, sort) {
    case (.os, .os), (.ring, .ring), (.state, .state), (.states, .state), (.removal, .removal),
      (.platform, .platform):
      true
    case (.not(let inner), _): inner.constrains(sort)
    case (.or(let list), _): list.allSatisfy { $0.constrains(sort) }
    case (.and(let list), _): list.contains { $0.constrains(sort) }
    default: false
    }
  }
}

extension InventoryStore {
  /// Every row of `fleet_groups` (a few hundred at most) with ring names.
  func fleetGroupRows() throws(StoreError) -> [FleetGroupRow] {
    typealias C = FleetGroupRowColumn
    let ringName = C.allCases.count
    return try database.prepare(
      """
      SELECT \(C.all), r.name
      FROM fleet_groups g JOIN rings r ON r.id = g.ring_id WHERE g.n > 0
      """
    ).query {
      FleetGroupRow(
        ringID: $0.int(C.ringID) ?? 0, ring: $0.string(at: Int32(ringName)) ?? "",
        platform: $0.string(C.platform) ?? "", osSort: Array(($0.string(C.osSort) ?? "").utf8),
        rsr: $0.string(C.rsr) ?? "", state: $0.string(C.state) ?? "",
        removal: $0.string(C.removal) ?? "", count: Int($0.int(C.count) ?? 0))
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

  /// The number of devices a filter of one check-in term (`stale:yes`, `stale:no`, an
  /// Overview stale count) and ring terms selects, from `fleet_checkins` and the cutoff's own
  /// day (`staleCounts`) instead of every stale device in the check-in index; nil for other
  /// filters.
  func countFromCheckins(_ filter: DeviceFilter, now: Date) throws(StoreError) -> Int? {
    var check: (stale: Bool, days: Int)?
    var rings: Set<String> = []
    for term in filter.terms {
      switch term {
      case .stale(let stale, let days) where check == nil: check = (stale, days)
      case .ring(let name): rings.insert(name)
      default: return nil
      }
    }
    guard let check else { return nil }
    let ids = try database.prepare("SELECT id, name FROM rings").query {
      ($0.int(at: 0) ?? 0, $0.string(at: 1) ?? "")
    }.filter { rings.isSubset(of: [$0.1]) }.map(\.0)
    let cutoff = Int64(now.timeIntervalSince1970) - Int64(check.days) * 86400
    let stale = try staleCounts(cutoff: cutoff).reduce(0) {
      ids.contains($1.0) ? $0 + $1.1 : $0
    }
    // Not stale is every other device: a device without a check-in is stale.
    return check.stale
      ? stale : try groupTermCount(DeviceFilter(terms: filter.terms.filter(\.isGroupTerm))) - stale
  }

  /// How a page query finds a filter's ring, platform, version, state and removal terms.
  enum GroupPlan {
    /// No such terms, or one on the sort's own column: SQLite's own plan.
    case sql
    /// Many matches: read the sort's index in order and test each device, instead of
    /// collecting every match and sorting them.
    case walkSortIndex
    /// Few matches: read exactly the devices of these groups, each group one equality
    /// search of `devices_overview`, and sort them; the terms themselves are left out.
    case groups([FleetGroupRow])
  }

  /// The plan for a page of `filter` under `sort`. Past about √(20·N) matches (1M: 4,500) a
  /// page of 40 is met within a few thousand rows of the sort's index; below it, sorting
  /// the matches is cheaper, and reading them group by group never reads a non-matching
  /// device, however many share the filter's ring or platform.
  func groupPlan(_ filter: DeviceFilter, sort: DeviceSort) throws(StoreError) -> GroupPlan {
    let terms = filter.terms.filter(\.isGroupTerm)
    guard !terms.isEmpty else { return .sql }
    let rows = try fleetGroupRows()
    let total = rows.reduce(0) { $0 + $1.count }
    let matching = rows.filter { group in terms.allSatisfy { $0.matches(group) == true } }
    let count = matching.reduce(0) { $0 + $1.count }
    if Double(count) > max(1000, (20 * Double(total)).squareRoot()) {
      return terms.contains(where: { $0.constrains(sort.column) }) ? .sql : .walkSortIndex
    }
    // SQLite allows 500 terms in one compound SELECT.
    return matching.count <= 400 ? .groups(matching) : .sql
  }

  /// The condition selecting exactly the devices of `groups`, its parameters numbered after
  /// `bindings` existing ones.
  static func groupCondition(_ groups: [FleetGroupRow], after bindings: Int) -> SQLCondition {
    if groups.isEmpty { return SQLCondition(sql: "0", bindings: []) }
    var values: [SQLiteValue] = []
    var selects: [String] = []
    for g in groups {
      let n = bindings + values.count
      selects.append(
        """
        SELECT id FROM devices WHERE ring_id = ?\(n + 1) AND platform = ?\(n + 2) \
        AND os_sort = ?\(n + 3) AND rsr = ?\(n + 4) AND state = ?\(n + 5) AND removal = ?\(n + 6)
        """)
      values += [
        .integer(g.ringID), .text(g.platform), .text(String(decoding: g.osSort, as: UTF8.self)),
        .text(g.rsr), .text(g.state), .text(g.removal),
      ]
    }
    return SQLCondition(
      sql: "d.id IN (\(selects.joined(separator: " UNION ALL ")))", bindings: values)
  }
}
