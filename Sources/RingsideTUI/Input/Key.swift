/// A key press as the dashboard sees it, independent of the terminal library.
public enum Key: Hashable, Sendable {
  case character(Character)
  /// Ctrl plus a letter, e.g. `.control("l")` for Ctrl-L.
  case control(Character)
  case up, down, left, right, pageUp, pageDown, home, end
  case enter, escape, tab, backTab, backspace, delete
  case function(Int)

  /// How help and the footer name the key.
  public var label: String {
    switch self {
    case .character(" "): "Space"
    case .character(let c): String(c)
    case .control(let c): "Ctrl-" + c.uppercased()
    case .up: "↑"
    case .down: "↓"
    case .left: "←"
    case .right: "→"
    case .pageUp: "PgUp"
    case .pageDown: "PgDn"
    case .home: "Home"
    case .end: "End"
    case .enter: "Enter"
    case .escape: "Esc"
    case .tab: "Tab"
    case .backTab: "Shift-Tab"
    case .backspace: "Backspace"
    case .delete: "Del"
    case .function(let n): "F\(n)"
    }
  }

  /// The ASCII spelling of `label`, for terminals without UTF-8.
  public var asciiLabel: String {
    switch self {
    case .up: "Up"
    case .down: "Down"
    case .left: "Left"
    case .right: "Right"
    default: label
    }
  }

  /// Reads the names scripts and tests use: `Enter`, `Esc`, `Up`, `PgDn`, `F10`, `C-l`, `S-Tab`.
  public init?(name: String) {
    let table: [String: Key] = [
      "enter": .enter, "return": .enter, "esc": .escape, "escape": .escape, "tab": .tab,
      "s-tab": .backTab, "backtab": .backTab, "up": .up, "down": .down, "left": .left,
      "right": .right, "pgup": .pageUp, "pageup": .pageUp, "pgdn": .pageDown,
      "pagedown": .pageDown, "home": .home, "end": .end, "bs": .backspace,
      "backspace": .backspace, "del": .delete, "delete": .delete, "space": .character(" "),
      "lt": .character("<"), "gt": .character(">"),
    ]
    let lower = name.lowercased()
    if let key = table[lower] {
      self = key
    } else if lower.hasPrefix("f"), let n = Int(lower.dropFirst()), (1...24).contains(n) {
      self = .function(n)
    } else if lower.hasPrefix("c-"), lower.count == 3, let c = lower.last, c.isLetter {
      self = .control(c)
    } else {
      return nil
    }
  }
}
