import Foundation
import RingsideDomain
import RingsideProfiles
import RingsideStore

/// Writing the profiles for the staged policies and applying the staged changes, recorded in
/// the audit log: the one use case behind `ringside apply`, the dashboard's apply key and the
/// benchmark's apply phase, so all three write and record the same way.
public enum StagedApply {
  /// What one apply did, or for a dry run would do.
  public struct Outcome: Sendable {
    /// The files against the folder, and what was written.
    public let report: ProfileApplier.Report
    /// Staged policy changes applied (for a dry run: staged).
    public let policyChanges: Int
    /// Staged ring moves applied (for a dry run: staged).
    public let moves: Int
    /// Files an interrupted apply had written, audited now.
    public let filesFinished: [String]

    /// The rings whose membership files the apply changed, sorted: their MDM groups need
    /// setting from the new lists.
    public var membershipRings: [String] {
      Set(report.plan.changes.compactMap { $0.planned?.family == nil ? $0.planned?.ring : nil })
        .sorted()
    }
  }

  /// Why an apply stopped; nothing was applied.
  public enum Failure: Error, Sendable {
    /// The store failed (the files were put back).
    case store(StoreError)
    /// The folder or a file failed, or a file changed outside Ringside.
    case profile(ProfileError)
  }

  /// Applies what is staged in `store` as `actor` at `now`.
  public static func run(
    store: InventoryStore, actor: AuditActor, now: Date = Date(), options: ProfileApplier.Options
  ) throws(Failure) -> Outcome {
    let ledger = StoreProfileLedger(store: store, actor: actor, now: now)
    let report: ProfileApplier.Report
    do {
      report = try ProfileApplier.apply(ledger: ledger, options: options)
    } catch {
      if case .ledger = error, let storeError = ledger.storeError { throw .store(storeError) }
      throw .profile(error)
    }
    return Outcome(
      report: report,
      policyChanges: ledger.applied?.policyChanges ?? ledger.snapshot?.policyChanges.count ?? 0,
      moves: ledger.applied?.moves ?? ledger.snapshot?.moveCount ?? 0,
      filesFinished: ledger.applied?.filesFinished ?? [])
  }
}
