import RingsideProfiles

/// One file of the Staged view: what would be written against what is on disk, line by line.
enum StagedDiffView {
  static func render(_ review: FileReview, scroll: Int, area: Rect, grid: inout CellGrid) {
    let counts = review.changedLines
    grid.put(
      "\(review.action.rawValue) \(review.path)  +\(counts.added) -\(counts.removed)  (Esc back)",
      x: area.x + 1, y: area.y, role: .sectionTitle, limit: area.width - 2)
    if let conflict = review.conflict {
      grid.put(conflict, x: area.x + 1, y: area.y + 1, role: .error, limit: area.width - 2)
    }
    let top = area.y + 2
    let lines = review.diff.lines
    for (row, line) in lines.dropFirst(scroll).prefix(area.height - 2).enumerated() {
      let (mark, text, role): (String, String, StyleRole) =
        switch line {
        case .same(let t): (" ", t, .tableRow)
        case .added(let t): ("+", t, .stateCurrent)
        case .removed(let t): ("-", t, .error)
        }
      grid.put(
        mark + " " + text.replacingOccurrences(of: "\t", with: "  "), x: area.x + 1, y: top + row,
        role: role, limit: area.width - 2)
    }
  }
}
