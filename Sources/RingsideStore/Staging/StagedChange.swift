import Foundation
import RingsideDomain

/// A change an admin staged and nobody has applied or discarded yet. It lives in the store, so
/// it survives a crash and every session sees it.
public struct StagedChange: Sendable, Hashable, Identifiable {
  /// A policy setting of one ring, or one device's ring.
  public enum Kind: Sendable, Hashable {
    /// `old` is the applied value when the change was staged.
    case policy(old: PolicyChange, new: PolicyChange)
    case move(device: StagedDevice, fromRing: String)
  }

  public let id: Int64
  /// The ring whose policy changes, or the ring a device moves to.
  public let ring: String
  public let kind: Kind
  /// The unix user who staged it.
  public let author: String
  public let stagedAt: Date

  /// The setting a policy change stages; nil for a move.
  public var policyField: PolicyField? {
    if case .policy(_, let new) = kind { new.field } else { nil }
  }

  /// True when the change lifts a protection the ring had (`PolicyChange.loosens`): RSR/BSI
  /// installation becomes blocked, a removal block is lifted, critical updates are turned off,
  /// the newest major stops being required.
  public var loosens: Bool {
    guard case .policy(let old, let new) = kind else { return false }
    return new.loosens(from: old)
  }

  /// "ring test: RSR/BSI installation unset → allow", "C02ABC (Kim's Mac): production → test".
  public var summary: String {
    switch kind {
    case .policy(let old, let new):
      "ring \(ring): \(new.field.title) \(old.text) → \(new.text)"
    case .move(let device, let from):
      "\(device.label): \(from) → \(ring)"
    }
  }
}

/// The device a staged move concerns.
public struct StagedDevice: Sendable, Hashable {
  public let id: Int64
  public let key: String
  public let serial: String?
  public let name: String

  /// The serial (or key) and the name, for one line of text.
  public var label: String { "\(serial ?? key) (\(Sanitized.text(name, limit: 40)))" }
}

/// Staged moves between one pair of rings, for the Staged view's "ring moves with counts".
public struct StagedMoveGroup: Sendable, Hashable {
  public let fromRing: String
  public let toRing: String
  public let devices: Int
  /// Who staged them, sorted.
  public let authors: [String]

  /// Which rings the group moves devices between.
  public var move: RingMove { RingMove(from: RingName(fromRing), to: RingName(toRing)) }
}

/// What staging one policy value did.
public enum StageOutcome: Sendable, Hashable {
  /// Staged; `replaced` is the change it took the place of, possibly someone else's.
  case staged(StagedChange, replaced: StagedChange?)
  /// The value equals the applied one, so the staged change for it (if any) was dropped.
  case reverted(dropped: StagedChange?)
}

/// What staging ring moves did.
public struct MoveOutcome: Sendable, Hashable {
  /// Moves newly staged or re-targeted.
  public let staged: Int
  /// Devices already in the target ring; a staged move of theirs was dropped.
  public let unchanged: Int
}
