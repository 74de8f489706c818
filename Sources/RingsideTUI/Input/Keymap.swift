/// Binds keys to command ids, separately from the commands themselves, so help and the
/// footer are generated from what is actually bound.
public struct Keymap: Sendable {
  /// One key bound to one command; `hint` puts it in the footer.
  public struct Binding: Sendable, Equatable {
    public let key: Key
    public let command: CommandID
    public let hint: Bool
  }

  public private(set) var bindings: [Binding]

  public init(bindings: [Binding]) { self.bindings = bindings }

  /// The command bound to `key`.
  public func command(for key: Key) -> CommandID? {
    bindings.first { $0.key == key }?.command
  }

  /// Every key bound to `command`, in binding order.
  public func keys(for command: CommandID) -> [Key] {
    bindings.filter { $0.command == command }.map(\.key)
  }

  /// The standard keys; views get their number keys. A read-only session drops every
  /// binding of a dangerous command.
  public static func standard(views: [ViewDescriptor], commands: [Command], readOnly: Bool)
    -> Keymap
  {
    func b(_ key: Key, _ id: CommandID, hint: Bool = false) -> Binding {
      Binding(key: key, command: id, hint: hint)
    }
    var list: [Binding] = [
      b(.character("?"), CommandTable.help, hint: true),
      b(.character("q"), CommandTable.quit, hint: true),
      b(.character("/"), CommandTable.filter, hint: true),
      b(.enter, CommandTable.open, hint: true),
      b(.escape, CommandTable.back, hint: true),
      b(.character(">"), CommandTable.sortNext, hint: true),
      b(.character("<"), CommandTable.sortPrevious),
      b(.character("r"), CommandTable.sortReverse, hint: true),
      b(.character(":"), CommandTable.commandLine, hint: true),
      b(.tab, CommandTable.nextView, hint: true),
      b(.backTab, CommandTable.previousView),
      b(.function(10), CommandTable.quit),
      b(.up, CommandTable.up),
      b(.character("k"), CommandTable.up),
      b(.down, CommandTable.down),
      b(.character("j"), CommandTable.down),
      b(.left, CommandTable.left),
      b(.character("h"), CommandTable.left),
      b(.right, CommandTable.right),
      b(.character("l"), CommandTable.right),
      b(.pageUp, CommandTable.pageUp),
      b(.control("b"), CommandTable.pageUp),
      b(.pageDown, CommandTable.pageDown),
      b(.control("f"), CommandTable.pageDown),
      b(.character(" "), CommandTable.pageDown),
      b(.character("g"), CommandTable.top),
      b(.home, CommandTable.top),
      b(.character("G"), CommandTable.bottom),
      b(.end, CommandTable.bottom),
      b(.character("n"), CommandTable.nextMatch),
      b(.character("N"), CommandTable.previousMatch),
      b(.control("l"), CommandTable.reload),
    ]
    for view in views where (1...9).contains(view.number) {
      list.append(b(.character(Character(String(view.number))), view.commandID))
    }
    let keymap = Keymap(bindings: list)
    return readOnly ? keymap.withoutDangerous(commands) : keymap
  }

  /// This keymap without the bindings of commands that stage or write.
  public func withoutDangerous(_ commands: [Command]) -> Keymap {
    let dangerous = Set(commands.filter(\.dangerous).map(\.id))
    return Keymap(bindings: bindings.filter { !dangerous.contains($0.command) })
  }
}
