/// The columns of one group of devices alike in ring, platform, version, state and removal,
/// as both the kept counts (`fleet_groups g`) and a count of `devices d` select them; read by
/// name.
enum FleetGroupRowColumn: Int32, RowColumn {
  case ringID, platform, osSort, rsr, state, removal, count

  /// The column's SQL for `fleet_groups g`, whose count is kept in `n`.
  var sql: String {
    switch self {
    case .ringID: "g.ring_id"
    case .platform: "g.platform"
    case .osSort: "g.os_sort"
    case .rsr: "g.rsr"
    case .state: "g.state"
    case .removal: "g.removal"
    case .count: "g.n"
    }
  }

  /// The column's SQL for a count of `devices d` grouped by the others.
  var deviceSQL: String {
    self == .count ? "COUNT(*)" : "d." + sql.dropFirst(2)
  }

  /// The columns for a count of `devices d`, and the GROUP BY that goes with them.
  static let deviceList = allCases.map(\.deviceSQL).joined(separator: ", ")
  static let deviceGrouping = allCases.filter { $0 != .count }.map(\.deviceSQL)
    .joined(separator: ", ")
}
