import RingsideProfiles

/// Staged: what would change (policy diffs, ring moves, warnings) and, per ring and platform,
/// the files a write changes with their line diff against the disk; Enter on a move lists its
/// devices and the membership files it changes. `u` drops, `w` writes.
public enum StagedView {
  public static let descriptor = ViewDescriptor(
    id: .staged, title: "Staged",
    summary:
      "Staged policy changes and ring moves, warnings, and the profile diffs; write or drop.",
    number: 4, names: ["staged", "s"],
    hints: [CommandTable.open, CommandTable.drop, CommandTable.writeAll],
    render: { state, area, grid in render(state, area: area, grid: &grid) },
    handle: { state, command, _ in handle(&state, command) },
    refresh: { _ in [.loadStaging] })

  static func render(_ state: DashboardState, area: Rect, grid: inout CellGrid) {
    guard let info = state.staging else {
      grid.put("Loading what is staged…", x: area.x + 1, y: area.y + 1, role: .dim)
      return
    }
    if let name = state.staged.openFile, let review = info.reviews.first(where: { $0.name == name })
    {
      StagedDiffView.render(review, scroll: state.staged.diffScroll, area: area, grid: &grid)
      return
    }
    if let key = state.staged.openMoves {
      StagedMovesView.render(info, key, scroll: state.staged.diffScroll, area: area, grid: &grid)
      return
    }
    let lines = StagedLines(info, width: area.width)
    let selectable = lines.selectable
    let cursorLine =
      selectable.indices.contains(state.staged.cursor)
      ? selectable[state.staged.cursor] : nil
    let scroll = max(0, (cursorLine ?? 0) - area.height + 2)
    for (row, index) in (scroll..<lines.lines.count).prefix(area.height).enumerated() {
      let y = area.y + row
      for span in lines.lines[index].spans {
        guard span.x < area.width else { continue }
        grid.put(
          span.text, x: area.x + span.x, y: y, role: span.role, limit: area.width - span.x - 1)
      }
      if index == cursorLine {
        grid.restyle(x: area.x, y: y, width: area.width, role: .tableSelected)
      }
    }
  }

  static func handle(_ state: inout DashboardState, _ command: CommandID) -> [Effect]? {
    guard let info = state.staging else { return nil }
    if state.staged.openFile != nil || state.staged.openMoves != nil {
      let length =
        state.staged.openMoves.map { StagedMovesView.lineCount(info, $0) }
        ?? info.reviews.first { $0.name == state.staged.openFile }?.diff.lines.count ?? 0
      let page = max(1, state.contentArea.height - 2)
      var scroll = state.staged.diffScroll
      switch command {
      case CommandTable.down: scroll += 1
      case CommandTable.up: scroll -= 1
      case CommandTable.pageDown: scroll += page
      case CommandTable.pageUp: scroll -= page
      case CommandTable.top: scroll = 0
      case CommandTable.bottom: scroll = length
      default: return nil
      }
      state.staged.diffScroll = max(0, min(scroll, length - page))
      return []
    }
    let lines = StagedLines(info, width: state.width)
    let selectable = lines.selectable
    var cursor = state.staged.cursor
    switch command {
    case CommandTable.down: cursor += 1
    case CommandTable.up: cursor -= 1
    case CommandTable.pageDown: cursor += max(1, state.contentArea.height - 2)
    case CommandTable.pageUp: cursor -= max(1, state.contentArea.height - 2)
    case CommandTable.top: cursor = 0
    case CommandTable.bottom: cursor = selectable.count - 1
    case CommandTable.open:
      guard selectable.indices.contains(cursor) else { return [] }
      switch lines.lines[selectable[cursor]].target {
      case .file(let name): state.staged.openFile = name
      case .moves(let move): state.staged.openMoves = move
      default: return []
      }
      state.staged.diffScroll = 0
      return []
    case CommandTable.drop:
      switch selectable.indices.contains(cursor) ? lines.lines[selectable[cursor]].target : nil {
      case .change(let id): return [.write(.discard([id]))]
      case .moves(let move): return [.write(.discardMoves(move))]
      default:
        state.message = StatusMessage(
          text: "put the cursor on a staged change or ring move to drop it", isError: true)
        return []
      }
    case CommandTable.writeAll:
      return confirmWrite(&state, info)
    default: return nil
    }
    state.staged.cursor = max(0, min(cursor, selectable.count - 1))
    return []
  }

  /// `w`: asks before writing, saying what goes where.
  static func confirmWrite(_ state: inout DashboardState, _ info: StagingInfo) -> [Effect] {
    guard info.count > 0 else {
      let hint =
        info.fileChanges.isEmpty
        ? "" : " (the profile files differ from the folder: `ringside apply` writes them)"
      state.message = StatusMessage(text: "nothing staged, nothing to write" + hint, isError: false)
      return []
    }
    let files = info.fileChanges.map { "\($0.action.rawValue) \($0.name)" }
    let list = files.isEmpty ? "no file changes" : files.joined(separator: ", ")
    state.prompt = .confirm(
      text:
        "write \(files.count) file(s) to \(info.directory) (\(list)) and apply \(info.count) staged change(s)? y/n",
      write: .apply)
    return []
  }
}
