import Foundation
import RingsideStore

/// Runs store effects on a worker thread with its own connection, so a slow count over a
/// million devices never blocks typing. Only the newest request of each kind is kept, and
/// a newer page or count interrupts the query it replaces.
///
/// When the connection is lost (a PostgreSQL server restarted or ended the session), the
/// worker says so (`.connectionLost`), reopens the store with the same URL and read-only
/// setting, waiting 0.25 s, 0.5 s, 1 s … up to 5 s between attempts (`ReconnectBackoff`),
/// and then says `.reconnected`, after which the dashboard reads everything again. Queries
/// asked meanwhile wait; writes asked meanwhile are refused as not saved. A write whose COMMIT
/// answer was lost is reported by what the server says became of it.
public final class BackgroundRunner: EffectRunner, @unchecked Sendable {
  private let condition = NSCondition()
  private var pending: [Slot: Effect] = [:]
  /// Writes, in the order asked; none is dropped.
  private var writes: [Effect] = []
  private var ready: [Event] = []
  private var running: Slot?
  private var interrupter: QueryInterrupter?
  /// True while a PostgreSQL cancel request is on its way (`interruptRunningLocked`).
  private var cancelling = false
  private var stopped = false
  /// True while the worker reopens a lost connection: queries wait, writes are refused.
  private var reconnecting = false
  /// Signalled once the worker has ended (after audit entries it held were written).
  private let finished = DispatchSemaphore(value: 0)
  private var idleSlices = 0

  /// Kinds of work, in the order the worker takes them: rows on screen first, counts last.
  enum Slot: Int, Hashable, Comparable {
    case write, page, detail, snapshot, staging, audit, dataVersion, count

    static func < (a: Slot, b: Slot) -> Bool { a.rawValue < b.rawValue }
  }

  /// Starts the worker, which opens the store with `open`; the error of a failed open is
  /// reported as an event.
  public init(
    open: @escaping @Sendable () throws -> InventoryStore,
    clock: @escaping @Sendable () -> Date = Date.init, staging: StagingContext? = nil
  ) {
    let thread = Thread { [self] in work(open: open, clock: clock, staging: staging) }
    thread.stackSize = 4 << 20
    thread.start()
  }

  public func submit(_ effects: [Effect]) {
    condition.lock()
    for effect in effects {
      guard let slot = BackgroundRunner.slot(effect) else { continue }
      if slot == .write {
        writes.append(effect)
        continue
      }
      pending[slot] = effect
      if running == slot, slot == .page || slot == .count { interruptRunningLocked() }
    }
    condition.broadcast()
    condition.unlock()
  }

  public func collect(timeoutMS: Int) -> [Event] {
    condition.lock()
    defer { condition.unlock() }
    if timeoutMS != 0 {
      let deadline = Date().addingTimeInterval(Double(max(0, timeoutMS)) / 1000)
      while ready.isEmpty && hasWorkLocked {
        if timeoutMS < 0 { condition.wait() } else if !condition.wait(until: deadline) { break }
      }
    }
    defer { ready.removeAll() }
    return ready
  }

  /// Stops the running query. SQLite's interrupt is immediate; PostgreSQL's cancel request
  /// travels to the server on a connection of its own, so it is sent from another thread (the
  /// caller is the input loop) and the worker starts nothing until the server took it: a late
  /// request must not stop the next statement, which may be a write. Called with the lock held.
  private func interruptRunningLocked() {
    guard let interrupter, !cancelling else { return }
    guard interrupter.travels else { return interrupter.interrupt() }
    cancelling = true
    DispatchQueue.global().async { [self] in
      interrupter.interrupt()
      condition.lock()
      cancelling = false
      condition.broadcast()
      condition.unlock()
    }
  }

  /// Work that will be answered without waiting for a reconnect (queries asked while
  /// reconnecting are answered after it, and nothing waits for them).
  private var hasWorkLocked: Bool {
    !writes.isEmpty || running != nil || (!pending.isEmpty && !reconnecting)
  }

  public var isBusy: Bool {
    condition.lock()
    defer { condition.unlock() }
    return hasWorkLocked || !ready.isEmpty
  }

  public var hasUrgentWork: Bool {
    condition.lock()
    defer { condition.unlock() }
    if reconnecting { return !writes.isEmpty }
    let urgent: (Slot) -> Bool = { ![.count, .dataVersion, .staging, .audit].contains($0) }
    return !writes.isEmpty || pending.keys.contains(where: urgent) || running.map(urgent) == true
  }

  /// How many slices of idle work (the text index) the worker has done.
  public var idleSlicesDone: Int {
    condition.lock()
    defer { condition.unlock() }
    return idleSlices
  }

  /// Stops the worker after its current query.
  public func stop() {
    condition.lock()
    stopped = true
    // A write runs to its end: it is either saved or reported not saved, never cut short.
    if let running, running != .write { interruptRunningLocked() }
    condition.broadcast()
    condition.unlock()
  }

