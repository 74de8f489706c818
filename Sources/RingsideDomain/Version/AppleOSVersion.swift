/// An Apple OS version as a device or an export reports it: base version, RSR/BSI letter,
/// build and supplemental build, any of which may be missing.
///
/// This is the one type every importer produces and every report compares, so that
/// `16.4.1` < `16.4.1 (a)` < `16.4.1 (c)` < `16.5` < `16.10` holds everywhere.
public struct AppleOSVersion: Sendable, Hashable, Comparable, CustomStringConvertible, Codable {
  public var platform: Platform?
  /// The base release, e.g. `16.4.1`; nil when the source reported no version.
  public var base: OSVersionNumber?
  public var rsr: RSRMark
  public var build: AppleBuild?
  /// Equals `build` when no RSR is installed.
  public var supplementalBuild: AppleBuild?

  public init(
    platform: Platform? = nil, base: OSVersionNumber?, rsr: RSRMark = .unknown,
    build: AppleBuild? = nil, supplementalBuild: AppleBuild? = nil
  ) {
    self.platform = platform
    self.base = base
    self.rsr = rsr
    self.build = build
    self.supplementalBuild = supplementalBuild
    inferMarkFromBuilds()
  }

  /// A version nothing is known about.
  public static let unreported = AppleOSVersion(base: nil)

  /// True when the builds show an RSR is installed, whether or not its letter is known.
  public var hasRSRInstalled: Bool? {
    switch rsr {
    case .letter: return true
    case .none: return false
    case .unknown:
      guard let build, let supplementalBuild else { return nil }
      return build != supplementalBuild
    }
  }

  /// `16.4.1 (a)`, `16.4.1`, or `16.4.1 (?)` when the letter is not reported.
  public var displayString: String {
    guard let base else { return "unknown" }
    switch rsr {
    case .none: return base.description
    case .letter(let c): return "\(base) (\(c))"
    case .unknown: return hasRSRInstalled == true ? "\(base) (?)" : "\(base)"
    }
  }

  public var description: String {
    var s = (platform.map { $0.displayName + " " } ?? "") + displayString
    if let supplementalBuild, supplementalBuild != build {
      s += " [\(supplementalBuild)]"
    } else if let build {
      s += " [\(build)]"
    }
    return s
  }

  /// When the builds are equal no RSR can be installed, so an unknown letter becomes none.
  mutating func inferMarkFromBuilds() {
    if rsr == .unknown, let build, let supplementalBuild, build == supplementalBuild {
      rsr = .none
    }
  }

  /// Orders by base, then RSR mark, then the remaining fields so the order is total.
  public static func < (lhs: AppleOSVersion, rhs: AppleOSVersion) -> Bool {
    switch (lhs.base, rhs.base) {
    case (nil, .some): return true
    case (.some, nil): return false
    case (let l?, let r?) where l != r: return l < r
    default: break
    }
    if lhs.rsr != rhs.rsr { return lhs.rsr < rhs.rsr }
    if lhs.platform != rhs.platform {
      return (lhs.platform.map { Platform.allCases.firstIndex(of: $0)! } ?? -1)
        < (rhs.platform.map { Platform.allCases.firstIndex(of: $0)! } ?? -1)
    }
    if lhs.build != rhs.build { return (lhs.build?.sortKey ?? "") < (rhs.build?.sortKey ?? "") }
    return (lhs.supplementalBuild?.sortKey ?? "") < (rhs.supplementalBuild?.sortKey ?? "")
  }

  /// A key that sorts like `<` on base and mark, for SQL `ORDER BY`.
  public var sortKey: String {
    guard let base else { return "" }
    let mark: String =
      switch rsr {
      case .none: "0"
      case .unknown: "1"
      case .letter(let c): "2" + String(c)
      }
    return base.sortKey + "-" + mark
  }
}
