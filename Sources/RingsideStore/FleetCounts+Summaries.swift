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
