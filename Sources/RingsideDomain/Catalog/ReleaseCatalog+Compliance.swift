extension ReleaseCatalog {
  /// The release to require in a compliance policy, and the floor the Overview's rollout
  /// counts against: the newest RSR/BSI still installable on `day` (not pulled, superseded or
  /// expired) if there is one, else the newest release of the oldest major Apple still ships
  /// (iOS 26.7.1 while 26 and 27 both get releases; macOS 15.8.1). Devices on an older line
  /// that their hardware cannot leave fall below it: a compliance policy cannot tell models.
  public func complianceBaseline(for platform: Platform, on day: String? = nil) -> CatalogRelease? {
    let day = day ?? asOf
    let family = platform.family
    let live = majors(of: family).filter { !isRetired(major: $0, family: family) }
    for major in live {
      let bsi = releases.last {
        $0.family == family && $0.isRSR && $0.isPublic && !$0.isWithdrawn
          && $0.supersededBy == nil && !$0.hasExpired(on: day) && $0.version.major == major
          && $0.devices.reaches(platform)
          && latestRelease(for: platform, major: major)?.version == $0.version
      }
      if let bsi { return bsi }
    }
    guard let oldest = live.last else { return nil }
    return osReleases(family: family, major: oldest, platform: platform, models: nil).last
  }

  /// The newest release of each line Apple still ships, oldest line first (macOS 15.8.1,
  /// 26.7.1 and 27.0.1 in late 2026): what a policy that takes ranges of versions (Intune's
  /// "Valid operating system builds") should require, since one minimum (`complianceBaseline`)
  /// lets a device on a newer line pass below that line's newest release (a Mac on 26.3.1).
  public func complianceLines(for platform: Platform) -> [CatalogRelease] {
    let family = platform.family
    return majors(of: family).filter { !isRetired(major: $0, family: family) }.reversed()
      .compactMap { osReleases(family: family, major: $0, platform: platform, models: nil).last }
  }

  /// Reads a requirement given as a version (`16.5.1 (c)`, `iOS 26.3.1 (a)`) or a build
  /// (`20F770750d`), and the platforms it concerns.
  public func requirement(_ text: String) throws(VersionParseError) -> (AppleOSVersion, [Platform])
  {
    if let build = try? AppleBuild(text) {
      for platform in [Platform.iOS, .macOS] {
        if let r = release(for: platform, build: build) {
          let version = AppleOSVersion(
            platform: platform, base: r.version, rsr: r.mark, build: r.prerequisiteBuild ?? r.build,
            supplementalBuild: r.build)
          return (version, platform.family.platforms)
        }
      }
      throw VersionParseError(
        input: text, expected: "a build the catalog knows, or a version such as \"16.5.1 (c)\"")
    }
    let version = try AppleOSVersion.parse(text, missingLetter: .none)
    if let platform = version.platform { return (version, platform.family.platforms) }
    guard let base = version.base else {
      throw VersionParseError(input: text, expected: "a version such as \"16.5.1 (c)\"")
    }
    let families = PlatformFamily.allCases.filter { family in
      releases.contains { $0.family == family && $0.version.major == base.major }
    }
    return (version, (families.isEmpty ? PlatformFamily.allCases : families).flatMap(\.platforms))
  }
}
