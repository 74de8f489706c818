import RingsideDomain

/// The ring list `m` opens, drawn over the view.
enum PromptView {
  static func picker(_ picker: RingPicker, _ state: DashboardState, _ grid: inout CellGrid) {
    let title = "Move \(picker.targetText) to ring"
    let width = min(state.width - 4, max(30, DisplayWidth.of(title) + 4))
    let height = min(state.height - 4, picker.rings.count + 4)
    let x0 = (state.width - width) / 2
    let y0 = max(1, (state.height - height) / 2)
    Box.draw(&grid, x: x0, y: y0, width: width, height: height, glyphs: state.glyphs)
    grid.put(" \(title) ", x: x0 + 2, y: y0, role: .overlayTitle, limit: width - 4)
    for (i, ring) in picker.rings.prefix(height - 4).enumerated() {
      let y = y0 + 2 + i
      grid.put("\(i + 1)", x: x0 + 2, y: y, role: .overlayKey)
      grid.put(ring, x: x0 + 5, y: y, role: .overlay, limit: width - 7)
      if i == picker.cursor {
        grid.restyle(x: x0 + 1, y: y, width: width - 2, role: .tableSelected)
      }
    }
    if height >= 5 {
      grid.put(
        " Enter picks, Esc cancels ", x: x0 + 2, y: y0 + height - 1, role: .overlayTitle,
        limit: width - 4)
    }
  }
}

extension PromptView {
  /// A question over the view, wrapped so the whole of it shows: what is written where.
  static func confirm(_ text: String, _ state: DashboardState, _ grid: inout CellGrid) {
    let width = min(state.width - 4, 90)
    let lines = DisplayWidth.wrap(text, width: width - 4)
    let height = min(state.height - 4, lines.count + 4)
    let x0 = (state.width - width) / 2
    let y0 = max(1, (state.height - height) / 2)
    Box.draw(&grid, x: x0, y: y0, width: width, height: height, glyphs: state.glyphs)
    grid.put(" Confirm ", x: x0 + 2, y: y0, role: .overlayTitle, limit: width - 4)
    if height >= 5 {
      grid.put(
        " y confirms, any other key cancels ", x: x0 + 2, y: y0 + height - 1,
        role: .overlayTitle, limit: width - 4)
    }
    for (i, line) in lines.prefix(height - 4).enumerated() {
      grid.put(line, x: x0 + 2, y: y0 + 2 + i, role: .overlay, limit: width - 4)
    }
  }
}
