import RingsideDomain

extension Dashboard {
  /// A command on the Devices view: moving, sorting, selecting, opening a device, paging its
  /// page.
  static func devicesCommand(
    _ state: inout DashboardState, _ command: CommandID, _ argument: String?
  )
    -> [Effect]?
  {
    if command == CommandTable.copySerial { return copySerial(&state) }
    if state.devices.detailID != nil {
      let paging = command == CommandTable.select ? CommandTable.pageDown : command
      if let effects = detailCommand(&state, paging) { return effects }
    }
    if state.devices.detailID == nil, let effects = selectionCommand(&state, command) {
      return effects
    }
    var d = state.devices
    let rows = state.devicesVisibleRows
    switch command {
    case CommandTable.up, CommandTable.previousMatch: d.cursor -= 1
    case CommandTable.down, CommandTable.nextMatch: d.cursor += 1
    case CommandTable.pageUp: d.cursor -= rows
    case CommandTable.pageDown: d.cursor += rows
    case CommandTable.top: d.cursor = 0
    case CommandTable.bottom:
      guard let total = d.total else {
        state.message = StatusMessage(text: "still counting the devices…", isError: false)
        return []
      }
      d.cursor = total - 1
    case CommandTable.open:
      guard let selected = d.selected else { return [] }
      d.detailID = selected.id
      d.detail = nil
      d.detailScroll = 0
      state.devices = d
      return [.loadDetail(selected.id)]
    case CommandTable.sortNext, CommandTable.sortPrevious:
      let all = DeviceSort.Column.allCases
      let i = all.firstIndex(of: d.query.sort.column) ?? 0
      let step = command == CommandTable.sortNext ? 1 : all.count - 1
      d.query.sort = DeviceSort(all[(i + step) % all.count], descending: false)
      state.devices = d
      return requery(&state, recount: false)
    case CommandTable.sortReverse:
      d.query.sort.descending.toggle()
      state.devices = d
      return requery(&state, recount: false)
    case CommandTable.sortBy:
      guard let argument,
        let sort = DeviceSort.parse(argument.split(separator: " ").joined(separator: ":"))
      else {
        state.message = StatusMessage(
          text:
            "sort by one of: \(DeviceSort.Column.allCases.map(\.rawValue).joined(separator: " ")) [asc|desc]",
          isError: true)
        return []
      }
      d.query.sort = sort
      state.devices = d
      return requery(&state, recount: false)
    default: return nil
    }
    state.devices = d
    return state.devices.settle(visibleRows: rows)
  }

  /// A command on a device's page: scrolling it, or going to the next or previous device.
  static func detailCommand(_ state: inout DashboardState, _ command: CommandID) -> [Effect]? {
    let height = state.contentArea.height
    // The page scrolls no further than its last lines filling the area, so k after G or
    // many j moves up at once.
    let last =
      state.devices.detail.map {
        MoreBelowCue.maxScroll(
          count: DeviceDetailView.lines($0, width: state.contentArea.width - 2, now: state.now)
            .count, height: height)
      } ?? 0
    let scroll = min(state.devices.detailScroll, last)
    switch command {
    case CommandTable.up: state.devices.detailScroll = max(0, scroll - 1)
    case CommandTable.down: state.devices.detailScroll = min(last, scroll + 1)
    case CommandTable.pageUp: state.devices.detailScroll = max(0, scroll - height + 1)
    case CommandTable.pageDown: state.devices.detailScroll = min(last, scroll + height - 1)
    case CommandTable.top: state.devices.detailScroll = 0
    case CommandTable.bottom: state.devices.detailScroll = last
    case CommandTable.nextMatch, CommandTable.previousMatch:
      var d = state.devices
      d.cursor += command == CommandTable.nextMatch ? 1 : -1
      d.cursor = max(0, min(d.cursor, d.lastIndex))
      var effects = d.settle(visibleRows: state.devicesVisibleRows)
      if let next = d.selected, next.id != d.detailID {
        d.detailID = next.id
        d.detail = nil
        d.detailScroll = 0
        effects.append(.loadDetail(next.id))
      }
      state.devices = d
      return effects
    case CommandTable.open: return []
    default: return nil
    }
    return []
  }

  /// The Devices view's loads: the devices again for the current data.
  static func devicesRefresh(_ state: inout DashboardState) -> [Effect] {
    requery(&state, recount: true)
  }
}
