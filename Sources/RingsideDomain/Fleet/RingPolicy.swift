/// A policy value an admin can set, or leave to the device's default.
public enum PolicySetting: String, Sendable, CaseIterable, Codable, Hashable {
  case unset, allow, block

  /// unset → allow → block → unset, the order the Rings view cycles through.
  public var next: PolicySetting {
    switch self {
    case .unset: .allow
    case .allow: .block
    case .block: .unset
    }
  }

  /// The profile boolean this setting writes; nil when unset.
  public var profileValue: Bool? {
    switch self {
    case .unset: nil
    case .allow: true
    case .block: false
    }
  }
}

/// macOS `CriticalUpdateInstall`: install critical updates automatically, or leave it to the user.
public enum CriticalUpdateSetting: String, Sendable, CaseIterable, Codable, Hashable {
  case unset, on, off

  public var next: CriticalUpdateSetting {
    switch self {
    case .unset: .on
    case .on: .off
    case .off: .unset
    }
  }
}

/// Which release a ring's devices must reach to count as current: the newest of their own line
/// (Apple still ships iOS 26 beside 27), or the newest major their model runs. Ringside's own
/// verdict setting: no profile key is written for it.
public enum MajorTarget: String, Sendable, CaseIterable, Codable, Hashable {
  case unset, line, newest

  public var next: MajorTarget {
    switch self {
    case .unset: .newest
    case .newest: .line
    case .line: .unset
    }
  }

  /// Whether devices must run the newest major their model runs.
  public var requiresNewestMajor: Bool { self == .newest }
}

/// What one ring enforces: the RSR restriction keys, the OS-update deferral and, on macOS,
/// critical updates. Unset values are not written, so the device keeps its own default.
public struct RingPolicy: Sendable, Hashable, Codable {
  public static let deferralRange = 1...90

  public var rsrInstallation: PolicySetting
  public var rsrRemoval: PolicySetting
  /// Days to delay OS updates (1–90), or nil when unset.
  public private(set) var deferralDays: Int?
  public var criticalUpdateInstall: CriticalUpdateSetting
  /// The release its devices must reach to count as current.
  public var majorTarget: MajorTarget

  public init(
    rsrInstallation: PolicySetting = .unset, rsrRemoval: PolicySetting = .unset,
    deferralDays: Int? = nil, criticalUpdateInstall: CriticalUpdateSetting = .unset,
    majorTarget: MajorTarget = .unset
  ) throws(PolicyError) {
    self.rsrInstallation = rsrInstallation
    self.rsrRemoval = rsrRemoval
    self.criticalUpdateInstall = criticalUpdateInstall
    self.majorTarget = majorTarget
    try setDeferral(deferralDays)
  }

  /// A policy that sets nothing.
  public static let unset = try! RingPolicy()

  /// Sets the deferral, refusing values outside 1–90 (Apple's `enforcedSoftwareUpdateDelay` range).
  public mutating func setDeferral(_ days: Int?) throws(PolicyError) {
    if let days, !RingPolicy.deferralRange.contains(days) {
      throw PolicyError.deferralOutOfRange(days)
    }
    deferralDays = days
  }

  /// Steps the deferral by `delta` days: unset → 1 → … → 90, and back down to unset.
  public func deferral(steppedBy delta: Int) -> Int? {
    let current = deferralDays ?? 0
    let next = min(RingPolicy.deferralRange.upperBound, max(0, current + delta))
    return next == 0 ? nil : next
  }

  public var isUnset: Bool { self == .unset }

  /// "install allow, removal block, defer 7d, critical on", leaving out unset values.
  public var summary: String {
    var parts: [String] = []
    if rsrInstallation != .unset { parts.append("install \(rsrInstallation.rawValue)") }
    if rsrRemoval != .unset { parts.append("removal \(rsrRemoval.rawValue)") }
    if let deferralDays { parts.append("defer \(deferralDays)d") }
    if criticalUpdateInstall != .unset {
      parts.append("critical \(criticalUpdateInstall.rawValue)")
    }
    if majorTarget != .unset { parts.append("target \(majorTarget.rawValue) major") }
    return parts.isEmpty ? "nothing set" : parts.joined(separator: ", ")
  }
}

/// A policy value out of range, phrased with the allowed range.
public enum PolicyError: Error, Sendable, Equatable, CustomStringConvertible {
  case deferralOutOfRange(Int)
  case invalidRingName(String)

  public var description: String {
    switch self {
    case .deferralOutOfRange(let days):
      "deferral must be 1 to 90 days or unset, not \(days)"
    case .invalidRingName(let name):
      "ring name \(String(reflecting: Sanitized.text(name, limit: 40))) must be 1–32 characters of a–z, 0–9, - or _, starting with a letter"
    }
  }
}
