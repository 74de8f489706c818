import Foundation
import RingsideDomain
import RingsideProfiles
import RingsideServices
import RingsideStore

extension StoreService {
  /// The staged changes, the warnings and the plan of files against the output folder: the
  /// review `ringside staged` prints, shaped for the Staged view.
  func stagingInfo() throws(StoreError) -> StagingInfo {
    let review = try StagingReview.load(
      store: store,
      output: staging.map { .init(directory: $0.directory, organization: $0.organization) })
    var info = StagingInfo(
      policyChanges: review.policyChanges, count: review.stagedCount,
      moveGroups: review.moveGroups, effectiveRings: review.effectiveRings,
      warnings: review.warnings, directory: review.plan?.directoryPath ?? "",
      reviews: review.plan?.reviews ?? [])
    info.moveDevices = review.moveDevices
    info.segments = review.segments
    return info
  }

  /// Performs one write; a conflict with another admin's staged value comes back as an event
  /// so the user can choose. Nil for the end of a run whose connection was lost (the held
  /// audit entry stays in the store).
  func perform(_ write: StoreWrite) -> Event? {
    guard let staging else { return .failed("this session cannot change the store") }
    let actor = staging.actor
    let now = clock()
    do {
      switch write {
      case .policy(let step, let ring, let replacing):
        let outcome = try store.stagePolicy(
          step, ring: ring, by: actor, at: now, replacingOthers: replacing,
          session: staging.session)
        switch outcome {
        case .staged(let change, let replaced):
          let note = replaced.map { $0.author != actor.user ? " (replaced \($0.author)'s)" : "" }
          return .written(write, "staged " + change.summary + (note ?? ""))
        case .reverted:
          return .written(write, "ring \(ring): back to the applied value, nothing staged")
        }
      case .moveDevices(let ids, let ring):
        return .written(
          write,
          moveText(try store.stageMove(deviceIDs: ids, toRing: ring, by: actor, at: now), ring))
      case .moveMatching(let filter, let ring):
        return .written(
          write,
          moveText(try store.stageMove(matching: filter, toRing: ring, by: actor, at: now), ring))
      case .discardMoves(let move):
        let ids = try store.stagedChanges().compactMap { change -> Int64? in
          guard case .move(_, let source) = change.kind, source == move.from.rawValue,
            change.ring == move.to.rawValue
          else { return nil }
          return change.id
        }
        let dropped = try store.discardStaged(ids: ids, by: actor, at: now)
        return .written(write, "dropped \(dropped) staged move(s) from \(move.from) to \(move.to)")
      case .discard(let ids):
        let dropped = try store.discardStaged(ids: ids, by: actor, at: now)
        return .written(write, "dropped \(dropped) staged change(s)")
      case .apply, .applyOverwriting:
        return apply(staging, now: now, force: write == .applyOverwriting)
      case .endStagingRun:
        try store.flushPendingAudit(session: staging.session)
        return .written(write, "")
      }
    } catch {
      if error.lostConnection { return lost(write, error) }
      if error.kind == .conflict { return .conflict(write, error.message) }
      return .failed(error.message)
    }
  }

  /// The answer to a write whose connection was lost, by what became of it (`WriteOutcome`):
  /// saved only when the server confirmed the commit.
  func lost(_ write: StoreWrite, _ error: StoreError) -> Event? {
    lostConnection = error
    switch error.writeOutcome {
    case .saved:
      return .written(write, "saved (the connection dropped as it committed): \(write.summary)")
    case .unknown(let transaction):
      unsettledWrite = (write, transaction)
      return .failed(
        "the connection dropped as it committed: \(write.summary); whether it was saved is "
          + "checked once reconnected")
    case .notSaved, nil:
      // The held audit entry stays in the store and is written when the next run ends.
      if write == .endStagingRun { return nil }
      return .failed(write.notSavedText)
    }
  }

  /// After a reconnect, on the new connection: what became of the write whose COMMIT answer
  /// was lost, read from the server (`InventoryStore.outcome(ofTransaction:)`).
  func settle(_ write: StoreWrite, transaction: Int64) -> Event? {
    let outcome: WriteOutcome
    do {
      outcome = try store.outcome(ofTransaction: transaction)
    } catch {
      // Lost again: asked after the next reconnect.
      if error.lostConnection {
        lostConnection = error
        unsettledWrite = (write, transaction)
        return nil
      }
      outcome = .unknown(transaction: transaction)
    }
    switch outcome {
    case .saved:
      return .written(write, "saved (the connection dropped as it committed): \(write.summary)")
    case .notSaved:
      if write == .endStagingRun { return nil }
      return .failed(
        "not saved (the connection dropped as it committed): \(write.summary); press the key again")
    case .unknown:
      return .failed(
        "the server cannot tell whether it was saved: \(write.summary); look before pressing the "
          + "key again")
    }
  }

  /// Ends this session's run of keys: its one audit entry goes into the log.
  func finishSession() {
    guard let staging else { return }
    try? store.flushPendingAudit(session: staging.session)
  }

  private func moveText(_ outcome: MoveOutcome, _ ring: String) -> String {
    "staged \(outcome.staged) device(s) to move to ring \(ring)"
      + (outcome.unchanged > 0 ? ", \(outcome.unchanged) already there" : "")
  }

  private func apply(_ staging: StagingContext, now: Date, force: Bool) -> Event {
    do {
      let outcome = try StagedApply.run(
        store: store, actor: staging.actor, now: now,
        options: .init(
          directory: staging.directory, organization: staging.organization, force: force))
      return .written(
        force ? .applyOverwriting : .apply,
        "wrote \(outcome.report.plan.changes.count) file(s) to \(outcome.report.plan.directoryPath); applied \(outcome.policyChanges) policy change(s), \(outcome.moves) move(s)"
      )
    } catch {
      switch error {
      case .store(let storeError) where storeError.lostConnection:
        return lost(force ? .applyOverwriting : .apply, storeError)
          ?? .failed(storeError.message)
      case .store(let storeError): return .failed(storeError.message)
      case .profile(.changedOnDisk(let problems)) where !force:
        return .conflict(
          .apply, "nothing was written: " + problems.joined(separator: "; ") + ".")
      case .profile(let profileError): return .failed(profileError.description)
      }
    }
  }
}
