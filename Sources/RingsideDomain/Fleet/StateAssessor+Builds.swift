/// What the build a device reports says beside its version: the catalog knows it as another
/// release (the source contradicts itself), or it is a beta seed the public catalog's rules do
/// not cover.
extension StateAssessor {
  /// The verdict for a device whose build the catalog knows as another release than the
  /// version it reports (Jamf's osBuild 23G83, which is 26.6.1, beside osVersion 26.7.1), or
  /// whose supplemental build is an RSR/BSI of another release: the source contradicts itself,
  /// so the device is not judged. nil when the builds agree with the version or are unknown.
  func contradiction(platform: Platform, version: AppleOSVersion, base: OSVersionNumber)
    -> StateAssessment?
  {
    if let letter = version.rsr.letter, let build = version.build,
      version.supplementalBuild == build
    {
      return StateAssessment(
        state: .unknown,
        explanation:
          "It reports \(platform.displayName) \(base) (\(letter)), but its build and supplemental "
          + "build are both \(build), which says no RSR/BSI is installed: the source contradicts "
          + "itself, so the device is not judged.",
        release: nil,
        action: "Check the OS version and builds the MDM reports for it.")
    }
    let reported = [version.build, version.supplementalBuild].compactMap { $0 }
    for build in reported {
      guard let release = catalog.release(for: platform, build: build),
        release.version != base
      else { continue }
      return StateAssessment(
        state: .unknown,
        explanation:
          "It reports \(platform.displayName) \(base) with build \(build), which is "
          + "\(release.displayVersion)'s: the source contradicts itself, so the device is not "
          + "judged.",
        release: nil,
        action: "Check the OS version and build the MDM reports for it.")
    }
    return nil
  }

  /// A sentence for a device on a beta seed (a build the catalog lists as beta, or one shaped
  /// like a seed: four digits and a lowercase letter after the train, `24B5040e`), judged
  /// against the public releases like any device; nil otherwise.
  func betaNote(platform: Platform, version: AppleOSVersion) -> String? {
    guard let build = version.supplementalBuild ?? version.build else { return nil }
    if let release = catalog.betaRelease(for: platform, build: build) {
      return "Build \(build) is a beta seed of \(release.displayVersion): it leaves the beta "
        + "program by installing the public release named here."
    }
    guard catalog.release(for: platform, build: build) == nil, Self.looksLikeSeed(build.text)
    else { return nil }
    return "Build \(build) looks like a beta seed (the catalog does not know it): it leaves the "
      + "beta program by installing the public release named here."
  }

  /// Two digits, an uppercase train letter, four digits and one lowercase letter: Apple's seed
  /// builds (`24B5040e`, `23D5089e`), unlike releases (`23H30`) and RSR/BSIs (`23D771330a`).
  static func looksLikeSeed(_ build: String) -> Bool {
    build.wholeMatch(of: /[0-9]{2}[A-Z][0-9]{4}[a-z]/) != nil
  }
}
