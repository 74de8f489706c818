/// The columns of an audit entry as the store selects it, read by name.
enum AuditRowColumn: Int32, RowColumn {
  case id, at, user, role, origin, action, detail, beforeHash, afterHash, chain

  var sql: String {
    switch self {
    case .id: "id"
    case .at: "at"
    case .user: "user_name"
    case .role: "role"
    case .origin: "origin"
    case .action: "action"
    case .detail: "detail"
    case .beforeHash: "before_hash"
    case .afterHash: "after_hash"
    case .chain: "chain"
    }
  }

  /// The columns of an entry as shown (all but the chain link).
  static let entry = allCases.filter { $0 != .chain }
}
