import RingsideDomain

/// Writes the staged policies as profiles, and the membership files of the rings the staged
/// moves change: locks the folder, checks every file against what
/// Ringside last wrote, records its intent, replaces the files and only then lets the ledger
/// apply and clear the staged changes. A failure puts every file back as it was; killed at any
/// point, it leaves each file old or new, and the next run finishes (and audits) the job.
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
    let rings = try ledgerCall { try ledger.policiesToWrite() }
    let known = try ledgerCall { try ledger.knownProfileHashes(directory: path) }
    let memberships = try ledgerCall {
      try ledger.membershipsToWrite(keeping: MembershipFiles.rings(inKnownNames: known.keys))
    }
    let plan = ProfilePlan(
      rings: rings, organization: options.organization, directory: directory,
      directoryPath: path, known: known, memberships: memberships)
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
      applied.append(
        AppliedFile(
          name: review.name, action: review.action, beforeSHA256: review.onDisk.sha256,
          afterSHA256: review.planned?.sha256, forced: review.conflict != nil))
    }
    try replaceAll(plan.reviews.filter { $0.action != .unchanged }, in: directory) {
      () throws(ProfileError) in
      try ledgerCall {
        try ledger.commitProfileApply(
          ProfileApplyResult(
            directory: path, organization: options.organization.name, files: applied))
      }
    }
    return Report(plan: plan, applied: applied, dryRun: false)
  }

  /// All or nothing, as far as a running process can: every new file is written and flushed
  /// beside its name first (a full disk stops here, with nothing replaced); each old file keeps
  /// a second name; then the files are renamed into place and `commit` runs. When a rename or
  /// the commit fails, every file is put back as it was. Only `kill -9` or a power cut can leave
  /// a mix; the recorded intent lets the next apply recognise and finish it.
  private static func replaceAll(
    _ changes: [FileReview], in directory: ProfileDirectory,
    commit: () throws(ProfileError) -> Void
  ) throws(ProfileError) {
    var staged: [String: String] = [:]
    var backups: [String: String?] = [:]
    var installed: [String] = []
    func cleanUp() {
      for name in staged.values { directory.discard(name) }
      for case let name? in backups.values { directory.discard(name) }
    }
    do throws(ProfileError) {
      for review in changes {
        if let file = review.planned {
          staged[review.name] = try directory.stage(file.bytes, for: review.name)
        }
      }
      for review in changes { backups[review.name] = try directory.keepBackup(of: review.name) }
      for review in changes {
        if let temporary = staged.removeValue(forKey: review.name) {
          installed.append(review.name)
          try directory.install(temporary, as: review.name)
        } else {
          installed.append(review.name)
          try directory.remove(review.name)
        }
      }
      try commit()
    } catch {
      var failed: [String] = []
      for name in installed.reversed() {
        let backup = backups.removeValue(forKey: name) ?? nil
        if let reason = directory.restore(backup, as: name) {
          failed.append("\(directory.path(of: name)) (\(reason))")
        }
      }
      cleanUp()
      guard failed.isEmpty else {
        throw .ledger(
          "\(error); putting the old files back also failed for \(failed.joined(separator: ", ")):"
            + " the folder holds some new files; the staged changes stay staged and the next"
            + " apply finishes and audits them")
      }
      throw error
    }
    cleanUp()
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
