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
  public static func version(_ row: FleetSnapshot.VersionRow, unknownTrains: [OSVersionNumber])
    -> DeviceScope
  {
    let platform = DeviceFilter.Term.platform(row.platform)
    guard let base = row.version.base else {
      // No version reported: unknown state, outside every train whose letter is unknown.
      let outside = unknownTrains.map { DeviceFilter.Term.not(.os($0, nil)) }
      return DeviceScope(
        title: "\(row.platform.displayName), no version reported",
        terms: [platform, .state(.unknown)] + outside)
    }
    return DeviceScope(
      title: "\(row.platform.displayName) \(row.label)",
      terms: [platform, .os(base, row.version.rsr)])
  }
}