  /// Waits up to `seconds` for the worker to end after `stop`; true when it did.
  @discardableResult
  public func waitUntilStopped(seconds: Double) -> Bool {
    finished.wait(timeout: .now() + seconds) == .success
  }

  static func slot(_ effect: Effect) -> Slot? {
    switch effect {
    case .loadSnapshot: .snapshot
    case .loadPage: .page
    case .count: .count
    case .loadDetail: .detail
    case .checkDataVersion: .dataVersion
    case .loadStaging: .staging
    case .loadAudit: .audit
    case .write: .write
    case .loadTheme, .setClipboard, .quit: nil
    }
  }

  private func work(
    open: () throws -> InventoryStore, clock: @escaping () -> Date, staging: StagingContext?
  ) {
    var service: StoreService
    do {
      let store = try open()
      service = StoreService(store: store, clock: clock, staging: staging)
      condition.lock()
      interrupter = store.interrupter
      condition.unlock()
    } catch {
      defer { finished.signal() }
      condition.lock()
      ready.append(.failed("\(error)"))
      pending.removeAll()
      writes.removeAll()
      condition.broadcast()
      condition.unlock()
      return
    }
    // Idle work (the text index) runs a slice at a time whenever nothing else waits, and is
    // looked at again after every effect, since an effect may find the store changed. Not
    // before the first effect: the first frame's queries, submitted while the store opened,
    // must not wait behind a slice.
    var idleWork = false
    while true {
      if service.lostConnection != nil {
        guard let reopened = reconnect(service, clock: clock, staging: staging) else {
          finished.signal()
          return
        }
        service = reopened
        idleWork = false
      }
      condition.lock()
      while cancelling { condition.wait() }
      while pending.isEmpty && writes.isEmpty && !stopped && idleWork
        && service.lostConnection == nil
      {
        condition.unlock()
        idleWork = service.performIdleWork()
        condition.lock()
        idleSlices += 1
      }
      if service.lostConnection != nil {
        condition.unlock()
        continue
      }
      while pending.isEmpty && writes.isEmpty && !stopped { condition.wait() }
      if stopped && writes.isEmpty {
        condition.unlock()
        service.finishSession()
        finished.signal()
        return
      }
      idleWork = true
      let slot: Slot
      let effect: Effect?
      if !writes.isEmpty {
        slot = .write
        effect = writes.removeFirst()
      } else {
        slot = pending.keys.min()!
        effect = pending.removeValue(forKey: slot)
      }
      running = slot
      condition.unlock()
      let event = effect.flatMap { service.perform($0) }
      condition.lock()
      running = nil
      if service.lostConnection != nil {
        reconnecting = true
        // The loss first, then what became of the write that found it.
        if case .connectionLost = event {} else { ready.append(.connectionLost(service.lostText)) }
      }
      if let event { ready.append(event) }
      condition.broadcast()
      condition.unlock()
    }
  }

  /// Reopens the store of `lost` (same URL, same read-only setting) with back-off, refusing
  /// writes meanwhile; then settles a write whose COMMIT answer was lost. Nil when the
  /// session was stopped first.
  private func reconnect(
    _ lost: StoreService, clock: @escaping () -> Date, staging: StagingContext?
  )
    -> StoreService?
  {
    let old = lost.store
    condition.lock()
    if !reconnecting {
      reconnecting = true
      ready.append(.connectionLost(lost.lostText))
      condition.broadcast()
    }
    interrupter = nil
    condition.unlock()
    let store = Reconnection.run(
      open: { try InventoryStore(path: old.reopenPath, readOnly: old.isReadOnly) },
      wait: { waitWhileDisconnected(seconds: $0) })
    guard let store else { return nil }
    let service = StoreService(store: store, clock: clock, staging: staging)
    let settled = lost.unsettledWrite.flatMap {
      service.settle($0.write, transaction: $0.transaction)
    }
    condition.lock()
    interrupter = store.interrupter
    reconnecting = false
    ready.append(.reconnected("reconnected to the PostgreSQL server at \(store.path)"))
    if let settled { ready.append(settled) }
    condition.broadcast()
    condition.unlock()
    return service
  }

  /// Waits `seconds` (less when stopped), answering writes asked meanwhile as not saved;
  /// false once the session is stopped.
  private func waitWhileDisconnected(seconds: TimeInterval) -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    condition.lock()
    defer { condition.unlock() }
    while true {
      if !writes.isEmpty {
        for case .write(let write) in writes where write != .endStagingRun {
          ready.append(.failed(write.notSavedText))
        }
        writes.removeAll()
        condition.broadcast()
      }
      if stopped { return false }
      if Date() >= deadline { return true }
      _ = condition.wait(until: deadline)
    }
  }
}
