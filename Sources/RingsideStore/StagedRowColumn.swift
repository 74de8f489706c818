/// The columns of a staged change as the store selects it (the query joins `rings r` and
/// left-joins `devices d`), read by name.
enum StagedRowColumn: Int32, RowColumn {
  case id, kind, ring, setting, oldValue, newValue, author, createdAt
  case deviceID, deviceKey, serial, deviceName

  var sql: String {
    switch self {
    case .id: "s.id"
    case .kind: "s.kind"
    case .ring: "r.name"
    case .setting: "s.setting"
    case .oldValue: "s.old_value"
    case .newValue: "s.new_value"
    case .author: "s.author"
    case .createdAt: "s.created_at"
    case .deviceID: "d.id"
    case .deviceKey: "d.device_key"
    case .serial: "d.serial"
    case .deviceName: "d.name"
    }
  }
}

/// What identifies a staged row's content (its kind, ring, setting, new value and device), to
/// recognise the same row unchanged when an apply commits.
struct StagedRowKey: Hashable, Sendable {
  /// The columns of `staged_changes` the key is read from, by name.
  enum Column: Int32, RowColumn {
    case id, kind, ringID, setting, newValue, deviceID

    var sql: String {
      switch self {
      case .id: "id"
      case .kind: "kind"
      case .ringID: "ring_id"
      case .setting: "setting"
      case .newValue: "new_value"
      case .deviceID: "device_id"
      }
    }
  }

  let kind: String?
  let ringID: Int64?
  let setting: String?
  let newValue: String?
  let deviceID: Int64?

  init(_ row: any StoreRow) {
    kind = row.string(Column.kind)
    ringID = row.int(Column.ringID)
    setting = row.string(Column.setting)
    newValue = row.string(Column.newValue)
    deviceID = row.int(Column.deviceID)
  }
}
