/// The Apple operating systems Ringside manages; iPhone and iPad share one release train.
public enum Platform: String, Sendable, CaseIterable, Codable, Hashable, Comparable {
  case iOS = "ios"
  case iPadOS = "ipados"
  case macOS = "macos"

  /// The name Apple uses, as admins see it in their MDM.
  public var displayName: String {
    switch self {
    case .iOS: "iOS"
    case .iPadOS: "iPadOS"
    case .macOS: "macOS"
    }
  }

  /// The profile family: iPhone and iPad get the same `RING-ios` profile.
  public var family: PlatformFamily { self == .macOS ? .macOS : .iOS }

  /// Reads `iOS`, `iPadOS`, `macOS`, `Mac OS X`, `OS X`, or the raw value, ignoring case.
  public init?(name: String) {
    switch name.lowercased().filter({ !$0.isWhitespace }) {
    case "ios", "iphoneos", "iphone": self = .iOS
    case "ipados", "ipad": self = .iPadOS
    case "macos", "macosx", "osx", "mac": self = .macOS
    default: return nil
    }
  }

  public static func < (lhs: Platform, rhs: Platform) -> Bool {
    allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
  }
}

/// Groups platforms that share one profile and one software-update declaration.
public enum PlatformFamily: String, Sendable, CaseIterable, Codable, Hashable {
  case iOS = "ios"
  case macOS = "macos"

  /// The platforms in this family.
  public var platforms: [Platform] { self == .macOS ? [.macOS] : [.iOS, .iPadOS] }

  /// The family's name in text: `iOS/iPadOS` or `macOS`.
  public var displayName: String { self == .macOS ? "macOS" : "iOS/iPadOS" }
}
