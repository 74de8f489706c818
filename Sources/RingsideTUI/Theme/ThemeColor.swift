/// A terminal colour: the terminal's own default, or an index in the 256-colour palette
/// (0–7 basic, 8–15 bright).
public enum ThemeColor: Sendable, Hashable {
  case terminalDefault
  case index(Int)

  static let basicNames = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]

  /// Reads `default`, `red`, `bright-red` or `0`…`255`.
  public init?(name: String) {
    let lower = name.lowercased()
    if lower == "default" {
      self = .terminalDefault
    } else if let i = ThemeColor.basicNames.firstIndex(of: lower) {
      self = .index(i)
    } else if lower.hasPrefix("bright-"),
      let i = ThemeColor.basicNames.firstIndex(of: String(lower.dropFirst(7)))
    {
      self = .index(i + 8)
    } else if let n = Int(lower), (0...255).contains(n) {
      self = .index(n)
    } else {
      return nil
    }
  }

  /// The colour number for a terminal with `colors` colours (-1 is the default colour):
  /// bright colours fold to basic ones, and the 256-colour cube to the nearest basic colour.
  public func number(forTerminalColors colors: Int) -> Int {
    guard case .index(let n) = self else { return -1 }
    if n < colors { return n }
    if n < 16 { return n - 8 }
    if n >= 232 { return n >= 244 ? 7 : 0 }
    let cube = n - 16
    let (r, g, b) = (cube / 36, (cube / 6) % 6, cube % 6)
    let bits = (r >= 3 ? 1 : 0) | (g >= 3 ? 2 : 0) | (b >= 3 ? 4 : 0)
    return bits
  }
}

/// How one role looks once the palette is applied.
public struct ResolvedStyle: Sendable, Hashable {
  public var foreground: ThemeColor
  public var background: ThemeColor
  public var bold = false
  public var dim = false
  public var reverse = false
  public var underline = false

  public init(foreground: ThemeColor = .terminalDefault, background: ThemeColor = .terminalDefault)
  {
    self.foreground = foreground
    self.background = background
  }
}
