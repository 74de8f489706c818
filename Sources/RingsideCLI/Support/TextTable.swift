import RingsideDomain

/// Aligns rows of untrusted text into columns by display width, for human-readable output.
public struct TextTable {
  public var headers: [String]
  /// Columns whose cells are right-aligned (numbers).
  public var rightAligned: Set<Int>
  /// Columns never cut to fit a width (versions, builds, dates).
  public var uncut: Set<Int> = []
  public private(set) var rows: [[String]] = []
  /// Below this many columns a wrapping last column puts its text under its row instead.
  static let narrowestWrap = 16

  public init(_ headers: [String], rightAligned: Set<Int> = []) {
    self.headers = headers
    self.rightAligned = rightAligned
  }

  public mutating func add(_ cells: [String]) {
    rows.append(cells.map { Sanitized.text($0) })
  }

  /// The table as lines. Wider than `width` columns, the widest columns are cut (with `…`)
  /// until it fits: a text column down to its header's width, or its cells' where the header
  /// is the wider (a long header is cut before the values under it, "Minimum OS build
  /// version" over `23H30`); numbers (`rightAligned`) and `uncut` columns never. A last column
  /// of text wraps onto lines of its own rather than losing its end.
  public func render(indent: String = "", width: Int = .max) -> String {
    let all = [headers] + rows
    var cells = Array(repeating: 0, count: headers.count)
    for row in rows {
      for (i, cell) in row.enumerated() where i < cells.count {
        cells[i] = max(cells[i], DisplayWidth.of(cell))
      }
    }
    var widths = headers.indices.map { max(DisplayWidth.of(headers[$0]), cells[$0]) }
    let floor = headers.indices.map {
      uncut.contains($0) || rightAligned.contains($0)
        ? widths[$0] : max(4, min(DisplayWidth.of(headers[$0]), max(cells[$0], 1)))
    }
    func total() -> Int {
      DisplayWidth.of(indent) + widths.reduce(0, +) + 2 * max(0, widths.count - 1)
    }
    while total() > width {
      guard
        let widest = widths.indices.filter({ widths[$0] > floor[$0] }).max(by: {
          widths[$0] < widths[$1]
        })
      else { break }
      widths[widest] -= 1
    }
    // The last column, when it is text, wraps under itself instead of being cut: a status, a
    // policy or an audit entry's detail is read to its end.
    let lastColumn = widths.count - 1
    let wraps = lastColumn >= 0 && !rightAligned.contains(lastColumn) && !uncut.contains(lastColumn)
    let lastStart =
      DisplayWidth.of(indent) + widths.dropLast().reduce(0, +) + 2 * max(0, widths.count - 1)
    return all.map { row in
      var line = indent
      var more: [String] = []
      for (i, cell) in row.enumerated() where i < widths.count {
        let last = i == lastColumn
        if last, wraps, DisplayWidth.of(cell) > widths[i], cell.contains(" ") {
          // Too narrow a column for prose: the text goes under its row, indented, instead.
          let under = widths[i] < Self.narrowestWrap && width < .max
          let room =
            under ? max(Self.narrowestWrap, width - DisplayWidth.of(indent) - 4) : widths[i]
          let start = under ? DisplayWidth.of(indent) + 4 : lastStart
          // A word longer than the room (a file path in the audit's detail) is broken across
          // lines, not cut: the part cut off was what told the files apart.
          let parts = DisplayWidth.wrap(cell, width: room).flatMap { Self.broken($0, width: room) }
          if under {
            while line.hasSuffix(" ") { line.removeLast() }
          } else {
            line += parts[0]
          }
          more = parts.dropFirst(under ? 0 : 1).map { String(repeating: " ", count: start) + $0 }
          continue
        }
        let fitted = DisplayWidth.truncate(cell, to: widths[i])
        let padded = DisplayWidth.pad(fitted, to: widths[i], right: rightAligned.contains(i))
        line += last && !rightAligned.contains(i) ? fitted : padded
        if !last { line += "  " }
      }
      return ([line] + more).joined(separator: "\n")
    }.joined(separator: "\n")
  }
}

extension TextTable {
  /// `line` in pieces of at most `width` display columns, broken between characters.
  static func broken(_ line: String, width: Int) -> [String] {
    guard DisplayWidth.of(line) > width, width > 0 else { return [line] }
    var pieces: [String] = []
    var piece = ""
    var used = 0
    for character in line {
      let w = DisplayWidth.of(String(character))
      if used + w > width, !piece.isEmpty {
        pieces.append(piece)
        piece = ""
        used = 0
      }
      piece.append(character)
      used += w
    }
    if !piece.isEmpty { pieces.append(piece) }
    return pieces
  }
}

/// Wraps prose at spaces to fit `width` columns, continuation lines indented by `indent`;
/// unchanged at `.max` (`--wide`).
public func wrapText(_ text: String, width: Int, indent: String = "") -> String {
  guard width < .max else { return text }
  return DisplayWidth.wrap(text, width: width, indent: indent).joined(separator: "\n")
}
