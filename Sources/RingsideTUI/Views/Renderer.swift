import Foundation
import RingsideDomain

/// Draws the whole screen for a state: header with the view tabs, the current view, the
/// status line, the footer (hints, input or message), and the help overlay.
public enum Renderer {
  public static func render(_ state: DashboardState, asciiOnly: Bool = false) -> CellGrid {
    var grid = CellGrid(width: state.width, height: state.height, asciiOnly: asciiOnly)
    if state.tooSmall {
      let text =
        "terminal too small: \(state.width)x\(state.height), need \(Layout.minWidth)x\(Layout.minHeight)"
      let lines = DisplayWidth.wrap(text, width: max(1, state.width))
      for (i, line) in lines.prefix(state.height).enumerated() {
        grid.put(line, x: 0, y: i, role: .warning)
      }
      return grid
    }
    header(state, &grid)
    if let view = state.currentView { view.render(state, state.contentArea, &grid) }
    status(state, &grid)
    footer(state, &grid)
    if state.helpVisible { help(state, &grid) }
    switch state.prompt {
    case .pickRing(let picker): PromptView.picker(picker, state, &grid)
    case .confirm(let text, _): PromptView.confirm(text, state, &grid)
    case nil: break
    }
    return grid
  }

  static func header(_ state: DashboardState, _ grid: inout CellGrid) {
    grid.fill(x: 0, y: 0, width: state.width, height: 1, role: .headerBar)
    var x = 1 + grid.put("Ringside", x: 1, y: 0, role: .headerTitle) + 2
    for view in state.views {
      let active = view.id == state.current
      x += grid.put(
        " \(view.number) \(view.title) ", x: x, y: 0, role: active ? .headerTabActive : .headerTab)
      x += 1
    }
    var crumb = ""
    if state.current == .devices {
      if let scope = state.devices.scope { crumb = scope.title }
      if let detail = state.devices.detail { crumb = detail.record.device.name }
    }
    if !crumb.isEmpty {
      let text = state.glyphs.crumb + " " + crumb
      grid.put(text, x: x + 1, y: 0, role: .headerTab, limit: max(0, state.width - x - 2))
    }
  }

  static func status(_ state: DashboardState, _ grid: inout CellGrid) {
    let y = state.height - 2
    grid.fill(x: 0, y: y, width: state.width, height: 1, role: .statusBar)
    let sep = " \(state.glyphs.separator) "
    var parts: [String] = [String?](
      arrayLiteral:
        state.demo ? "demo" : nil,
      state.snapshot.map { "\($0.devices.grouped) devices" } ?? "loading",
      catalogText(state),
      state.staging.map { "\($0.count) staged" } ?? "– staged",
      state.current == .devices ? state.selectionText : nil,
      state.readOnly ? "viewer (read-only)" : "admin",
      "theme \(state.themeName)",
      "refreshed " + (state.lastRefresh.map(Format.clock) ?? "–")
    ).compactMap { $0 }
    let label = state.demo ? "" : state.storeLabel
    let room = state.width - min(30, DisplayWidth.of(label)) - 4
    if DisplayWidth.of(parts.joined(separator: sep)) > room {
      parts.removeAll { $0.hasPrefix("theme ") }
    }
    // The demo marker first: the refresh time goes before it would be cut.
    if state.demo, DisplayWidth.of(parts.joined(separator: sep)) > state.width - 2 {
      parts.removeAll { $0.hasPrefix("refreshed ") }
    }
    let right = parts.joined(separator: sep)
    let rightWidth = DisplayWidth.of(right)
    grid.put(right, x: max(1, state.width - rightWidth - 1), y: y, role: .statusBar)
    let labelRoom = state.width - rightWidth - 4
    if labelRoom >= 10, !label.isEmpty {
      grid.put(state.storeLabel, x: 1, y: y, role: .statusBar, limit: labelRoom)
    }
  }

  /// `catalog 2026-09-28`, or `catalog 62 d old!` once it is older than 30 days.
  static func catalogText(_ state: DashboardState) -> String? {
    guard let snapshot = state.snapshot else { return nil }
    let today = state.lastRefresh.map { UTCTimestamp.date(Int64($0.timeIntervalSince1970)) }
    let age = CatalogAge(asOf: snapshot.catalogAsOf, today: today ?? snapshot.catalogAsOf)
    return age.isOld ? "catalog \(age.days) d old!" : "catalog \(snapshot.catalogAsOf)"
  }

