import RingsideDomain

/// Aligns rows of untrusted text into columns by display width, for human-readable output.
public struct TextTable {
  public var headers: [String]
  /// Columns whose cells are right-aligned (numbers).
  public var rightAligned: Set<Int>
  public private(set) var rows: [[String]] = []

  public init(_ headers: [String], rightAligned: Set<Int> = []) {
    self.headers = headers
    self.rightAligned = rightAligned
  }

  public mutating func add(_ cells: [String]) {
    rows.append(cells.map { Sanitized.text($0) })
  }

  public func render(indent: String = "") -> String {
    let all = [headers] + rows
    var widths = Array(repeating: 0, count: headers.count)
    for row in all {
      for (i, cell) in row.enumerated() where i < widths.count {
        widths[i] = max(widths[i], DisplayWidth.of(cell))
      }
    }
    return all.map { row in
      var line = indent
      for (i, cell) in row.enumerated() where i < widths.count {
        let last = i == widths.count - 1
        let padded = DisplayWidth.pad(cell, to: widths[i], right: rightAligned.contains(i))
        line += last && !rightAligned.contains(i) ? cell : padded
        if !last { line += "  " }
      }
      return line
    }.joined(separator: "\n")
  }
}
