import RingsideDomain

/// A stored device with its row id and the states derived for it.
public struct DeviceRecord: Sendable, Hashable {
  public let id: Int64
  public let device: Device
  public let state: DeviceState
  public let removal: RemovalStatus
  /// The ring a staged, not yet applied move will put the device in.
  public var stagedRing: String? = nil
}

/// One entry of a device's version history.
public struct HistoryEntry: Sendable, Hashable {
  public let seenAt: Int64?
  public let version: AppleOSVersion
  public let source: String
}

/// Column values of `devices` shared by the writer and the readers.
enum DeviceColumns {
  static func rsrText(_ mark: RSRMark) -> String {
    switch mark {
    case .none: "none"
    case .unknown: "unknown"
    case .letter(let c): String(c)
    }
  }

  static func mark(_ text: String?) -> RSRMark {
    switch text {
    case "none": .none
    case let s? where s.count == 1: .letter(Character(s))
    default: .unknown
    }
  }

  static func version(
    platform: Platform?, base: String?, rsr: String?, build: String?, supplemental: String?
  )
    -> AppleOSVersion
  {
    AppleOSVersion(
      platform: platform, base: base.flatMap { OSVersionNumber($0) }, rsr: mark(rsr),
      build: build.flatMap { try? AppleBuild($0) },
      supplementalBuild: supplemental.flatMap { try? AppleBuild($0) })
  }
}
