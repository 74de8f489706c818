/// A horizontal run of cells that changed between two frames.
public struct ChangedRun: Sendable, Equatable {
  public let y: Int
  public let x: Int
  public let width: Int
}

extension CellGrid {
  /// The runs that differ from `previous`; every row when the sizes differ or there is no
  /// previous frame. A run never starts on the right half of a wide grapheme, and runs
  /// closer than `joinGap` cells are merged, since one cursor move costs more than a few cells.
  public func changedRuns(since previous: CellGrid?, joinGap: Int = 4) -> [ChangedRun] {
    guard let previous, previous.width == width, previous.height == height else {
      return (0..<height).map { ChangedRun(y: $0, x: 0, width: width) }
    }
    var runs: [ChangedRun] = []
    for y in 0..<height {
      var start: Int?
      var end = 0
      var x = 0
      while x < width {
        if self[x, y] != previous[x, y] {
          var from = x
          if self[from, y].isContinuation || previous[from, y].isContinuation {
            from = max(0, from - 1)
          }
          var to = x + 1
          if to < width, self[to, y].isContinuation || previous[to, y].isContinuation { to += 1 }
          if let s = start, from - end <= joinGap {
            start = s
          } else {
            if let s = start { runs.append(ChangedRun(y: y, x: s, width: end - s)) }
            start = from
          }
          end = max(end, to)
          x = to
        } else {
          x += 1
        }
      }
      if let s = start { runs.append(ChangedRun(y: y, x: s, width: end - s)) }
    }
    return runs
  }
}
