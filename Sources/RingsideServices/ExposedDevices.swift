import RingsideDomain
import RingsideProfiles

/// How many devices a staged change that lifts a protection exposes: the one count behind
/// `staged`'s LOOSENS warning and the dashboard's question before it stages such a change.
public enum ExposedDevices {
  /// The devices of `ring` that lose the protection `field` gave them. For a removal block,
  /// those that enforce it now (`enforcingRemovalBlock`: the rest never held it, or removed
  /// their RSR/BSI anyway). For RSR/BSI installation and critical updates, those that will
  /// enforce the new value (`SettingReach`: the platform that takes the key, supervision,
  /// no User Enrollment), so turning critical updates off counts Macs only. For the target
  /// major, every device of the ring.
  public static func count(
    _ field: PolicyField, ring: String, segments: [FleetSegment], enforcingRemovalBlock: Int
  ) -> Int {
    let ringSegments = segments.filter { $0.ring == ring }
    switch field {
    case .rsrRemoval: return enforcingRemovalBlock
    case .rsrInstallation, .criticalUpdateInstall:
      return SettingReach.devices(enforcing: field, in: ringSegments)
    case .deferralDays, .majorTarget:
      return ringSegments.reduce(0) { $0 + $1.count }
    }
  }
}
