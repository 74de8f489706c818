import Foundation
import RingsideDomain
import RingsideProfiles
import RingsideStore

/// What is staged and what applying it would do: the changes, the devices of each ring move,
/// the files against the output folder and the warnings about what is staged. The one use case
/// behind `ringside staged` and the dashboard's Staged view, so both show the same thing.
public struct StagingReview {
  /// The profile folder and organisation a review compares against.
  public struct Output {
    public let directory: String
    public let organization: ProfileOrganization

    public init(directory: String, organization: ProfileOrganization) {
      self.directory = directory
      self.organization = organization
    }
  }

  /// How many devices of one move group a review lists.
  public static let listedDevices = 1000
  /// How many staged changes a review lists (moves may be millions; they are grouped).
  public static let listedChanges = 500

  /// The first `listedChanges` staged changes, policies and moves.
  public let changes: [StagedChange]
  /// Every staged policy change.
  public let policyChanges: [StagedChange]
  /// Every staged change, moves included.
  public let stagedCount: Int
  public let moveGroups: [StagedMoveGroup]
  /// The first `listedDevices` devices of each move group.
  public let moveDevices: [RingMove: [StagedDevice]]
  /// Every ring with its staged policy.
  public let effectiveRings: [Ring]
  /// The files against the folder; nil without an output.
  public let plan: ProfilePlan?
  /// Why the output folder cannot be used (a file in its place, no permission), if so.
  public let directoryProblem: ProfileError?
  /// Loosening changes first, then the standing warnings of the rings a change touches.
  public let warnings: [StagingWarning]
  /// The devices of every ring by the facts that decide which keys reach them, with the
  /// staged moves made: what the warnings count.
  public let segments: [FleetSegment]

  /// Reads everything a review shows from `store`.
  public static func load(store: InventoryStore, output: Output?) throws(StoreError)
    -> StagingReview
  {
    let rings = try store.effectiveRings()
    var plan: ProfilePlan?
    var problem: ProfileError?
    if let output {
      var directory: ProfileDirectory?
      do {
        directory = try ProfileDirectory.existing(at: output.directory)
      } catch {
        problem = error
      }
      let known = try store.profileFileHashes(directory: directory?.path ?? output.directory)
      plan = ProfilePlan(
        rings: rings, organization: output.organization, directory: directory,
        directoryPath: output.directory, known: known,
        memberships: try store.stagedMemberships(
          keeping: MembershipFiles.rings(inKnownNames: known.keys)))
    }
    let changes = try store.stagedChanges(limit: listedChanges)
    let segments = try store.stagedFleetSegments()
    let groups = try store.stagedMoveGroups()
    var devices: [RingMove: [StagedDevice]] = [:]
    for group in groups {
      devices[group.move] = try store.stagedMoveDevices(
        from: group.fromRing, to: group.toRing, limit: listedDevices)
    }
    let policyChanges = try store.stagedPolicyChanges()
    let touched = Set(
      (changes + policyChanges).map(\.ring) + groups.flatMap { [$0.fromRing, $0.toRing] })
    return StagingReview(
      changes: changes, policyChanges: policyChanges, stagedCount: try store.stagedChangeCount(),
      moveGroups: groups, moveDevices: devices, effectiveRings: rings, plan: plan,
      directoryProblem: problem,
      warnings: loosening(
        policyChanges, segments: segments,
        enforcing: try enforcingRemovalBlocks(policyChanges, store: store))
        + StagingWarnings.evaluate(rings: rings, segments: segments).filter {
          touched.contains($0.ring)
        },
      segments: segments)
  }

  /// For each ring whose removal block a staged change lifts, the devices that enforce it now.
  static func enforcingRemovalBlocks(_ changes: [StagedChange], store: InventoryStore)
    throws(StoreError) -> [String: Int]
  {
    var out: [String: Int] = [:]
    for change in changes where change.loosens && change.policyField == .rsrRemoval {
      out[change.ring] = try store.countDevices(
        filter: DeviceFilter(terms: [.ring(change.ring), .removal(.blocked)]))
    }
    return out
  }

  /// A warning for every staged change that lifts a protection, first, with the devices it
  /// exposes (`ExposedDevices`); `enforcing` gives for a ring whose removal block a change
  /// lifts the devices that enforce it.
  static func loosening(
    _ changes: [StagedChange], segments: [FleetSegment], enforcing: [String: Int] = [:]
  ) -> [StagingWarning] {
    changes.filter(\.loosens).compactMap { change in
      guard let field = change.policyField else { return nil }
      let devices = ExposedDevices.count(
        field, ring: change.ring, segments: segments,
        enforcingRemovalBlock: enforcing[change.ring] ?? 0)
      return StagingWarning(
        kind: .loosening, ring: change.ring, devices: devices,
        message:
          "LOOSENS: \(change.summary) lifts a protection from \(devices.grouped) device\(devices == 1 ? "" : "s"), staged by \(change.author)."
      )
    }
  }
}
