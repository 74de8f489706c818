import Foundation
import RingsideStore
import RingsideTUI

/// Drives the real dashboard state, update and renderer on one store connection the way the
/// interactive session does: a key's frame waits for the rows, the device and the overview,
/// but not for counts, staging and audit loads (`BackgroundRunner.hasUrgentWork`), which
/// arrive in a later frame (`finishCounts`).
final class DashboardDriver {
  private(set) var state: DashboardState
  private let service: StoreService
  private var deferred: [Effect] = []

  init(store: InventoryStore, width: Int, height: Int, now: Date) {
    state = DashboardState(
      width: width, height: height, storeLabel: store.path, readOnly: false, themeName: "default",
      asciiOnly: false, now: now)
    service = StoreService(store: store, clock: { now })
  }

  /// The work the dashboard's worker does between keys (building the text index), to the
  /// end; returns the total and the longest single slice, which is how long a key may wait.
  func finishIdleWork() -> (total: Double, longestSlice: Double) {
    let start = Stopwatch.now()
    var longest = 0.0
    var more = true
    while more {
      let slice = Stopwatch.now()
      more = service.performIdleWork()
      longest = max(longest, Stopwatch.ms(since: slice))
    }
    return (Stopwatch.ms(since: start), longest)
  }

  /// The start-up loads and the first frame.
  func start() -> CellGrid {
    perform(Dashboard.start(&state))
    return Renderer.render(state)
  }

  /// One key, the store work its frame waits for, and the frame.
  @discardableResult
  func press(_ key: Key) -> CellGrid {
    dispatch(.key(key))
    return Renderer.render(state)
  }

  /// What the session does every quarter second while nobody types: looks for other
  /// sessions' changes (and, when there are, reads the views again) and keeps its index.
  func tick(now: Date) {
    dispatch(.tick(now))
    finishCounts()
    _ = finishIdleWork()
  }

  /// The same state drawn with another view on screen (without changing the session).
  func render(view: ViewID) -> CellGrid {
    var s = state
    s.current = view
    return Renderer.render(s)
  }

  /// Runs the counts and loads the last frames did not wait for, and redraws.
  @discardableResult
  func finishCounts() -> CellGrid {
    while !deferred.isEmpty {
      let effects = deferred
      deferred = []
      for effect in effects {
        if let event = service.perform(effect) { dispatch(event) }
      }
    }
    return Renderer.render(state)
  }

  private func dispatch(_ event: Event) {
    let (next, effects) = Dashboard.update(state, event)
    state = next
    perform(effects)
  }

  private func perform(_ effects: [Effect]) {
    for effect in effects {
      switch effect {
      case .count, .checkDataVersion, .loadStaging, .loadAudit:
        deferred.removeAll { BenchEffect.sameSlot($0, effect) }
        deferred.append(effect)
      case .loadTheme, .quit: continue
      default:
        if let event = service.perform(effect) { dispatch(event) }
      }
    }
  }
}

/// Matches the background runner's rule: only the newest effect of a kind is kept.
enum BenchEffect {
  static func sameSlot(_ a: Effect, _ b: Effect) -> Bool {
    switch (a, b) {
    case (.count, .count), (.checkDataVersion, .checkDataVersion), (.loadStaging, .loadStaging),
      (.loadAudit, .loadAudit):
      true
    default: false
    }
  }
}
