extension ReleaseCatalog {
  /// The RSR/BSI to require in a compliance policy for a platform: the baseline of the newest
  /// major that has any (see `newestRSR(for:major:)`).
  public func complianceBaseline(for platform: Platform) -> CatalogRelease? {
    newestRSR(for: platform)
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
