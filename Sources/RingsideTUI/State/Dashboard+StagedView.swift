import RingsideProfiles

extension Dashboard {
  /// A command on the Staged view: moving over changes and files, opening a diff or a move
  /// group, dropping, writing.
  static func stagedCommand(_ state: inout DashboardState, _ command: CommandID) -> [Effect]? {
    guard let info = state.staging else { return nil }
    if state.staged.openFile != nil || state.staged.openMoves != nil {
      let length =
        state.staged.openMoves.map { state.layout.movesLineCount(state, info, $0) }
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
    let lines = state.layout.staged(state, info)
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
