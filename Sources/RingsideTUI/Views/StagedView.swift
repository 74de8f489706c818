import RingsideProfiles

/// Staged: what would change (policy diffs, ring moves, warnings) and, per ring and platform,
/// the files a write changes with their line diff against the disk; Enter on a move lists its
/// devices and the membership files it changes. `u` drops, `w` writes.
public enum StagedView {
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
    let lines = state.layout.staged(state, info)
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

}
