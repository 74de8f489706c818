import RingsideDomain
import RingsideStore

/// Rings: each ring's devices by state, its removal restriction's reach and its policy.
/// Every number opens those devices.
public enum RingsView {
  static func render(_ state: DashboardState, area: Rect, grid: inout CellGrid) {
    guard let canvas = state.layout.rings(state) else {
      grid.put("Loading the rings…", x: area.x + 1, y: area.y + 1, role: .dim)
      return
    }
    canvas.render(into: &grid, area: area, scroll: state.rings.scroll, cursor: state.rings.cursor)
  }

  static let stateColumns: [(DeviceState, String)] = [
    (.current, "current"), (.rsrAvailable, "avail."), (.pulledRSR, "pulled"),
    (.osUpdateFirst, "update"), (.rsrRemoved, "removed"), (.unknown, "unknown"),
  ]

  static func canvas(_ s: FleetSnapshot, width: Int, staging: StagingInfo? = nil) -> DrillCanvas {
    var c = DrillCanvas()
    let nameWidth = max(8, min(16, (s.rings.map { $0.ring.name.count }.max() ?? 8) + 1))
    let cell = max(9, min(12, (width - nameWidth - 2) / 7))
    c.newLine()
    c.add("Devices by RSR/BSI state", x: 1, role: .sectionTitle)
    c.newLine()
    c.add(RingsideTUIText.fit("Ring", nameWidth), x: 1, role: .tableHeader)
    c.add(RingsideTUIText.right("devices", cell - 1), x: 1 + nameWidth, role: .tableHeader)
    for (i, (state, title)) in stateColumns.enumerated() {
      c.add(
        RingsideTUIText.right(title, cell - 1), x: 1 + nameWidth + (i + 1) * cell,
        role: RingsideTUIText.role(state))
    }
    for row in s.rings {
      let name = row.ring.name
      c.newLine()
      c.add(RingsideTUIText.fit(name, nameWidth), x: 1, role: .label)
      c.item(
        RingsideTUIText.right(row.devices.grouped, cell - 1), x: 1 + nameWidth, role: .number,
        scope: DeviceScope(title: "ring \(name)", terms: [.ring(name)]), ring: name)
      for (i, (state, _)) in stateColumns.enumerated() {
        c.item(
          RingsideTUIText.right((row.byState[state] ?? 0).grouped, cell - 1),
          x: 1 + nameWidth + (i + 1) * cell,
          role: .number,
          scope: DeviceScope(
            title: "ring \(name), state: \(state.title)", terms: [.ring(name), .state(state)]),
          ring: name)
      }
    }
    c.newLine()
    c.newLine()
    c.add("Removal restriction and check-ins", x: 1, role: .sectionTitle)
    c.newLine()
    c.add(RingsideTUIText.fit("Ring", nameWidth), x: 1, role: .tableHeader)
    let removals: [(RemovalStatus, String)] = [
      (.blocked, "blocked"), (.notEnforced, "not enforced"), (.allowed, "allowed"),
      (.removedAnyway, "rem. anyway"),
    ]
    for (i, (removal, title)) in removals.enumerated() {
      c.add(
        RingsideTUIText.right(title, 13), x: 1 + nameWidth + i * 14,
        role: RingsideTUIText.role(removal))
    }
    c.add(RingsideTUIText.right("stale", 9), x: 1 + nameWidth + 4 * 14, role: .stale)
    for row in s.rings {
      let name = row.ring.name
      c.newLine()
      c.add(RingsideTUIText.fit(name, nameWidth), x: 1, role: .label)
      for (i, (removal, _)) in removals.enumerated() {
        c.item(
          RingsideTUIText.right((row.byRemoval[removal] ?? 0).grouped, 13),
          x: 1 + nameWidth + i * 14,
          role: .number,
          scope: DeviceScope(
            title: "ring \(name), removal: \(removal.rawValue)",
            terms: [.ring(name), .removal(removal)]),
          ring: name)
      }
      c.item(
        RingsideTUIText.right(row.stale.grouped, 9), x: 1 + nameWidth + 4 * 14, role: .number,
        scope: DeviceScope(
          title: "ring \(name), stale",
          terms: [.ring(name), .stale(true, days: DeviceFilter.staleDays)]),
        ring: name)
    }
    c.newLine()
    c.newLine()
    c.add("Policies", x: 1, role: .sectionTitle)
    if let staging, staging.policyChanges.count > 0 {
      c.add("(* staged, not applied: view 4)", x: 12, role: .warning)
    }
    for row in s.rings {
      let name = row.ring.name
      let p = staging?.effectiveRings.first { $0.name == name }?.policy ?? row.ring.policy
      c.newLine()
      c.add(RingsideTUIText.fit(name, nameWidth), x: 1, role: .label)
      var x = 1 + nameWidth
      var authors: [String] = []
      for (label, field, value) in [
        ("RSR install", PolicyField.rsrInstallation, p.rsrInstallation.rawValue),
        ("removal", .rsrRemoval, p.rsrRemoval.rawValue),
        ("deferral", .deferralDays, p.deferralDays.map { "\($0) d" } ?? "unset"),
        ("critical", .criticalUpdateInstall, p.criticalUpdateInstall.rawValue),
        ("target", .majorTarget, p.majorTarget.rawValue),
      ] {
        let staged = staging?.staged(ring: name, field: field)
        if let author = staged?.author, !authors.contains(author) { authors.append(author) }
        let shown = value + (staged != nil ? "*" : "")
        if x + label.count + shown.count + 2 > width - 1 {
          c.newLine()
          x = 1 + nameWidth
        }
        c.add(label, x: x, role: .label)
        c.add(
          shown, x: x + label.count + 1,
          role: staged != nil ? .warning : value == "unset" ? .dim : .tableRow)
        x += label.count + shown.count + 4
      }
      if !authors.isEmpty {
        let text = "staged by " + authors.joined(separator: ", ")
        if x + text.count > width - 1 {
          c.newLine()
          x = 1 + nameWidth
        }
        c.add(text, x: x, role: .warning)
      }
    }
    return c
  }
}
