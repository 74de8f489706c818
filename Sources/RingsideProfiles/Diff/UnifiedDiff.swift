/// Groups a line diff into hunks with context and renders it in unified diff format, the way
/// `diff -u` and `git diff` show it.
extension LineDiff {
  /// A run of changes with the unchanged lines around it.
  public struct Hunk: Sendable, Hashable {
    /// 1-based first line in the old and new text (0 when that side is empty).
    public let oldStart: Int
    public let oldCount: Int
    public let newStart: Int
    public let newCount: Int
    public let lines: [Line]

    /// `@@ -1,3 +1,4 @@`
    public var header: String {
      "@@ -\(oldStart),\(oldCount) +\(newStart),\(newCount) @@"
    }
  }

  /// The changes with `context` unchanged lines on each side; nearby changes share a hunk.
  public func hunks(context: Int = 3) -> [Hunk] {
    let changed = lines.indices.filter { if case .same = lines[$0] { false } else { true } }
    guard let first = changed.first else { return [] }
    var ranges: [ClosedRange<Int>] = []
    var start = max(0, first - context)
    var end = min(lines.count - 1, first + context)
    for index in changed.dropFirst() {
      if index - context <= end + 1 {
        end = min(lines.count - 1, index + context)
      } else {
        ranges.append(start...end)
        start = max(0, index - context)
        end = min(lines.count - 1, index + context)
      }
    }
    ranges.append(start...end)

    var oldLine = 1
    var newLine = 1
    var position = 0
    var out: [Hunk] = []
    for range in ranges {
      while position < range.lowerBound {
        advance(lines[position], &oldLine, &newLine)
        position += 1
      }
      let slice = Array(lines[range])
      let oldCount = slice.filter { if case .added = $0 { false } else { true } }.count
      let newCount = slice.filter { if case .removed = $0 { false } else { true } }.count
      out.append(
        Hunk(
          oldStart: oldCount == 0 ? oldLine - 1 : oldLine, oldCount: oldCount,
          newStart: newCount == 0 ? newLine - 1 : newLine, newCount: newCount, lines: slice))
      while position <= range.upperBound {
        advance(lines[position], &oldLine, &newLine)
        position += 1
      }
    }
    return out
  }

  /// The unified diff text with `--- old` / `+++ new` headers; empty when nothing changed.
  public func unified(oldLabel: String, newLabel: String, context: Int = 3) -> String {
    let hunks = hunks(context: context)
    guard !hunks.isEmpty else { return "" }
    var out = "--- \(oldLabel)\n+++ \(newLabel)\n"
    for hunk in hunks {
      out += hunk.header + "\n"
      for line in hunk.lines {
        switch line {
        case .same(let text): out += " " + text + "\n"
        case .removed(let text): out += "-" + text + "\n"
        case .added(let text): out += "+" + text + "\n"
        }
      }
    }
    return out
  }

  private func advance(_ line: Line, _ oldLine: inout Int, _ newLine: inout Int) {
    switch line {
    case .same:
      oldLine += 1
      newLine += 1
    case .removed: oldLine += 1
    case .added: newLine += 1
    }
  }
}
