/// The characters for bars, rules and markers: Unicode block elements on UTF-8 terminals,
/// plain ASCII when the locale is not UTF-8.
public struct Glyphs: Sendable, Equatable {
  public let eighths: [String]
  public let full: String
  public let empty: String
  public let horizontal: String
  public let vertical: String
  public let ascending: String
  public let descending: String
  public let separator: String
  public let crumb: String
  public let cursor: String

  public static let unicode = Glyphs(
    eighths: ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"], full: "█", empty: "░", horizontal: "─",
    vertical: "│", ascending: "▲", descending: "▼", separator: "·", crumb: "›", cursor: "▌")

  public static let ascii = Glyphs(
    eighths: ["", "", "", "", "=", "=", "=", "="], full: "#", empty: ".", horizontal: "-",
    vertical: "|", ascending: "^", descending: "v", separator: "|", crumb: ">", cursor: "_")

  /// A bar of `value / maximum` over `width` columns, with eighth-cell precision.
  public func bar(_ value: Int, of maximum: Int, width: Int) -> String {
    guard maximum > 0, width > 0, value > 0 else { return "" }
    let eighthsTotal = max(1, Int((Double(value) / Double(maximum) * Double(width * 8)).rounded()))
    let fullCells = min(width, eighthsTotal / 8)
    var out = String(repeating: full, count: fullCells)
    if fullCells < width { out += eighths[eighthsTotal % 8] }
    if out.isEmpty { out = eighths.first { !$0.isEmpty } ?? full }
    return out
  }
}
