import Foundation

extension Dashboard {
  /// A lost store connection and its return. While the worker reconnects, the screen keeps
  /// what it shows, keys keep working on it, the footer says the connection is lost, and a
  /// write a key asks for is refused as not saved; once reconnected everything is read again.
  static func applyConnection(_ s: inout DashboardState, _ event: Event) -> [Effect] {
    switch event {
    case .connectionLost(let text):
      s.connectionLost = text
      s.message = StatusMessage(text: text, isError: true)
      return []
    case .reconnected(let text):
      s.connectionLost = nil
      s.message = StatusMessage(text: text, isError: false)
      // Another session may have changed anything meanwhile; the new connection's data
      // version starts a new count.
      s.dataVersion = nil
      s.dataGeneration += 1
      var effects = refreshAll(&s)
      if let id = s.devices.detailID { effects.append(.loadDetail(id)) }
      return effects + [.checkDataVersion]
    default:
      return []
    }
  }

  /// `effects` without their writes while the connection is lost; the footer says what was
  /// not saved. (The end of a run of keys is dropped quietly: its held audit entry stays in
  /// the store and is written when the next run ends.)
  static func refusingWrites(_ s: inout DashboardState, _ effects: [Effect]) -> [Effect] {
    guard s.connectionLost != nil else { return effects }
    return effects.filter { effect in
      guard case .write(let write) = effect else { return true }
      if write != .endStagingRun {
        s.message = StatusMessage(text: write.notSavedText, isError: true)
      }
      return false
    }
  }
}
