/// Says in words what the ring's removal restriction means for one device, to follow the
/// state explanation in `why` and in the dashboard's device view.
public enum RemovalExplanation {
  public static func sentence(
    status: RemovalStatus, platform: Platform, supervised: Bool?, userEnrolled: Bool,
    ring: String, version: AppleOSVersion
  ) -> String {
    switch status {
    case .allowed:
      guard version.hasRSRInstalled == true else {
        return "Ring \(ring) does not block RSR/BSI removal: a user could remove one installed "
          + "here."
      }
      return "Ring \(ring) does not block RSR/BSI removal, so the user may remove the one "
        + "installed."
    case .removedAnyway:
      return "Ring \(ring) blocks RSR/BSI removal, yet this device's history shows a removal: "
        + "check the profile reached the device."
    case .blocked:
      if (version.base?.major ?? 0) >= 27 {
        return "Ring \(ring) blocks RSR/BSI removal through the softwareupdate.settings "
          + "declaration, and this supervised device enforces it."
      }
      if version.rsr.letter != nil, let base = version.base {
        return "This device blocks removal, so it cannot go back to \(base) by itself."
      }
      return "Ring \(ring) blocks RSR/BSI removal, and this device enforces it."
    case .notEnforced:
      let reason: String
      if userEnrolled {
        reason = "it is enrolled with User Enrollment, where the restriction does not apply"
      } else if (version.base?.major ?? 0) >= 27 {
        reason =
          "from OS 27 only the softwareupdate.settings declaration blocks removal, and only on "
          + "supervised devices"
          + (supervised == nil ? " (its supervision is not reported)" : "")
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
