import RingsideDomain

/// The columns of a ring with its policy as the store selects them (`rings r` joined with
/// `policies p`), read by name; the one place a stored policy row becomes a `RingPolicy`.
enum RingRowColumn: Int32, RowColumn {
  case name, position, rsrInstall, rsrRemoval, deferDays, criticalUpdates, majorTarget

  var sql: String {
    switch self {
    case .name: "r.name"
    case .position: "r.position"
    case .rsrInstall: "p.rsr_install"
    case .rsrRemoval: "p.rsr_removal"
    case .deferDays: "p.defer_days"
    case .criticalUpdates: "p.critical_updates"
    case .majorTarget: "p.major_target"
    }
  }

  /// The policy of a row, or nil when the stored values do not make one (written by other
  /// means): an unknown setting reads as unset.
  static func policy(_ row: any StoreRow) -> RingPolicy? {
    try? RingPolicy(
      rsrInstallation: PolicySetting(rawValue: row.string(Self.rsrInstall) ?? "") ?? .unset,
      rsrRemoval: PolicySetting(rawValue: row.string(Self.rsrRemoval) ?? "") ?? .unset,
      deferralDays: row.int(Self.deferDays).map(Int.init),
      criticalUpdateInstall: CriticalUpdateSetting(
        rawValue: row.string(Self.criticalUpdates) ?? "") ?? .unset,
      majorTarget: MajorTarget(rawValue: row.string(Self.majorTarget) ?? "") ?? .unset)
  }
}
