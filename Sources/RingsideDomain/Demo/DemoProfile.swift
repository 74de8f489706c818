/// The release situations the demo fleet draws from, weighted like a 2026 fleet.
struct DemoProfile: Sendable {
  let current: AppleOSVersion
  let previous: [AppleOSVersion]

  private static func v(
    _ platform: Platform, _ text: String, build: String, supplemental: String? = nil,
    letter: RSRMark? = nil
  ) -> AppleOSVersion {
    var version = try! AppleOSVersion.parse(text, missingLetter: .none)
    version.platform = platform
    version.build = try! AppleBuild(build)
    version.supplementalBuild = try! AppleBuild(supplemental ?? build)
    if let letter { version.rsr = letter }
    return version
  }

  private static let choices: [Platform: [(DemoProfile, Int)]] = Dictionary(
    uniqueKeysWithValues: Platform.allCases.map { ($0, weightedChoices(for: $0)) })

  static func pick(for platform: Platform, rng: inout SplitMix64) -> DemoProfile {
    rng.pick(choices[platform]!)
  }

  private static func weightedChoices(for platform: Platform) -> [(DemoProfile, Int)] {
    let p = platform
    if platform == .macOS {
      let base2631 = v(p, "26.3.1", build: "25D2128")
      let bsi = v(p, "26.3.1 (a)", build: "25D2128", supplemental: "25D771280a")
      let latest = v(p, "26.6.2", build: "25G83")
      return [
        (DemoProfile(current: latest, previous: [bsi]), 34),
        (DemoProfile(current: v(p, "26.6.1", build: "25G76"), previous: []), 8),
        (DemoProfile(current: bsi, previous: [base2631]), 10),
        (DemoProfile(current: base2631, previous: []), 6),
        (DemoProfile(current: base2631, previous: [bsi]), 3),
        (DemoProfile(current: v(p, "26.2", build: "25C56"), previous: []), 4),
        (DemoProfile(current: v(p, "15.7.9", build: "24G830"), previous: []), 14),
        (DemoProfile(current: v(p, "14.8.9", build: "23J631"), previous: []), 5),
        (
          DemoProfile(
            current: v(p, "13.4.1 (a)", build: "22F82", supplemental: "22F770820b"), previous: []),
          3
        ),
        (
          DemoProfile(
            current: v(p, "13.4.1 (c)", build: "22F82", supplemental: "22F770820d"),
            previous: [v(p, "13.4.1 (a)", build: "22F82", supplemental: "22F770820b")]), 4
        ),
        (DemoProfile(current: unknownLetter(v(p, "26.3.1", build: "25D2128")), previous: []), 5),
        (DemoProfile(current: AppleOSVersion(platform: p, base: nil), previous: []), 1),
      ]
    }
    let base2631 = v(p, "26.3.1", build: "23D8133")
    let bsi = v(p, "26.3.1 (a)", build: "23D8133", supplemental: "23D771330a")
    let latest = v(p, "26.6.1", build: "23G83")
    var choices: [(DemoProfile, Int)] = [
      (DemoProfile(current: latest, previous: [bsi]), 30),
      (DemoProfile(current: v(p, "26.6", build: "23U67"), previous: []), 6),
      (DemoProfile(current: bsi, previous: [base2631]), 12),
      (DemoProfile(current: base2631, previous: []), 7),
      (DemoProfile(current: base2631, previous: [bsi]), 3),
      (DemoProfile(current: v(p, "26.2", build: "23C55"), previous: []), 4),
      (DemoProfile(current: v(p, "18.7.10", build: "22H6374"), previous: []), 12),
      (DemoProfile(current: unknownLetter(v(p, "26.3.1", build: "23D8133")), previous: []), 5),
      (DemoProfile(current: AppleOSVersion(platform: p, base: nil), previous: []), 1),
    ]
    if platform == .iOS {
      // iPhone 8 and X stop at iOS 16 and still carry 2023 RSRs.
      choices += [
        (DemoProfile(current: v(p, "16.4.1", build: "20E252"), previous: []), 2),
        (
          DemoProfile(
            current: v(p, "16.4.1 (a)", build: "20E252", supplemental: "20E772520a"), previous: []),
          2
        ),
        (
          DemoProfile(
            current: v(p, "16.5.1 (a)", build: "20F75", supplemental: "20F770750b"),
            previous: [v(p, "16.5.1", build: "20F75")]), 2
        ),
        (
          DemoProfile(
            current: v(p, "16.5.1 (c)", build: "20F75", supplemental: "20F770750d"),
            previous: [v(p, "16.5.1 (a)", build: "20F75", supplemental: "20F770750b")]), 3
        ),
        (DemoProfile(current: v(p, "16.5.1", build: "20F75"), previous: []), 1),
      ]
    }
    return choices
  }

  /// Intune's view of a device: base version only, letter and supplemental build unknown.
  private static func unknownLetter(_ version: AppleOSVersion) -> AppleOSVersion {
    AppleOSVersion(platform: version.platform, base: version.base, rsr: .unknown, build: nil)
  }
}
