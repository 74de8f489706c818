import RingsideDomain
import RingsideStore

/// The Overview's and the Rings view's commands: moving over the numbers, Enter to open
/// their devices, and on Rings the keys that stage a policy change for the ring under the cursor.
extension Dashboard {
  static func overviewCommand(_ state: inout DashboardState, _ command: CommandID) -> [Effect]? {
    guard let canvas = state.layout.overview(state) else { return nil }
    if command == CommandTable.open {
      guard canvas.items.indices.contains(state.overview.cursor) else { return [] }
      return openDevices(&state, scope: canvas.items[state.overview.cursor].scope)
    }
    return state.overview.move(command, canvas: canvas, height: state.contentArea.height)
      ? [] : nil
  }

  static func ringsCommand(_ state: inout DashboardState, _ command: CommandID) -> [Effect]? {
    guard let canvas = state.layout.rings(state) else { return nil }
    if let step = policyStep(command) { return stagePolicy(&state, step) }
    if command == CommandTable.open {
      guard canvas.items.indices.contains(state.rings.cursor) else { return [] }
      return openDevices(&state, scope: canvas.items[state.rings.cursor].scope)
    }
    return state.rings.move(command, canvas: canvas, height: state.contentArea.height) ? [] : nil
  }

  /// The policy step a Rings-view staging command stands for.
  static func policyStep(_ command: CommandID) -> PolicyStep? {
    switch command {
    case CommandTable.cycleInstall: .cycle(.rsrInstallation)
    case CommandTable.cycleRemoval: .cycle(.rsrRemoval)
    case CommandTable.deferMore: .deferral(by: 1)
    case CommandTable.deferLess: .deferral(by: -1)
    case CommandTable.cycleCritical: .cycle(.criticalUpdateInstall)
    case CommandTable.cycleMajorTarget: .cycle(.majorTarget)
    default: nil
    }
  }

}

extension DashboardState {
  /// The ring of the number under the Rings view's cursor.
  var selectedRing: String? {
    guard let items = layout.rings(self)?.items, items.indices.contains(rings.cursor) else {
      return nil
    }
    return items[rings.cursor].ring
  }
}
