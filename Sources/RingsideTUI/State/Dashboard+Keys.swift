extension Dashboard {
  static func handleKey(_ s: inout DashboardState, _ key: Key) -> [Effect] {
    s.message = nil
    if key == .control("c") { return run(&s, CommandTable.quit, argument: nil) }
    if s.tooSmall {
      return s.keymap.command(for: key) == CommandTable.quit
        ? run(&s, CommandTable.quit, argument: nil) : []
    }
    if let prompt = s.prompt { return promptKey(&s, key, prompt) }
    if s.helpVisible { return helpKey(&s, key) }
    switch s.input {
    case .filter(let draft, let original):
      return filterKey(&s, key, draft: draft, original: original)
    case .command(let draft): return commandKey(&s, key, draft: draft)
    case .none: break
    }
    guard let id = s.keymap.command(for: key, in: s.current) else {
      if let id = s.fullKeymap.command(for: key, in: s.current), s.command(id)?.dangerous == true {
        refuse(&s)
      }
      return []
    }
    return run(&s, id, argument: nil)
  }

  static func helpKey(_ s: inout DashboardState, _ key: Key) -> [Effect] {
    let layout = HelpLayout(s)
    if s.helpSearching {
      switch key {
      case .enter: s.helpSearching = false
      case .escape:
        s.helpSearching = false
        s.helpQuery = ""
      case .backspace, .delete: s.helpQuery = String(s.helpQuery.dropLast())
      case .character(let c) where !c.isNewline && s.helpQuery.count < 60:
        s.helpQuery.append(c)
        if let row = HelpLayout(s).nextMatch(after: -1) { s.helpScroll = row }
      default: break
      }
      s.helpScroll = layout.clamp(s.helpScroll)
      return []
    }
    switch key {
    case .character("/"):
      s.helpSearching = true
      s.helpQuery = ""
      return []
    case .character("n"):
      if let row = layout.nextMatch(after: s.helpScroll) { s.helpScroll = layout.clamp(row) }
      return []
    case .character("N"):
      if let row = layout.previousMatch(before: s.helpScroll) { s.helpScroll = layout.clamp(row) }
      return []
    case .character("G"), .end:
      s.helpScroll = layout.maxScroll
      return []
    default: break
    }
    switch s.keymap.command(for: key) {
    case CommandTable.help, CommandTable.back, CommandTable.quit:
      s.helpVisible = false
      s.helpQuery = ""
    case CommandTable.down: s.helpScroll += 1
    case CommandTable.up: s.helpScroll -= 1
    case CommandTable.pageDown: s.helpScroll += max(1, layout.bodyHeight - 1)
    case CommandTable.pageUp: s.helpScroll -= max(1, layout.bodyHeight - 1)
    case CommandTable.top: s.helpScroll = 0
    default: break
    }
    s.helpScroll = layout.clamp(s.helpScroll)
    return []
  }

  /// The filter editor: the old filter starts selected (typing replaces it, an arrow keeps it),
  /// a cursor moves with ←/→, Home/End or Ctrl-A/Ctrl-E, Backspace and Delete remove around
  /// it, Ctrl-U clears, Ctrl-W removes the word before it; every change filters at once.
  static func filterKey(_ s: inout DashboardState, _ key: Key, draft: String, original: String)
    -> [Effect]
  {
    var text = Array(draft)
    var cursor = max(0, min(s.filterCursor, text.count))
    let selected = s.filterSelected
    s.filterSelected = false
    switch key {
    case .enter:
      s.input = .none
      return []
    case .escape:
      s.input = .none
      return setFilter(&s, original)
    case .backspace:
      if selected {
        text = []
        cursor = 0
      } else if cursor > 0 {
        text.remove(at: cursor - 1)
        cursor -= 1
      }
    case .delete:
      if selected {
        text = []
        cursor = 0
      } else if cursor < text.count {
        text.remove(at: cursor)
      }
    case .left: cursor = max(0, cursor - 1)
    case .right: cursor = min(text.count, cursor + 1)
    case .home, .control("a"): cursor = 0
    case .end, .control("e"): cursor = text.count
    case .control("u"):
      text = []
      cursor = 0
    case .control("w"):
      var start = cursor
      while start > 0, text[start - 1] == " " { start -= 1 }
      while start > 0, text[start - 1] != " " { start -= 1 }
      text.removeSubrange(start..<cursor)
      cursor = start
    case .character(let c):
      if selected {
        text = [c]
        cursor = 1
      } else {
        text.insert(c, at: cursor)
        cursor += 1
      }
    case .up, .down, .pageUp, .pageDown:
      s.filterSelected = selected
      return s.keymap.command(for: key).flatMap { s.currentView?.handle(&s, $0, nil) } ?? []
    default:
      s.filterSelected = selected
      return []
    }
    s.filterCursor = cursor
    s.input = .filter(draft: String(text), original: original)
    if String(text) == draft { return [] }
    return setFilter(&s, String(text))
  }

  static func setFilter(_ s: inout DashboardState, _ text: String) -> [Effect] {
    if s.current != .devices {
      s.back.removeAll()
      s.current = .devices
    }
    s.devices.detailID = nil
    s.devices.detail = nil
    guard s.devices.setFilter(text) else { return [] }
    return requery(&s, recount: true)
  }

  static func commandKey(_ s: inout DashboardState, _ key: Key, draft: String) -> [Effect] {
    var text = draft
    switch key {
    case .enter:
      s.input = .none
      return runCommandLine(&s, draft)
    case .escape:
      s.input = .none
      return []
    case .backspace, .delete:
      if text.isEmpty {
        s.input = .none
        return []
      }
      text.removeLast()
    case .control("u"):
      text = ""
    case .tab:
      text = complete(s, text)
    case .character(let c):
      text.append(c)
    default:
      return []
    }
    s.input = .command(draft: text)
    return []
  }

  /// Completes the command name typed so far when one name starts with it.
  static func complete(_ s: DashboardState, _ text: String) -> String {
    guard !text.contains(" ") else { return text }
    let names = s.commands.filter { !(s.readOnly && $0.dangerous) }.flatMap(\.names)
    let matches = names.filter { $0.hasPrefix(text) }
    if matches.count == 1 { return matches[0] + " " }
    return text
  }
}
