/// Says in words what the ring's removal restriction means for one device, to follow the
/// state explanation in `why` and in the dashboard's device view.
public enum RemovalExplanation {
  public static func sentence(
    status: RemovalStatus, platform: Platform, supervised: Bool?, userEnrolled: Bool,
    ring: String, version: AppleOSVersion
  ) -> String {
    switch status {
    case .allowed:
      return "Ring \(ring) does not block RSR/BSI removal, so the user may remove it."
    case .blocked:
      if version.rsr.letter != nil, let base = version.base {
        return "This device blocks removal, so it cannot go back to \(base) by itself."
      }
      return "Ring \(ring) blocks RSR/BSI removal, and this device enforces it."
    case .notEnforced:
      let reason: String
      if userEnrolled {
        reason = "it is enrolled with User Enrollment, where the restriction does not apply"
      } else if supervised == nil {
        reason = "its supervision is not reported, so the restriction cannot be relied on"
      } else {
        reason =
          "it is not supervised, and \(platform.displayName) enforces the restriction only on supervised devices"
      }
      return "Ring \(ring) blocks RSR/BSI removal, but not here: \(reason)."
    }
  }
}
