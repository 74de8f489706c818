import RingsideDomain

/// Writes the staged policies as profiles: locks the folder, checks every file against what
/// Ringside last wrote, records its intent, replaces the files atomically and only then lets the
/// ledger apply and clear the staged changes. Killed at any point, it leaves each file old or
/// new, and the next run finishes the job.
public enum ProfileApplier {
  /// What to write and where.
  public struct Options: Sendable, Hashable {
    public var directory: String
    public var organization: ProfileOrganization
    /// Overwrite files changed outside Ringside.
    public var force: Bool
    /// Plan and check only; touch nothing.
    public var dryRun: Bool

    public init(
      directory: String, organization: ProfileOrganization = .default, force: Bool = false,
      dryRun: Bool = false
    ) {
      self.directory = directory
      self.organization = organization
      self.force = force
      self.dryRun = dryRun
    }
  }

  /// What an apply did, or would do for a dry run.
  public struct Report: Sendable, Hashable {
    public let plan: ProfilePlan
    /// Empty for a dry run.
    public let applied: [AppliedFile]
    public let dryRun: Bool
  }

  /// Runs one apply; throws before touching anything when a file changed outside Ringside
  /// (unless `force`), or when the folder or the ledger fails.
  public static func apply(ledger: some ProfileLedger, options: Options) throws(ProfileError)
    -> Report
  {
    let directory: ProfileDirectory?
    var lock: ProfileDirectoryLock?
    if options.dryRun {
      directory = try ProfileDirectory.existing(at: options.directory)
    } else {
      let prepared = try ProfileDirectory.prepare(at: options.directory)
      lock = try prepared.lock()
      prepared.removeLeftoverTemporaryFiles()
      directory = prepared
    }
    defer { lock?.release() }

    let path = directory?.path ?? options.directory
    let plan = ProfilePlan(
      rings: try ledgerCall { try ledger.policiesToWrite() }, organization: options.organization,
      directory: directory, directoryPath: path,
      known: try ledgerCall { try ledger.knownProfileHashes(directory: path) })
    if !options.force && !plan.conflicts.isEmpty {
      throw .changedOnDisk(plan.conflicts.compactMap(\.conflict))
    }
    guard let directory, !options.dryRun else {
      return Report(plan: plan, applied: [], dryRun: true)
    }

    var intent: [String: String] = [:]
    for review in plan.changes { if let file = review.planned { intent[file.name] = file.sha256 } }
    try ledgerCall { try ledger.recordProfileIntent(directory: path, hashes: intent) }

    var applied: [AppliedFile] = []
    for review in plan.reviews {
      switch review.action {
      case .create, .update: try directory.write(review.planned!.bytes, to: review.name)
      case .remove: try directory.remove(review.name)
      case .unchanged: break
      }
      applied.append(
        AppliedFile(
          name: review.name, action: review.action, beforeSHA256: review.onDisk.sha256,
          afterSHA256: review.planned?.sha256, forced: review.conflict != nil))
    }
    try ledgerCall {
      try ledger.commitProfileApply(
        ProfileApplyResult(
          directory: path, organization: options.organization.name, files: applied))
    }
    return Report(plan: plan, applied: applied, dryRun: false)
  }

  private static func ledgerCall<T>(_ body: () throws -> T) throws(ProfileError) -> T {
    do {
      return try body()
    } catch let error as ProfileError {
      throw error
    } catch {
      throw .ledger("\(error)")
    }
  }
}
