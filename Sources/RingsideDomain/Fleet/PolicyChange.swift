/// One of the five settings of a ring policy, named as its `policies` column.
public enum PolicyField: String, Sendable, Hashable, CaseIterable {
  case rsrInstallation = "rsr_install"
  case rsrRemoval = "rsr_removal"
  case deferralDays = "defer_days"
  case criticalUpdateInstall = "critical_updates"
  case majorTarget = "major_target"

  /// Words for a column or a message.
  public var title: String {
    switch self {
    case .rsrInstallation: "RSR/BSI installation"
    case .rsrRemoval: "RSR/BSI removal"
    case .deferralDays: "OS update deferral"
    case .criticalUpdateInstall: "macOS critical updates"
    case .majorTarget: "target major"
    }
  }

  /// The setting's current value in `policy`.
  public func value(in policy: RingPolicy) -> PolicyChange {
    switch self {
    case .rsrInstallation: .rsrInstallation(policy.rsrInstallation)
    case .rsrRemoval: .rsrRemoval(policy.rsrRemoval)
    case .deferralDays: .deferralDays(policy.deferralDays)
    case .criticalUpdateInstall: .criticalUpdateInstall(policy.criticalUpdateInstall)
    case .majorTarget: .majorTarget(policy.majorTarget)
    }
  }
}

/// A value for one policy setting, as staged and applied.
public enum PolicyChange: Sendable, Hashable {
  case rsrInstallation(PolicySetting)
  case rsrRemoval(PolicySetting)
  /// nil leaves the deferral unset; otherwise 1–90 days.
  case deferralDays(Int?)
  case criticalUpdateInstall(CriticalUpdateSetting)
  case majorTarget(MajorTarget)

  public var field: PolicyField {
    switch self {
    case .rsrInstallation: .rsrInstallation
    case .rsrRemoval: .rsrRemoval
    case .deferralDays: .deferralDays
    case .criticalUpdateInstall: .criticalUpdateInstall
    case .majorTarget: .majorTarget
    }
  }

  /// `allow`, `block`, `7`, `on`, `unset`: the stored and displayed form.
  public var text: String {
    switch self {
    case .rsrInstallation(let setting), .rsrRemoval(let setting): setting.rawValue
    case .deferralDays(let days): days.map(String.init) ?? "unset"
    case .criticalUpdateInstall(let setting): setting.rawValue
    case .majorTarget(let target): target.rawValue
    }
  }

  /// Reads the stored form back; nil for text that is not a value of `field`.
  public init?(field: PolicyField, text: String) {
    switch field {
    case .rsrInstallation:
      guard let setting = PolicySetting(rawValue: text) else { return nil }
      self = .rsrInstallation(setting)
    case .rsrRemoval:
      guard let setting = PolicySetting(rawValue: text) else { return nil }
      self = .rsrRemoval(setting)
    case .deferralDays:
      if text == "unset" {
        self = .deferralDays(nil)
      } else {
        guard let days = Int(text), RingPolicy.deferralRange.contains(days) else { return nil }
        self = .deferralDays(days)
      }
    case .criticalUpdateInstall:
      guard let setting = CriticalUpdateSetting(rawValue: text) else { return nil }
      self = .criticalUpdateInstall(setting)
    case .majorTarget:
      guard let target = MajorTarget(rawValue: text) else { return nil }
      self = .majorTarget(target)
    }
  }

  /// True when going from `old` to this value lifts a protection the devices had: RSR/BSI
  /// installation becomes blocked, a removal block becomes unset or allow, critical updates
  /// are turned off, the newest major stops being required. Judged by what the devices do: an
  /// unset key leaves Apple's default in force, which is `true` for
  /// `allowRapidSecurityResponseInstallation`, `allowRapidSecurityResponseRemoval` and
  /// `CriticalUpdateInstall` alike, so unset installs RSR/BSIs, allows their removal and
  /// installs critical updates (`unset → allow` and `on → unset` change nothing).
  public func loosens(from old: PolicyChange) -> Bool {
    guard let before = old.protects, let after = protects, old.field == field else { return false }
    return before && !after
  }

  /// Whether devices under this value have the protection the setting is about; nil for the
  /// deferral, which trades RSR/BSI speed for stability either way.
  var protects: Bool? {
    switch self {
    case .rsrInstallation(let setting): setting != .block
    case .rsrRemoval(let setting): setting == .block
    case .criticalUpdateInstall(let setting): setting != .off
    case .majorTarget(let target): target == .newest
    case .deferralDays: nil
    }
  }

  /// `policy` with this setting changed; a deferral outside 1–90 is refused.
  public func applied(to policy: RingPolicy) throws(PolicyError) -> RingPolicy {
    var out = policy
    switch self {
    case .rsrInstallation(let setting): out.rsrInstallation = setting
    case .rsrRemoval(let setting): out.rsrRemoval = setting
    case .deferralDays(let days): try out.setDeferral(days)
    case .criticalUpdateInstall(let setting): out.criticalUpdateInstall = setting
    case .majorTarget(let target): out.majorTarget = target
    }
    return out
  }
}

/// What a key in the Rings view does to a ring's staged policy.
public enum PolicyStep: Sendable, Hashable {
  /// unset → allow → block (or on → off) → unset, for every field but the deferral.
  case cycle(PolicyField)
  /// Moves the deferral by this many days within unset, 1–90.
  case deferral(by: Int)

  /// The value this step gives when the ring's staged policy is `policy`.
  public func change(from policy: RingPolicy) -> PolicyChange {
    switch self {
    case .deferral(let delta): return .deferralDays(policy.deferral(steppedBy: delta))
    case .cycle(.rsrInstallation): return .rsrInstallation(policy.rsrInstallation.next)
    case .cycle(.rsrRemoval): return .rsrRemoval(policy.rsrRemoval.next)
    case .cycle(.criticalUpdateInstall):
      return .criticalUpdateInstall(policy.criticalUpdateInstall.next)
    case .cycle(.majorTarget): return .majorTarget(policy.majorTarget.next)
    case .cycle(.deferralDays):
      return .deferralDays(policy.deferralDays == nil ? 1 : nil)
    }
  }
}
