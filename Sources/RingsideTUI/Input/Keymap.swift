/// Binds keys to command ids, separately from the commands themselves, so help and the
/// footer are generated from what is actually bound.
public struct Keymap: Sendable {
  /// One key bound to one command; `hint` puts it in the footer. A binding for one view
  /// wins over a global one for the same key while that view is shown.
  public struct Binding: Sendable, Equatable {
    public let key: Key
    public let command: CommandID
    public let hint: Bool
    public let view: ViewID?

    public init(key: Key, command: CommandID, hint: Bool, view: ViewID? = nil) {
      self.key = key
      self.command = command
      self.hint = hint
      self.view = view
    }
  }

  public private(set) var bindings: [Binding]

  public init(bindings: [Binding]) { self.bindings = bindings }

  /// The global command bound to `key`.
  public func command(for key: Key) -> CommandID? {
    bindings.first { $0.key == key && $0.view == nil }?.command
  }

  /// The command `key` runs while `view` is shown: its own binding, else the global one.
  public func command(for key: Key, in view: ViewID) -> CommandID? {
    bindings.first { $0.key == key && $0.view == view }?.command ?? command(for: key)
  }

  /// Every key bound to `command`, in binding order.
  public func keys(for command: CommandID) -> [Key] {
    bindings.filter { $0.command == command }.map(\.key)
  }

  /// The bindings by which a view runs another command of its own on `key`, which is bound
  /// to `command` for every view (Space pages down, but selects in Devices): what help says
  /// beside the key.
  public func overrides(of key: Key, boundTo command: CommandID) -> [Binding] {
    guard bindings.contains(where: { $0.key == key && $0.command == command && $0.view == nil })
    else { return [] }
    return bindings.filter { $0.key == key && $0.view != nil && $0.command != command }
  }

  /// The standard keys; views get their number keys. A read-only session drops every
  /// binding of a dangerous command.
  public static func standard(views: [ViewDescriptor], commands: [Command], readOnly: Bool)
    -> Keymap
  {
    func b(_ key: Key, _ id: CommandID, hint: Bool = false, view: ViewID? = nil) -> Binding {
      Binding(key: key, command: id, hint: hint, view: view)
    }
    var list: [Binding] = [
      b(.character("i"), CommandTable.cycleInstall, hint: true, view: .rings),
      b(.character("r"), CommandTable.cycleRemoval, hint: true, view: .rings),
      b(.character("+"), CommandTable.deferMore, hint: true, view: .rings),
      b(.character("-"), CommandTable.deferLess, view: .rings),
      b(.character("c"), CommandTable.cycleCritical, hint: true, view: .rings),
      b(.character("t"), CommandTable.cycleMajorTarget, view: .rings),
      b(.character(" "), CommandTable.select, hint: true, view: .devices),
      b(.character("A"), CommandTable.selectAll, hint: true, view: .devices),
      b(.character("m"), CommandTable.move, hint: true, view: .devices),
      b(.character("y"), CommandTable.copySerial, view: .devices),
      b(.character("u"), CommandTable.drop, hint: true, view: .staged),
      b(.character("w"), CommandTable.writeAll, hint: true, view: .staged),
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
