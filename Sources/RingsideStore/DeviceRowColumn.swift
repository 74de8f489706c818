/// The columns of a device row as the store selects it, in order: each one's SQL and its place
/// in the row come from here, so a row is read by name (`row.string(.serial)`), never by a
/// position counted by hand against a column list written elsewhere.
enum DeviceRowColumn: Int32, RowColumn {
  case id, deviceKey, serial, udid, name, platform, model, osBase, rsr, build, supplementalBuild
  case supervised, userEnrolled, ring, lastCheckIn, userName, source, removedLetter
  case state, removal, stagedRing

  /// The expression that selects it; the query must join `rings r`.
  var sql: String {
    switch self {
    case .id: "d.id"
    case .deviceKey: "d.device_key"
    case .serial: "d.serial"
    case .udid: "d.udid"
    case .name: "d.name"
    case .platform: "d.platform"
    case .model: "d.model"
    case .osBase: "d.os_base"
    case .rsr: "d.rsr"
    case .build: "d.build"
    case .supplementalBuild: "d.supplemental_build"
    case .supervised: "d.supervised"
    case .userEnrolled: "d.user_enrolled"
    case .ring: "r.name"
    case .lastCheckIn: "d.last_checkin"
    case .userName: "d.user_name"
    case .source: "d.source"
    case .removedLetter: "d.removed_letter"
    case .state: "d.state"
    case .removal: "d.removal"
    case .stagedRing:
      """
      (SELECT sr.name FROM staged_changes sc JOIN rings sr ON sr.id = sc.ring_id
       WHERE sc.device_id = d.id AND sc.kind = 'move')
      """
    }
  }

  /// What a stored `Device` holds, with its row id: the columns up to the removed letter.
  static let stored = allCases.filter { $0.rawValue <= removedLetter.rawValue }
}

extension StoreRow {
  // Device columns are read as `row.string(.serial)`, which a generic reader cannot infer.
  func string(_ column: DeviceRowColumn) -> String? { string(at: column.rawValue) }
  func int(_ column: DeviceRowColumn) -> Int64? { int(at: column.rawValue) }
}
