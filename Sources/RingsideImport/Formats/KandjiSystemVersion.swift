import RingsideDomain

/// Kandji's `general.system_version` as System Information shows it: `12.0.1 (21A559)`, or
/// with an RSR installed `13.4.1 (c) (22F770820d)`. Kandji writes the build nowhere else, and
/// the build tells a release's RSRs apart, so it fills what the version fields leave open.
/// With a letter shown, the build in parentheses is the RSR's (supplemental) build; without
/// one, it is the build the device runs. A text that does not read as a version, or names
/// another release than `os_version`, adds nothing: `os_version` is the field Kandji documents.
enum KandjiSystemVersion {
  /// `version` with the build, and a letter it lacked, taken from `text`.
  static func filling(_ version: AppleOSVersion, from text: String) -> AppleOSVersion {
    guard let shown = try? AppleOSVersion.parse(text, missingLetter: .unknown),
      let build = shown.build, version.base != nil, shown.base == version.base
    else { return version }
    var rsr = version.rsr
    var base = version.build
    var supplemental = version.supplementalBuild
    if case .letter = shown.rsr {
      if rsr == .unknown { rsr = shown.rsr }
      if rsr == shown.rsr, supplemental == nil { supplemental = build }
    } else if base == nil {
      switch rsr {
      case .none: base = build
      // Nothing reports an RSR (System Information would show its letter): the device's build.
      case .unknown where supplemental == nil: base = build
      // A build other than the RSR's is the one beneath it.
      default: if let s = supplemental, s != build { base = build }
      }
    }
    return AppleOSVersion(
      platform: version.platform, base: version.base, rsr: rsr, build: base,
      supplementalBuild: supplemental)
  }
}
