/// Performs store effects and hands back the events that answer them.
public protocol EffectRunner: AnyObject {
  func submit(_ effects: [Effect])
  /// Answers ready now, waiting up to `timeoutMS` for the first one when work is pending
  /// (-1: until all submitted work is answered).
  func collect(timeoutMS: Int) -> [Event]
  /// True while submitted work has not been answered.
  var isBusy: Bool { get }
  /// True while work the next frame should wait for (rows, a device, the overview) is
  /// unanswered; a count may arrive in a later frame.
  var hasUrgentWork: Bool { get }
}

/// Runs effects at once on the caller's thread: for headless runs and tests, where every
/// screen must be exactly reproducible.
public final class SynchronousRunner: EffectRunner {
  let service: StoreService
  private var ready: [Event] = []

  public init(service: StoreService) { self.service = service }

  /// Ends the session: the audit entry of its last run of keys goes into the log.
  public func finishSession() { service.finishSession() }

  public func submit(_ effects: [Effect]) {
    for effect in effects {
      if let event = service.perform(effect) { ready.append(event) }
    }
  }

  public func collect(timeoutMS: Int) -> [Event] {
    defer { ready.removeAll() }
    return ready
  }

  public var isBusy: Bool { !ready.isEmpty }
  public var hasUrgentWork: Bool { !ready.isEmpty }
}
