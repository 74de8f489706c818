extension Dashboard {
  /// Runs one command by id, from a key or the command line.
  static func run(_ s: inout DashboardState, _ id: CommandID, argument: String?) -> [Effect] {
    if let command = s.command(id), command.dangerous, s.readOnly {
      refuse(&s)
      return []
    }
    switch id {
    case CommandTable.quit:
      s.quitting = true
      return [.quit]
    case CommandTable.help:
      s.helpVisible = true
      s.helpScroll = 0
      return []
    case CommandTable.commandLine:
      s.input = .command(draft: "")
      return []
    case CommandTable.filter:
      if let argument { return setFilter(&s, argument) }
      s.input = .filter(draft: s.devices.filterText, original: s.devices.filterText)
      s.filterCursor = s.devices.filterText.count
      s.filterSelected = !s.devices.filterText.isEmpty
      if s.current != .devices {
        s.back.removeAll()
        s.current = .devices
      }
      s.devices.detailID = nil
      s.devices.detail = nil
      return s.devices.settle(visibleRows: s.devicesVisibleRows)
    case CommandTable.back: return back(&s)
    case CommandTable.reload:
      s.dataGeneration += 1
      var effects = refreshAll(&s)
      if let id = s.devices.detailID { effects.append(.loadDetail(id)) }
      return effects
    case CommandTable.nextView, CommandTable.previousView:
      guard let i = s.views.firstIndex(where: { $0.id == s.current }) else { return [] }
      let step = id == CommandTable.nextView ? 1 : s.views.count - 1
      return show(&s, s.views[(i + step) % s.views.count].id)
    case CommandTable.theme:
      guard let argument, !argument.isEmpty else {
        s.message = StatusMessage(
          text: "theme \(s.themeName); try :theme default, high-contrast, light or mono",
          isError: false)
        return []
      }
      return [.loadTheme(argument)]
    case CommandTable.writeAll where s.current != .staged:
      guard let info = s.staging else { return [] }
      return confirmWrite(&s, info)
    default:
      if let view = s.views.first(where: { $0.commandID == id }) { return show(&s, view.id) }
      return s.currentView?.handle(&s, id, argument) ?? []
    }
  }

  /// Esc: close the device, go back to where Enter came from, or clear the filter.
  static func back(_ s: inout DashboardState) -> [Effect] {
    if s.current == .staged, s.staged.openFile != nil || s.staged.openMoves != nil {
      s.staged.openFile = nil
      s.staged.openMoves = nil
      return []
    }
    if s.current == .devices, s.devices.detailID != nil {
      s.devices.detailID = nil
      s.devices.detail = nil
      return s.devices.settle(visibleRows: s.devicesVisibleRows)
    }
    if let entry = s.back.popLast() {
      s.current = entry.view
      s.devices = entry.devices
      if s.devices.query.generation != s.dataGeneration { return requery(&s, recount: true) }
      return settleAll(&s)
    }
    if s.current == .devices, s.devices.scope != nil || !s.devices.filterText.isEmpty {
      s.devices.scope = nil
      _ = s.devices.setFilter("")
      s.devices.filterText = ""
      s.devices.query.filter = .all
      s.devices.filterError = nil
      return requery(&s, recount: true)
    }
    return []
  }

  /// Runs `:name argument` typed on the command line.
  static func runCommandLine(_ s: inout DashboardState, _ line: String) -> [Effect] {
    let trimmed = line.trimmingCharacters()
    guard !trimmed.isEmpty else { return [] }
    let name = String(trimmed.prefix { $0 != " " })
    let argument = trimmed.dropFirst(name.count).trimmingCharacters()
    guard let command = s.commands.first(where: { $0.names.contains(name) }) else {
      s.message = StatusMessage(
        text: "unknown command :\(name), press ? for the list", isError: true)
      return []
    }
    if command.argument != nil || !argument.isEmpty {
      guard command.argument != nil else {
        s.message = StatusMessage(text: ":\(name) takes no argument", isError: true)
        return []
      }
    }
    // A command of another view (`:sort os desc` typed in Overview or Audit) runs in that
    // view, opened first, so what it does is seen; those `run` answers in every view stay.
    var effects: [Effect] = []
    if !everyView.contains(command.id), command.scope.rawValue != s.current.rawValue,
      let view = s.views.first(where: { $0.id.rawValue == command.scope.rawValue })
    {
      effects = show(&s, view.id)
    }
    return effects + run(&s, command.id, argument: argument.isEmpty ? nil : argument)
  }

  /// Commands of one view's that `run` answers in every view: the filter opens Devices
  /// itself, and `:write` asks where it is.
  private static let everyView: Set<CommandID> = [CommandTable.filter, CommandTable.writeAll]
}
