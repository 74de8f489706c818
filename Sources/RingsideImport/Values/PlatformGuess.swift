import RingsideDomain

/// Decides iOS, iPadOS or macOS from what a source reports and the model, because iPads
/// often report `iOS` (and Intune says `iOS/iPadOS` for both).
public enum PlatformGuess {
  /// What a record's platform turned out to be.
  public enum Outcome: Sendable, Equatable {
    case apple(Platform)
    /// Windows, Android, Linux...: not managed by Ringside, skipped rather than rejected.
    case notApple(String)
    case unknown
  }

  /// The model wins when it names the hardware; otherwise the reported OS decides.
  public static func decide(reported: String?, model: String?) -> Outcome {
    if let model, let other = otherAppleOS(model: model) { return .notApple(other) }
    if let model, let fromModel = platform(model: model) {
      if let reported, isForeign(reported) { return .notApple(reported) }
      return .apple(fromModel)
    }
    guard let reported = reported?.trimmed, !reported.isEmpty else { return .unknown }
    let word = reported.lowercased()
    switch word {
    case "ios/ipados", "ios", "iphone", "iphoneos", "ipod": return .apple(.iOS)
    case "ipados", "ipad": return .apple(.iPadOS)
    case "macos", "mac", "darwin", "mac os x", "os x", "macmdm": return .apple(.macOS)
    default:
      if let p = Platform(name: reported) { return .apple(p) }
      if word.hasPrefix("macos") || word.hasPrefix("mac os") { return .apple(.macOS) }
      if word.hasPrefix("ipados") { return .apple(.iPadOS) }
      if word.hasPrefix("ios") { return .apple(.iOS) }
      return isForeign(reported) ? .notApple(reported) : .unknown
    }
  }

  /// iPad, iPhone or Mac from a model name (`iPad (10th generation)`) or identifier (`iPad13,16`).
  public static func platform(model: String) -> Platform? {
    let m = model.trimmed.lowercased()
    if m.hasPrefix("ipad") { return .iPadOS }
    if m.hasPrefix("iphone") || m.hasPrefix("ipod") { return .iOS }
    if m.hasPrefix("mac") || m.hasPrefix("imac") || m.hasPrefix("virtualmac") { return .macOS }
    return nil
  }

  /// tvOS, watchOS or visionOS for an Apple TV, Watch or Vision Pro model name or identifier
  /// (`AppleTV14,1`, `Apple TV 4K`, `Watch6,1`, `RealityDevice14,1`): Apple devices Ringside
  /// does not manage, skipped like other platforms.
  public static func otherAppleOS(model: String) -> String? {
    let m = model.trimmed.lowercased()
    if m.hasPrefix("appletv") || m.hasPrefix("apple tv") { return "tvOS" }
    if m.hasPrefix("watch") || m.hasPrefix("apple watch") { return "watchOS" }
    if m.hasPrefix("realitydevice") || m.hasPrefix("apple vision") || m.hasPrefix("applevision") {
      return "visionOS"
    }
    return nil
  }

  private static func isForeign(_ reported: String) -> Bool {
    let w = reported.lowercased()
    if otherAppleOS(model: reported) != nil { return true }
    return [
      "windows", "android", "linux", "chrome", "ubuntu", "centos", "debian", "rhel", "tvos",
      "watchos", "visionos", "holographic", "xros",
    ]
    .contains { w.contains($0) }
  }
}
