import RingsideDomain
import RingsideStore

/// The numbers behind Overview and Rings, derived from the store's device groups in one pass.
public struct FleetSnapshot: Sendable, Equatable {
  /// Devices of one platform on one version (base and RSR mark).
  public struct VersionRow: Sendable, Equatable {
    public let platform: Platform
    public let version: AppleOSVersion
    public let label: String
    public let sortKey: String
    public let count: Int
    /// Every RSR mark counted in this row: more than one when versions read the same
    /// (`26.7.1` reported without a letter and with an unknown one, where Apple shipped none).
    public let marks: [RSRMark]
  }

  /// How many of a ring's devices of one platform are patched (current), beside the minimum
  /// release a compliance policy requires (`ReleaseCatalog.complianceBaseline`).
  public struct Rollout: Sendable, Equatable {
    public let platform: Platform
    public let target: CatalogRelease
    public let reached: Int
    public let total: Int
  }

  /// One ring with its policy, counts and rollout.
  public struct RingRow: Sendable, Equatable {
    public let ring: Ring
    public let devices: Int
    public let byState: [DeviceState: Int]
    public let byRemoval: [RemovalStatus: Int]
    public let stale: Int
    public let rollout: [Rollout]
  }

  public let devices: Int
  /// The release catalog's day, for the status line.
  public let catalogAsOf: String
  public let byState: [DeviceState: Int]
  public let byRemoval: [RemovalStatus: Int]
  public let stale: Int
  /// Devices whose MDM reports an RSR/BSI waiting to install.
  public let waiting: Int
  /// Per platform, newest version first.
  public let versions: [Platform: [VersionRow]]
  public let rings: [RingRow]

  public init(counts: FleetCounts, rings: [Ring], catalog: ReleaseCatalog) {
    catalogAsOf = catalog.asOf
    let groups = counts.groups
    // The fleet totals are the summary `report` and `check` print.
    let summary = counts.summary
    var ringGroups: [String: [FleetGroup]] = [:]
    for g in groups { ringGroups[g.ring, default: []].append(g) }
    devices = summary.devices
    byState = summary.byState
    byRemoval = summary.byRemoval
    stale = summary.stale
    waiting = summary.waiting
    var versions: [Platform: [VersionRow]] = [:]
    for tally in counts.versionTallies(catalog: catalog) {
      versions[tally.platform, default: []].append(
        VersionRow(
          platform: tally.platform, version: tally.version, label: tally.label,
          sortKey: tally.sortKey, count: tally.count, marks: tally.marks))
    }
    self.versions = versions
    var ringNames = rings.map(\.name)
    for name in Set(ringGroups.keys).union(counts.staleByRing.keys).sorted()
    where !ringNames.contains(name) {
      ringNames.append(name)
    }
    self.rings = ringNames.map { name in
      let ring =
        rings.first { $0.name == name } ?? (try? Ring(name: name, position: 999)) ?? rings[0]
      return FleetSnapshot.ringRow(
        ring, groups: ringGroups[name] ?? [], stale: counts.staleByRing[name] ?? 0, catalog: catalog
      )
    }
  }

  private static func ringRow(
    _ ring: Ring, groups: [FleetGroup], stale: Int, catalog: ReleaseCatalog
  ) -> RingRow {
    var byState: [DeviceState: Int] = [:]
    var byRemoval: [RemovalStatus: Int] = [:]
    for g in groups {
      byState[g.state, default: 0] += g.count
      byRemoval[g.removal, default: 0] += g.count
    }
    var rollout: [Rollout] = []
    for platform in Platform.allCases {
      let mine = groups.filter { $0.platform == platform }
      guard !mine.isEmpty, let target = catalog.complianceBaseline(for: platform) else { continue }
      // Patched devices: current by their verdict, each on the newest release its line gets.
      // Counting the versions at or above the floor took a Mac left on 26.3.1 (above 15.8.1,
      // the floor while Apple still ships macOS 15) for a patched one.
      rollout.append(
        Rollout(
          platform: platform, target: target,
          reached: mine.filter { $0.state == .current }.reduce(0) { $0 + $1.count },
          total: mine.reduce(0) { $0 + $1.count }))
    }
    return RingRow(
      ring: ring, devices: groups.reduce(0) { $0 + $1.count }, byState: byState,
      byRemoval: byRemoval,
      stale: stale, rollout: rollout)
  }
}
