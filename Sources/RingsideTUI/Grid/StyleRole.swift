/// A semantic style: views say what a cell is (a header, a selected row, a pulled RSR), and
/// the theme decides how that looks. The raw value is the name theme files use.
public enum StyleRole: String, Sendable, CaseIterable, Hashable {
  case screen
  case headerBar = "header.bar"
  case headerTitle = "header.title"
  case headerTab = "header.tab"
  case headerTabActive = "header.tab.active"
  case statusBar = "status.bar"
  case footerBar = "footer.bar"
  case footerKey = "footer.key"
  case sectionTitle = "section.title"
  case label
  case dim
  case number
  case selected
  case tableHeader = "table.header"
  case tableHeaderSorted = "table.header.sorted"
  case tableRow = "table.row"
  case tableSelected = "table.selected"
  case barFill = "bar.fill"
  case barEmpty = "bar.empty"
  case progressFill = "progress.fill"
  case stateCurrent = "state.current"
  case stateAvailable = "state.rsr-available"
  case statePulled = "state.pulled-rsr"
  case stateOSUpdateFirst = "state.os-update-first"
  case stateRemoved = "state.rsr-removed"
  case stateUnknown = "state.unknown"
  case removalBlocked = "removal.blocked"
  case removalNotEnforced = "removal.not-enforced"
  case removalAllowed = "removal.allowed"
  case stale
  case warning
  case error
  case inputPrompt = "input.prompt"
  case inputText = "input.text"
  case overlay
  case overlayTitle = "overlay.title"
  case overlayKey = "overlay.key"

  /// A compact index for the grid and the driver's colour pairs.
  public var index: Int { StyleRole.indexByRole[self]! }

  private static let indexByRole: [StyleRole: Int] = Dictionary(
    uniqueKeysWithValues: allCases.enumerated().map { ($1, $0) })
}
