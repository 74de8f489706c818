/// The release a device should run: the newest of its line, as far as its hardware goes.
extension ReleaseCatalog {
  /// Public OS releases of one major that reach a device of this model, oldest first. A
  /// release whose scope cannot tell for this model (a marketing name) counts as reaching it.
  func osReleases(
    family: PlatformFamily, major: Int, platform: Platform, model: String?
  ) -> [CatalogRelease] {
    (osReleasesByMajor[family]?[major] ?? []).filter {
      $0.devices.includes(model: model, platform: platform) != false
    }
  }

  /// The majors of a platform family that have public OS releases, newest first.
  func majors(of family: PlatformFamily) -> [Int] {
    (osReleasesByMajor[family]?.keys).map { $0.sorted(by: >) } ?? []
  }

  /// Whether Apple still ships releases of `major` to this device: the newest release of the
  /// major reaches its model, and no newer major came out after it (Apple ends a line when a
  /// new major ships without an update for it). iOS 18.7.10 lists only the iPhone XS and XR, so
  /// an iPhone 15 left on iOS 18 is off its line; macOS 15.8.1 shipped after 27.0, macOS 14's
  /// last release before it.
  public func stillShips(major: Int, to platform: Platform, model: String?) -> Bool {
    guard let newest = osReleasesByMajor[platform.family]?[major]?.last,
      newest.devices.includes(model: model, platform: platform) != false
    else { return false }
    return !isRetired(major: major, family: platform.family)
  }

  /// True when a newer major's first release came after this major's newest release.
  public func isRetired(major: Int, family: PlatformFamily) -> Bool {
    guard let last = osReleasesByMajor[family]?[major]?.last?.released else { return false }
    for newer in majors(of: family) where newer > major {
      if let first = osReleasesByMajor[family]?[newer]?.first?.released, first > last {
        return true
      }
    }
    return false
  }

  /// The release a device on `base` should run: the newest release of its own major while
  /// Apple still ships that major to its model, else the newest release of the newest major
  /// its model runs. With `requireNewestMajor` (a ring's choice), always the newest major.
  public func targetRelease(
    platform: Platform, model: String?, base: OSVersionNumber, requireNewestMajor: Bool = false
  ) -> CatalogRelease? {
    let family = platform.family
    if !requireNewestMajor, stillShips(major: base.major, to: platform, model: model) {
      return osReleases(family: family, major: base.major, platform: platform, model: model).last
    }
    for major in majors(of: family) {
      if !requireNewestMajor, major < base.major { break }

      if let newest = osReleases(family: family, major: major, platform: platform, model: model)
        .last
      {
        return newest
      }
    }
    // Off its line and no newer major reaches the model: the newest it has ever been offered.
    return osReleases(family: family, major: base.major, platform: platform, model: model).last
  }

  /// The RSR/BSIs a device on `base` (build `build`, model `model`) can install on `day`: public,
  /// not pulled or replaced, for its build and hardware, and still signed.
  public func installableRSRs(
    platform: Platform, model: String?, base: OSVersionNumber, build: AppleBuild?, on day: String
  ) -> [CatalogRelease] {
    rsrs(for: platform, base: base).filter {
      !$0.isWithdrawn && $0.applies(toBuild: build) && !$0.hasExpired(on: day)
        && $0.devices.includes(model: model, platform: platform) != false
    }
  }

  /// Why an RSR/BSI of `base` cannot be installed any more, in words, or nil if it can.
  public func whyNotInstallable(
    _ rsr: CatalogRelease, platform: Platform, model: String?, on day: String
  ) -> String? {
    var reasons: [String] = []
    if rsr.devices.includes(model: model, platform: platform) == false {
      reasons.append("it is only for \(rsr.devices.summary)")
    }
    if let later = rsr.supersededBy {
      let date = osReleasesByMajor[rsr.family]?[later.major]?.first { $0.version == later }?
        .released
      reasons.append("\(later) replaced it" + (date.map { " on \($0)" } ?? ""))
    }
    if let expires = rsr.expires, rsr.hasExpired(on: day) {
      reasons.append("Apple stopped signing it after \(expires)")
    }
    return reasons.isEmpty ? nil : reasons.joined(separator: ", and ")
  }
}

extension HardwareScope {
  /// A short description for sentences: "Mac17,5", "Macs with Apple silicon", "95 models".
  public var summary: String {
    if appleSiliconOnly { return "Macs with Apple silicon" }
    guard let models else { return "every model" }
    if models.count <= 3 { return models.sorted().joined(separator: ", ") }
    return "\(models.count) models"
  }
}
