/// A stable command identifier such as `devices.sort-next`; keymaps, help and scripts use it.
public struct CommandID: RawRepresentable, Hashable, Sendable, ExpressibleByStringLiteral {
  public let rawValue: String
  public init(rawValue: String) { self.rawValue = rawValue }
  public init(stringLiteral value: String) { rawValue = value }
}

/// The group a command is listed under in help, in the order help lists the groups.
public enum HelpScope: String, Sendable, CaseIterable {
  case global, navigation, views, devices, rings, staged

  /// "Navigation", as help heads the group.
  public var title: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }
}

/// One thing the user can do: the single row that help, the footer, the `:` command line
/// and the keymap all read.
public struct Command: Sendable {
  public let id: CommandID
  public let title: String
  public let help: String
  /// The group it is listed under in help.
  public let scope: HelpScope
  /// True when it stages or writes; read-only sessions do not bind it.
  public let dangerous: Bool
  /// Names for the `:` command line (`devices`, `q`).
  public let names: [String]
  /// The argument it takes on the command line, e.g. `NAME`; nil when none.
  public let argument: String?

  public init(
    _ id: CommandID, _ title: String, help: String, scope: HelpScope, dangerous: Bool = false,
    names: [String] = [], argument: String? = nil
  ) {
    self.id = id
    self.title = title
    self.help = help
    self.scope = scope
    self.dangerous = dangerous
    self.names = names
    self.argument = argument
  }
}
