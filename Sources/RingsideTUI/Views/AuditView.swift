import RingsideStore

/// Audit: who changed what, when, from where; newest first, paged through the whole log.
public enum AuditView {
  static func render(_ state: DashboardState, area: Rect, grid: inout CellGrid) {
    guard let page = state.audit.page else {
      grid.put("Loading the audit log…", x: area.x + 1, y: area.y + 1, role: .dim)
      return
    }
    let shown = page.entries.count
    let range = shown == 0 ? "0" : "\(page.offset + 1)-\(page.offset + shown)"
    grid.put(
      "Audit log, newest first: \(range) of \(page.total.grouped)  (j/k, PgDn/PgUp page)",
      x: area.x + 1, y: area.y, role: .sectionTitle, limit: area.width - 2)
    let columns: [(String, Int)] = [
      ("time (UTC)", 17), ("user", 10), ("role", 7), ("origin", 18), ("action", 15),
    ]
    var x = area.x + 1
    grid.fill(x: area.x, y: area.y + 1, width: area.width, height: 1, role: .tableHeader)
    for (title, width) in columns {
      grid.put(title, x: x, y: area.y + 1, role: .tableHeader, limit: width)
      x += width + 1
    }
    var y = area.y + 2
    for entry in page.entries {
      guard y + 1 < area.y + area.height else { break }
      x = area.x + 1
      let cells = [
        Format.timestamp(entry.at), entry.user, entry.role, entry.origin, entry.action.rawValue,
      ]
      for ((_, width), text) in zip(columns, cells) {
        grid.put(text, x: x, y: y, width: width, role: x == area.x + 1 ? .dim : .tableRow)
        x += width + 1
      }
      var detail = "  " + entry.detail
      if entry.beforeHash != nil || entry.afterHash != nil {
        detail = "  sha256 \(short(entry.beforeHash)) → \(short(entry.afterHash))  " + entry.detail
      }
      grid.put(detail, x: area.x + 1, y: y + 1, role: .label, limit: area.width - 2)
      y += 2
    }
  }

  static func short(_ hash: String?) -> String { hash.map { String($0.prefix(12)) } ?? "none" }
}
