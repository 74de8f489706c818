import RingsideDomain

/// Which devices a ring's policy setting takes effect on, from Apple's schema: the families
/// whose payload takes the setting's key, never a User Enrollment (the restrictions and
/// software update payloads forbid it), supervision where the key needs it, and from OS 27,
/// where only the declaration carries the setting, supervision where the declaration's key
/// needs it. The devices a warning counts as not enforcing a block are those outside it; the
/// devices a change that lifts a protection exposes are those inside it (`ExposedDevices`).
public enum SettingReach {
  /// The profile key a field writes and the declaration key that replaces it from OS 27; nil
  /// for a field whose reach is every device of the ring (the deferral, the target major).
  static func keys(_ field: PolicyField) -> (profile: SchemaKey, declaration: SchemaKey)? {
    switch field {
    case .rsrInstallation: (SoftwareUpdateSchema.allowInstallation, SoftwareUpdateSchema.rsrEnable)
    case .rsrRemoval: (SoftwareUpdateSchema.allowRemoval, SoftwareUpdateSchema.rsrEnableRollback)
    case .criticalUpdateInstall:
      (SoftwareUpdateSchema.criticalUpdateInstall, SoftwareUpdateSchema.installSecurityUpdate)
    case .deferralDays, .majorTarget: nil
    }
  }

  /// Whether the devices of `segment` enforce `field` when their ring sets it.
  public static func enforces(_ field: PolicyField, _ segment: FleetSegment) -> Bool {
    guard let keys = keys(field) else { return true }
    let family = segment.platform.family
    guard !segment.userEnrolled, keys.profile.supports(family) else { return false }
    let modern = (segment.osVersion?.major ?? 0) >= SoftwareUpdateSchema.profileKeysRemovedMajor
    let key = modern ? keys.declaration : keys.profile
    return !key.supervisedOnly.contains(family) || segment.supervised == true
  }

  /// How many devices of `segments` enforce `field`.
  public static func devices(enforcing field: PolicyField, in segments: [FleetSegment]) -> Int {
    segments.reduce(0) { $0 + (enforces(field, $1) ? $1.count : 0) }
  }
}
