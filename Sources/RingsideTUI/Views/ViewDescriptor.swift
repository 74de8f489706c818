/// A view's stable name, e.g. `devices`; a struct, so views added later need no enum change.
public struct ViewID: RawRepresentable, Hashable, Sendable, ExpressibleByStringLiteral {
  public let rawValue: String
  public init(rawValue: String) { self.rawValue = rawValue }
  public init(stringLiteral value: String) { rawValue = value }

  public static let overview: ViewID = "overview"
  public static let devices: ViewID = "devices"
  public static let rings: ViewID = "rings"
  public static let staged: ViewID = "staged"
  public static let audit: ViewID = "audit"
}

/// A rectangle of the screen given to a view.
public struct Rect: Sendable, Equatable {
  public var x: Int
  public var y: Int
  public var width: Int
  public var height: Int

  public init(x: Int, y: Int, width: Int, height: Int) {
    self.x = x
    self.y = y
    self.width = max(0, width)
    self.height = max(0, height)
  }
}

/// Everything the dashboard needs to know about one view: its number and names, how it
/// draws, how it handles commands, and what it loads when shown. Registered in `ViewRegistry`.
public struct ViewDescriptor: Sendable {
  public let id: ViewID
  public let title: String
  /// One line for help.
  public let summary: String
  /// The number key that shows it (1–9).
  public let number: Int
  /// Its `:` command-line names.
  public let names: [String]
  /// Commands shown in the footer while this view is active, after the global ones.
  public let hints: [CommandID]
  /// Draws the view's content into `area`.
  public let render: @Sendable (DashboardState, Rect, inout CellGrid) -> Void
  /// Handles a command; nil when the view does not know it.
  public let handle: @Sendable (inout DashboardState, CommandID, String?) -> [Effect]?
  /// The loads to run when the view is shown or the store changed.
  public let refresh: @Sendable (inout DashboardState) -> [Effect]

  public init(
    id: ViewID, title: String, summary: String, number: Int, names: [String], hints: [CommandID],
    render: @escaping @Sendable (DashboardState, Rect, inout CellGrid) -> Void,
    handle: @escaping @Sendable (inout DashboardState, CommandID, String?) -> [Effect]?,
    refresh: @escaping @Sendable (inout DashboardState) -> [Effect]
  ) {
    self.id = id
    self.title = title
    self.summary = summary
    self.number = number
    self.names = names
    self.hints = hints
    self.render = render
    self.handle = handle
    self.refresh = refresh
  }

  /// `view.devices`.
  public var commandID: CommandID { CommandID(rawValue: "view." + id.rawValue) }
}
