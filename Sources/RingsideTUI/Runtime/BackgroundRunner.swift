import Foundation
import RingsideStore

/// Runs store effects on a worker thread with its own connection, so a slow count over a
/// million devices never blocks typing. Only the newest request of each kind is kept, and
/// a newer page or count interrupts the query it replaces.
public final class BackgroundRunner: EffectRunner, @unchecked Sendable {
  private let condition = NSCondition()
  private var pending: [Slot: Effect] = [:]
  /// Writes, in the order asked; none is dropped.
  private var writes: [Effect] = []
  private var ready: [Event] = []
  private var running: Slot?
  private var interrupter: QueryInterrupter?
  private var stopped = false
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
      if running == slot, slot == .page || slot == .count { interrupter?.interrupt() }
    }
    condition.broadcast()
    condition.unlock()
  }

  public func collect(timeoutMS: Int) -> [Event] {
    condition.lock()
    defer { condition.unlock() }
    if timeoutMS != 0 {
      let deadline = Date().addingTimeInterval(Double(max(0, timeoutMS)) / 1000)
      while ready.isEmpty && (!pending.isEmpty || !writes.isEmpty || running != nil) {
        if timeoutMS < 0 { condition.wait() } else if !condition.wait(until: deadline) { break }
      }
    }
    defer { ready.removeAll() }
    return ready
  }

  public var isBusy: Bool {
    condition.lock()
    defer { condition.unlock() }
    return !pending.isEmpty || !writes.isEmpty || running != nil || !ready.isEmpty
  }

  public var hasUrgentWork: Bool {
    condition.lock()
    defer { condition.unlock() }
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
    interrupter?.interrupt()
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
    let service: StoreService
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
      condition.lock()
      while pending.isEmpty && writes.isEmpty && !stopped && idleWork {
        condition.unlock()
        idleWork = service.performIdleWork()
        condition.lock()
        idleSlices += 1
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
      if let event { ready.append(event) }
      condition.broadcast()
      condition.unlock()
    }
  }
}
