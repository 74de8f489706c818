import RingsideDomain

/// Overview: state, removal and check-in counts, each ring's rollout of the newest RSR/BSI,
/// and every platform's devices by version as bars. Every number opens its devices.
public enum OverviewView {
  static func render(_ state: DashboardState, area: Rect, grid: inout CellGrid) {
    guard let canvas = state.layout.overview(state) else {
      grid.put("Loading the fleet…", x: area.x + 1, y: area.y + 1, role: .dim)
      return
    }
    canvas.render(
      into: &grid, area: area, scroll: state.overview.scroll, cursor: state.overview.cursor)
  }

  /// The whole overview laid out for `width` columns.
  static func canvas(_ s: FleetSnapshot, width: Int, glyphs: Glyphs) -> DrillCanvas {
    var page = DrillCanvas()
    var states = DrillCanvas()
    states.newLine()
    states.add("RSR/BSI state", x: 1, role: .sectionTitle)
    let shares = Format.percentages(
      DeviceState.allCases.map { s.byState[$0] ?? 0 }, of: s.devices)
    for (state, share) in zip(DeviceState.allCases, shares) {
      states.newLine()
      states.add(state.title, x: 3, role: role(state))
      states.item(
        count(s.byState[state] ?? 0), x: 19, role: .number,
        scope: DeviceScope(title: "state: \(state.title)", terms: [.state(state)]))
      states.add(RingsideTUIText.right(share, 4), x: 30, role: .dim)
    }
    var other = DrillCanvas()
    other.newLine()
    other.add("Removal restriction", x: 1, role: .sectionTitle)
    for removal in [RemovalStatus.blocked, .notEnforced, .allowed, .removedAnyway] {
      other.newLine()
      let title =
        switch removal {
        case .notEnforced: "not enforced"
        case .removedAnyway: "removed anyway"
        default: removal.rawValue
        }
      other.add(title, x: 3, role: role(removal))
      other.item(
        count(s.byRemoval[removal] ?? 0), x: 19, role: .number,
        scope: DeviceScope(title: "removal: \(removal.rawValue)", terms: [.removal(removal)]))
    }
    other.newLine()
    other.add("Check-ins", x: 1, role: .sectionTitle)
    other.newLine()
    other.add("stale (>\(DeviceFilter.staleDays) d)", x: 3, role: .stale)
    other.item(
      count(s.stale), x: 19, role: .number,
      scope: DeviceScope(
        title: "stale: no check-in for \(DeviceFilter.staleDays) days",
        terms: [.stale(true, days: DeviceFilter.staleDays)]))
    other.newLine()
    if s.waiting > 0 {
      // Not a filter term (yet), so the number does not open devices.
      other.add("RSR/BSI waiting", x: 3, role: .label)
      other.add(count(s.waiting), x: 19, role: .number)
      other.newLine()
    }
    other.add("all devices", x: 3, role: .label)
    other.item(
      count(s.devices), x: 19, role: .number, scope: DeviceScope(title: "all devices", terms: []))
    // Side by side where the right column's numbers fit; below the states otherwise (60
    // columns cut every removal and check-in count to "…").
    if width >= sideBySideWidth {
      states.merge(other, x: min(40, max(36, width / 2)))
      page.append(states)
    } else {
      page.append(states)
      page.append(other)
    }
    page.newLine()
    page.append(rollout(s, width: width, glyphs: glyphs))
    page.newLine()
    page.append(versions(s, width: width, glyphs: glyphs))
    return page
  }

  static func count(_ n: Int) -> String { RingsideTUIText.right(n.grouped, 9) }

  /// The narrowest width that shows the removal and check-in counts beside the states.
  static let sideBySideWidth = 66

  /// The narrowest width that shows the rollout's bars; below it the counts move left.
  static let rolloutBarWidth = 69

