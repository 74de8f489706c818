/// A device's RSR/BSI situation, always derived from its version, history and the catalog.
public enum DeviceState: String, Sendable, CaseIterable, Codable, Hashable {
  /// On the newest release its hardware gets, with its newest installable RSR/BSI.
  case current
  /// On the right base, without its newest RSR/BSI.
  case rsrAvailable = "rsr-available"
  /// On an RSR/BSI Apple pulled or replaced (16.5.1 (a)).
  case pulledRSR = "pulled-rsr"
  /// Not on the newest release its hardware gets on its line: the OS must update (the name
  /// is kept from when this meant "an RSR/BSI exists for a newer release").
  case osUpdateFirst = "os-update-first"
  /// Had a letter on this base and is back on the base.
  case rsrRemoved = "rsr-removed"
  /// No version, the letter is not reported where it decides the state, or the catalog knows no
  /// release for the device: its model and major cannot both be right (an iPhone XS on iOS 26),
  /// or no release runs on its hardware (past Apple's support, or unknown to the catalog).
  case unknown

  /// The states that need an action, as `check` counts them and `state:pending` finds them.
  public static let pending: [DeviceState] = [
    .rsrAvailable, .pulledRSR, .osUpdateFirst, .rsrRemoved,
  ]

  /// Words for a column or a legend.
  public var title: String {
    switch self {
    case .current: "current"
    case .rsrAvailable: "RSR available"
    case .pulledRSR: "on pulled RSR"
    case .osUpdateFirst: "OS update"
    case .rsrRemoved: "RSR removed"
    case .unknown: "unknown"
    }
  }
}

/// Whether the ring's "block removal" restriction actually holds on this device.
public enum RemovalStatus: String, Sendable, CaseIterable, Codable, Hashable {
  case blocked
  case allowed
  /// The ring blocks removal but the device cannot enforce it (unsupervised iPhone or iPad,
  /// User Enrollment, or supervision not reported; from OS 27 any unsupervised device).
  case notEnforced = "not-enforced"
  /// The ring blocks removal and the device could enforce it, yet its history shows its
  /// RSR/BSI was removed: the restriction did not reach it, or came too late.
  case removedAnyway = "removed-anyway"

  /// `not_enforced`, the JSON key form.
  public var jsonKey: String { rawValue.replacingAll("-", with: "_") }
}
