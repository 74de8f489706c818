import Foundation
import RingsideDomain
import RingsideStore

@testable import RingsideTUI

/// Drives the pure update with a store service, for reducer tests that need real data.
struct Reducer {
  var state: DashboardState
  let service: StoreService

  init(
    store: InventoryStore, access: Access? = nil, actor: AuditActor = TestFleet.alice,
    directory: String = TestFleet.noDirectory
  ) {
    state = DashboardState(
      width: 80, height: 24, storeLabel: "demo.db", readOnly: false, themeName: "default",
      asciiOnly: false, now: TestFleet.now, access: access)
    service = StoreService(
      store: store, clock: { TestFleet.now },
      staging: StagingContext(actor: actor, directory: directory))
    var s = state
    let effects = Dashboard.start(&s)
    state = s
    perform(effects)
  }

  /// One key; returns the effects it asked for, without performing them.
  mutating func key(_ key: Key) -> [Effect] {
    let (next, effects) = Dashboard.update(state, .key(key))
    state = next
    return effects
  }

  /// Performs effects and everything their answers ask for.
  mutating func perform(_ effects: [Effect]) {
    var queue = effects
    while !queue.isEmpty {
      let effect = queue.removeFirst()
      guard let event = service.perform(effect) else { continue }
      let (next, more) = Dashboard.update(state, event)
      state = next
      queue += more
    }
  }

  /// A key and all the work it causes.
  mutating func press(_ keys: Key...) {
    for k in keys { perform(key(k)) }
  }

  var screen: String { Renderer.render(state).text }
}
