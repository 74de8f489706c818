/// How many devices of one ring share the facts that decide which profile keys reach them:
/// platform, supervision, enrollment type and OS version. Staging warnings are computed from
/// these counts, so a million devices arrive as a few hundred rows.
public struct FleetSegment: Sendable, Hashable {
  public let ring: String
  public let platform: Platform
  /// nil when no source reported it.
  public let supervised: Bool?
  public let userEnrolled: Bool
  /// nil when no version was reported.
  public let osVersion: OSVersionNumber?
  public let count: Int

  public init(
    ring: String, platform: Platform, supervised: Bool?, userEnrolled: Bool,
    osVersion: OSVersionNumber?, count: Int
  ) {
    self.ring = ring
    self.platform = platform
    self.supervised = supervised
    self.userEnrolled = userEnrolled
    self.osVersion = osVersion
    self.count = count
  }
}
