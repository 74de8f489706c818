import RingsideDomain

/// Where `ProfileApplier` reads the policies to write and records what it wrote: the store, or
/// an in-memory stand-in in tests. The calls come in this order, each in its own transaction:
/// `policiesToWrite`, `knownProfileHashes`, `membershipsToWrite`, `recordProfileIntent` before
/// any file is touched, then `commitProfileApply` once every file is in place.
public protocol ProfileLedger: AnyObject {
  /// Every ring with its policy as it will be once the staged changes are applied. The ledger
  /// remembers which staged changes it included, so the commit clears exactly those.
  func policiesToWrite() throws -> [Ring]

  /// For each file name in `directory`, the hashes Ringside last wrote or was about to write.
  func knownProfileHashes(directory: String) throws -> [String: Set<String>]

  /// The rings whose membership files to write, with their devices as they will be after the
  /// staged moves `policiesToWrite` included: every ring those moves touch, and the `keeping`
  /// rings (whose membership files Ringside wrote before, so they stay current).
  func membershipsToWrite(keeping rings: Set<String>) throws -> [RingMembership]

  /// Notes the hashes about to be written, so a crash part-way leaves files the next run
  /// recognises as its own.
  func recordProfileIntent(directory: String, hashes: [String: String]) throws

  /// Applies the staged changes, records the written hashes, clears the staged changes and
  /// appends the audit entries, all in one transaction.
  func commitProfileApply(_ result: ProfileApplyResult) throws
}

extension ProfileLedger {
  /// A ledger without devices writes no membership files.
  public func membershipsToWrite(keeping rings: Set<String>) throws -> [RingMembership] { [] }
}

/// What one apply did to one file.
public struct AppliedFile: Sendable, Hashable {
  public let name: String
  public let action: FileReview.Action
  /// The hash before the write; nil when absent or not a regular file.
  public let beforeSHA256: String?
  /// The hash after the write; nil when removed.
  public let afterSHA256: String?
  /// True when the file was overwritten with `--force` over a conflict.
  public let forced: Bool
}

/// The outcome handed to `ProfileLedger.commitProfileApply`.
public struct ProfileApplyResult: Sendable, Hashable {
  public let directory: String
  public let organization: String
  public let files: [AppliedFile]
}
