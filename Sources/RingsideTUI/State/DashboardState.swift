import Foundation
import RingsideDomain

/// What the user is typing into the bottom line.
public enum InputMode: Sendable, Equatable {
  case none
  /// `/` filter: the text so far and the filter before editing began (restored by Esc).
  case filter(draft: String, original: String)
  /// `:` command line.
  case command(draft: String)
}

/// A one-line message in the footer until the next key.
public struct StatusMessage: Sendable, Equatable {
  public let text: String
  public let isError: Bool
}

/// Where Esc goes back to after Enter opened devices from Overview or Rings.
public struct BackEntry: Sendable, Equatable {
  public let view: ViewID
  public let devices: DevicesModel
}

/// The whole dashboard at one moment. `Dashboard.update` is the only thing that changes it,
/// and views only read it.
public struct DashboardState: Sendable {
  public let views: [ViewDescriptor]
  public let commands: [Command]
  public let keymap: Keymap
  /// Every binding, also those a viewer lacks, to explain a refused key.
  public let fullKeymap: Keymap
  /// The session's role; a viewer has no staging commands.
  public let access: Access
  public var width: Int
  public var height: Int
  public var current: ViewID
  public var back: [BackEntry] = []
  public var overview = DrillModel()
  public var rings = DrillModel()
  public var devices = DevicesModel()
  public var snapshot: FleetSnapshot?
  /// What is staged, with the files a write would change.
  public var staging: StagingInfo?
  public var staged = StagedModel()
  public var audit = AuditModel()
  /// A question or a list waiting for an answer.
  public var prompt: Prompt?
  /// The release catalog of the store, for version labels.
  public var catalog: ReleaseCatalog?
  public var input: InputMode = .none
  public var helpVisible = false
  public var helpScroll = 0
  /// The help overlay's search: the text typed after `/`, and whether it is still being typed.
  public var helpQuery = ""
  public var helpSearching = false
  /// Where the filter editor's cursor is in the draft (characters from the start), and whether
  /// the old filter is still selected, so that typing replaces it.
  public var filterCursor = 0
  public var filterSelected = false
  public var message: StatusMessage?
  /// While the store's connection is lost and being reopened: what the footer says when no
  /// message is shown.
  public var connectionLost: String?
  /// True when the terminal may be asked to set the clipboard (`y` copies a serial there).
  public var canSetClipboard = false
  public var themeName: String
  public var glyphs: Glyphs
  /// Where the store is, for the status line.
  public var storeLabel: String
  /// True for `--demo`: a temporary store whose profiles go to a temporary folder; the status
  /// line says `demo` at every width, in place of the store's label.
  public var demo = false
  public var readOnly: Bool
  public var now: Date
  public var lastRefresh: Date?
  public var dataVersion: Int64?
  /// Bumped each time another process changed the store; queries carry it.
  public var dataGeneration = 0
  public var quitting = false
  /// The pages as laid out for this state (see `ViewLayout`); only `Dashboard.update` sets it.
  public internal(set) var layout = ViewLayout()

  public init(
    width: Int, height: Int, storeLabel: String, readOnly: Bool, themeName: String,
    asciiOnly: Bool, now: Date, access: Access? = nil,
    views: [ViewDescriptor] = ViewRegistry.standard
  ) {
    let access =
      access
      ?? (readOnly
        ? Access(role: .viewer, refusal: "read-only: this session was started with --read-only")
        : Access(role: .admin, refusal: nil))
    let readOnly = readOnly || !access.canWrite
    self.access = access
    self.views = views
    commands = CommandTable.commands(views: views)
    fullKeymap = Keymap.standard(views: views, commands: commands, readOnly: false)
    keymap = readOnly ? fullKeymap.withoutDangerous(commands) : fullKeymap
    self.width = width
    self.height = height
    current = views.first?.id ?? .overview
    self.storeLabel = storeLabel
    self.readOnly = readOnly
    self.themeName = themeName
    glyphs = asciiOnly ? .ascii : .unicode
    self.now = now
  }

  /// The descriptor of the view on screen.
  public var currentView: ViewDescriptor? { views.first { $0.id == current } }

  /// The command with this id.
  public func command(_ id: CommandID) -> Command? { commands.first { $0.id == id } }

  /// True when the terminal is below the smallest size the dashboard draws in.
  public var tooSmall: Bool { width < Layout.minWidth || height < Layout.minHeight }

  /// The rows between the header and the status line.
  public var contentArea: Rect { Rect(x: 0, y: 1, width: width, height: height - 3) }
}

/// Fixed parts of the screen.
public enum Layout {
  public static let minWidth = 60
  public static let minHeight = 12
}

extension DashboardState {
  /// "3 selected", "all matching selected", or nil.
  public var selectionText: String? {
    if devices.allMatching {
      return "all \(devices.total.map { $0.grouped + " " } ?? "")matching selected"
    }
    return devices.selection.isEmpty ? nil : "\(devices.selection.count) selected"
  }
}
