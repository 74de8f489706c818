extension ReleaseCatalog {
  /// The RSR/BSI to require in a compliance policy for a platform: of the newest major that
  /// has any, the releases of the latest posting day, lowest version first — so 26.3.1 (a)
  /// rather than the device-specific 26.3.2 (a) posted the same day.
  public func complianceBaseline(for platform: Platform) -> CatalogRelease? {
    guard let newest = newestRSR(for: platform) else { return nil }
    let sameDay = releases.filter {
      $0.family == platform.family && $0.isRSR && $0.isPublic && !$0.isWithdrawn
        && $0.version.major == newest.version.major && $0.released == newest.released
    }
    return sameDay.min { $0.version != $1.version ? $0.version < $1.version : $0.mark < $1.mark }
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
