import RingsideDomain
import RingsideProfiles
import RingsideServices
import RingsideStore

/// What is staged in the store and what writing it would do, read in one effect.
public struct StagingInfo: Sendable, Equatable {
  /// Staged policy changes; moves are only counted and grouped, as there may be millions.
  public let policyChanges: [StagedChange]
  /// Every staged change, moves included: the number the status line shows.
  public let count: Int
  public let moveGroups: [StagedMoveGroup]
  /// Every ring with its staged policy.
  public let effectiveRings: [Ring]
  public let warnings: [StagingWarning]
  /// Where `w` writes.
  public let directory: String
  /// Per file: create, update, unchanged or remove, and the diff against the disk.
  public let reviews: [FileReview]
  /// The devices of each move group (at most `StagingInfo.listedDevices` each); what Enter
  /// on a move row lists.
  public var moveDevices: [RingMove: [StagedDevice]] = [:]
  /// The devices of every ring by the facts that decide which keys reach them (staged moves
  /// made): what a question before lifting a protection counts, as `staged` does.
  public var segments: [FleetSegment] = []

  /// How many devices of one move group the Staged view lists.
  public static let listedDevices = StagingReview.listedDevices

  public init(
    policyChanges: [StagedChange], count: Int, moveGroups: [StagedMoveGroup],
    effectiveRings: [Ring],
    warnings: [StagingWarning], directory: String, reviews: [FileReview]
  ) {
    self.policyChanges = policyChanges
    self.count = count
    self.moveGroups = moveGroups
    self.effectiveRings = effectiveRings
    self.warnings = warnings
    self.directory = directory
    self.reviews = reviews
  }

  /// The staged change of one ring's setting, if any.
  public func staged(ring: String, field: PolicyField) -> StagedChange? {
    policyChanges.first { $0.ring == ring && $0.policyField == field }
  }

  /// The membership files (serial list, CSV) of the rings a move group changes.
  public func membershipFiles(_ move: RingMove) -> [FileReview] {
    reviews.filter { review in
      guard let file = review.planned ?? nil, file.family == nil else { return false }
      return file.ring == move.from.rawValue || file.ring == move.to.rawValue
    }
  }

  /// Files a write would change.
  public var fileChanges: [FileReview] { reviews.filter { $0.action != .unchanged } }
}

/// One page of the audit log.
public struct AuditPage: Sendable, Equatable {
  public let offset: Int
  public let entries: [AuditEntry]
  public let total: Int

  public init(offset: Int, entries: [AuditEntry], total: Int) {
    self.offset = offset
    self.entries = entries
    self.total = total
  }
}
