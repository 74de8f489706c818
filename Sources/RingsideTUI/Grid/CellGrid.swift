import Foundation
import RingsideDomain

/// The in-memory screen every view renders into: text plus a style role per cell. The
/// terminal driver draws it; tests read it as text.
public struct CellGrid: Sendable, Equatable {
  public let width: Int
  public let height: Int
  /// Replace anything outside ASCII with `?`, for terminals whose locale is not UTF-8.
  public let asciiOnly: Bool
  public private(set) var cells: [Cell]

  public init(width: Int, height: Int, asciiOnly: Bool = false, role: StyleRole = .screen) {
    self.width = max(0, width)
    self.height = max(0, height)
    self.asciiOnly = asciiOnly
    cells = Array(repeating: Cell(" ", role: role), count: self.width * self.height)
  }

  public subscript(x: Int, y: Int) -> Cell {
    get { cells[y * width + x] }
    set { cells[y * width + x] = newValue }
  }

  /// Writes untrusted text at (x, y), sanitized and measured by display width, clipped to
  /// `limit` columns and the grid, ending in `…` where it is cut. Returns the columns used.
  @discardableResult
  public mutating func put(
    _ raw: String, x: Int, y: Int, role: StyleRole, limit: Int = .max
  ) -> Int {
    guard y >= 0, y < height, x < width else { return 0 }
    let end = min(width, limit == .max ? width : x + max(0, limit))
    var col = x
    let text = Sanitized.isClean(raw) ? raw : Sanitized.text(raw)
    for character in text {
      var glyph = String(character)
      var w = DisplayWidth.of(character)
      if w == 0 { continue }
      if asciiOnly && !character.isASCII {
        glyph = "?"
        w = 1
      }
      if col + w > end {
        if w == 2, col < end, col >= 0 { setCell(col, y, Cell(" ", role: role)) }
        // Cut text ends in an ellipsis, so a reader can tell it goes on.
        let ellipsis = Cell(asciiOnly ? "~" : "…", role: role)
        if end - 1 >= max(x, 0) {
          if cells[y * width + end - 1].isContinuation, end - 2 >= max(x, 0) {
            setCell(end - 2, y, ellipsis)
            setCell(end - 1, y, Cell(" ", role: role))
          } else {
            setCell(end - 1, y, ellipsis)
          }
        }
        col = end
        break
      }
      if col >= 0 {
        setCell(col, y, Cell(glyph, role: role))
        if w == 2 { setCell(col + 1, y, Cell("", role: role)) }
      }
      col += w
    }
    return max(0, col - max(x, 0))
  }

  /// Writes `text` padded or truncated (with `…`) to exactly `width` columns.
  public mutating func put(
    _ raw: String, x: Int, y: Int, width: Int, role: StyleRole, alignRight: Bool = false
  ) {
    let clean = Sanitized.isClean(raw) ? raw : Sanitized.text(raw)
    var text = DisplayWidth.pad(clean, to: width, right: alignRight)
    if asciiOnly { text = text.replacingOccurrences(of: "…", with: "~") }
    put(text, x: x, y: y, role: role, limit: width)
  }

  /// Fills a rectangle with spaces of one role.
  public mutating func fill(x: Int, y: Int, width w: Int, height h: Int, role: StyleRole) {
    for row in max(0, y)..<min(height, y + h) {
      for col in max(0, x)..<min(width, x + w) { setCell(col, row, Cell(" ", role: role)) }
    }
  }

  /// Restyles a span of cells without changing their text (a selection bar).
  public mutating func restyle(x: Int, y: Int, width w: Int, role: StyleRole) {
    guard y >= 0, y < height else { return }
    for col in max(0, x)..<min(width, x + w) { cells[y * width + col].role = role }
  }

  private mutating func setCell(_ x: Int, _ y: Int, _ cell: Cell) {
    guard x >= 0, x < width else { return }
    let i = y * width + x
    if cells[i].isContinuation, x > 0, !cell.isContinuation {
      cells[i - 1] = Cell(" ", role: cells[i - 1].role)
    }
    if x + 1 < width, cells[i + 1].isContinuation, !cells[i].isContinuation, !cell.isContinuation {
      cells[i + 1] = Cell(" ", role: cells[i + 1].role)
    }
    cells[i] = cell
  }

  /// One row as plain text.
  public func line(_ y: Int) -> String {
    var out = ""
    for x in 0..<width where !self[x, y].isContinuation { out += self[x, y].text }
    return out
  }

  /// The whole grid as plain text, trailing spaces kept so columns line up.
  public var text: String { (0..<height).map(line).joined(separator: "\n") }
}
