/// A cursor over the enterable numbers of a view (Overview, Rings) and the view's scroll.
/// Arrows move spatially: up and down to the nearest number on the next line with numbers.
public struct DrillModel: Sendable, Equatable {
  public var cursor = 0
  public var scroll = 0

  public init() {}

  /// Moves the cursor within `canvas` and scrolls so its line shows in `height` rows;
  /// false when the command is not a movement.
  mutating func move(_ command: CommandID, canvas: DrillCanvas, height: Int) -> Bool {
    let items = canvas.items
    guard !items.isEmpty else { return isMovement(command) }
    let here = items[max(0, min(cursor, items.count - 1))]
    func vertical(_ down: Bool, skip: Int = 1) -> Int? {
      // One step keeps to the cursor's column when it goes on within a few lines: from the
      // right column's "removed anyway", j reaches "stale (>14 d)" under its section title
      // rather than the left column's next row.
      if skip == 1 {
        let near = down ? here.line + 1...here.line + 3 : here.line - 3...here.line - 1
        let sameColumn = items.indices.filter {
          items[$0].x == here.x && near.contains(items[$0].line)
        }
        if let next = down ? sameColumn.first : sameColumn.last { return next }
      }
      let target = down ? here.line + skip : here.line - skip
      let candidates = items.indices.filter {
        down ? items[$0].line >= target : items[$0].line <= target
      }
      guard let lineIndex = down ? candidates.first : candidates.last else { return nil }
      let line = items[lineIndex].line
      return items.indices.filter { items[$0].line == line }
        .min { abs(items[$0].x - here.x) < abs(items[$1].x - here.x) }
    }
    switch command {
    case CommandTable.up: cursor = vertical(false) ?? cursor
    case CommandTable.down: cursor = vertical(true) ?? cursor
    case CommandTable.left, CommandTable.previousMatch: cursor -= 1
    case CommandTable.right, CommandTable.nextMatch: cursor += 1
    case CommandTable.top: cursor = 0
    case CommandTable.bottom: cursor = items.count - 1
    case CommandTable.pageDown: cursor = vertical(true, skip: max(1, height - 1)) ?? items.count - 1
    case CommandTable.pageUp: cursor = vertical(false, skip: max(1, height - 1)) ?? 0
    default: return false
    }
    settle(canvas: canvas, height: height)
    return true
  }

  private func isMovement(_ command: CommandID) -> Bool {
    [
      CommandTable.up, CommandTable.down, CommandTable.left, CommandTable.right, CommandTable.top,
      CommandTable.bottom, CommandTable.pageUp, CommandTable.pageDown, CommandTable.nextMatch,
      CommandTable.previousMatch,
    ].contains(command)
  }

  /// Clamps the cursor and scroll after a move, a resize or new data; the line above the
  /// cursor (its section title) stays visible when it can.
  mutating func settle(canvas: DrillCanvas, height: Int) {
    cursor = max(0, min(cursor, canvas.items.count - 1))
    // The last row shows "more below" while lines follow, so one row less holds lines.
    let window = canvas.lines.count > height ? max(1, height - 1) : height
    if canvas.items.indices.contains(cursor) {
      let line = canvas.items[cursor].line
      if line == canvas.items[0].line {
        scroll = 0
      } else if line - 1 < scroll {
        scroll = line - 1
      }
      if line >= scroll + window { scroll = line - window + 1 }
    }
    scroll = max(0, min(scroll, canvas.lines.count - window))
  }
}
