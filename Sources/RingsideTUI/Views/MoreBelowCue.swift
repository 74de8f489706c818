import RingsideDomain

/// The last row of a scrolled area saying how many lines follow, instead of cutting them off
/// silently: the Overview's drill canvas and a device's page draw it alike.
enum MoreBelowCue {
  /// Draws the cue when `count` lines from `scroll` on do not fit `area`, and returns how many
  /// rows are left for lines.
  static func rows(for count: Int, from scroll: Int, in area: Rect, grid: inout CellGrid) -> Int {
    let more = count - scroll > area.height && area.height > 1
    guard more else { return area.height }
    let rows = area.height - 1
    let hidden = count - scroll - rows
    let cue = "▼ \(hidden) more line\(hidden == 1 ? "" : "s") below (j, PgDn, G)"
    let text = grid.asciiOnly ? cue.replacingOccurrences(of: "▼", with: "v") : cue
    let x = max(area.x + 1, area.x + area.width - DisplayWidth.of(text) - 2)
    grid.put(text, x: x, y: area.y + rows, role: .dim, limit: area.width - 1)
    return rows
  }

  /// The furthest a list of `count` lines scrolls in `height` rows: its last lines fill them.
  static func maxScroll(count: Int, height: Int) -> Int { max(0, count - height) }
}
