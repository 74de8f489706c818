import RingsideDomain

/// The numbers `report` and `check` print, derived from the same counts the dashboard draws,
/// so the two can never disagree.
extension FleetCounts {
  /// Devices by state and removal status, and those without a recent check-in.
  public var summary: FleetSummary {
    var summary = FleetSummary(devices: 0, byState: [:], byRemoval: [:], stale: 0)
    for group in groups {
      summary.devices += group.count
      summary.byState[group.state, default: 0] += group.count
      summary.byRemoval[group.removal, default: 0] += group.count
    }
    summary.stale = staleByRing.values.reduce(0, +)
    summary.waiting = waitingByRing.values.reduce(0, +)
    return summary
  }

  /// Devices per platform and version (base and RSR mark), newest version first.
  public var versionCounts: [VersionCount] {
    var counts: [Platform: [AppleOSVersion: Int]] = [:]
    for group in groups {
      counts[group.platform, default: [:]][group.version, default: 0] += group.count
    }
    return counts.flatMap { platform, versions in
      versions.map { VersionCount(platform: platform, version: $0.key, count: $0.value) }
    }.sorted { a, b in
      a.platform != b.platform ? a.platform < b.platform : b.version < a.version
    }
  }

  /// Devices per platform and version as the catalog names it, newest first: versions that
  /// read the same (26.7.1 reported without a letter and with an unknown one, where Apple
  /// shipped none) are one tally with every mark counted in it. `report` and the Overview
  /// both list these.
  public func versionTallies(catalog: ReleaseCatalog) -> [VersionTally] {
    var bySortKey: [Platform: [String: (version: AppleOSVersion, count: Int)]] = [:]
    for group in groups {
      let old = bySortKey[group.platform, default: [:]][group.versionSortKey]
      bySortKey[group.platform, default: [:]][group.versionSortKey] = (
        group.version, (old?.count ?? 0) + group.count
      )
    }
    var tallies: [VersionTally] = []
    for platform in bySortKey.keys.sorted() {
      var merged: [VersionTally] = []
      for (key, value) in (bySortKey[platform] ?? [:]).sorted(by: { $0.key > $1.key }) {
        let label = catalog.label(for: value.version, on: platform)
        if let same = merged.firstIndex(where: { $0.label == label }) {
          merged[same].count += value.count
          merged[same].marks.append(value.version.rsr)
        } else {
          merged.append(
            VersionTally(
              platform: platform, version: value.version, label: label, sortKey: key,
              count: value.count, marks: [value.version.rsr]))
        }
      }
      tallies += merged
    }
    return tallies
  }

  /// Each of `rings`, in their order, with its devices' states and removal statuses.
  public func ringSummaries(rings: [Ring]) -> [RingSummary] {
    var states: [String: [DeviceState: Int]] = [:]
    var removals: [String: [RemovalStatus: Int]] = [:]
    var totals: [String: Int] = [:]
    for group in groups {
      totals[group.ring, default: 0] += group.count
      states[group.ring, default: [:]][group.state, default: 0] += group.count
      removals[group.ring, default: [:]][group.removal, default: 0] += group.count
    }
    return rings.map {
      RingSummary(
        ring: $0, devices: totals[$0.name] ?? 0, byState: states[$0.name] ?? [:],
        byRemoval: removals[$0.name] ?? [:])
    }
  }
}

/// The devices of one platform and version as people read it: the newest version of those
/// that read alike, its label and sort key, and every RSR mark counted.
public struct VersionTally: Sendable, Hashable {
  public let platform: Platform
  public let version: AppleOSVersion
  public let label: String
  public let sortKey: String
  public var count: Int
  /// More than one when versions read the same (no letter, and a letter not reported).
  public var marks: [RSRMark]
}
