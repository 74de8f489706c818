import RingsideDomain
import RingsideStore

/// A change the dashboard asks the store for; performed in order, never dropped.
public enum StoreWrite: Sendable, Hashable {
  /// A Rings-view key on one ring; `replacingOthers` after the user confirmed a conflict.
  case policy(PolicyStep, ring: String, replacingOthers: Bool)
  /// Moves devices by row id to a ring.
  case moveDevices([Int64], ring: String)
  /// Moves every device the filter selects to a ring.
  case moveMatching(DeviceFilter, ring: String)
  /// Drops staged changes by id.
  case discard([Int64])
  /// Drops the staged moves from one ring to another.
  case discardMoves(RingMove)
  /// Writes the profiles for everything staged and applies it.
  case apply
  /// The same, overwriting files changed outside Ringside, after the user said so.
  case applyOverwriting
  /// The user left the Rings view: the audit entry held for their run of keys is written.
  case endStagingRun
}

extension StoreWrite {
  /// What the write does, for messages about whether it was saved.
  public var summary: String {
    switch self {
    case .policy(_, let ring, _): "the change to ring \(ring)"
    case .moveDevices(let ids, let ring): "moving \(ids.count) device(s) to ring \(ring)"
    case .moveMatching(_, let ring): "moving the matching devices to ring \(ring)"
    case .discard(let ids): "dropping \(ids.count) staged change(s)"
    case .discardMoves(let move): "dropping the staged moves from \(move.from) to \(move.to)"
    case .apply, .applyOverwriting: "applying what is staged"
    case .endStagingRun: "the audit entry of the last run of keys"
    }
  }

  /// The message for a write the store did not take because the connection is lost.
  public var notSavedText: String {
    "not saved, the connection is lost: \(summary); press the key again once reconnected"
  }
}
