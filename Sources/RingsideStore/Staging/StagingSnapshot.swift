import RingsideDomain

/// The staged state one apply writes from, read in one transaction. The commit applies and
/// clears only the staged changes in it that are still staged unchanged, so a change staged
/// by another session during the apply stays staged.
public struct StagingSnapshot: Sendable, Hashable {
  /// Every ring with its staged policy.
  public let rings: [Ring]
  /// The staged policy changes included.
  public let policyChanges: [StagedChange]
  /// How many staged moves are included.
  public let moveCount: Int
  /// Staged row id → the key of its content, to recognise the same row at commit time.
  let keys: [Int64: StagedRowKey]
  /// The included staged moves: device row id → the ring it moves to.
  public var moves: [Int64: String] = [:]
  /// The rings the included moves take devices out of or into.
  public var movedRings: Set<String> = []
}

/// What an apply did to one file, as the store records and audits it.
public struct ProfileFileWrite: Sendable, Hashable {
  /// The same cases as the profile writer's actions.
  public enum Action: String, Sendable, Hashable {
    case create, update, unchanged, remove
  }

  public let name: String
  public let action: Action
  public let beforeSHA256: String?
  public let afterSHA256: String?
  /// Overwrote a file changed outside Ringside (`--force`).
  public let forced: Bool

  public init(
    name: String, action: Action, beforeSHA256: String?, afterSHA256: String?, forced: Bool
  ) {
    self.name = name
    self.action = action
    self.beforeSHA256 = beforeSHA256
    self.afterSHA256 = afterSHA256
    self.forced = forced
  }
}

/// What a commit applied.
public struct AppliedStaging: Sendable, Hashable {
  public let policyChanges: Int
  public let moves: Int
  public let filesChanged: Int
  /// Files an interrupted apply (killed after writing them) had left new on disk, audited now.
  public var filesFinished: [String] = []
}
