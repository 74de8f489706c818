/// Set operations on ascending, duplicate-free arrays of positions in the text index: how a
/// filter of words joined by AND, OR and `-` is answered in memory.
enum OrdinalSets {
  static func intersection<T: Comparable>(_ a: [T], _ b: [T]) -> [T] {
    var out: [T] = []
    var i = 0
    var j = 0
    while i < a.count && j < b.count {
      if a[i] == b[j] {
        out.append(a[i])
        i += 1
        j += 1
      } else if a[i] < b[j] {
        i += 1
      } else {
        j += 1
      }
    }
    return out
  }

  static func union<T: Comparable>(_ a: [T], _ b: [T]) -> [T] {
    var out: [T] = []
    out.reserveCapacity(max(a.count, b.count))
    var i = 0
    var j = 0
    while i < a.count || j < b.count {
      if j == b.count || (i < a.count && a[i] < b[j]) {
        out.append(a[i])
        i += 1
      } else if i == a.count || b[j] < a[i] {
        out.append(b[j])
        j += 1
      } else {
        out.append(a[i])
        i += 1
        j += 1
      }
    }
    return out
  }

  /// Every position below `count` that `a` lacks.
  static func complement(_ a: [Int32], count: Int) -> [Int32] {
    var out: [Int32] = []
    out.reserveCapacity(max(0, count - a.count))
    var next = 0
    for position in a {
      while next < Int(position) {
        out.append(Int32(next))
        next += 1
      }
      next = Int(position) + 1
    }
    while next < count {
      out.append(Int32(next))
      next += 1
    }
    return out
  }
}