  static func rollout(_ s: FleetSnapshot, width: Int, glyphs: Glyphs) -> DrillCanvas {
    var c = DrillCanvas()
    c.newLine()
    let narrow = width < rolloutBarWidth
    c.add(
      narrow
        ? "Rollout per ring: patched devices (current)"
        : "Rollout per ring: patched devices (current), and the minimum a policy requires",
      x: 1, role: .sectionTitle)
    let barWidth = narrow ? 0 : max(6, min(40, width - 67))
    let digits = narrow ? 7 : 9
    for ring in s.rings {
      var first = true
      for r in ring.rollout {
        c.newLine()
        if first {
          c.item(
            RingsideTUIText.fit(ring.ring.name, 12), x: 3, role: .label,
            scope: DeviceScope(title: "ring \(ring.ring.name)", terms: [.ring(ring.ring.name)]))
        }
        first = false
        c.add(r.platform.displayName, x: 16, role: .label)
        c.add(r.target.displayVersion, x: 23, role: .dim)
        if !narrow {
          c.add(glyphs.bar(r.reached, of: r.total, width: barWidth), x: 35, role: .progressFill)
          let emptyFrom =
            35 + RingsideTUIText.width(glyphs.bar(r.reached, of: r.total, width: barWidth))
          if emptyFrom < 35 + barWidth {
            c.add(
              String(repeating: glyphs.empty, count: 35 + barWidth - emptyFrom), x: emptyFrom,
              role: .barEmpty)
          }
        }
        let x = narrow ? 34 : 36 + barWidth
        c.item(
          RingsideTUIText.right(r.reached.grouped, digits), x: x, role: .number,
          scope: reachedScope(ring: ring.ring.name, r))
        c.add("of", x: x + digits + 1, role: .dim)
        c.item(
          RingsideTUIText.right(r.total.grouped, digits), x: x + digits + 4, role: .number,
          scope: DeviceScope(
            title: "ring \(ring.ring.name), \(r.platform.displayName)",
            terms: [.ring(ring.ring.name), .platform(r.platform)]))
        c.add(
          RingsideTUIText.right(Format.percent(r.reached, of: r.total), 4), x: x + 2 * digits + 5,
          role: .dim)
      }
    }
    return c
  }

  /// The patched devices of a ring and platform: those the rollout counts.
  static func reachedScope(ring: String, _ r: FleetSnapshot.Rollout) -> DeviceScope {
    DeviceScope(
      title: "ring \(ring), \(r.platform.displayName), current",
      terms: [.ring(ring), .platform(r.platform), .state(.current)])
  }

  static func versions(_ s: FleetSnapshot, width: Int, glyphs: Glyphs) -> DrillCanvas {
    let platforms = Platform.allCases.filter { !(s.versions[$0] ?? []).isEmpty }
    let columns = width >= 120 ? max(1, platforms.count) : 1
    let columnWidth = (width - 1) / columns
    var out = DrillCanvas()
    var row = DrillCanvas()
    for (i, platform) in platforms.enumerated() {
      let rows = s.versions[platform] ?? []
      let trains = Array(Set(rows.compactMap { $0.version.base?.minorTrain }))
        .sorted { $0 < $1 }
      var c = DrillCanvas()
      c.newLine()
      let total = rows.reduce(0) { $0 + $1.count }
      c.add("\(platform.displayName) by version", x: 1, role: .sectionTitle)
      c.item(
        RingsideTUIText.right(total.grouped, 8), x: columnWidth - 10, role: .number,
        scope: DeviceScope(title: platform.displayName, terms: [.platform(platform)]))
      let maximum = rows.map(\.count).max() ?? 1
      let barWidth = max(4, columnWidth - 27)
      for v in rows {
        c.newLine()
        c.add(RingsideTUIText.fit(v.label, 12), x: 3, role: role(v.version.rsr))
        c.add(glyphs.bar(v.count, of: maximum, width: barWidth), x: 16, role: .barFill)
        c.item(
          RingsideTUIText.right(v.count.grouped, 8), x: columnWidth - 10, role: .number,
          scope: DeviceScope.version(v, trains: trains))
      }
      if columns == 1 {
        if i > 0 { out.newLine() }
        out.append(c)
      } else {
        row.merge(c, x: i * columnWidth)
      }
    }
    if columns > 1 { out.append(row) }
    return out
  }

  static func role(_ mark: RSRMark) -> StyleRole {
    switch mark {
    case .letter: .label
    case .unknown: .stateUnknown
    case .none: .label
    }
  }

  static func role(_ state: DeviceState) -> StyleRole { RingsideTUIText.role(state) }
  static func role(_ removal: RemovalStatus) -> StyleRole { RingsideTUIText.role(removal) }
}
