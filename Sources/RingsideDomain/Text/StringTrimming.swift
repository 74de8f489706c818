extension StringProtocol {
  /// The text without leading and trailing whitespace or newlines.
  public var trimmed: String { String(Substring(self).trimmingSpaces) }
}

extension Substring {
  var trimmingSpaces: Substring {
    var s = self
    while let f = s.first, f.isWhitespace { s = s.dropFirst() }
    while let l = s.last, l.isWhitespace { s = s.dropLast() }
    return s
  }
}
