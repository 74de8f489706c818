/// A derived state with the reasons for it in words, citing the catalog.
public struct StateAssessment: Sendable, Hashable {
  public let state: DeviceState
  /// One or more sentences an admin can read aloud to a user.
  public let explanation: String
  /// The RSR/BSI the verdict is about (the one to install, or the pulled one), if any.
  public let release: CatalogRelease?
}

/// Derives device states from the catalog; pure, so every rule is tested directly.
public struct StateAssessor: Sendable {
  public let catalog: ReleaseCatalog

  public init(catalog: ReleaseCatalog) {
    self.catalog = catalog
  }

  /// Decides the state of a device on `version`, which previously had `removedLetter` on this base.
  public func assess(
    platform: Platform, version raw: AppleOSVersion, removedLetter: Character? = nil
  ) -> StateAssessment {
    let version = catalog.resolve(raw, on: platform)
    guard let base = version.base else {
      return StateAssessment(
        state: .unknown, explanation: "No OS version has been reported for this device.",
        release: nil)
    }
    let shown = version.displayString
    if let installed = catalog.installedRSR(of: version, on: platform), installed.isWithdrawn {
      var text = "\(installed.displayVersion) (\(installed.build?.text ?? "build unknown"))"
      let replacement = catalog.replacement(of: installed)
      let date = replacement?.released.map { " on \($0)" } ?? ""
      let by = replacement.map { "\($0.displayVersion) (\($0.build?.text ?? "?"))" }
      if installed.status == .pulled {
        text += " was pulled\(date)" + (by.map { "; \($0) replaced it" } ?? "")
      } else {
        text += " was replaced\(date)" + (by.map { " by \($0)" } ?? "")
      }
      return StateAssessment(state: .pulledRSR, explanation: text + ".", release: installed)
    }
    if let letter = removedLetter, version.rsr == .none {
      return StateAssessment(
        state: .rsrRemoved,
        explanation:
          "This device had \(base) (\(letter)) and is back on \(base): the \(kind(base)) was removed.",
        release: catalog.rsrs(for: platform, base: base).last { $0.letter == letter })
    }
    guard let newest = catalog.newestRSR(for: platform, major: base.major) else {
      return StateAssessment(
        state: .current,
        explanation:
          "No \(platform.displayName) \(base.major) RSR/BSI exists; \(shown) needs none.",
        release: nil)
    }
    if base < newest.version {
      return StateAssessment(
        state: .osUpdateFirst,
        explanation:
          "\(newest.kindName) \(newest.displayVersion) applies only on \(newest.version); "
          + "this device is on \(shown) and must update the OS first.",
        release: newest)
    }
    guard let latest = catalog.latestRSR(for: platform, base: base, build: version.build) else {
      let why =
        base > newest.version
        ? "\(shown) is newer than \(newest.kindName) \(newest.displayVersion), which it includes."
        : "No \(newest.kindName) applies to build \(version.build?.text ?? "?") of \(base)."
      return StateAssessment(state: .current, explanation: why, release: nil)
    }
    switch version.rsr {
    case .unknown:
      if version.hasRSRInstalled == false {
        return available(latest, shown: shown)
      }
      return StateAssessment(
        state: .unknown,
        explanation:
          "The source reports \(base) without the RSR letter, and \(latest.displayVersion) exists "
          + "for it: import a source that reports the letter (Jamf, Fleet, Kandji, MDM).",
        release: latest)
    case .none:
      return available(latest, shown: shown)
    case .letter(let letter) where letter < (latest.letter ?? "a"):
      return available(latest, shown: shown)
    case .letter:
      var text = "On \(latest.kindName) \(shown), the newest for \(base)."
      if let later = latest.supersededBy { text += " \(later) also contains its fixes." }
      return StateAssessment(state: .current, explanation: text, release: latest)
    }
  }

  private func available(_ latest: CatalogRelease, shown: String) -> StateAssessment {
    var text = "\(latest.kindName) \(latest.displayVersion) (\(latest.build?.text ?? "?"))"
    if let date = latest.released { text += ", released \(date)," }
    text += " is not installed; the device is on \(shown)."
    if let later = latest.supersededBy { text += " Updating to \(later) also includes its fixes." }
    return StateAssessment(state: .rsrAvailable, explanation: text, release: latest)
  }

  private func kind(_ base: OSVersionNumber) -> String { base.major >= 26 ? "BSI" : "RSR" }

  /// Whether the ring's removal restriction holds on this device. Per Apple's schema the key
  /// needs supervision on iOS and iPadOS, and is refused under User Enrollment everywhere.
  public static func removalStatus(
    platform: Platform, supervised: Bool?, userEnrolled: Bool, ringRemoval: PolicySetting
  ) -> RemovalStatus {
    guard ringRemoval == .block else { return .allowed }
    if userEnrolled { return .notEnforced }
    if platform == .macOS { return .blocked }
    return supervised == true ? .blocked : .notEnforced
  }
}
