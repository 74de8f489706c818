/// A cleared rectangle with a border, for overlays (help, pickers, confirmations), drawn with
/// line glyphs or, on an ASCII terminal, `+`, `-` and `|`.
enum Box {
  static func draw(
    _ grid: inout CellGrid, x: Int, y: Int, width: Int, height: Int, glyphs: Glyphs,
    role: StyleRole = .overlay
  ) {
    guard width >= 2, height >= 2 else { return }
    grid.fill(x: x, y: y, width: width, height: height, role: role)
    let ascii = glyphs == .ascii
    let (tl, tr, bl, br) = ascii ? ("+", "+", "+", "+") : ("┌", "┐", "└", "┘")
    let line = String(repeating: glyphs.horizontal, count: width - 2)
    grid.put(tl + line + tr, x: x, y: y, role: role)
    grid.put(bl + line + br, x: x, y: y + height - 1, role: role)
    for row in (y + 1)..<(y + height - 1) {
      grid.put(glyphs.vertical, x: x, y: row, role: role)
      grid.put(glyphs.vertical, x: x + width - 1, y: row, role: role)
    }
  }
}
