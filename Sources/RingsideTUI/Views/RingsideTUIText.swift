import RingsideDomain

/// Fitting text into columns and choosing the role for a state, shared by the views.
enum RingsideTUIText {
  static func width(_ text: String) -> Int { DisplayWidth.of(text) }
  static func fit(_ text: String, _ width: Int) -> String { DisplayWidth.pad(text, to: width) }
  static func right(_ text: String, _ width: Int) -> String {
    DisplayWidth.pad(text, to: width, right: true)
  }

  static func role(_ state: DeviceState) -> StyleRole {
    switch state {
    case .current: .stateCurrent
    case .rsrAvailable: .stateAvailable
    case .pulledRSR: .statePulled
    case .osUpdateFirst: .stateOSUpdateFirst
    case .rsrRemoved: .stateRemoved
    case .unknown: .stateUnknown
    }
  }

  static func role(_ removal: RemovalStatus) -> StyleRole {
    switch removal {
    case .blocked: .removalBlocked
    case .notEnforced: .removalNotEnforced
    case .removedAnyway: .warning
    case .allowed: .removalAllowed
    }
  }
}
