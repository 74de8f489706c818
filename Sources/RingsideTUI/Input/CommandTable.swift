/// Every dashboard command. Views add one `view.NAME` command each from the registry.
public enum CommandTable {
  public static let quit: CommandID = "app.quit"
  public static let help: CommandID = "app.help"
  public static let commandLine: CommandID = "app.command-line"
  public static let back: CommandID = "app.back"
  public static let reload: CommandID = "app.reload"
  public static let nextView: CommandID = "view.next"
  public static let previousView: CommandID = "view.previous"
  public static let up: CommandID = "cursor.up"
  public static let down: CommandID = "cursor.down"
  public static let left: CommandID = "cursor.left"
  public static let right: CommandID = "cursor.right"
  public static let pageUp: CommandID = "cursor.page-up"
  public static let pageDown: CommandID = "cursor.page-down"
  public static let top: CommandID = "cursor.top"
  public static let bottom: CommandID = "cursor.bottom"
  public static let open: CommandID = "item.open"
  public static let nextMatch: CommandID = "match.next"
  public static let previousMatch: CommandID = "match.previous"
  public static let filter: CommandID = "devices.filter"
  public static let sortNext: CommandID = "devices.sort-next"
  public static let sortPrevious: CommandID = "devices.sort-previous"
  public static let sortReverse: CommandID = "devices.sort-reverse"
  public static let sortBy: CommandID = "devices.sort-by"
  public static let theme: CommandID = "app.theme"
  public static let copySerial: CommandID = "devices.copy-serial"

  /// The fixed commands, before the per-view ones.
  public static let fixed: [Command] = [
    Command(
      quit, "quit", help: "Leave the dashboard and restore the terminal.", scope: .global,
      names: ["q", "quit", "q!", "quit!"]),
    Command(
      help, "help", help: "Show or hide this list of keys and commands.", scope: .global,
      names: ["help"]),
    Command(
      commandLine, "cmd", help: "Type a command: :devices, :rings, :theme mono, :sort os desc, :q.",
      scope: .global),
    Command(
      back, "back",
      help:
        "Close the device, the help or the input; back to where Enter came from; then clear the filter.",
      scope: .global, names: ["back"]),
    Command(
      reload, "reload", help: "Reload everything from the store and redraw the screen.",
      scope: .global, names: ["reload"]),
    Command(nextView, "views", help: "Switch to the next view.", scope: .global),
    Command(previousView, "previous view", help: "Switch to the previous view.", scope: .global),
    Command(
      theme, "theme", help: "Switch theme: default, high-contrast, light, mono, or a file path.",
      scope: .global, names: ["theme"], argument: "NAME"),
    Command(up, "up", help: "Move up one row or item.", scope: .navigation),
    Command(down, "down", help: "Move down one row or item.", scope: .navigation),
    Command(left, "left", help: "Move to the number on the left.", scope: .navigation),
    Command(right, "right", help: "Move to the number on the right.", scope: .navigation),
    Command(pageUp, "page up", help: "Move up one screen.", scope: .navigation),
    Command(pageDown, "page down", help: "Move down one screen.", scope: .navigation),
    Command(top, "top", help: "Go to the first row or item.", scope: .navigation, names: ["top"]),
    Command(
      bottom, "bottom", help: "Go to the last row or item.", scope: .navigation, names: ["bottom"]),
    Command(
      open, "open",
      help: "Open the devices behind the number under the cursor, or the device under the cursor.",
      scope: .navigation),
    Command(
      nextMatch, "next",
      help:
        "Next match: the next device of the filtered list (also from a device's page), the next number.",
      scope: .navigation),
    Command(
      previousMatch, "previous",
      help: "Previous match: the previous device of the filtered list, the previous number.",
      scope: .navigation),
    Command(
      filter, "filter",
      help:
        "Filter devices as you type: words, os:16.5.1 ring:test state:pulled-rsr removal:blocked platform:macos supervised:no stale:yes, -term to exclude.",
      scope: .devices, names: ["filter"], argument: "TEXT"),
    Command(sortNext, "sort", help: "Sort by the next column.", scope: .devices),
    Command(sortPrevious, "sort back", help: "Sort by the previous column.", scope: .devices),
    Command(sortReverse, "reverse", help: "Reverse the sort direction.", scope: .devices),
    Command(
      sortBy, "sort by",
      help:
        "Sort by a column (name platform os build ring supervised removal state checkin), asc or desc.",
      scope: .devices, names: ["sort"], argument: "COLUMN [asc|desc]"),
    Command(
      copySerial, "copy serial",
      help:
        "Copy the serial number of the device under the cursor or on its page to the clipboard (OSC 52 through the terminal) and show it.",
      scope: .devices, names: ["copy"]),
  ]

  /// The fixed commands plus one per registered view.
  public static func commands(views: [ViewDescriptor]) -> [Command] {
    fixed + staging
      + views.map { view in
        Command(
          view.commandID, view.title.lowercased(),
          help: "Show the \(view.title) view. \(view.summary)",
          scope: .views, names: view.names)
      }
  }
}
