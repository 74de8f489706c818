/// A dotted Apple release number such as `16.4.1`, compared numerically (`16.5` < `16.10`).
public struct OSVersionNumber: Sendable, Hashable, Comparable, CustomStringConvertible, Codable {
  /// The numeric parts as written (one to three: major, minor, patch).
  public let components: [Int]

  public init(_ major: Int, _ minor: Int = 0, _ patch: Int? = nil) {
    components = patch.map { [major, minor, $0] } ?? [major, minor]
  }

  /// Reads `16`, `16.4` or `16.4.1`; returns nil for anything else.
  public init?(_ text: some StringProtocol) {
    var numbers: [Int] = []
    numbers.reserveCapacity(3)
    var current = 0
    var digits = 0
    for byte in text.utf8 {
      if byte >= 0x30 && byte <= 0x39 {
        guard digits < 4 else { return nil }
        current = current * 10 + Int(byte - 0x30)
        digits += 1
      } else if byte == UInt8(ascii: ".") {
        guard digits > 0, numbers.count < 2 else { return nil }
        numbers.append(current)
        current = 0
        digits = 0
      } else {
        return nil
      }
    }
    guard digits > 0 else { return nil }
    numbers.append(current)
    components = numbers
  }

  public var major: Int { components[0] }
  public var minor: Int { components.count > 1 ? components[1] : 0 }
  public var patch: Int { components.count > 2 ? components[2] : 0 }

  /// The `major.minor` train this release belongs to.
  public var minorTrain: OSVersionNumber { OSVersionNumber(major, minor) }

  public var description: String { components.map(String.init).joined(separator: ".") }

  /// A fixed-width key that sorts like the version, for SQL `ORDER BY`.
  public var sortKey: String {
    [major, minor, patch].map { n in
      let s = String(n)
      return String(repeating: "0", count: max(0, 4 - s.count)) + s
    }.joined(separator: ".")
  }

  public static func == (lhs: OSVersionNumber, rhs: OSVersionNumber) -> Bool {
    (lhs.major, lhs.minor, lhs.patch) == (rhs.major, rhs.minor, rhs.patch)
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(major)
    hasher.combine(minor)
    hasher.combine(patch)
  }

  public static func < (lhs: OSVersionNumber, rhs: OSVersionNumber) -> Bool {
    (lhs.major, lhs.minor, lhs.patch) < (rhs.major, rhs.minor, rhs.patch)
  }
}

extension Character {
  var isASCIIDigit: Bool { isASCII && isNumber }
  /// One of a to z alone: a range of Characters compares graphemes, and `i̇` (i with a
  /// combining dot, what `İ` lowercases to) sorts between i and j.
  var isASCIILowercaseLetter: Bool { isASCII && ("a"..."z").contains(self) }
}
