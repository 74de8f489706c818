import Foundation
import RingsideDomain
import RingsideProfiles
import RingsideStore

/// Connects the profile writer to the store: reads the staged snapshot, keeps the written
/// hashes and commits the staged changes with their audit entries. Depends on nothing in the
/// CLI, so the dashboard can use it as it is.
public final class StoreProfileLedger: ProfileLedger {
  public let store: InventoryStore
  public let actor: AuditActor
  public let now: Date
  /// The snapshot the files are rendered from, once `policiesToWrite` ran.
  public private(set) var snapshot: StagingSnapshot?
  /// What the commit applied, once it ran.
  public private(set) var applied: AppliedStaging?
  /// The store failure behind a `ProfileError.ledger`, to report with the right exit status.
  public private(set) var storeError: StoreError?

  public init(store: InventoryStore, actor: AuditActor, now: Date = Date()) {
    self.store = store
    self.actor = actor
    self.now = now
  }

  public func policiesToWrite() throws -> [Ring] {
    let snapshot = try remembering { () throws(StoreError) in try store.stagingSnapshot() }
    self.snapshot = snapshot
    return snapshot.rings
  }

  public func knownProfileHashes(directory: String) throws -> [String: Set<String>] {
    try remembering { () throws(StoreError) in try store.profileFileHashes(directory: directory) }
  }

  public func membershipsToWrite(keeping rings: Set<String>) throws -> [RingMembership] {
    guard let snapshot else {
      throw StoreError(.other, "memberships asked for before reading the staged changes")
    }
    return try remembering { () throws(StoreError) in
      try store.ringMemberships(snapshot.movedRings.union(rings), moves: snapshot.moves)
    }
  }

  public func recordProfileIntent(directory: String, hashes: [String: String]) throws {
    try remembering { () throws(StoreError) in
      try store.recordProfileIntent(directory: directory, hashes: hashes)
    }
  }

  public func commitProfileApply(_ result: ProfileApplyResult) throws {
    guard let snapshot else {
      throw StoreError(.other, "apply committed before reading the staged changes")
    }
    let files = result.files.map { file in
      ProfileFileWrite(
        name: file.name, action: ProfileFileWrite.Action(rawValue: file.action.rawValue) ?? .update,
        beforeSHA256: file.beforeSHA256, afterSHA256: file.afterSHA256, forced: file.forced)
    }
    applied = try remembering { () throws(StoreError) in
      try store.commitStagedApply(
        snapshot, directory: result.directory, organization: result.organization, files: files,
        by: actor, at: now)
    }
  }

  private func remembering<T>(_ body: () throws(StoreError) -> T) throws(StoreError) -> T {
    do {
      return try body()
    } catch {
      storeError = error
      throw error
    }
  }
}
