extension Dashboard {
  /// The Audit view's load: the page of entries from its offset.
  static func auditLoad(_ state: DashboardState) -> Effect {
    .loadAudit(offset: state.audit.offset, limit: state.auditPageSize)
  }

  /// A command on the Audit view: paging through the log.
  static func auditCommand(_ state: inout DashboardState, _ command: CommandID) -> [Effect]? {
    let page = state.auditPageSize
    let total = state.audit.page?.total ?? 0
    var offset = state.audit.offset
    switch command {
    case CommandTable.down: offset += 1
    case CommandTable.up: offset -= 1
    case CommandTable.pageDown: offset += page
    case CommandTable.pageUp: offset -= page
    case CommandTable.top: offset = 0
    case CommandTable.bottom: offset = total - page
    default: return nil
    }
    offset = max(0, min(offset, total - 1))
    guard offset != state.audit.offset else { return [] }
    state.audit.offset = offset
    return [auditLoad(state)]
  }
}

extension DashboardState {
  /// Audit entries on screen: two lines each after the header.
  var auditPageSize: Int { max(1, (contentArea.height - 2) / 2) }
}
