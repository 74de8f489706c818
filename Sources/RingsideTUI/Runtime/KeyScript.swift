/// Keys for a headless run, read from a script: text is typed as is, `<Name>` is a special
/// key (`<Enter>`, `<Esc>`, `<Down>`, `<PgDn>`, `<F10>`, `<C-l>`, `<S-Tab>`, `<lt>` for `<`),
/// `<resize 100x30>` resizes, and a line starting with `#` is a comment. Line ends type nothing.
public enum KeyScript {
  public static func parse(_ text: String) throws(KeyScriptError) -> [InputEvent] {
    var events: [InputEvent] = []
    for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
    {
      if line.hasPrefix("#") { continue }
      var rest = Substring(line)
      while let c = rest.first {
        if c == "<", let close = rest.firstIndex(of: ">"),
          close > rest.index(after: rest.startIndex)
        {
          let name = String(rest[rest.index(after: rest.startIndex)..<close])
          events.append(try special(name, line: number + 1))
          rest = rest[rest.index(after: close)...]
        } else {
          events.append(.key(.character(c)))
          rest = rest.dropFirst()
        }
      }
    }
    return events
  }

  private static func special(_ name: String, line: Int) throws(KeyScriptError) -> InputEvent {
    let words = name.split(separator: " ")
    if words.first?.lowercased() == "resize", words.count == 2 {
      let parts = words[1].split(separator: "x").compactMap { Int($0) }
      guard parts.count == 2, parts.allSatisfy({ (1...1000).contains($0) }) else {
        throw KeyScriptError(line: line, message: "resize takes WIDTHxHEIGHT, e.g. <resize 100x30>")
      }
      return .resize(width: parts[0], height: parts[1])
    }
    guard let key = Key(name: name) else {
      throw KeyScriptError(
        line: line,
        message:
          "unknown key <\(name)>: use Enter, Esc, Tab, S-Tab, Up, Down, PgUp, PgDn, Home, End, BS, F1-F24, C-a..C-z, lt, gt, Space"
      )
    }
    return .key(key)
  }
}

/// A key script line that cannot be read.
public struct KeyScriptError: Error, Sendable, CustomStringConvertible {
  public let line: Int
  public let message: String
  public var description: String { "line \(line): \(message)" }
}

/// A terminal that plays scripted input and remembers the last frame: `--script --dump-screen`
/// and the snapshot tests run the real dashboard on it.
public final class HeadlessTerminal: TerminalIO {
  public private(set) var width: Int
  public private(set) var height: Int
  public let asciiOnly: Bool
  private var input: [InputEvent]
  public private(set) var lastFrame: CellGrid?
  public private(set) var theme: Theme?
  public let canSetClipboard: Bool
  /// What `setClipboard` was asked to copy, in order.
  public private(set) var clipboard: [String] = []

  public init(
    width: Int, height: Int, input: [InputEvent], asciiOnly: Bool = false,
    canSetClipboard: Bool = false
  ) {
    self.width = width
    self.height = height
    self.input = input
    self.asciiOnly = asciiOnly
    self.canSetClipboard = canSetClipboard
  }

  public func setClipboard(_ text: String) { clipboard.append(text) }

  public func read(timeoutMS: Int) -> InputEvent {
    guard !input.isEmpty else { return .end }
    let next = input.removeFirst()
    if case .resize(let w, let h) = next {
      width = w
      height = h
    }
    return next
  }

  public func draw(_ grid: CellGrid) { lastFrame = grid }
  public func apply(_ theme: Theme) { self.theme = theme }
}
