import RingsideDomain

/// A scrollable page of text lines in which some spans are enterable numbers, each leading
/// to a set of devices. Overview and Rings lay themselves out on one, so the cursor, the
/// scrolling and Enter work the same in both.
public struct DrillCanvas: Sendable {
  /// A piece of a line: text, its role, and where it starts.
  public struct Span: Sendable {
    public let x: Int
    public let text: String
    public let role: StyleRole
  }

  /// An enterable span.
  public struct Item: Sendable {
    public let line: Int
    public let x: Int
    public let width: Int
    public let scope: DeviceScope
    /// The ring the number belongs to, where it belongs to one (the Rings view's rows).
    public let ring: String?
  }

  public private(set) var lines: [[Span]] = []
  public private(set) var items: [Item] = []

  public init() {}

  /// Starts a new empty line and returns its index.
  @discardableResult
  public mutating func newLine() -> Int {
    lines.append([])
    return lines.count - 1
  }

  /// Adds text to the last line at column `x`.
  public mutating func add(_ text: String, x: Int, role: StyleRole) {
    if lines.isEmpty { newLine() }
    lines[lines.count - 1].append(Span(x: x, text: text, role: role))
  }

  /// Adds an enterable number (or label) to the last line.
  public mutating func item(
    _ text: String, x: Int, role: StyleRole, scope: DeviceScope, ring: String? = nil
  ) {
    add(text, x: x, role: role)
    items.append(
      Item(line: lines.count - 1, x: x, width: DisplayWidth.of(text), scope: scope, ring: ring))
  }

  /// Places `other` beside this canvas starting at column `x`, line by line.
  public mutating func merge(_ other: DrillCanvas, x: Int) {
    while lines.count < other.lines.count { lines.append([]) }
    for (i, spans) in other.lines.enumerated() {
      lines[i] += spans.map { Span(x: $0.x + x, text: $0.text, role: $0.role) }
    }
    items += other.items.map {
      Item(line: $0.line, x: $0.x + x, width: $0.width, scope: $0.scope, ring: $0.ring)
    }
    items.sort { ($0.line, $0.x) < ($1.line, $1.x) }
  }

  /// Appends `other` below this canvas.
  public mutating func append(_ other: DrillCanvas) {
    let base = lines.count
    lines += other.lines
    items += other.items.map {
      Item(line: $0.line + base, x: $0.x, width: $0.width, scope: $0.scope, ring: $0.ring)
    }
  }

  /// Draws lines `scroll...` into `area`, the item at `cursor` highlighted.
  public func render(into grid: inout CellGrid, area: Rect, scroll: Int, cursor: Int?) {
    let rows = MoreBelowCue.rows(for: lines.count, from: scroll, in: area, grid: &grid)
    for row in 0..<rows {
      let index = scroll + row
      guard index < lines.count else { break }
      for span in lines[index] where span.x < area.width {
        grid.put(
          span.text, x: area.x + span.x, y: area.y + row, role: span.role,
          limit: area.width - span.x)
      }
    }
    if let cursor, items.indices.contains(cursor) {
      let item = items[cursor]
      let row = item.line - scroll
      if row >= 0, row < rows {
        grid.restyle(x: area.x + item.x, y: area.y + row, width: item.width, role: .selected)
      }
    }
  }
}
