import RingsideDomain

/// Rings: each ring's devices by state, its removal restriction's reach and its policy.
/// Every number opens those devices.
public enum RingsView {
  public static let descriptor = ViewDescriptor(
    id: .rings, title: "Rings",
    summary: "Each ring's policy and its devices by state and removal restriction.",
    number: 3, names: ["rings", "r"], hints: [CommandTable.open],
    render: { state, area, grid in
      guard let snapshot = state.snapshot else {
        grid.put("Loading the rings…", x: area.x + 1, y: area.y + 1, role: .dim)
        return
      }
      canvas(snapshot, width: area.width)
        .render(into: &grid, area: area, scroll: state.rings.scroll, cursor: state.rings.cursor)
    },
    handle: { state, command, _ in
      guard let snapshot = state.snapshot else { return nil }
      let canvas = canvas(snapshot, width: state.width)
      if command == CommandTable.open {
        guard canvas.items.indices.contains(state.rings.cursor) else { return [] }
        return Dashboard.openDevices(&state, scope: canvas.items[state.rings.cursor].scope)
      }
      return state.rings.move(command, canvas: canvas, height: state.contentArea.height) ? [] : nil
    },
    refresh: { _ in [.loadSnapshot] })

  static let stateColumns: [(DeviceState, String)] = [
    (.current, "current"), (.rsrAvailable, "avail."), (.pulledRSR, "pulled"),
    (.osUpdateFirst, "OS first"), (.rsrRemoved, "removed"), (.unknown, "unknown"),
  ]

  static func canvas(_ s: FleetSnapshot, width: Int) -> DrillCanvas {
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
        scope: DeviceScope(title: "ring \(name)", terms: [.ring(name)]))
      for (i, (state, _)) in stateColumns.enumerated() {
        c.item(
          RingsideTUIText.right((row.byState[state] ?? 0).grouped, cell - 1),
          x: 1 + nameWidth + (i + 1) * cell,
          role: .number,
          scope: DeviceScope(
            title: "ring \(name), state: \(state.title)", terms: [.ring(name), .state(state)]))
      }
    }
    c.newLine()
    c.newLine()
    c.add("Removal restriction and check-ins", x: 1, role: .sectionTitle)
    c.newLine()
    c.add(RingsideTUIText.fit("Ring", nameWidth), x: 1, role: .tableHeader)
    let removals: [(RemovalStatus, String)] = [
      (.blocked, "blocked"), (.notEnforced, "not enforced"), (.allowed, "allowed"),
    ]
    for (i, (removal, title)) in removals.enumerated() {
      c.add(
        RingsideTUIText.right(title, 13), x: 1 + nameWidth + i * 14,
        role: RingsideTUIText.role(removal))
    }
    c.add(RingsideTUIText.right("stale", 9), x: 1 + nameWidth + 3 * 14, role: .stale)
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
            terms: [.ring(name), .removal(removal)]))
      }
      c.item(
        RingsideTUIText.right(row.stale.grouped, 9), x: 1 + nameWidth + 3 * 14, role: .number,
        scope: DeviceScope(title: "ring \(name), stale", terms: [.ring(name), .stale(true, days: DeviceFilter.staleDays)]))
    }
    c.newLine()
    c.newLine()
    c.add("Policies", x: 1, role: .sectionTitle)
    for row in s.rings {
      let p = row.ring.policy
      c.newLine()
      c.add(RingsideTUIText.fit(row.ring.name, nameWidth), x: 1, role: .label)
      var x = 1 + nameWidth
      for (label, value) in [
        ("RSR install", p.rsrInstallation.rawValue), ("removal", p.rsrRemoval.rawValue),
        ("deferral", p.deferralDays.map { "\($0) d" } ?? "unset"),
        ("critical", p.criticalUpdateInstall.rawValue),
      ] {
        if x + label.count + value.count + 2 > width - 1 {
          c.newLine()
          x = 1 + nameWidth
        }
        c.add(label, x: x, role: .label)
        c.add(value, x: x + label.count + 1, role: value == "unset" ? .dim : .tableRow)
        x += label.count + value.count + 4
      }
    }
    return c
  }
}
