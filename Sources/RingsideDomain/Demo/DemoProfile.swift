/// The release situations the demo fleet draws from, weighted like a fleet in late 2026, each
/// with the models that can run it: iOS 18.7.10 only on the iPhone XS/XR and iPad 7th
/// generation, iOS 16.7.x on the iPhone 8 and X, macOS 27 only on Apple silicon, macOS 13 and
/// 14 only on Macs that shipped before them.
struct DemoProfile: Sendable {
  let current: AppleOSVersion
  let previous: [AppleOSVersion]
  /// Model identifiers with weights.
  let models: [(String, Int)]

  private static func v(
    _ platform: Platform, _ text: String, build: String, supplemental: String? = nil,
    letter: RSRMark? = nil
  ) -> AppleOSVersion {
    guard var version = try? AppleOSVersion.parse(text, missingLetter: .none),
      let build = try? AppleBuild(build), let sb = try? AppleBuild(supplemental ?? build.text)
    else { preconditionFailure("demo version \(text) \(build)") }
    version.platform = platform
    version.build = build
    version.supplementalBuild = sb
    if let letter { version.rsr = letter }
    return version
  }

  private static let choices: [Platform: [(DemoProfile, Int)]] = Dictionary(
    uniqueKeysWithValues: Platform.allCases.map { ($0, weightedChoices(for: $0)) })

  static func pick(for platform: Platform, rng: inout SplitMix64) -> DemoProfile {
    rng.pick(choices[platform] ?? [])
  }

  private static let modernPhones = [
    ("iPhone18,1", 15), ("iPhone17,1", 25), ("iPhone16,2", 25), ("iPhone15,2", 20),
    ("iPhone14,7", 15),
  ]
  private static let modernPads = [("iPad16,3", 40), ("iPad14,1", 35), ("iPad13,18", 25)]
  private static let appleSilicon = [
    ("Mac16,1", 35), ("Mac15,12", 30), ("Mac14,2", 25), ("MacBookPro18,3", 10),
  ]
  private static let anyMac = appleSilicon + [("MacBookPro16,1", 15), ("iMac20,1", 8)]
  /// Macs that run macOS 13 and 14: the Mac16,1 (late 2024) shipped with 15.1, the Mac15,12
  /// (early 2024) with 14.4 (AppleDB deviceMap of each line's builds).
  private static let ventura = [
    ("Mac14,2", 25), ("MacBookPro18,3", 10), ("MacBookPro16,1", 15), ("iMac20,1", 8),
  ]
  private static let sonoma = ventura + [("Mac15,12", 30)]

  private static func weightedChoices(for platform: Platform) -> [(DemoProfile, Int)] {
    let p = platform
    func d(_ current: AppleOSVersion, _ previous: [AppleOSVersion] = [], _ models: [(String, Int)])
      -> DemoProfile
    {
      DemoProfile(current: current, previous: previous, models: models)
    }
    if platform == .macOS {
      let base2631 = v(p, "26.3.1", build: "25D2128")
      let bsi = v(p, "26.3.1 (a)", build: "25D2128", supplemental: "25D771280a")
      let m = anyMac
      return [
        (d(v(p, "27.0.1", build: "26A434"), [v(p, "26.7.1", build: "25G241")], appleSilicon), 18),
        (d(v(p, "26.7.1", build: "25G241"), [bsi], m), 26),
        (d(v(p, "26.6.2", build: "25G83"), [bsi], m), 8),
        (d(bsi, [base2631], m), 5),
        (d(base2631, [], m), 2),
        (d(base2631, [bsi], m), 3),
        (
          d(v(p, "26.3.2 (a)", build: "25D2140", supplemental: "25D771400a"), [], [("Mac17,5", 1)]),
          1
        ),
        (d(v(p, "15.8.1", build: "24H32"), [], m), 10),
        (d(v(p, "15.7.9", build: "24G830"), [], m), 4),
        (d(v(p, "14.8.9", build: "23J631"), [], sonoma), 4),
        (d(v(p, "13.4.1 (c)", build: "22F82", supplemental: "22F770820d"), [], ventura), 2),
        (d(unknownLetter(v(p, "26.7.1", build: "25G241")), [], m), 5),
        (d(unknownLetter(v(p, "26.3.1", build: "25D2128")), [], m), 2),
        (d(AppleOSVersion(platform: p, base: nil), [], m), 1),
      ]
    }
    let base2631 = v(p, "26.3.1", build: "23D8133")
    let bsi = v(p, "26.3.1 (a)", build: "23D8133", supplemental: "23D771330a")
    let modern = platform == .iOS ? modernPhones : modernPads
    let final18 = platform == .iOS ? [("iPhone11,8", 60), ("iPhone11,2", 40)] : [("iPad7,11", 1)]
    var choices: [(DemoProfile, Int)] = [
      (d(v(p, "27.0.1", build: "24A446"), [v(p, "26.7.1", build: "23H30")], modern), 20),
      (d(v(p, "26.7.1", build: "23H30"), [bsi], modern), 26),
      (d(v(p, "27.0", build: "24A437"), [], modern), 4),
      (d(v(p, "26.6.1", build: "23G83"), [bsi], modern), 8),
      (d(bsi, [base2631], modern), 5),
      (d(base2631, [], modern), 2),
      (d(base2631, [bsi], modern), 3),
      (d(unknownLetter(v(p, "26.7.1", build: "23H30")), [], modern), 5),
      (d(unknownLetter(v(p, "26.3.1", build: "23D8133")), [], modern), 2),
      (d(v(p, "18.7.10", build: "22H374"), [], final18), 5),
      (d(v(p, "18.7.7", build: "22H333"), [], final18), 1),
      (d(v(p, "18.6.2", build: "22G100"), [], modern.filter { !$0.0.hasPrefix("iPhone18") }), 2),
      (d(AppleOSVersion(platform: p, base: nil), [], modern), 1),
    ]
    if platform == .iOS {
      // The iPhone 8 and X stop at iOS 16: 16.7.16 is their newest; some still carry 2023 RSRs.
      let x = [("iPhone10,3", 50), ("iPhone10,4", 50)]
      choices += [
        (d(v(p, "16.7.16", build: "20H392"), [], x), 3),
        (
          d(
            v(p, "16.5.1 (a)", build: "20F75", supplemental: "20F770750b"),
            [v(p, "16.5.1", build: "20F75")], x), 1
        ),
        (
          d(
            v(p, "16.5.1 (c)", build: "20F75", supplemental: "20F770750d"),
            [v(p, "16.5.1 (a)", build: "20F75", supplemental: "20F770750b")], x), 1
        ),
      ]
    } else {
      choices.append((d(v(p, "17.7.11", build: "21H461"), [], [("iPad7,5", 1)]), 2))
    }
    return choices
  }

  /// Intune's view of a device: base version only, letter and supplemental build unknown.
  private static func unknownLetter(_ version: AppleOSVersion) -> AppleOSVersion {
    AppleOSVersion(platform: version.platform, base: version.base, rsr: .unknown, build: nil)
  }
}
