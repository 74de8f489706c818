/// The line-by-line difference between two texts (Myers' O(ND) algorithm), for showing what a
/// write would change in a file on disk.
public struct LineDiff: Sendable, Hashable {
  /// One line of the edit script.
  public enum Line: Sendable, Hashable {
    case same(String)
    case removed(String)
    case added(String)
  }

  /// Beyond this many differing lines the diff shows the changed middle as removed and added
  /// whole, keeping time and memory bounded for unexpected files.
  static let maximumEditDistance = 2000

  /// The full edit script from the old text to the new one.
  public let lines: [Line]

  public init(old: String, new: String) {
    let newLines = LineDiff.split(new)
    self.init(oldLines: old == new ? newLines : LineDiff.split(old), newLines: newLines)
  }

  public init(oldLines: [String], newLines: [String]) {
    var prefix = 0
    while prefix < oldLines.count && prefix < newLines.count && oldLines[prefix] == newLines[prefix]
    {
      prefix += 1
    }
    var suffix = 0
    while suffix < oldLines.count - prefix && suffix < newLines.count - prefix
      && oldLines[oldLines.count - 1 - suffix] == newLines[newLines.count - 1 - suffix]
    {
      suffix += 1
    }
    let a = Array(oldLines[prefix..<(oldLines.count - suffix)])
    let b = Array(newLines[prefix..<(newLines.count - suffix)])
    let middle =
      LineDiff.myers(a, b) ?? (a.map { Line.removed($0) } + b.map { Line.added($0) })
    lines =
      oldLines[..<prefix].map { .same($0) } + middle
      + oldLines[(oldLines.count - suffix)...].map { .same($0) }
  }

  /// True when the texts differ in at least one line.
  public var hasChanges: Bool {
    lines.contains { if case .same = $0 { false } else { true } }
  }

  /// Lines removed and added.
  public var counts: (removed: Int, added: Int) {
    lines.reduce(into: (0, 0)) { total, line in
      switch line {
      case .removed: total.0 += 1
      case .added: total.1 += 1
      case .same: break
      }
    }
  }

  /// Splits on newline bytes (a `\r` before one stays on its line); a final newline does not
  /// start another line. Works on bytes, as a membership file has a line per device.
  static func split(_ text: String) -> [String] {
    guard !text.isEmpty else { return [] }
    var parts = text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map {
      String(Substring($0))
    }
    if parts.last == "" { parts.removeLast() }
    return parts
  }

  /// The shortest edit script, or nil when it needs more than `maximumEditDistance` edits.
  static func myers(_ a: [String], _ b: [String]) -> [Line]? {
    let n = a.count
    let m = b.count
    let maxD = min(n + m, maximumEditDistance)
    let offset = maxD + 1
    var v = [Int](repeating: 0, count: 2 * maxD + 3)
    var trace: [[Int]] = []
    for d in 0...maxD {
      trace.append(Array(v[(offset - d)...(offset + d)]))
      for k in stride(from: -d, through: d, by: 2) {
        var x =
          (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]))
          ? v[offset + k + 1] : v[offset + k - 1] + 1
        var y = x - k
        while x < n && y < m && a[x] == b[y] {
          x += 1
          y += 1
        }
        v[offset + k] = x
        if x >= n && y >= m { return backtrack(a, b, trace: trace, finalD: d) }
      }
    }
    return nil
  }

  private static func backtrack(_ a: [String], _ b: [String], trace: [[Int]], finalD: Int) -> [Line]
  {
    var script: [Line] = []
    var x = a.count
    var y = b.count
    for d in stride(from: finalD, to: 0, by: -1) {
      let window = trace[d]
      let at = { (k: Int) in window[k + d] }
      let k = x - y
      let down = k == -d || (k != d && at(k - 1) < at(k + 1))
      let previousK = down ? k + 1 : k - 1
      let previousX = at(previousK)
      let snakeStart = down ? previousX : previousX + 1
      while x > snakeStart {
        script.append(.same(a[x - 1]))
        x -= 1
        y -= 1
      }
      if down {
        script.append(.added(b[y - 1]))
        y -= 1
      } else {
        script.append(.removed(a[x - 1]))
        x -= 1
      }
    }
    while x > 0 && y > 0 {
      script.append(.same(a[x - 1]))
      x -= 1
      y -= 1
    }
    return script.reversed()
  }
}
