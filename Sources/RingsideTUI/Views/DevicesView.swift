import RingsideDomain

/// Devices: the filterable, sortable table, paged from the store; Enter opens a device.
public enum DevicesView {
  static func render(_ state: DashboardState, area: Rect, grid: inout CellGrid) {
    if state.devices.detailID != nil {
      DeviceDetailView.render(state, area: area, grid: &grid)
    } else {
      renderTable(state, area: area, grid: &grid)
    }
  }

  static func renderTable(_ state: DashboardState, area: Rect, grid: inout CellGrid) {
    let d = state.devices
    renderFilterLine(state, area: area, grid: &grid)
    let layout = DeviceTableLayout(
      width: area.width, ringWidth: state.snapshot?.rings.map { $0.ring.name.count }.max() ?? 10)
    let headerY = area.y + 1
    grid.fill(x: area.x, y: headerY, width: area.width, height: 1, role: .tableHeader)
    for (column, x) in zip(layout.columns, layout.offsets) {
      let sorted = column.sort == d.query.sort.column
      let arrow =
        sorted ? (d.query.sort.descending ? state.glyphs.descending : state.glyphs.ascending) : ""
      let title =
        RingsideTUIText.fit(column.title, column.width - RingsideTUIText.width(arrow)) + arrow
      grid.put(
        title, x: area.x + x, y: headerY, role: sorted ? .tableHeaderSorted : .tableHeader,
        limit: column.width)
    }
    // Rows of an older filter never stand under a filter that does not parse.
    if d.filterError != nil {
      grid.put(
        "No devices: the filter above is not valid yet (keep typing, or Esc restores the last one).",
        x: area.x + 1, y: headerY + 1, role: .dim, limit: area.width - 2)
      return
    }
    let rows = state.devicesVisibleRows
    for i in 0..<rows {
      let index = d.top + i
      let y = headerY + 1 + i
      if let total = d.total, index >= total { break }
      // Until the rows of a new filter or sort arrive, the old ones stay, dimmed: no blank flash.
      let stale =
        d.page.map { $0.query.filter != d.query.filter || $0.query.sort != d.query.sort } ?? false
      guard let record = d.page?.row(index) else {
        if d.total != nil || i == 0 { grid.put("…", x: area.x + 1, y: y, role: .dim) }
        continue
      }
      for (column, x) in zip(layout.columns, layout.offsets) {
        let (text, role) =
          column.sort.map { layout.cell($0, record, catalog: state.catalog, now: state.now) }
          ?? (column.extra?.text(record.device) ?? "", StyleRole.tableRow)
        grid.put(text, x: area.x + x, y: y, width: column.width, role: stale ? .dim : role)
      }
      if index == d.cursor {
        grid.restyle(x: area.x, y: y, width: area.width, role: .tableSelected)
      } else if d.allMatching || d.selection.contains(record.id) {
        grid.restyle(x: area.x, y: y, width: area.width, role: .selected)
      }
    }
    if d.total == 0 {
      grid.put(
        "No device matches this filter. Press Esc to clear it.", x: area.x + 1, y: headerY + 1,
        role: .dim)
    }
  }

  static func renderFilterLine(_ state: DashboardState, area: Rect, grid: inout CellGrid) {
    let d = state.devices
    // Without a connection nothing is being counted: the dimmed rows are the filter before's,
    // and the new one waits.
    let waiting = state.connectionLost != nil && d.currentPage == nil
    var right =
      d.total.map { "\((d.total == 0 ? 0 : d.cursor + 1).grouped)/\($0.grouped)" }
      ?? (waiting ? "shown: the filter before; this one waits for the connection" : "counting…")
    if let all = state.snapshot?.devices, d.total != nil, d.total != all {
      right += " of \(all.grouped)"
    }
    if !waiting || d.total != nil { right += " devices" }
    if let selection = state.selectionText { right = selection + "  " + right }
    let layout = DeviceTableLayout(width: area.width, ringWidth: 10)
    if !layout.columns.contains(where: { $0.sort == d.query.sort.column }) {
      let arrow = d.query.sort.descending ? state.glyphs.descending : state.glyphs.ascending
      right = "sort \(d.query.sort.column.rawValue) \(arrow)  " + right
    }
    let rightWidth = d.filterError == nil ? RingsideTUIText.width(right) + 2 : 0
    let end = area.x + area.width - rightWidth
    var x = area.x + 1
    if let scope = d.scope {
      x += grid.put("In: ", x: x, y: area.y, role: .label)
      x += grid.put(
        scope.title, x: x, y: area.y, role: .sectionTitle, limit: max(10, area.width / 2 - 6))
      x += 2
    }
    x += grid.put("Filter: ", x: x, y: area.y, role: .label, limit: max(0, end - x))
    if let error = d.filterError {
      x += grid.put(d.filterText, x: x, y: area.y, role: .inputText, limit: 24)
      grid.put("  " + error, x: x, y: area.y, role: .error, limit: max(0, area.width - x - 1))
      return
    }
    if d.filterText.isEmpty {
      grid.put("none, / to filter", x: x, y: area.y, role: .dim, limit: max(0, end - x))
    } else {
      grid.put(d.filterText, x: x, y: area.y, role: .inputText, limit: max(0, end - x))
    }
    grid.put(right, x: area.x + area.width - rightWidth + 1, y: area.y, role: .number)
  }
}
