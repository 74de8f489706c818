/// A device's RSR/BSI situation, always derived from its version, history and the catalog.
public enum DeviceState: String, Sendable, CaseIterable, Codable, Hashable {
  /// On the newest RSR/BSI that applies to it, or none applies.
  case current
  /// On the right base, without its newest RSR/BSI.
  case rsrAvailable = "rsr-available"
  /// On an RSR/BSI Apple pulled or replaced (16.5.1 (a)).
  case pulledRSR = "pulled-rsr"
  /// An RSR/BSI exists for a newer release of its major: the OS must update first.
  case osUpdateFirst = "os-update-first"
  /// Had a letter on this base and is back on the base.
  case rsrRemoved = "rsr-removed"
  /// No version, or the letter is not reported where it decides the state.
  case unknown

  /// Words for a column or a legend.
  public var title: String {
    switch self {
    case .current: "current"
    case .rsrAvailable: "RSR available"
    case .pulledRSR: "on pulled RSR"
    case .osUpdateFirst: "OS update first"
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
  /// User Enrollment, or supervision not reported).
  case notEnforced = "not-enforced"

  /// `not_enforced`, the JSON key form.
  public var jsonKey: String { rawValue.replacingAll("-", with: "_") }
}