  static func footer(_ state: DashboardState, _ grid: inout CellGrid) {
    let y = state.height - 1
    grid.fill(x: 0, y: y, width: state.width, height: 1, role: .footerBar)
    switch state.input {
    case .filter(let draft, _):
      grid.put("/", x: 0, y: y, role: .inputPrompt)
      let chars = Array(draft)
      let cursor = max(0, min(state.filterCursor, chars.count))
      let before = String(chars[..<cursor])
      let used = grid.put(
        draft, x: 1, y: y, role: state.filterSelected ? .selected : .inputText,
        limit: state.width - 2)
      if state.filterSelected {
        let hint = "  (typing replaces it; ← → edit it)"
        grid.put(hint, x: 1 + used, y: y, role: .dim, limit: max(0, state.width - used - 2))
      } else {
        let x = 1 + min(DisplayWidth.of(before), used)
        let under = cursor < chars.count ? String(chars[cursor]) : state.glyphs.cursor
        grid.put(under, x: x, y: y, role: cursor < chars.count ? .selected : .inputPrompt)
      }
      return
    case .command(let draft):
      grid.put(":", x: 0, y: y, role: .inputPrompt)
      let used = grid.put(draft, x: 1, y: y, role: .inputText, limit: state.width - 2)
      grid.put(state.glyphs.cursor, x: 1 + used, y: y, role: .inputPrompt)
      return
    case .none: break
    }
    if case .confirm = state.prompt {
      grid.put("y: yes, any other key: no", x: 1, y: y, role: .inputPrompt, limit: state.width - 2)
      return
    }
    if case .pickRing = state.prompt {
      grid.put(
        "move to which ring? number or arrows and Enter; Esc cancels", x: 1, y: y,
        role: .inputPrompt, limit: state.width - 2)
      return
    }
    if let message = state.message {
      grid.put(
        message.text, x: 1, y: y, role: message.isError ? .error : .warning, limit: state.width - 2)
      return
    }
    if let lost = state.connectionLost {
      grid.put(lost, x: 1, y: y, role: .error, limit: state.width - 2)
      return
    }
    var x = 1
    for (key, title) in hints(state) {
      let width = DisplayWidth.of(key) + DisplayWidth.of(title) + 3
      if x + width > state.width { break }
      x += grid.put(key, x: x, y: y, role: .footerKey)
      x += grid.put(" " + title, x: x, y: y, role: .footerBar) + 2
    }
  }

  /// The footer's key hints for the current view, generated from the keymap.
  public static func hints(_ state: DashboardState) -> [(String, String)] {
    var ids = state.keymap.bindings.filter {
      $0.hint && ($0.view == nil || $0.view == state.current)
    }
    .map(\.command)
    let viewHints = state.currentView?.hints ?? []
    let viewScoped: Set<CommandID> = [
      CommandTable.sortNext, CommandTable.sortReverse, CommandTable.open,
    ]
    ids.removeAll { viewScoped.contains($0) && !viewHints.contains($0) }
    if state.current == .devices, state.devices.detailID != nil {
      ids.removeAll {
        $0 == CommandTable.sortNext || $0 == CommandTable.sortReverse || $0 == CommandTable.open
      }
      ids.insert(CommandTable.nextMatch, at: 0)
    }
    var seen: Set<CommandID> = []
    return ids.compactMap { id in
      guard seen.insert(id).inserted, let command = state.command(id),
        let key = state.keymap.keys(for: id).first
      else { return nil }
      return (state.glyphs == .ascii ? key.asciiLabel : key.label, command.title)
    }
  }

  static func help(_ state: DashboardState, _ grid: inout CellGrid) {
    let layout = HelpLayout(state)
    // A column of blank beside each side of the box, so nothing of what lies beneath (the
    // status line's "…" in the last column at 80x24) touches it.
    for side in [layout.x - 1, layout.x + layout.width] {
      grid.fill(x: side, y: layout.y, width: 1, height: layout.height, role: .screen)
    }
    Box.draw(
      &grid, x: layout.x, y: layout.y, width: layout.width, height: layout.height,
      glyphs: state.glyphs)
    let scroll = layout.clamp(state.helpScroll)
    let last = min(layout.rows.count, scroll + layout.bodyHeight)
    let position = layout.rows.isEmpty ? "" : " \(scroll + 1)-\(last) of \(layout.rows.count) "
    let title =
      state.helpSearching
      ? " Search: \(state.helpQuery)_ "
      : " Keys and commands (Esc closes, j/k PgDn G scroll, / search\(state.helpQuery.isEmpty ? "" : ", n next")) "
    grid.put(title, x: layout.x + 2, y: layout.y, role: .overlayTitle, limit: layout.width - 4)
    let positionWidth = DisplayWidth.of(position)
    if positionWidth + 4 < layout.width {
      grid.put(
        position, x: layout.x + layout.width - positionWidth - 2, y: layout.y + layout.height - 1,
        role: .overlayTitle)
    }
    var y = layout.y + 1
    for row in layout.rows[scroll..<last] {
      let match = layout.matches(row)
      if row.isHeading {
        grid.put(row.keys, x: layout.x + 2, y: y, role: .overlayTitle, limit: layout.width - 4)
      } else {
        grid.put(
          row.keys, x: layout.x + 2, y: y, role: match ? .selected : .overlayKey,
          limit: layout.keyWidth)
        grid.put(
          row.text, x: layout.x + 3 + layout.keyWidth, y: y, role: match ? .selected : .overlay,
          limit: layout.width - layout.keyWidth - 5)
      }
      y += 1
    }
  }
}
