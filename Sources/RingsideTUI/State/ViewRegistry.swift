/// The views of the dashboard, in number-key order: each view's drawing (from `Views/`) joined
/// with the reducer's handling of its commands and its loads (from here). Add a view by adding
/// its descriptor to `standard`.
public enum ViewRegistry {
  public static let standard: [ViewDescriptor] = [overview, devices, rings, staged, audit]

  static let overview = ViewDescriptor(
    id: .overview, title: "Overview",
    summary: "Counts by state, removal and check-in, rollout per ring, versions per platform.",
    number: 1, names: ["overview", "o"], hints: [CommandTable.open],
    render: { state, area, grid in OverviewView.render(state, area: area, grid: &grid) },
    handle: { state, command, _ in Dashboard.overviewCommand(&state, command) },
    refresh: { _ in [.loadSnapshot] })

  static let devices = ViewDescriptor(
    id: .devices, title: "Devices",
    summary: "Every device, filtered as you type and sorted by any column; Enter opens one.",
    number: 2, names: ["devices", "d"],
    hints: [
      CommandTable.filter, CommandTable.open, CommandTable.sortNext, CommandTable.sortReverse,
    ],
    render: { state, area, grid in DevicesView.render(state, area: area, grid: &grid) },
    handle: { state, command, argument in Dashboard.devicesCommand(&state, command, argument) },
    refresh: { state in Dashboard.devicesRefresh(&state) })

  static let rings = ViewDescriptor(
    id: .rings, title: "Rings",
    summary: "Each ring's policy and its devices by state and removal restriction.",
    number: 3, names: ["rings", "r"],
    hints: [
      CommandTable.open, CommandTable.cycleInstall, CommandTable.cycleRemoval,
      CommandTable.deferMore, CommandTable.cycleCritical,
    ],
    render: { state, area, grid in RingsView.render(state, area: area, grid: &grid) },
    handle: { state, command, _ in Dashboard.ringsCommand(&state, command) },
    refresh: { _ in [.loadSnapshot, .loadStaging] })

  static let staged = ViewDescriptor(
    id: .staged, title: "Staged",
    summary:
      "Staged policy changes and ring moves, warnings, and the profile diffs; write or drop.",
    number: 4, names: ["staged", "s"],
    hints: [CommandTable.open, CommandTable.drop, CommandTable.writeAll],
    render: { state, area, grid in StagedView.render(state, area: area, grid: &grid) },
    handle: { state, command, _ in Dashboard.stagedCommand(&state, command) },
    refresh: { _ in [.loadStaging] })

  static let audit = ViewDescriptor(
    id: .audit, title: "Audit",
    summary: "The audit log, newest first: time, user, role, origin, action, detail, file hashes.",
    number: 5, names: ["audit", "a"], hints: [],
    render: { state, area, grid in AuditView.render(state, area: area, grid: &grid) },
    handle: { state, command, _ in Dashboard.auditCommand(&state, command) },
    refresh: { state in [Dashboard.auditLoad(state)] })
}
