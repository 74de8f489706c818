import RingsideDomain

/// A set of devices reached by Enter on a number: exact filter terms and words for them.
/// Combined with whatever the user types after `/`.
public struct DeviceScope: Sendable, Hashable {
  public let title: String
  public let terms: [DeviceFilter.Term]

  public init(title: String, terms: [DeviceFilter.Term]) {
    self.title = title
    self.terms = terms
  }

  /// The devices of one platform and version, as a version bar counts them.
  public static func version(_ row: FleetSnapshot.VersionRow, trains: [OSVersionNumber])
    -> DeviceScope
  {
    let platform = DeviceFilter.Term.platform(row.platform)
    guard let base = row.version.base else {
      // No version reported: outside every release train the platform's devices are on.
      let outside = trains.map { DeviceFilter.Term.not(.os($0, nil)) }
      return DeviceScope(
        title: "\(row.platform.displayName), no version reported",
        terms: [platform, .state(.unknown)] + outside)
    }
    return DeviceScope(
      title: "\(row.platform.displayName) \(row.label)",
      terms: [
        platform,
        row.marks.count > 1
          ? .or(row.marks.map { exactly(base, $0) }) : exactly(base, row.version.rsr),
      ])
  }

  /// The term for one release and mark only: `26.6` written as `26.6.0`, so it does not
  /// also match `26.6.1`.
  public static func exactly(_ base: OSVersionNumber, _ mark: RSRMark) -> DeviceFilter.Term {
    .os(OSVersionNumber(base.major, base.minor, base.patch), mark)
  }
}
