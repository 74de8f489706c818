import Foundation
import RingsideDomain

/// The pure state update: `update(state, event) -> (state, effects)`. No I/O happens here;
/// store queries, theme loads and quitting are effects the runtime performs.
public enum Dashboard {
  /// The loads to run when the dashboard starts.
  public static func start(_ state: inout DashboardState) -> [Effect] {
    refreshAll(&state) + [.checkDataVersion]
  }

  public static func update(_ state: DashboardState, _ event: Event) -> (DashboardState, [Effect]) {
    var s = state
    let effects = apply(&s, event)
    s.layOut()
    return (s, effects)
  }

  static func apply(_ s: inout DashboardState, _ event: Event) -> [Effect] {
    switch event {
    case .key(let key):
      let effects = handleKey(&s, key)
      return refusingWrites(&s, effects)
    case .resize(let width, let height):
      s.width = width
      s.height = height
      return settleAll(&s)
    case .tick(let now):
      s.now = now
      return [.checkDataVersion]
    case .snapshotLoaded(let snapshot, let catalog, let at):
      s.snapshot = snapshot
      s.catalog = catalog
      s.lastRefresh = at
      // The wait another session's lock caused is over.
      if s.message?.text == StoreService.lockedText { s.message = nil }
      return settleAll(&s)
    case .pageLoaded(let page):
      guard page.query == s.devices.query else { return [] }
      s.devices.page = page
      return s.devices.settle(visibleRows: s.devicesVisibleRows)
    case .countLoaded(let query, let total):
      guard query == s.devices.query else { return [] }
      s.devices.total = total
      return s.devices.settle(visibleRows: s.devicesVisibleRows)
    case .detailLoaded(let detail):
      guard detail.record.id == s.devices.detailID else { return [] }
      s.devices.detail = detail
      return []
    case .detailMissing(let id):
      guard id == s.devices.detailID else { return [] }
      s.devices.detailID = nil
      s.devices.detail = nil
      s.message = StatusMessage(text: "that device is no longer in the store", isError: true)
      return []
    case .dataVersion(let version):
      defer { s.dataVersion = version }
      guard let old = s.dataVersion, old != version else { return [] }
      s.dataGeneration += 1
      var effects = refreshAll(&s)
      if let id = s.devices.detailID { effects.append(.loadDetail(id)) }
      return effects
    case .themeLoaded(let name):
      s.themeName = name
      s.message = StatusMessage(text: "theme \(name)", isError: false)
      return []
    case .failed(let text):
      s.message = StatusMessage(text: text, isError: true)
      return []
    case .stagingLoaded, .auditLoaded, .written, .conflict:
      return applyStaging(&s, event)
    case .connectionLost, .reconnected:
      return applyConnection(&s, event)
    }
  }

  /// Every view's loads, without duplicates.
  static func refreshAll(_ s: inout DashboardState) -> [Effect] {
    var effects: [Effect] = []
    for view in s.views {
      for effect in view.refresh(&s) where !effects.contains(effect) { effects.append(effect) }
    }
    return effects
  }

  /// Clamps the Devices cursor to the current data and size and loads missing rows (the
  /// Overview's and Rings' cursors are kept on their pages by the layout step).
  static func settleAll(_ s: inout DashboardState) -> [Effect] {
    s.devices.settle(visibleRows: s.devicesVisibleRows)
  }

  /// Re-reads the devices after the filter, sort or data changed: the cursor goes to the top
  /// unless only the data changed, and the count is kept when only the order changed.
  static func requery(_ s: inout DashboardState, recount: Bool) -> [Effect] {
    var d = s.devices
    let dataOnly = d.query.generation != s.dataGeneration
    d.query.generation = s.dataGeneration
    if !dataOnly {
      d.cursor = 0
      d.top = 0
      if recount { d.total = nil }
    }
    s.devices = d
    var effects: [Effect] = recount || dataOnly ? [.count(d.query)] : []
    effects += s.devices.settle(visibleRows: s.devicesVisibleRows)
    return effects
  }

  /// Enter on a number: the Devices view for exactly those devices; Esc comes back here.
  static func openDevices(_ s: inout DashboardState, scope: DeviceScope) -> [Effect] {
    s.back.append(BackEntry(view: s.current, devices: s.devices))
    var d = DevicesModel()
    d.scope = scope
    d.query.sort = s.devices.query.sort
    d.query.generation = s.dataGeneration
    d.query.filter = DeviceFilter(terms: scope.terms, text: "")
    s.devices = d
    s.current = .devices
    return [.count(d.query)] + s.devices.settle(visibleRows: s.devicesVisibleRows)
  }

  /// Shows a view; the Esc trail is forgotten. Leaving Rings ends the run of staging keys, so
  /// its one audit entry is written.
  static func show(_ s: inout DashboardState, _ id: ViewID) -> [Effect] {
    s.back.removeAll()
    let leftRings = s.current == .rings && id != .rings && !s.readOnly
    s.current = id
    return (leftRings ? [.write(.endStagingRun)] : []) + settleAll(&s)
  }
}
